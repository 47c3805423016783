# Covers: f16 and bf16 values: exactly representable arithmetic, their precision limits (2048 + 1 in f16, 256 + 1 in bf16), rounding of 0.1, the f16 maximum, casts between float types, from and to integers
# Exit: 0
# Python: no

fn main():
    let h: f16 = 0.5
    let q: f16 = 0.25
    print(h + q, h * q, h - q, h / q)
    let h_big: f16 = 2048.0
    print(h_big + 1.0, h_big + 2.0)
    let h_max: f16 = 65504.0
    print(f64(h_max), h_max == 65504.0)
    let h_tenth: f16 = 0.1
    print(f64(h_tenth))
    let b: bf16 = 1.5
    let c: bf16 = 4.0
    print(b * c, c / b * b > 3.0, b + c)
    let b_big: bf16 = 256.0
    print(b_big + 1.0, b_big + 2.0)
    let b_tenth: bf16 = 0.1
    print(f64(b_tenth))
    print(f32(h) + f32(b), f64(bf16(3)) * 2.0, i64(f16(7.75)))
    let k: i32 = 12
    print(f16(k) * 0.5, f16(b) + 0.25, bf16(f32(0.75)), u8(f32(200.5)), i16(h_big))
