# Covers: import M, import M as N, from M import a, b as c, for the math and time standard library modules; None comparisons with is / is not
# Exit: 0
import math
import math as m
import time
from math import sqrt, pi as PI, floor as round_down

fn main():
    print(math.sqrt(9.0), m.sqrt(9.0), sqrt(9.0))
    print(PI == math.pi, m.e == math.e, round_down(2.5))
    let start = time.perf_counter()
    time.sleep(0.001)
    let elapsed = time.perf_counter() - start
    print(elapsed > 0.0, time.time() > 1000000000.0)
    print(None is None, None is not None)
