fn main():
    let small: i8 = 300
    print(small)
