# spectral_norm: the Benchmarks Game spectral-norm (10 power iterations of A^T A on the
# infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to N x N),
# printing the norm with 9 decimals. N from argv[1] (default 100). Sums are plain loops
# accumulating in the same order as spectral_norm.c and spectral_norm.ml (not sum(), which
# rounds differently since Python 3.12).
import sys
from math import sqrt


def times(n, u, out):
    """out = A u"""
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1) * u[j]
        out[i] = s


def times_transposed(n, u, out):
    """out = A^T u"""
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += 1.0 / ((j + i) * (j + i + 1) // 2 + j + 1) * u[j]
        out[i] = s


def times_ata(n, u, out, tmp):
    times(n, u, tmp)
    times_transposed(n, tmp, out)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        times_ata(n, u, v, tmp)
        times_ata(n, v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"{sqrt(vbv / vv):.9f}")


main()
