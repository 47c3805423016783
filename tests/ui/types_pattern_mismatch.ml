fn main():
    let pair = (3, 4.5)
    let (a, b, c) = pair
    print(a, b, c)
