fn first[T: Ordered](xs: List[T]) -> T:
    return xs[0]

fn main():
    print(first([3, 1, 2]))
