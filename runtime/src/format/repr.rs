//! Python's text of floats and strings.
//!
//! Floats: CPython's `format_float_short` (Python/pystrtod.c) ported over digit strings
//! that Rust's formatter produces: `{:e}` gives the shortest digits that round-trip (what
//! `repr` uses) and `{:.N$e}` digits correctly rounded from the exact binary value, ties to
//! even (what `_Py_dg_dtoa` gives for fixed precision). The port then places the decimal
//! point, pads zeros and chooses the exponent form exactly as CPython does.
//!
//! Strings: `repr` with Python's choice of quotes and escapes.

use std::fmt::Write;

/// Which of CPython's float formats to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatFormat {
    /// `repr`: shortest round-trip digits, exponent below 1e-4 and from 1e16.
    Repr,
    /// `e` with `precision` digits after the point.
    Exponent,
    /// `f` with `precision` digits after the point.
    Fixed,
    /// `g` with `precision` significant digits.
    General,
}

/// Options of [`format_float`].
#[derive(Clone, Copy, Debug)]
pub struct FloatOptions {
    pub format: FloatFormat,
    pub precision: usize,
    /// Append `.0` to an integral result without exponent (`repr`, and a spec without a
    /// type but with a precision).
    pub add_dot_0: bool,
    /// `#`: keep the decimal point (and, for `g`, trailing zeros).
    pub alternate: bool,
    /// `z`: no sign on a result that rounds to zero.
    pub no_negative_zero: bool,
    /// `E F G`: upper case (`1E+16`, `INF`, `NAN`).
    pub upper: bool,
}

impl FloatOptions {
    pub fn repr() -> FloatOptions {
        FloatOptions {
            format: FloatFormat::Repr,
            precision: 0,
            add_dot_0: true,
            alternate: false,
            no_negative_zero: false,
            upper: false,
        }
    }
}

/// Splits Rust's `d.ddde±x` into the digits (trailing zeros removed, at least one digit)
/// and the position of the decimal point relative to them (`0.d1d2... * 10^decpt`).
fn split_exponent_form(text: &str) -> (String, i64) {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    if digits.bytes().all(|b| b == b'0') {
        // Zero: `_Py_dg_dtoa` gives "0" with the point after it.
        return ("0".to_string(), 1);
    }
    (digits, exponent + 1)
}

/// Shortest digits of `x` (finite, non-negative) that read back as `x`.
pub fn shortest_digits(x: f64) -> (String, i64) {
    split_exponent_form(&format!("{x:e}"))
}

/// `significant` digits of `x` (finite, non-negative), correctly rounded.
pub fn significant_digits(x: f64, significant: usize) -> (String, i64) {
    let significant = significant.max(1);
    split_exponent_form(&format!("{:.*e}", significant - 1, x))
}

/// Digits of `x` (finite, non-negative) rounded to `decimals` places after the point.
fn fixed_digits(x: f64, decimals: usize) -> (String, i64) {
    let text = format!("{x:.decimals$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let all: String = whole.chars().chain(fraction.chars()).collect();
    let leading = all.bytes().take_while(|&b| b == b'0').count();
    if leading == all.len() {
        return ("0".to_string(), 1);
    }
    let mut digits = all[leading..].to_string();
    while digits.ends_with('0') {
        digits.pop();
    }
    (digits, whole.len() as i64 - leading as i64)
}

fn zeros(out: &mut String, count: i64) {
    for _ in 0..count.max(0) {
        out.push('0');
    }
}

/// Python's text of a float for the given options (`PyOS_double_to_string`): `-` for
/// negative values (never for NaN), no `+` (the caller adds a requested sign).
pub fn format_float(x: f64, options: FloatOptions) -> String {
    let FloatOptions { format, add_dot_0, alternate, upper, .. } = options;
    let mut precision = options.precision as i64;
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    let mut out = String::new();
    if x.is_infinite() {
        if x < 0.0 {
            out.push('-');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let magnitude = x.abs();
    let (digits, mut decpt) = match format {
        FloatFormat::Repr => shortest_digits(magnitude),
        FloatFormat::Exponent => {
            // CPython asks for one more significant digit than the precision.
            precision += 1;
            significant_digits(magnitude, precision as usize)
        }
        FloatFormat::Fixed => fixed_digits(magnitude, precision as usize),
        FloatFormat::General => {
            if precision == 0 {
                precision = 1;
            }
            significant_digits(magnitude, precision as usize)
        }
    };
    let rounds_to_zero = digits == "0";
    if x.is_sign_negative() && !(options.no_negative_zero && rounds_to_zero) {
        out.push('-');
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match format {
        FloatFormat::Exponent => {
            use_exp = true;
            vdigits_end = precision;
        }
        FloatFormat::Fixed => vdigits_end = decpt + precision,
        FloatFormat::General => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            use_exp = decpt <= -4 || decpt > limit;
            if alternate {
                vdigits_end = precision;
            }
        }
        FloatFormat::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exponent = 0;
    if use_exp {
        exponent = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end =
        if !use_exp && add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alternate {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let _ = write!(out, "{exponent:+03}");
    }
    out
}

/// `repr(x)` of a float: `0.1`, `1.0`, `1e-05`, `1e+16`, `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    format_float(x, FloatOptions::repr())
}

/// Appends `repr(x)`.
pub fn write_float_repr(out: &mut String, x: f64) {
    out.push_str(&float_repr(x));
}

/// Whether Python's `str.isprintable` holds for `c` (what `repr` leaves unescaped).
/// Unicode categories need tables for an exact answer; this knows the control, format,
/// separator, surrogate and private-use ranges, which covers what programs meet.
fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    let code = c as u32;
    !(c.is_control()
        || matches!(
            code,
            0xa0 | 0xad
                | 0x600..=0x605
                | 0x61c
                | 0x6dd
                | 0x70f
                | 0x1680
                | 0x180e
                | 0x2000..=0x200f
                | 0x2028..=0x202f
                | 0x205f..=0x2064
                | 0x2066..=0x206f
                | 0x3000
                | 0xd800..=0xf8ff
                | 0xfeff
                | 0xfff9..=0xfffb
                | 0xfffe..=0xffff
                | 0xe0001
                | 0xe0020..=0xe007f
                | 0xf0000..
        ))
}

/// Appends Python's `repr` of a string: single quotes unless the text has a single quote
/// and no double quote; `\\`, the quote, `\n \r \t` and unprintable characters escaped.
pub fn write_str_repr(out: &mut String, text: &str) {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => {
                let code = c as u32;
                let _ = if code < 0x100 {
                    write!(out, "\\x{code:02x}")
                } else if code < 0x10000 {
                    write!(out, "\\u{code:04x}")
                } else {
                    write!(out, "\\U{code:08x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// `repr(s)` of a string.
pub fn str_repr(text: &str) -> String {
    let mut out = String::new();
    write_str_repr(&mut out, text);
    out
}
