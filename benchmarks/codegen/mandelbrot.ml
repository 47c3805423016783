# mandelbrot: the Benchmarks Game program (escape time, 50 iterations, limit 2.0, an N x N
# bitmap packed 8 points to a byte, rows padded to whole bytes). Instead of writing the
# binary PBM it prints a checksum of the bitmap bytes (mlc's print writes text), like
# mandelbrot.c and mandelbrot.py. N from argv()[1] (default 200).

const ITERATIONS: i64 = 50
const LIMIT: f64 = 2.0
const HASH_MODULUS: i64 = 1_000_000_007

fn main():
    let args = argv()
    var n = 200
    if len(args) > 1:
        n = i64(args[1])
    let limit2 = LIMIT * LIMIT
    var points_inside = 0
    var bytes = 0
    var hash = 0
    for y in range(n):
        let ci = 2.0 * f64(y) / f64(n) - 1.0
        var byte_acc = 0
        var bit_num = 0
        for x in range(n):
            let cr = 2.0 * f64(x) / f64(n) - 1.5
            var zr = 0.0
            var zi = 0.0
            var tr = 0.0
            var ti = 0.0
            var i = 0
            while i < ITERATIONS and tr + ti <= limit2:
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            byte_acc = byte_acc << 1
            if tr + ti <= limit2:
                byte_acc = byte_acc | 1
                points_inside += 1
            bit_num += 1
            if bit_num == 8 or x == n - 1:
                byte_acc = byte_acc << (8 - bit_num)   # the last byte of a row is padded
                hash = (hash * 31 + byte_acc) % HASH_MODULUS
                bytes += 1
                byte_acc = 0
                bit_num = 0
    print(f"P4 {n} {n}")
    print(f"points inside: {points_inside}")
    print(f"bitmap bytes: {bytes}")
    print(f"checksum: {hash}")
