//! f16 and bf16 in software: the rounding and bit conversions the generated code calls.
//!
//! In registers an f16/bf16 value is an `f32` holding a number of the narrow type, so the
//! only operations needed are "round to the narrow type" (after each arithmetic op, from
//! `f32`, `f64` or an integer) and the conversions to and from the 2-byte memory form. They
//! are written here once, correctly rounded (to nearest, ties to even; overflow to
//! infinity; subnormals kept), rather than emitted as Cranelift IR, and called through
//! their addresses (see `symbols::Helper`). Rounding from `f64` and from 64-bit integers
//! is direct, never through `f32`, which would round twice.

/// A binary floating-point format narrower than `f64`.
#[derive(Clone, Copy)]
struct Format {
    /// Explicit mantissa bits.
    mantissa: i32,
    /// The exponent of the smallest normal number.
    min_exponent: i32,
    /// The exponent of the largest finite number.
    max_exponent: i32,
}

const F16: Format = Format { mantissa: 10, min_exponent: -14, max_exponent: 15 };
const BF16: Format = Format { mantissa: 7, min_exponent: -126, max_exponent: 127 };

/// `2^exponent` as an `f64` (exact for the exponents used here, all within the normal range).
fn power_of_two(exponent: i32) -> f64 {
    debug_assert!((-1022..=1023).contains(&exponent));
    f64::from_bits(((exponent + 1023) as u64) << 52)
}

/// `x` rounded to `format` (to nearest, ties to even), as an `f64`.
fn round(x: f64, format: Format) -> f64 {
    if x.is_nan() {
        // Any NaN stays a (quiet) NaN, with its sign.
        return f64::NAN.copysign(x);
    }
    if x.is_infinite() || x == 0.0 {
        return x;
    }
    // The exponent of `x` (below every normal number of the format for f64 subnormals, which
    // is all that matters: the quantum is then the format's subnormal one).
    let exponent = ((x.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let quantum = exponent.max(format.min_exponent) - format.mantissa;
    // Scaling by a power of two is exact, so this is one rounding, to an integer multiple of
    // the quantum.
    let rounded = (x / power_of_two(quantum)).round_ties_even() * power_of_two(quantum);
    let max_finite = (2.0 - power_of_two(-format.mantissa)) * power_of_two(format.max_exponent);
    if rounded.abs() > max_finite {
        f64::INFINITY.copysign(x)
    } else {
        rounded
    }
}

/// A 64-bit integer's magnitude rounded to `format`, with its sign.
fn round_integer(magnitude: u64, negative: bool, format: Format) -> f64 {
    let precision = format.mantissa as u32 + 1;
    let bits = 64 - magnitude.leading_zeros();
    let value = if bits <= precision {
        magnitude as f64
    } else {
        // Keep `precision` significant bits, rounding the rest to nearest, ties to even; the
        // result (at most 2^64) is exact in an f64.
        let shift = bits - precision;
        let mut kept = magnitude >> shift;
        let rest = magnitude & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rest > half || (rest == half && kept & 1 == 1) {
            kept += 1;
        }
        kept as f64 * power_of_two(shift as i32)
    };
    // Exact for representable values; overflow becomes infinity.
    let value = round(value, format);
    if negative {
        -value
    } else {
        value
    }
}

/// The binary16 bits of an f64 holding an f16 value (exact).
fn f16_bits_of(x: f64) -> u16 {
    let sign = if x.is_sign_negative() { 0x8000 } else { 0 };
    let magnitude = x.abs();
    if x.is_nan() {
        return sign | 0x7e00;
    }
    if magnitude.is_infinite() {
        return sign | 0x7c00;
    }
    if magnitude < power_of_two(F16.min_exponent) {
        // Subnormal (or zero): a multiple of 2^-24.
        return sign | (magnitude / power_of_two(-24)) as u16;
    }
    let bits = magnitude.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let mantissa = ((bits >> 42) & 0x3ff) as u16;
    sign | (((exponent + 15) as u16) << 10) | mantissa
}

/// The value of binary16 bits.
fn f16_from_bits_value(bits: u16) -> f32 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let mantissa = f64::from(bits & 0x3ff);
    let magnitude = match exponent {
        0 => mantissa * power_of_two(-24),
        0x1f if mantissa == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        _ => (1.0 + mantissa / 1024.0) * power_of_two(exponent - 15),
    };
    (sign * magnitude) as f32
}

// ---- the helpers the generated code calls (C ABI; f16/bf16 values are f32) ----

pub(crate) extern "C" fn round_f16(x: f32) -> f32 {
    round(f64::from(x), F16) as f32
}

pub(crate) extern "C" fn round_bf16(x: f32) -> f32 {
    round(f64::from(x), BF16) as f32
}

pub(crate) extern "C" fn f64_to_f16(x: f64) -> f32 {
    round(x, F16) as f32
}

pub(crate) extern "C" fn f64_to_bf16(x: f64) -> f32 {
    round(x, BF16) as f32
}

pub(crate) extern "C" fn i64_to_f16(x: i64) -> f32 {
    round_integer(x.unsigned_abs(), x < 0, F16) as f32
}

pub(crate) extern "C" fn u64_to_f16(x: u64) -> f32 {
    round_integer(x, false, F16) as f32
}

pub(crate) extern "C" fn i64_to_bf16(x: i64) -> f32 {
    round_integer(x.unsigned_abs(), x < 0, BF16) as f32
}

pub(crate) extern "C" fn u64_to_bf16(x: u64) -> f32 {
    round_integer(x, false, BF16) as f32
}

/// The binary16 bits (in the low 16 bits) of an f16 value held in an f32.
pub(crate) extern "C" fn f16_to_bits(x: f32) -> u32 {
    u32::from(f16_bits_of(round(f64::from(x), F16)))
}

/// The f16 value of binary16 bits (the low 16 bits).
pub(crate) extern "C" fn f16_from_bits(bits: u32) -> f32 {
    f16_from_bits_value(bits as u16)
}

/// The bfloat16 bits (in the low 16 bits) of a bf16 value held in an f32.
pub(crate) extern "C" fn bf16_to_bits(x: f32) -> u32 {
    let rounded = round(f64::from(x), BF16) as f32;
    if rounded.is_nan() {
        // A quiet NaN: truncating an arbitrary NaN's bits could leave an infinity.
        return ((rounded.to_bits() >> 16) & 0x8000) | 0x7fc0;
    }
    // Exact: a bf16 value is an f32 whose low 16 bits are zero.
    rounded.to_bits() >> 16
}

/// The bf16 value of bfloat16 bits (the low 16 bits).
pub(crate) extern "C" fn bf16_from_bits(bits: u32) -> f32 {
    f32::from_bits((bits & 0xffff) << 16)
}

/// An f16 or bf16 constant, rounded at compile time as the generated code would.
pub(crate) fn round_constant(x: f64, bfloat: bool) -> f32 {
    if bfloat {
        f64_to_bf16(x)
    } else {
        f64_to_f16(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f16_rounding() {
        assert_eq!(round_f16(1.0), 1.0);
        // 1 + 2^-11 is a tie between 1 and 1 + 2^-10: to even (1).
        assert_eq!(round_f16(1.0 + 2f32.powi(-11)), 1.0);
        // 1 + 3 * 2^-11 ties between 1 + 2^-10 and 1 + 2^-9: to even (1 + 2^-9).
        assert_eq!(round_f16(1.0 + 3.0 * 2f32.powi(-11)), 1.0 + 2f32.powi(-9));
        assert_eq!(round_f16(65504.0), 65504.0);
        assert_eq!(round_f16(65519.0), 65504.0);
        assert_eq!(round_f16(65520.0), f32::INFINITY);
        assert_eq!(round_f16(-1e9), f32::NEG_INFINITY);
        // The smallest subnormal, and half of it (a tie to 0).
        assert_eq!(round_f16(2f32.powi(-24)), 2f32.powi(-24));
        assert_eq!(round_f16(2f32.powi(-25)), 0.0);
        assert_eq!(round_f16(3.0 * 2f32.powi(-26)), 2f32.powi(-24));
        assert!(round_f16(f32::NAN).is_nan());
        assert!(round_f16(-0.0).is_sign_negative());
    }

    #[test]
    fn f16_bits_round_trip() {
        for bits in 0..=u16::MAX {
            let value = f16_from_bits(u32::from(bits));
            if value.is_nan() {
                assert!((bits & 0x7c00) == 0x7c00 && (bits & 0x3ff) != 0);
                continue;
            }
            assert_eq!(round_f16(value), value, "{bits:#x}");
            assert_eq!(f16_to_bits(value), u32::from(bits), "{bits:#x}");
        }
        assert_eq!(f16_to_bits(1.0), 0x3c00);
        assert_eq!(f16_to_bits(-2.0), 0xc000);
    }

    #[test]
    fn bf16_rounding_and_bits() {
        assert_eq!(bf16_to_bits(1.0), 0x3f80);
        assert_eq!(bf16_from_bits(0x3f80), 1.0);
        // 1 + 2^-8 ties between 1 and 1 + 2^-7: to even.
        assert_eq!(round_bf16(1.0 + 2f32.powi(-8)), 1.0);
        assert_eq!(round_bf16(1.0 + 3.0 * 2f32.powi(-8)), 1.0 + 2f32.powi(-6));
        assert_eq!(round_bf16(f32::MAX), f32::INFINITY);
        assert_eq!(bf16_to_bits(f32::NAN) & 0x7fc0, 0x7fc0);
    }

    #[test]
    fn integers_round_once() {
        // 2^63 + 2^55 + 1 rounds up in bf16 (through f64 it would tie and round down).
        let x = (1u64 << 63) + (1u64 << 55) + 1;
        assert_eq!(u64_to_bf16(x), (1u64 << 63) as f32 + (1u64 << 56) as f32);
        assert_eq!(i64_to_f16(65519), 65504.0);
        assert_eq!(i64_to_f16(65520), f32::INFINITY);
        assert_eq!(i64_to_f16(-2049), -2048.0);
        assert_eq!(i64_to_f16(2051), 2052.0);
        assert_eq!(i64_to_bf16(i64::MIN), -(2f32.powi(63)));
        assert_eq!(u64_to_f16(0), 0.0);
    }

    #[test]
    fn from_f64_rounds_once() {
        // Just above a tie in f16 but within f32's rounding: f64 -> f32 -> f16 would tie.
        let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
        assert_eq!(f64_to_f16(x), 1.0 + 2f32.powi(-10));
    }
}
