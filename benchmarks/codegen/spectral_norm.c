/* spectral_norm: the Benchmarks Game spectral-norm (10 power iterations of A^T A on the
 * infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to N x N),
 * single-threaded and scalar, printing the norm with 9 decimals. N from argv[1] (default
 * 100). Sums are accumulated in the same order as spectral_norm.ml and spectral_norm.py. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_a(int64_t i, int64_t j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = A u */
static void times(int64_t n, const double *u, double *out) {
    for (int64_t i = 0; i < n; i++) {
        double s = 0.0;
        for (int64_t j = 0; j < n; j++) {
            s += eval_a(i, j) * u[j];
        }
        out[i] = s;
    }
}

/* out = A^T u */
static void times_transposed(int64_t n, const double *u, double *out) {
    for (int64_t i = 0; i < n; i++) {
        double s = 0.0;
        for (int64_t j = 0; j < n; j++) {
            s += eval_a(j, i) * u[j];
        }
        out[i] = s;
    }
}

/* out = A^T A u, with tmp as scratch */
static void times_ata(int64_t n, const double *u, double *out, double *tmp) {
    times(n, u, tmp);
    times_transposed(n, tmp, out);
}

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? strtoll(argv[1], NULL, 10) : 100;
    double *u = malloc(sizeof(double) * n);
    double *v = malloc(sizeof(double) * n);
    double *tmp = malloc(sizeof(double) * n);
    if (u == NULL || v == NULL || tmp == NULL) {
        return 1;
    }
    for (int64_t i = 0; i < n; i++) {
        u[i] = 1.0;
    }
    for (int k = 0; k < 10; k++) {
        times_ata(n, u, v, tmp);
        times_ata(n, v, u, tmp);
    }
    double vbv = 0.0, vv = 0.0;
    for (int64_t i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vbv / vv));
    free(u);
    free(v);
    free(tmp);
    return 0;
}
