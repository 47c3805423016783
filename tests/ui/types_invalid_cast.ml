fn main():
    let xs = [1, 2, 3]
    print(i64(xs))
