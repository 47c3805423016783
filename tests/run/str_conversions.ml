# Covers: str(x) of int, float, bool, tuple, List, struct, None; parsing casts i64("..."), f64("..."); str concatenation of converted values
# Exit: 0

struct Pair:
    a: i64
    b: f64

fn main():
    print(str(42) + str(-7), str(2.5) + "|" + str(1e-07) + "|" + str(1e+22))
    print(str(True), str(False), str((1, 2.0)), str([1, 2, 3]))
    print(str(Pair(1, 2.0)), len(str(123456)))
    let n = i64("1234") + 1
    let x = f64("2.5") * 2.0
    let y = f64("1e3")
    print(n, x, y, i64("-17"))
    var digits = ""
    for d in range(10):
        digits += str(d)
    print(digits, i64(digits) // 1000000, i64("0" + digits[9]))
