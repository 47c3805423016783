# Covers: math constants pi e tau inf nan, comparisons with inf and nan, arithmetic producing inf and nan
# Exit: 0
import math

fn main():
    print(math.pi, math.e, math.tau)
    print(math.inf, -math.inf, math.nan)
    print(math.tau == 2.0 * math.pi, math.inf > 1e308, -math.inf < -1e308)
    print(math.nan == math.nan, math.nan != math.nan, math.nan < 1.0, math.nan > 1.0)
    print(math.inf - math.inf, math.inf * 0.0, math.inf + 1.0, 1.0 / math.inf)
    print(1e308 * 10.0, -1e308 * 10.0)
    print(math.isnan(math.inf - math.inf), math.isinf(1e308 * 10.0))
    print(f"{math.pi:.4f} {math.e:.3e} {math.inf} {math.nan}")
    print(min(1.0, math.inf), max(-math.inf, -1.0))
