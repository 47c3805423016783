# Covers: a generic function with a Numeric bound, inferred and explicit type arguments, used with i64 and f64
# Exit: 0

fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x

fn main():
    print(clamp(15, 0, 10), clamp(-3, 0, 10), clamp(4, 0, 10))
    print(clamp(2.5, 0.0, 1.0), clamp(0.25, 0.0, 1.0))
    print(clamp[i64](7, 1, 5), clamp[f64](-1.0, -0.5, 0.5))
    let n = 42
    print(clamp(n, 0, 40))
    let values = [-5, 3, 12]
    for v in values:
        print(clamp(v, 0, 10), end=" ")
    print()
