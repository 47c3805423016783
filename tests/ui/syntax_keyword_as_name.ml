fn main():
    let from = 0
    print(from)
