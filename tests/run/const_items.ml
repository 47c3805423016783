# Covers: module-level const of int, float, str, bool, tuple, arithmetic and conditionals of constants, math.pi, casts in constants
# Exit: 0
import math

const N: i64 = 16
const HALF = N // 2
const SCALE: f64 = 1.5
const NAME: str = "mlc"
const DEBUG: bool = False
const ORIGIN = (0, 0)
const LIMIT: i64 = N * 4 if not DEBUG else 0
const TWO_PI: f64 = 2.0 * math.pi
const MASK: i64 = (1 << 8) - 1
const RATIO: f64 = f64(N) / 3.0

fn main():
    print(N, HALF, SCALE, NAME, DEBUG, ORIGIN)
    print(LIMIT, MASK, TWO_PI, RATIO)
    var total = 0
    for i in range(N):
        total += i
    print(total, f64(total) * SCALE)
