fn main():
    let xs = [3, 1, 2]
    print(enumerate(xs))
