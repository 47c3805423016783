# Covers: float + - * / // % **, unary minus, comparisons, mixing with casts
# Exit: 0

fn main():
    let x = 2.5
    let y = 0.5
    print(x + y, x - y, x * y, x / y)
    print(x // y, x % y, x ** 2.0, y ** 0.5)
    print(-x, x > y, x == 2.5)
    let n = 3
    print(x * f64(n), f64(n) / 2.0)
    print(2.0 ** -1.0, 10.0 ** 3.0)
    print(1.5 + 2.25 - 0.125)
