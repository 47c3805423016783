# Covers: print of floats like Python's repr: shortest round-trip digits, exponent switch, inf, nan, -0.0
# Exit: 0
import math

fn main():
    print(0.1, 1.0, 1e-05, 1e+16, 1e16)
    print(0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0)
    print(0.0001, 0.00001, 123456789.0, 1234567890123456.0)
    print(1e15, 1e16, 1.5e16, 1e22, 1e100)
    print(5e-324, 1.7976931348623157e308)
    print(100.0, 1e2, 12.5, -3.75)
    print(math.inf, -math.inf, math.nan)
    print(-0.0, 0.0 * -1.0)
    print(str(0.1), str(1e-07), str(2.0))
    print(3.0 * 1.1, 1.1 * 1.1)
