# matmul_numpy: the numpy float32 counterpart of matmul_f32.ml: c = a @ b for two N x N
# float32 matrices uniform in [0, 1) (N from argv[1], default 256; R repetitions from
# argv[2], default 2). Each repetition times the product alone (allocating c included)
# with time.perf_counter(); prints the best time and GFLOP/s (2 N^3 flops per product).
# numpy uses its BLAS with the BLAS's default thread count unless run.py's --blas-threads
# sets one. The lines other than `best_ms` and `gflops` must equal matmul_f32.ml's.
import sys
import time

try:
    import numpy as np
except ImportError:
    print("matmul_numpy.py: numpy is not installed for", sys.executable, file=sys.stderr)
    sys.exit(3)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    a = np.random.default_rng(1).random((n, n), dtype=np.float32)
    b = np.random.default_rng(2).random((n, n), dtype=np.float32)
    best = float("inf")
    c = a @ b
    for _ in range(reps):
        start = time.perf_counter()
        c = a @ b
        elapsed = time.perf_counter() - start
        if elapsed < best:
            best = elapsed
    assert c.dtype == np.float32, c.dtype
    ok = True
    for t in range(8):
        i = (t * 37 + 3) % n
        j = (t * 101 + 5) % n
        want = float(np.dot(a[i, :].astype(np.float64), b[:, j].astype(np.float64)))
        if abs(float(c[i, j]) - want) > 1e-3 * abs(want):
            ok = False
    print(f"matmul_f32 n={n}")
    print("check:", "ok" if ok else "FAILED")
    print(f"best_ms: {best * 1000.0:.3f}")
    print(f"gflops: {2.0 * n * n * n / best / 1e9:.1f}")


main()
