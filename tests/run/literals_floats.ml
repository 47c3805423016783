# Covers: float literals: decimal, exponent, trailing dot, underscores; mixed literal arithmetic
# Exit: 0
# Python: no

fn main():
    print(3.14, 0.5, 2.0)
    print(1e-9, 2.5e3, 1E3, 1.5e+2)
    print(1., 10.)
    print(1_000.5)
    print(1 + 2.5, 2 ** 0.5, 7 / 2)
    let xs = [1, 2.5, 3]
    print(xs)
    print(-0.0, 0.0 == -0.0)
