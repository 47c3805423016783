# Covers: every integer type (i8 i16 i32 i64 u8 u16 u32 u64): literals taking the annotated type, arithmetic within range, // and %, bit ops, ~ on unsigned types, >> of negative signed values, widening casts, u64 above the i64 range
# Exit: 0
# Python: no

fn main():
    let a: i8 = -128
    let b: i8 = 127
    print(a, b, a + b, b // 2, a // 3, a % 3)
    let c: i16 = -300
    let d: i16 = 7
    print(c * d, c // d, c % d, -c)
    let e: i32 = 2_000_000_000
    let f: i32 = 147_483_647
    print(e + f, e // -3, e % -3)
    let g: i64 = 9_000_000_000_000_000_000
    print(g, g + 223_372_036_854_775_807)
    let h: u8 = 200
    let i: u8 = 55
    print(h + i, h - i, h // 3, h % 7, ~h, h >> 3, i << 2)
    let j: u16 = 65_535
    let k: u16 = 1
    print(j - k, ~k, j & 0xff, j ^ 0xf0f0)
    let m: u32 = 4_000_000_000
    print(m, m // 7, ~m)
    let n: u64 = 18_446_744_073_709_551_615
    print(n, n // 2, n - 1, n >> 60, ~n)
    let neg: i32 = -20
    print(neg >> 2, neg >> 10, ~neg, neg & 0xff)
    print(i64(a) * 1000, i32(b) * 1000, u16(h) * 300, u64(m) * 4, i16(i) - 300)
