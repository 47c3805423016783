fn main():
    let n = 12345
    print(n[0])
