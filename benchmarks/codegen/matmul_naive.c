/* matmul_naive: the textbook triple loop C = A B for N x N f64 matrices (N from argv[1],
 * default 60), row-major in flat arrays, each element a dot product accumulated in k order.
 * A(i, j) = (i - j)(i + j) / N^2 and B(i, j) = (i + 2j)(N - i) / N^2, both computed as
 * tmp * (a) * (b) with tmp = 1 / N / N. Prints C(N/2, N/2) and the sum of all elements
 * (row by row) with 9 decimals, like matmul_naive.ml and matmul_naive.py. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? strtoll(argv[1], NULL, 10) : 60;
    double *a = malloc(sizeof(double) * n * n);
    double *b = malloc(sizeof(double) * n * n);
    double *c = malloc(sizeof(double) * n * n);
    if (a == NULL || b == NULL || c == NULL) {
        return 1;
    }
    double tmp = 1.0 / (double)n / (double)n;
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            a[i * n + j] = tmp * (double)(i - j) * (double)(i + j);
            b[i * n + j] = tmp * (double)(i + 2 * j) * (double)(n - i);
        }
    }
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            double s = 0.0;
            for (int64_t k = 0; k < n; k++) {
                s += a[i * n + k] * b[k * n + j];
            }
            c[i * n + j] = s;
        }
    }
    double total = 0.0;
    for (int64_t i = 0; i < n * n; i++) {
        total += c[i];
    }
    printf("c[%lld, %lld] = %.9f\n", (long long)(n / 2), (long long)(n / 2),
           c[(n / 2) * n + n / 2]);
    printf("sum = %.9f\n", total);
    free(a);
    free(b);
    free(c);
    return 0;
}
