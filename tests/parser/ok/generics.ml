fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:
    if x < lo:
        return lo
    return x

fn both[T: Numeric + Comparable, U](x: T, y: U) -> (T, U):
    return (x, y)

fn main():
    let a = clamp[i64](15, 0, 10)
    let b = clamp(1.5, 0.0, 1.0)
