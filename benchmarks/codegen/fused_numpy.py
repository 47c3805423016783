# fused_numpy: the numpy float32 counterpart of fused.ml: c = a * 2.0 + b over N elements
# (N from argv[1], default 1,000,000; R repetitions from argv[2], default 3), a and b
# uniform in [0, 1) from numpy's default generator with fixed seeds. Each repetition times
# the expression alone (its temporaries and c included) with time.perf_counter(); prints
# the best time. The lines other than `best_ms` must equal fused.ml's.
import sys
import time

try:
    import numpy as np
except ImportError:
    print("fused_numpy.py: numpy is not installed for", sys.executable, file=sys.stderr)
    sys.exit(3)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    a = np.random.default_rng(1).random(n, dtype=np.float32)
    b = np.random.default_rng(2).random(n, dtype=np.float32)
    two = np.float32(2.0)
    best = float("inf")
    c = a * two + b
    for _ in range(reps):
        start = time.perf_counter()
        c = a * two + b
        elapsed = time.perf_counter() - start
        if elapsed < best:
            best = elapsed
    assert c.dtype == np.float32, c.dtype
    checked = list(range(0, n, n // 7 + 1)) + [n - 1]
    ok = all(c[i] == a[i] * two + b[i] for i in checked)
    print(f"fused n={n}")
    print("check:", "ok" if ok else "FAILED")
    print(f"mean: {float(c.mean(dtype=np.float64)):.2f}")
    print(f"best_ms: {best * 1000.0:.3f}")


main()
