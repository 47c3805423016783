fn main():
    let name = "mlc"
    print(f"hello, {name")
