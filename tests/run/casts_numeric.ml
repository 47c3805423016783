# Covers: casts between i64 and f64 (truncation toward zero), bool() of numbers and collections, i64(bool), casts through i32/u8/f32 with values that fit
# Exit: 0

fn main():
    print(i64(3.9), i64(-3.9), i64(0.5), i64(-0.5), i64(1e15))
    print(f64(7), f64(-2), f64(7) / f64(2), f64(2 ** 53))
    print(bool(0), bool(5), bool(-1), bool(0.0), bool(0.25))
    print(bool(List[i64]()), bool([0]), bool(Dict[str, i64]()), bool({"k": 0}))
    print(i64(True), i64(False), f64(True))
    let small = i32(1000)
    let byte = u8(200)
    let single = f32(0.5)
    print(i64(small) * 3, i64(byte) + 100, f64(single) * 4.0)
    let n = 17
    let ratio = f64(n) / 4.0
    print(ratio, i64(ratio), i64(ratio * 10.0))
    print(i64(f64(n) + 0.99), f64(i64(2.75)))
