# Covers: integer + - * / // % ** and unary - +, precedence, parentheses
# Exit: 0

fn main():
    let a = 17
    let b = 5
    print(a + b, a - b, a * b)
    print(a / b, a // b, a % b)
    print(a ** 2, 2 ** 10, 3 ** 0)
    print(-a, +a, -(-a))
    print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2)
    print(2 ** 3 ** 2)
    print(10 - 4 - 3, 100 // 10 // 3, 2 ** 62)
    print(6 / 3, 1 / 4, 10 / 4)
    print(a * b - a // b + a % b)
