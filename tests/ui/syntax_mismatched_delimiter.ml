fn main():
    let total = max(1, 2]
    print(total)
