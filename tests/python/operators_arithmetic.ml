# Covers: arithmetic operators between Python objects and with native values on either side
# Exit: 0
from python import builtins

fn main():
    let a = builtins.int(7)
    let b = builtins.int(2)
    print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
    print(a + 1, 10 - a, a * 1.5, 1.0 / b)
    print(-a, +a, ~a)
    print(a & 3, a | 8, a ^ 1, a << 2, a >> 1)
    let s = builtins.str("ab")
    print(s + "cd", s * 3)
