# matmul_naive: the textbook triple loop C = A B for N x N f64 matrices (N from argv()[1],
# default 60), each element a dot product accumulated in k order.
# A(i, j) = (i - j)(i + j) / N^2 and B(i, j) = (i + 2j)(N - i) / N^2, both computed as
# tmp * (a) * (b) with tmp = 1 / N / N. Prints C(N/2, N/2) and the sum of all elements
# (row by row) with 9 decimals, like matmul_naive.c and matmul_naive.py.
#
# The matrices are flat List[f64] arrays in row-major order (element (i, k) at a[i * n + k]),
# as in the C program, rather than Tensor[f64] with a[i, k]: this measures the code
# generator on plain f64 loops over Lists.

fn filled(count: i64, value: f64) -> List[f64]:
    var xs = List[f64]()
    for _ in range(count):
        xs.append(value)
    return xs

fn main():
    let args = argv()
    var n = 60
    if len(args) > 1:
        n = i64(args[1])
    let tmp = 1.0 / f64(n) / f64(n)
    let a = filled(n * n, 0.0)
    let b = filled(n * n, 0.0)
    let c = filled(n * n, 0.0)
    for i in range(n):
        for j in range(n):
            a[i * n + j] = tmp * f64(i - j) * f64(i + j)
            b[i * n + j] = tmp * f64(i + 2 * j) * f64(n - i)
    for i in range(n):
        let row = i * n
        for j in range(n):
            var s = 0.0
            for k in range(n):
                s += a[row + k] * b[k * n + j]
            c[row + j] = s
    var total = 0.0
    for x in c:
        total += x
    let h = n // 2
    print(f"c[{h}, {h}] = {c[h * n + h]:.9f}")
    print(f"sum = {total:.9f}")
