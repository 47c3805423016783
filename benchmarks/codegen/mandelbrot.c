/* mandelbrot: the Benchmarks Game program (escape time, 50 iterations, limit 2.0, an N x N
 * bitmap packed 8 points to a byte, rows padded to whole bytes), single-threaded and scalar.
 * Instead of writing the binary PBM it prints a checksum of the bitmap bytes, so that the
 * output is text the three versions (mandelbrot.ml, mandelbrot.py) can share.
 * N from argv[1] (default 200). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define ITERATIONS 50
#define LIMIT 2.0
#define HASH_MODULUS 1000000007

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? strtoll(argv[1], NULL, 10) : 200;
    int64_t points_inside = 0, bytes = 0, hash = 0;
    for (int64_t y = 0; y < n; y++) {
        double ci = 2.0 * (double)y / (double)n - 1.0;
        int64_t byte_acc = 0, bit_num = 0;
        for (int64_t x = 0; x < n; x++) {
            double cr = 2.0 * (double)x / (double)n - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            for (int i = 0; i < ITERATIONS && tr + ti <= LIMIT * LIMIT; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            byte_acc <<= 1;
            if (tr + ti <= LIMIT * LIMIT) {
                byte_acc |= 1;
                points_inside++;
            }
            bit_num++;
            if (bit_num == 8 || x == n - 1) {
                byte_acc <<= 8 - bit_num; /* the last byte of a row is padded on the right */
                hash = (hash * 31 + byte_acc) % HASH_MODULUS;
                bytes++;
                byte_acc = 0;
                bit_num = 0;
            }
        }
    }
    printf("P4 %lld %lld\n", (long long)n, (long long)n);
    printf("points inside: %lld\n", (long long)points_inside);
    printf("bitmap bytes: %lld\n", (long long)bytes);
    printf("checksum: %lld\n", (long long)hash);
    return 0;
}
