# spectral_norm: the Benchmarks Game spectral-norm (10 power iterations of A^T A on the
# infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to N x N),
# printing the norm with 9 decimals. N from argv()[1] (default 100). Sums are accumulated
# in the same order as spectral_norm.c and spectral_norm.py. Vectors are List[f64]
# allocated once.
import math

fn eval_a(i: i64, j: i64) -> f64:
    return 1.0 / f64((i + j) * (i + j + 1) // 2 + i + 1)

# out = A u
fn times(n: i64, u: List[f64], out: List[f64]):
    for i in range(n):
        var s = 0.0
        for j in range(n):
            s += eval_a(i, j) * u[j]
        out[i] = s

# out = A^T u
fn times_transposed(n: i64, u: List[f64], out: List[f64]):
    for i in range(n):
        var s = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        out[i] = s

# out = A^T A u, with tmp as scratch
fn times_ata(n: i64, u: List[f64], out: List[f64], tmp: List[f64]):
    times(n, u, tmp)
    times_transposed(n, tmp, out)

fn filled(n: i64, value: f64) -> List[f64]:
    var xs = List[f64]()
    for _ in range(n):
        xs.append(value)
    return xs

fn main():
    let args = argv()
    var n = 100
    if len(args) > 1:
        n = i64(args[1])
    let u = filled(n, 1.0)
    let v = filled(n, 0.0)
    let tmp = filled(n, 0.0)
    for _ in range(10):
        times_ata(n, u, v, tmp)
        times_ata(n, v, u, tmp)
    var vbv = 0.0
    var vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"{math.sqrt(vbv / vv):.9f}")
