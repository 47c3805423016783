//! Number helpers generated code calls: integer power, Python's float `//` and `%`, and the
//! conversions of `f16`/`bf16` (which never cross the ABI: they are widened to `f32`, and
//! stored as their 16 bits).

use std::ffi::c_char;

use crate::abi::exports;
use crate::panic::{panic_at, Loc};

/// `base ** exp` with wrapping multiplication; `None` for a negative exponent.
pub fn ipow(base: i64, exp: i64) -> Option<i64> {
    if exp < 0 {
        return None;
    }
    let (mut result, mut base, mut exp) = (1i64, base, exp as u64);
    while exp > 0 {
        if exp & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        exp >>= 1;
    }
    Some(result)
}

/// Python's `divmod` of floats: the floored quotient and the remainder with the sign of
/// the divisor (CPython's `float_divmod`). A zero divisor gives `a / b` and NaN (the
/// lowering checks scalar divisors first; tensors follow IEEE like numpy).
pub fn py_divmod(a: f64, b: f64) -> (f64, f64) {
    if b == 0.0 {
        return (a / b, f64::NAN);
    }
    let mut modulo = a % b;
    let mut div = (a - modulo) / b;
    if modulo != 0.0 {
        if (b < 0.0) != (modulo < 0.0) {
            modulo += b;
            div -= 1.0;
        }
    } else {
        modulo = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut floor = div.floor();
        if div - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, modulo)
}

/// The bits of the `f16` nearest to `x` (ties to even; overflow to infinity; NaN stays
/// NaN).
pub fn f32_to_f16_bits(x: f32) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exponent = ((bits >> 23) & 0xff) as i32;
    let mantissa = bits & 0x7f_ffff;
    if exponent == 0xff {
        return if mantissa == 0 { sign | 0x7c00 } else { sign | 0x7e00 | (mantissa >> 13) as u16 };
    }
    let biased = exponent - 127 + 15;
    if biased >= 0x1f {
        return sign | 0x7c00;
    }
    if biased <= 0 {
        // A subnormal f16 (or zero): units of 2^-24.
        let shift = (126 - exponent) as u32;
        if shift > 24 {
            return sign;
        }
        let full = mantissa | 0x80_0000;
        let mut result = full >> shift;
        let rest = full & ((1 << shift) - 1);
        let half = 1 << (shift - 1);
        if rest > half || (rest == half && result & 1 == 1) {
            result += 1;
        }
        return sign | result as u16;
    }
    let mut result = ((biased as u32) << 10) | (mantissa >> 13);
    let rest = mantissa & 0x1fff;
    if rest > 0x1000 || (rest == 0x1000 && result & 1 == 1) {
        // A carry into the exponent is right, up to infinity.
        result += 1;
    }
    sign | result as u16
}

/// The `f32` value of `f16` bits (exact).
pub fn f16_bits_to_f32(bits: u16) -> f32 {
    let sign = u32::from(bits & 0x8000) << 16;
    let exponent = u32::from((bits >> 10) & 0x1f);
    let mantissa = u32::from(bits & 0x3ff);
    if exponent == 0 {
        let magnitude = mantissa as f32 * f32::from_bits(0x3380_0000); // 2^-24
        return if sign != 0 { -magnitude } else { magnitude };
    }
    if exponent == 0x1f {
        return f32::from_bits(sign | 0x7f80_0000 | (mantissa << 13));
    }
    f32::from_bits(sign | ((exponent + 112) << 23) | (mantissa << 13))
}

/// The bits of the `bf16` nearest to `x` (ties to even; NaN stays a quiet NaN).
pub fn f32_to_bf16_bits(x: f32) -> u16 {
    let bits = x.to_bits();
    if x.is_nan() {
        return ((bits >> 16) | 0x40) as u16;
    }
    let rounding = 0x7fff + ((bits >> 16) & 1);
    (bits.wrapping_add(rounding) >> 16) as u16
}

/// The `f32` value of `bf16` bits (exact).
pub fn bf16_bits_to_f32(bits: u16) -> f32 {
    f32::from_bits(u32::from(bits) << 16)
}

exports! {
    /// `base ** exp` on `i64`, wrapping; a negative exponent panics.
    fn mlc_ipow_i64(base: i64, exp: i64, file: *const c_char, line: i32, col: i32) -> i64 {
        match ipow(base, exp) {
            Some(result) => result,
            None => panic_at(
                &format!("negative exponent {exp} in an integer power"),
                Loc::new(file, line, col),
            ),
        }
    }

    /// Python's `a // b` on floats.
    fn mlc_floordiv_f64(a: f64, b: f64) -> f64 {
        py_divmod(a, b).0
    }

    /// Python's `a % b` on floats (the sign of the divisor).
    fn mlc_floormod_f64(a: f64, b: f64) -> f64 {
        py_divmod(a, b).1
    }

    /// C's `fmod` (the sign of the dividend).
    fn mlc_fmod_f64(a: f64, b: f64) -> f64 {
        a % b
    }

    /// The bits (zero-extended) of the `f16` nearest to `x`.
    fn mlc_f16_from_f32(x: f32) -> i32 {
        i32::from(f32_to_f16_bits(x))
    }

    /// The value of `f16` bits (the low 16 bits of `bits`).
    fn mlc_f16_to_f32(bits: i32) -> f32 {
        f16_bits_to_f32(bits as u16)
    }

    /// The bits (zero-extended) of the `bf16` nearest to `x`.
    fn mlc_bf16_from_f32(x: f32) -> i32 {
        i32::from(f32_to_bf16_bits(x))
    }

    /// The value of `bf16` bits (the low 16 bits of `bits`).
    fn mlc_bf16_to_f32(bits: i32) -> f32 {
        bf16_bits_to_f32(bits as u16)
    }

    /// `x` rounded to the nearest `f16` (ties to even), as an `f32`.
    fn mlc_round_f16(x: f32) -> f32 {
        f16_bits_to_f32(f32_to_f16_bits(x))
    }

    /// `x` rounded to the nearest `bf16` (ties to even), as an `f32`.
    fn mlc_round_bf16(x: f32) -> f32 {
        bf16_bits_to_f32(f32_to_bf16_bits(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_power_wraps() {
        assert_eq!(ipow(2, 10), Some(1024));
        assert_eq!(ipow(-3, 3), Some(-27));
        assert_eq!(ipow(0, 0), Some(1));
        assert_eq!(ipow(2, 64), Some(0));
        assert_eq!(ipow(3, 41), Some(3i64.wrapping_pow(41)));
        assert_eq!(ipow(2, -1), None);
    }

    #[test]
    fn float_floor_division_matches_python() {
        // (a, b, a // b, a % b) from CPython.
        let cases = [
            (7.0, 2.0, 3.0, 1.0),
            (-7.0, 2.0, -4.0, 1.0),
            (7.0, -2.0, -4.0, -1.0),
            (-7.5, -2.0, 3.0, -1.5),
            (0.0, -3.0, -0.0, -0.0),
            (-0.0, 3.0, -0.0, 0.0),
            (1.0, 0.1, 9.0, 0.09999999999999995),
            (-1e-300, 1e300, -1.0, 1e300),
        ];
        for (a, b, quotient, remainder) in cases {
            let (q, r) = py_divmod(a, b);
            assert_eq!(q.to_bits(), f64::to_bits(quotient), "{a} // {b}");
            assert_eq!(r.to_bits(), f64::to_bits(remainder), "{a} % {b}");
        }
    }

    #[test]
    fn f16_round_trips_and_rounds_to_even() {
        for bits in 0..=u16::MAX {
            let value = f16_bits_to_f32(bits);
            if value.is_nan() {
                assert!(f16_bits_to_f32(f32_to_f16_bits(value)).is_nan());
            } else {
                assert_eq!(f32_to_f16_bits(value), bits, "{bits:#x}");
            }
        }
        // struct.pack('e', x) in Python.
        assert_eq!(f32_to_f16_bits(0.1), 0x2e66);
        assert_eq!(f64::from(f16_bits_to_f32(f32_to_f16_bits(0.1))), 0.0999755859375);
        assert_eq!(f32_to_f16_bits(65520.0), 0x7c00); // rounds to infinity
        assert_eq!(f32_to_f16_bits(65519.0), 0x7bff);
        assert_eq!(f32_to_f16_bits(2049.0), 0x6800); // 2048: ties to even
        assert_eq!(f32_to_f16_bits(2051.0), 0x6802); // 2052
        assert_eq!(f32_to_f16_bits(5.960_464_5e-8), 0x0001); // smallest subnormal
        assert_eq!(f32_to_f16_bits(2.980_232_2e-8), 0x0000); // half of it: ties to even
        assert_eq!(f32_to_f16_bits(-0.0), 0x8000);
    }

    #[test]
    fn bf16_rounds_to_even() {
        for bits in 0..=u16::MAX {
            let value = bf16_bits_to_f32(bits);
            if !value.is_nan() {
                assert_eq!(f32_to_bf16_bits(value), bits);
            }
        }
        assert_eq!(f64::from(bf16_bits_to_f32(f32_to_bf16_bits(0.1))), 0.10009765625);
        assert_eq!(bf16_bits_to_f32(f32_to_bf16_bits(257.0)), 256.0);
        assert_eq!(bf16_bits_to_f32(f32_to_bf16_bits(259.0)), 260.0);
        assert!(bf16_bits_to_f32(f32_to_bf16_bits(f32::NAN)).is_nan());
    }
}
