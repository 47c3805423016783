# Covers: integer literals taking a float type from context (annotation, parameter, struct field, return type, list element type, other operand, explicit type argument), u8/i8 literals, -128 as one i8 literal
# Exit: 0
# Python: no

struct Point:
    x: f64
    y: f64

fn halve(x: f64) -> f64:
    return x / 2

fn one() -> f64:
    return 1

fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x

fn main():
    let a: f64 = 1
    let b: f32 = 3
    print(a, b, halve(5), one())
    print(Point(1, 2))
    let xs: List[f64] = [1, 2, 3]
    print(xs, sum(xs))
    let y = a * 2 + 1
    print(y, b * 2)
    print(clamp[f64](7, 0, 5), clamp(7, 0, 5), clamp[f32](-1, 0, 1))
    let small: i8 = -128
    let byte: u8 = 255
    print(small, byte, f64(small) / 2)
    let d: Dict[str, f64] = {"k": 4}
    print(d)
