//! Python's format mini-language (`format(x, spec)`, f-string fields):
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//!
//! A port of CPython's `Python/formatter_unicode.c`: the spec parser, the layout of a
//! number (padding, sign, prefix, grouped digits with zero padding, decimal point,
//! remainder) and the rules for integers, floats and strings. Numbers are formatted with
//! the C locale (`n` groups nothing).

use super::repr::{format_float, FloatFormat, FloatOptions};

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`.
    pub align: char,
    /// `+`, `-` or ` `, if given.
    pub sign: Option<char>,
    pub no_negative_zero: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

impl Spec {
    /// Parses `text`; `default_align` is `>` for numbers and `<` for strings and other
    /// values (it decides what the `0` flag means, as in CPython).
    pub fn parse(text: &str, default_align: char) -> Result<Spec, String> {
        let chars: Vec<char> = text.chars().collect();
        let mut position = 0;
        let mut spec = Spec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_negative_zero: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            kind: None,
        };
        let mut fill_specified = false;
        let mut align_specified = false;
        if chars.len() >= 2 && is_align(chars[1]) {
            spec.fill = chars[0];
            spec.align = chars[1];
            fill_specified = true;
            align_specified = true;
            position = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            spec.align = chars[0];
            align_specified = true;
            position = 1;
        }
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(position) {
            spec.sign = Some(c);
            position += 1;
        }
        if chars.get(position) == Some(&'z') {
            spec.no_negative_zero = true;
            position += 1;
        }
        if chars.get(position) == Some(&'#') {
            spec.alternate = true;
            position += 1;
        }
        if chars.get(position) == Some(&'0') && !fill_specified {
            spec.fill = '0';
            if !align_specified && default_align == '>' {
                spec.align = '=';
            }
            position += 1;
        }
        let number = |position: &mut usize| -> Option<usize> {
            let start = *position;
            while chars.get(*position).is_some_and(char::is_ascii_digit) {
                *position += 1;
            }
            (start != *position)
                .then(|| chars[start..*position].iter().collect::<String>())
                .map(|digits| digits.parse().unwrap_or(usize::MAX))
        };
        spec.width = number(&mut position);
        if let Some(&c @ (',' | '_')) = chars.get(position) {
            spec.grouping = Some(c);
            position += 1;
            if let Some(&(',' | '_')) = chars.get(position) {
                return Err("Cannot specify both ',' and '_'.".to_string());
            }
        }
        if chars.get(position) == Some(&'.') {
            position += 1;
            spec.precision = number(&mut position);
            if spec.precision.is_none() {
                return Err("Format specifier missing precision".to_string());
            }
        }
        if position + 1 < chars.len() {
            return Err("Invalid format specifier".to_string());
        }
        spec.kind = chars.get(position).copied();
        if spec.width.is_some_and(|width| width > 1 << 30)
            || spec.precision.is_some_and(|precision| precision > 1 << 30)
        {
            return Err("Too many decimal digits in format string".to_string());
        }
        Ok(spec)
    }

    fn width(&self) -> i64 {
        self.width.map_or(-1, |width| width as i64)
    }

    fn push_fill(&self, out: &mut String, count: i64) {
        for _ in 0..count.max(0) {
            out.push(self.fill);
        }
    }
}

/// Digits grouped by `separator` every `group` digits from the right, padded on the left
/// with zeros to at least `min_width` characters (CPython's
/// `_PyUnicode_InsertThousandsGrouping`, whose zero padding takes part in the grouping:
/// `format(1234, '012,')` is `0,000,001,234`).
fn group_digits(digits: &str, separator: Option<char>, group: i64, mut min_width: i64) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut remaining = digits.len() as i64;
    // Pieces from the right: each is zeros, digits, then the separator to its right.
    let mut pieces: Vec<String> = Vec::new();
    let mut use_separator = false;
    let mut piece = |remaining: &mut i64, length: i64, use_separator: bool| {
        let zeros = (length - *remaining).max(0);
        let taken = (*remaining).min(length).max(0);
        let end = *remaining as usize;
        let start = end - taken as usize;
        let mut text: String = "0".repeat(zeros as usize);
        text.extend(&digits[start..end]);
        if use_separator {
            if let Some(separator) = separator {
                text.push(separator);
            }
        }
        pieces.push(text);
        *remaining -= taken;
    };
    let mut finished = false;
    if separator.is_some() {
        loop {
            let length = group.min(remaining.max(min_width).max(1));
            piece(&mut remaining, length, use_separator);
            use_separator = true;
            min_width -= length;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let length = remaining.max(min_width).max(1);
        piece(&mut remaining, length, use_separator);
    }
    pieces.reverse();
    pieces.concat()
}

/// The parts of a formatted number, CPython's `calc_number_widths` + `fill_number`:
/// `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>`.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
    separator: Option<char>,
    group: i64,
}

fn layout_number(spec: &Spec, parts: NumberParts<'_>) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => parts.negative.then_some('-'),
    };
    let n_sign = i64::from(sign.is_some());
    let n_prefix = parts.prefix.chars().count() as i64;
    let n_decimal = i64::from(parts.has_decimal);
    let n_remainder = parts.remainder.chars().count() as i64;
    let non_digits = n_sign + n_prefix + n_decimal + n_remainder;
    let min_width =
        if spec.fill == '0' && spec.align == '=' { spec.width() - non_digits } else { 0 };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, parts.separator, parts.group, min_width)
    };
    let padding = spec.width() - (non_digits + grouped.chars().count() as i64);
    let (mut left, mut middle, mut right) = (0, 0, 0);
    if padding > 0 {
        match spec.align {
            '<' => right = padding,
            '^' => {
                left = padding / 2;
                right = padding - left;
            }
            '=' => middle = padding,
            _ => left = padding,
        }
    }
    let mut out = String::new();
    spec.push_fill(&mut out, left);
    if let Some(sign) = sign {
        out.push(sign);
    }
    out.push_str(parts.prefix);
    spec.push_fill(&mut out, middle);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    spec.push_fill(&mut out, right);
    out
}

/// The separator and group size a spec asks for: `,` every 3 digits; `_` every 3 in
/// decimal, every 4 in `b o x X`.
fn grouping(spec: &Spec, kind: char) -> (Option<char>, i64) {
    match spec.grouping {
        Some('_') if matches!(kind, 'b' | 'o' | 'x' | 'X') => (Some('_'), 4),
        Some(separator) => (Some(separator), 3),
        None => (None, 3),
    }
}

/// Formats an integer (`i128` holds every integer type, `bool` as 0 or 1).
pub fn format_int(value: i128, spec: &Spec) -> String {
    let kind = spec.kind.unwrap_or('d');
    match kind {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_spec(value as f64, spec),
        _ => {}
    }
    if kind == 'c' {
        let c = u32::try_from(value).ok().and_then(char::from_u32).unwrap_or('\u{fffd}');
        let text = c.to_string();
        return layout_number(
            spec,
            NumberParts {
                negative: false,
                prefix: "",
                digits: "",
                has_decimal: false,
                remainder: &text,
                separator: None,
                group: 3,
            },
        );
    }
    let magnitude = value.unsigned_abs();
    let (digits, prefix) = match kind {
        'b' => (format!("{magnitude:b}"), "0b"),
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' => (format!("{magnitude:x}"), "0x"),
        'X' => (format!("{magnitude:X}"), "0X"),
        _ => (magnitude.to_string(), ""),
    };
    let (separator, group) = if kind == 'n' { (None, 3) } else { grouping(spec, kind) };
    layout_number(
        spec,
        NumberParts {
            negative: value < 0,
            prefix: if spec.alternate { prefix } else { "" },
            digits: &digits,
            has_decimal: false,
            remainder: "",
            separator,
            group,
        },
    )
}

/// Formats a float (`f16`, `bf16`, `f32` widened to `f64` first).
pub fn format_float_spec(value: f64, spec: &Spec) -> String {
    let mut kind = spec.kind;
    let mut add_dot_0 = false;
    let mut format = match kind {
        None => {
            add_dot_0 = true;
            FloatFormat::Repr
        }
        Some('e' | 'E') => FloatFormat::Exponent,
        Some('f' | 'F' | '%') => FloatFormat::Fixed,
        _ => FloatFormat::General,
    };
    if kind == Some('n') {
        kind = Some('g');
    }
    let precision = match spec.precision {
        Some(precision) => {
            if format == FloatFormat::Repr {
                format = FloatFormat::General;
            }
            precision
        }
        None if format == FloatFormat::Repr => 0,
        None => 6,
    };
    let percent = kind == Some('%');
    let value = if percent { value * 100.0 } else { value };
    let mut text = format_float(
        value,
        FloatOptions {
            format,
            precision,
            add_dot_0,
            alternate: spec.alternate,
            no_negative_zero: spec.no_negative_zero,
            upper: matches!(kind, Some('E' | 'F' | 'G')),
        },
    );
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text.as_str()),
    };
    let digit_end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let has_decimal = body[digit_end..].starts_with('.');
    let remainder = &body[digit_end + usize::from(has_decimal)..];
    let (separator, group) =
        if spec.kind == Some('n') { (None, 3) } else { grouping(spec, kind.unwrap_or('g')) };
    layout_number(
        spec,
        NumberParts {
            negative,
            prefix: "",
            digits: &body[..digit_end],
            has_decimal,
            remainder,
            separator,
            group,
        },
    )
}

/// Formats text: truncated to the precision (in code points), then padded.
pub fn format_text(text: &str, spec: &Spec) -> String {
    let truncated: &str = match spec.precision {
        Some(precision) => match text.char_indices().nth(precision) {
            Some((end, _)) => &text[..end],
            None => text,
        },
        None => text,
    };
    let length = truncated.chars().count() as i64;
    let total = spec.width().max(length);
    let left = match spec.align {
        '>' => total - length,
        '^' => (total - length) / 2,
        _ => 0,
    };
    let right = total - length - left;
    let mut out = String::with_capacity(truncated.len() + (total - length) as usize);
    spec.push_fill(&mut out, left);
    out.push_str(truncated);
    spec.push_fill(&mut out, right);
    out
}
