# Covers: f32 arithmetic with exactly representable values, literals taking the f32 type, f32 precision limit (2**24 + 1), f32 overflow to inf, widening an f32 to f64, f32 comparisons and casts
# Exit: 0
# Python: no

fn main():
    let a: f32 = 1.5
    let b: f32 = 2.25
    print(a + b, a * b, b - a, b / a, -a)
    print(a < b, a == 1.5, a * 2 == 3.0)
    let big: f32 = 16777216.0
    print(big + 1.0, big + 2.0)
    let huge: f32 = 3e38
    print(huge * 10.0, -huge * 10.0)
    let tenth: f32 = 0.1
    print(f64(tenth), f64(tenth) == 0.1, f64(f32(0.5)) == 0.5)
    print(i64(f32(2.75)), i64(f32(-2.75)), f32(3) / f32(4))
    var acc: f32 = 0.0
    for i in range(8):
        acc += 0.125
    print(acc)
    print(f"{tenth:.3f} {b:.2e} {a:>6}")
