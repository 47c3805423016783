fn main():
    let base = 3
    print(base + * 4)
