fn main():
    let pair = (3, 4.5)
    print(pair[2])
