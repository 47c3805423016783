# matmul_f32: the matrix product c = a @ b of two N x N f32 tensors from rand[f32] (N from
# argv()[1], default 256; R repetitions from argv()[2], default 2). Each repetition times
# the product alone (allocating c included) with time.perf_counter(); the program prints
# the best time and the rate in GFLOP/s (2 N^3 flops per product). matmul_numpy.py does
# the same with numpy float32.
#
# Output (run.py reads the `best_ms` line; the others must equal numpy's):
#   matmul_f32 n=N
#   check: ok          (a few elements within 1e-3, relative, of dot products done in f64)
#   best_ms: 12.345
#   gflops: 98.7
import time
from tensor import rand

# The dot product of row i of a and column j of b, accumulated in f64.
fn dot(a: Tensor[f32], b: Tensor[f32], i: i64, j: i64, n: i64) -> f64:
    var s = 0.0
    for k in range(n):
        s += f64(a[i, k]) * f64(b[k, j])
    return s

fn main():
    let args = argv()
    var n = 256
    var reps = 2
    if len(args) > 1:
        n = i64(args[1])
    if len(args) > 2:
        reps = i64(args[2])
    let a = rand[f32]([n, n], seed=1)
    let b = rand[f32]([n, n], seed=2)
    var best = 1e30
    var c = a @ b
    for _ in range(reps):
        let start = time.perf_counter()
        c = a @ b
        let elapsed = time.perf_counter() - start
        if elapsed < best:
            best = elapsed
    var ok = True
    for t in range(8):
        let i = (t * 37 + 3) % n
        let j = (t * 101 + 5) % n
        let want = dot(a, b, i, j, n)
        if abs(f64(c[i, j]) - want) > 1e-3 * abs(want):
            ok = False
    print(f"matmul_f32 n={n}")
    print("check:", "ok" if ok else "FAILED")
    print(f"best_ms: {best * 1000.0:.3f}")
    print(f"gflops: {2.0 * f64(n) * f64(n) * f64(n) / best / 1e9:.1f}")
