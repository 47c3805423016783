# matmul_naive: the textbook triple loop C = A B for N x N f64 matrices (N from argv[1],
# default 60), row-major in flat lists, each element a dot product accumulated in k order.
# A(i, j) = (i - j)(i + j) / N^2 and B(i, j) = (i + 2j)(N - i) / N^2, both computed as
# tmp * (a) * (b) with tmp = 1 / N / N. Prints C(N/2, N/2) and the sum of all elements
# (row by row) with 9 decimals, like matmul_naive.c and matmul_naive.ml.
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    tmp = 1.0 / n / n
    a = [0.0] * (n * n)
    b = [0.0] * (n * n)
    c = [0.0] * (n * n)
    for i in range(n):
        for j in range(n):
            a[i * n + j] = tmp * float(i - j) * float(i + j)
            b[i * n + j] = tmp * float(i + 2 * j) * float(n - i)
    for i in range(n):
        row = i * n
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += a[row + k] * b[k * n + j]
            c[row + j] = s
    total = 0.0
    for x in c:
        total += x
    h = n // 2
    print(f"c[{h}, {h}] = {c[h * n + h]:.9f}")
    print(f"sum = {total:.9f}")


main()
