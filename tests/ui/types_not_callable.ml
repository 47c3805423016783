fn main():
    let rate = 0.5
    print(rate(2))
