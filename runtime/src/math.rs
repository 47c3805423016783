//! `math.erf`, the one `math` function without an LLVM intrinsic or a Rust method.
//!
//! The method and the coefficients are those of Sun's fdlibm `s_erf.c` (also FreeBSD's and
//! musl's), which C libraries' `erf` descend from: results match them to the last bit or
//! within one ulp. Its notice:
//!
//! > Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//! > Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use, copy,
//! > modify, and distribute this software is freely granted, provided that this notice is
//! > preserved.

use std::ffi::c_char;

use crate::abi::exports;

// The coefficients as bit patterns, as `s_erf.c` lists them.
const ERX: f64 = f64::from_bits(0x3feb0ac160000000);
const EFX8: f64 = f64::from_bits(0x3ff06eba8214db69);
// erf on [0, 0.84375]: x + x * P(x^2) / Q(x^2).
const PP: [f64; 5] = [
    f64::from_bits(0x3fc06eba8214db68),
    f64::from_bits(0xbfd4cd7d691cb913),
    f64::from_bits(0xbf9d2a51dbd7194f),
    f64::from_bits(0xbf77a291236668e4),
    f64::from_bits(0xbef8ead6120016ac),
];
const QQ: [f64; 5] = [
    f64::from_bits(0x3fd97779cddadc09),
    f64::from_bits(0x3fb0a54c5536ceba),
    f64::from_bits(0x3f74d022c4d36b0f),
    f64::from_bits(0x3f215dc9221c1a10),
    f64::from_bits(0xbed09c4342a26120),
];
// erf on [0.84375, 1.25]: erx + P(s) / Q(s), s = |x| - 1.
const PA: [f64; 7] = [
    f64::from_bits(0xbf6359b8bef77538),
    f64::from_bits(0x3fda8d00ad92b34d),
    f64::from_bits(0xbfd7d240fbb8c3f1),
    f64::from_bits(0x3fd45fca805120e4),
    f64::from_bits(0xbfbc63983d3e28ec),
    f64::from_bits(0x3fa22a36599795eb),
    f64::from_bits(0xbf61bf380a96073f),
];
const QA: [f64; 6] = [
    f64::from_bits(0x3fbb3e6618eee323),
    f64::from_bits(0x3fe14af092eb6f33),
    f64::from_bits(0x3fb2635cd99fe9a7),
    f64::from_bits(0x3fc02660e763351f),
    f64::from_bits(0x3f8bedc26b51dd1c),
    f64::from_bits(0x3f888b545735151d),
];
// erfc on [1.25, 1/0.35]: exp(-x*x - 0.5625 + R(z) / S(z)) / x, z = 1 / x^2.
const RA: [f64; 8] = [
    f64::from_bits(0xbf843412600d6435),
    f64::from_bits(0xbfe63416e4ba7360),
    f64::from_bits(0xc0251e0441b0e726),
    f64::from_bits(0xc04f300ae4cba38d),
    f64::from_bits(0xc0644cb184282266),
    f64::from_bits(0xc067135cebccabb2),
    f64::from_bits(0xc054526557e4d2f2),
    f64::from_bits(0xc023a0efc69ac25c),
];
const SA: [f64; 8] = [
    f64::from_bits(0x4033a6b9bd707687),
    f64::from_bits(0x4061350c526ae721),
    f64::from_bits(0x407b290dd58a1a71),
    f64::from_bits(0x40842b1921ec2868),
    f64::from_bits(0x407ad02157700314),
    f64::from_bits(0x405b28a3ee48ae2c),
    f64::from_bits(0x401a47ef8e484a93),
    f64::from_bits(0xbfaeeff2ee749a62),
];
// erfc on [1/0.35, 6].
const RB: [f64; 7] = [
    f64::from_bits(0xbf84341239e86f4a),
    f64::from_bits(0xbfe993ba70c285de),
    f64::from_bits(0xc031c209555f995a),
    f64::from_bits(0xc064145d43c5ed98),
    f64::from_bits(0xc083ec881375f228),
    f64::from_bits(0xc09004616a2e5992),
    f64::from_bits(0xc07e384e9bdc383f),
];
const SB: [f64; 7] = [
    f64::from_bits(0x403e568b261d5190),
    f64::from_bits(0x40745cae221b9f0a),
    f64::from_bits(0x409802eb189d5118),
    f64::from_bits(0x40a8ffb7688c246a),
    f64::from_bits(0x40a3f219cedf3be6),
    f64::from_bits(0x407da874e79fe763),
    f64::from_bits(0xc03670e242712d62),
];

/// `c[0] + z * (c[1] + z * (...))`.
fn horner(coefficients: &[f64], z: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, &c| acc * z + c)
}

/// `1 + z * (c[0] + z * (c[1] + ...))`.
fn horner_one(coefficients: &[f64], z: f64) -> f64 {
    1.0 + z * horner(coefficients, z)
}

/// The error function.
pub fn erf(x: f64) -> f64 {
    let high = (x.to_bits() >> 32) as u32;
    let negative = high >> 31 != 0;
    let magnitude = high & 0x7fff_ffff;
    if magnitude >= 0x7ff0_0000 {
        // erf(NaN) = NaN, erf(+-inf) = +-1.
        return if x.is_nan() {
            x
        } else if negative {
            -1.0
        } else {
            1.0
        };
    }
    if magnitude < 0x3feb_0000 {
        // |x| < 0.84375
        if magnitude < 0x3e30_0000 {
            // |x| < 2^-28: avoid underflow.
            return 0.125 * (8.0 * x + EFX8 * x);
        }
        let z = x * x;
        let y = horner(&PP, z) / horner_one(&QQ, z);
        return x + x * y;
    }
    let y = if magnitude < 0x4018_0000 {
        // 0.84375 <= |x| < 6
        1.0 - erfc_tail(magnitude, x.abs())
    } else {
        1.0 - f64::from_bits(0x0010_0000_0000_0000)
    };
    if negative {
        -y
    } else {
        y
    }
}

/// `erfc(ax)` for `0.84375 <= ax < 6`; `high` is the high word of `ax`.
fn erfc_tail(high: u32, ax: f64) -> f64 {
    if high < 0x3ff4_0000 {
        // |x| < 1.25
        let s = ax - 1.0;
        let p = horner(&PA, s);
        let q = horner_one(&QA, s);
        return 1.0 - ERX - p / q;
    }
    let s = 1.0 / (ax * ax);
    let (r, big_s) = if high < 0x4006_db6d {
        // |x| < 1/0.35
        (horner(&RA, s), horner_one(&SA, s))
    } else {
        (horner(&RB, s), horner_one(&SB, s))
    };
    // `z` is `ax` with the low word cleared, so that `z * z` is exact.
    let z = f64::from_bits(ax.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - ax) * (z + ax) + r / big_s).exp() / ax
}

exports! {
    /// `math.erf(x)` (`f32` arguments are widened by the caller).
    fn mlc_math_erf(x: f64, file: *const c_char, line: i32, col: i32) -> f64 {
        let _ = (file, line, col);
        erf(x)
    }
}

#[cfg(test)]
mod tests {
    use super::erf;

    fn ulps(a: f64, b: f64) -> u64 {
        (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
    }

    #[test]
    fn matches_the_c_library() {
        // math.erf(x).hex() from CPython 3.11 on glibc.
        let cases: &[(f64, &str)] = &[
            (0.0, "0x0.0p+0"),
            (1e-10, "0x1.f044332d68161p-34"),
            (0.1, "0x1.cca5ea24fb334p-4"),
            (0.2, "0x1.c8184b8b25f1cp-3"),
            (0.5, "0x1.0a7ef5c18edd2p-1"),
            (0.7, "0x1.5b08c21171646p-1"),
            (0.84375, "0x1.88d1cd474a2e0p-1"),
            (0.9, "0x1.98045a6c8a2e6p-1"),
            (1.0, "0x1.af767a741088bp-1"),
            (1.2, "0x1.d214ac7b2d067p-1"),
            (1.3, "0x1.de364a1372d3ap-1"),
            (2.0, "0x1.fd9ae142795e3p-1"),
            (2.5, "0x1.ffcaa8f4c9beap-1"),
            (2.8, "0x1.fff62af990752p-1"),
            (2.9, "0x1.fffa9cfbea4e3p-1"),
            (3.0, "0x1.fffd1ac4135f9p-1"),
            (4.5, "0x1.fffffffe4fa30p-1"),
            (5.5, "0x1.fffffffffffbep-1"),
            (5.9, "0x1.fffffffffffffp-1"),
            (7.0, "0x1.0000000000000p+0"),
            (-0.3, "-0x1.50838881dea0fp-2"),
            (-1.7, "-0x1.f7b3620b8747bp-1"),
        ];
        for &(x, expected) in cases {
            let expected = parse_hex(expected);
            assert!(ulps(erf(x), expected) <= 1, "erf({x}) = {:e}, expected {expected:e}", erf(x));
        }
        assert!(erf(f64::NAN).is_nan());
        assert_eq!(erf(f64::INFINITY), 1.0);
        assert_eq!(erf(f64::NEG_INFINITY), -1.0);
        assert_eq!(erf(-0.0).to_bits(), (-0.0f64).to_bits());
    }

    /// Parses Python's `float.hex()` form.
    fn parse_hex(text: &str) -> f64 {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let rest = rest.strip_prefix("0x").unwrap();
        let (mantissa, exponent) = rest.split_once('p').unwrap();
        let (whole, fraction) = mantissa.split_once('.').unwrap();
        let mut value = u64::from_str_radix(whole, 16).unwrap() as f64;
        let mut scale = 1.0 / 16.0;
        for digit in fraction.chars() {
            value += digit.to_digit(16).unwrap() as f64 * scale;
            scale /= 16.0;
        }
        let value = value * 2f64.powi(exponent.parse().unwrap());
        if negative {
            -value
        } else {
            value
        }
    }
}
