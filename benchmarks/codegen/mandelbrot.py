# mandelbrot: the Benchmarks Game program (escape time, 50 iterations, limit 2.0, an N x N
# bitmap packed 8 points to a byte, rows padded to whole bytes). Instead of writing the
# binary PBM it prints a checksum of the bitmap bytes, like mandelbrot.c and mandelbrot.ml.
# N from argv[1] (default 200).
import sys

ITERATIONS = 50
LIMIT = 2.0
HASH_MODULUS = 1_000_000_007


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    limit2 = LIMIT * LIMIT
    points_inside = 0
    nbytes = 0
    h = 0
    for y in range(n):
        ci = 2.0 * y / n - 1.0
        byte_acc = 0
        bit_num = 0
        for x in range(n):
            cr = 2.0 * x / n - 1.5
            zr = zi = tr = ti = 0.0
            i = 0
            while i < ITERATIONS and tr + ti <= limit2:
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            byte_acc <<= 1
            if tr + ti <= limit2:
                byte_acc |= 1
                points_inside += 1
            bit_num += 1
            if bit_num == 8 or x == n - 1:
                byte_acc <<= 8 - bit_num  # the last byte of a row is padded on the right
                h = (h * 31 + byte_acc) % HASH_MODULUS
                nbytes += 1
                byte_acc = 0
                bit_num = 0
    print(f"P4 {n} {n}")
    print(f"points inside: {points_inside}")
    print(f"bitmap bytes: {nbytes}")
    print(f"checksum: {h}")


main()
