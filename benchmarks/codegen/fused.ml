# fused: the elementwise expression c = a * 2.0 + b over N f32 elements (N from argv()[1],
# default 1,000,000; R repetitions from argv()[2], default 3), a and b from rand[f32] with
# fixed seeds. Each repetition times the expression alone (allocating c included) with
# time.perf_counter(); the program prints the best time. mlc fuses the expression into one
# loop; fused_numpy.py runs the same expression with numpy float32, which makes a temporary
# for a * 2.0 and a second pass for + b.
#
# Output (run.py reads the `best_ms` line; the others must equal numpy's):
#   fused n=N
#   check: ok          (a few elements equal a[i] * 2.0 + b[i] computed one by one)
#   mean: 1.50         (the mean of c, added up in f64: 2 E[a] + E[b] = 1.5)
#   best_ms: 12.345
import time
from tensor import rand

fn main():
    let args = argv()
    var n = 1_000_000
    var reps = 3
    if len(args) > 1:
        n = i64(args[1])
    if len(args) > 2:
        reps = i64(args[2])
    let a = rand[f32]([n], seed=1)
    let b = rand[f32]([n], seed=2)
    var best = 1e30
    var c = a * 2.0 + b
    for _ in range(reps):
        let start = time.perf_counter()
        c = a * 2.0 + b
        let elapsed = time.perf_counter() - start
        if elapsed < best:
            best = elapsed
    var ok = True
    var i = 0
    while i < n:
        if c[i] != a[i] * 2.0 + b[i]:
            ok = False
        i += n // 7 + 1
    if c[n - 1] != a[n - 1] * 2.0 + b[n - 1]:
        ok = False
    print(f"fused n={n}")
    print("check:", "ok" if ok else "FAILED")
    var total = 0.0                    # in f64: c.mean() adds in f32, which drifts
    for x in c:
        total += f64(x)
    print(f"mean: {total / f64(n):.2f}")
    print(f"best_ms: {best * 1000.0:.3f}")
