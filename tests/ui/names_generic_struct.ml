struct Pair[T]:
    first: T
    second: T

fn main():
    let p = Pair(1, 2)
    print(p.first, p)
