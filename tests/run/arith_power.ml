# Covers: ** on integers and floats, right associativity, unary minus binding, **=
# Exit: 0

fn power_loop(base: i64, exponent: i64) -> i64:
    var result = 1
    for i in range(exponent):
        result *= base
    return result

fn main():
    print(2 ** 0, 2 ** 1, 2 ** 16, (-3) ** 3, (-2) ** 4)
    print(2 ** 3 ** 2, (2 ** 3) ** 2)
    print(-2 ** 2, (-2) ** 2)
    print(4.0 ** 0.5, 2.0 ** 10.0, 0.5 ** 2.0)
    print(power_loop(7, 5) == 7 ** 5, 7 ** 5)
    var p = 3
    p **= 4
    print(p)
    var q = 9.0
    q **= 0.5
    print(q)
