# Covers: the @inline decorator on functions (a code generation hint that does not change results)
# Exit: 0

@inline
fn square(x: i64) -> i64:
    return x * x

@inline
fn lerp(a: f64, b: f64, t: f64) -> f64:
    return a + (b - a) * t

fn main():
    var total = 0
    for i in range(5):
        total += square(i)
    print(total, lerp(0.0, 10.0, 0.25), lerp(-1.0, 1.0, 0.5))
