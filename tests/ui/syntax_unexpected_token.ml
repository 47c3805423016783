fn main():
    let total = 3 + * 4
    print(total)
