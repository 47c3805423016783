fn main():
    let pi = 3.14159
    print(f"pi = {pi:.3q}")
