# The Benchmarks Game mandelbrot: an N x N bitmap of the Mandelbrot set, one bit per point,
# packed 8 points to a byte (rows padded to a whole byte), with the escape-time test
# (50 iterations, |z| limit 2.0). Instead of writing a binary PBM it prints a checksum of
# the bitmap and, for N <= 64, an ASCII picture.
#
# Shows: argv() with a default, i64(str) parsing, a hot loop of plain f64 arithmetic,
# integer bit packing with << and |, a modular hash kept inside i64, str building.
#
#   mlc run examples/mandelbrot.ml          # N = 200 (expected output: mandelbrot.out)
#   mlc run examples/mandelbrot.ml 32       # also draws the picture
#   mlc build examples/mandelbrot.ml -o mandelbrot && ./mandelbrot 4000

const ITERATIONS: i64 = 50
const LIMIT: f64 = 2.0
const HASH_MODULUS: i64 = 1_000_000_007

# True when the point c = cr + ci*i stays bounded for ITERATIONS steps of z = z*z + c.
fn inside(cr: f64, ci: f64) -> bool:
    var zr = 0.0
    var zi = 0.0
    var tr = 0.0
    var ti = 0.0
    var i = 0
    while i < ITERATIONS and tr + ti <= LIMIT * LIMIT:
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i += 1
    return tr + ti <= LIMIT * LIMIT

fn main():
    let args = argv()                  # args[0] is the program itself
    var n = 200
    if len(args) > 1:
        n = i64(args[1])
    let draw = n <= 64

    var points_inside = 0
    var bytes = 0
    var hash = 0
    var picture = List[str]()
    for y in range(n):
        let ci = 2.0 * f64(y) / f64(n) - 1.0
        var row = ""
        var byte_acc = 0
        var bit_num = 0
        for x in range(n):
            let cr = 2.0 * f64(x) / f64(n) - 1.5
            byte_acc = byte_acc << 1
            if inside(cr, ci):
                byte_acc = byte_acc | 1
                points_inside += 1
                if draw:
                    row += "#"
            elif draw:
                row += "."
            bit_num += 1
            if bit_num == 8 or x == n - 1:
                # The last byte of a row is padded with zero bits on the right.
                byte_acc = byte_acc << (8 - bit_num)
                hash = (hash * 31 + byte_acc) % HASH_MODULUS
                bytes += 1
                byte_acc = 0
                bit_num = 0
        if draw:
            picture.append(row)

    print(f"mandelbrot {n}x{n}, {ITERATIONS} iterations")
    print("points inside:", points_inside, "of", n * n)
    print("bitmap bytes:", bytes)
    print("checksum:", hash)
    for line in picture:
        print(line)
