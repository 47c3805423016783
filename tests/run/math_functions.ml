# Covers: math module on f64: sqrt exp log log2 log10 sin cos tan asin acos atan atan2 sinh cosh tanh pow floor ceil fabs fmod erf isnan isinf, through import math and from math import
# Exit: 0
import math
from math import sqrt, pi, floor, ceil

fn main():
    print(sqrt(16.0), sqrt(2.0), math.sqrt(0.25), sqrt(2))
    print(math.exp(0.0), math.log(1.0), math.log2(1024.0), math.log10(1000.0))
    print(f"{math.exp(1.0):.6f} {math.log(10.0):.6f}")
    print(math.sin(0.0), math.cos(0.0), f"{math.sin(pi / 6.0):.6f} {math.cos(pi / 3.0):.6f} {math.tan(pi / 4.0):.6f}")
    print(f"{math.asin(1.0):.6f} {math.acos(0.0):.6f} {math.atan(1.0):.6f} {math.atan2(1.0, -1.0):.6f}")
    print(math.sinh(0.0), math.cosh(0.0), math.tanh(0.0), f"{math.tanh(1.0):.6f}")
    print(math.pow(2.0, 10.0), math.pow(9.0, 0.5), math.pow(2.0, -2.0))
    print(floor(2.7), floor(-2.7), ceil(2.1), ceil(-2.1), floor(3.0))
    print(math.fabs(-3.5), math.fabs(2.0), math.fmod(7.5, 2.0), math.fmod(-7.5, 2.0))
    print(math.erf(0.0), f"{math.erf(1.0):.6f}")
    print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
