fn main():
    let width = 3
    let area = width * * 2
    print(area)
    print(area + 1)
