fn total[T:](a: T, b: T) -> T:
    return a + b

fn main():
    print(total(1, 2))
    print(total(1.5, 2.5))
