fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x

fn main():
    print(clamp("b", "a", "c"))
