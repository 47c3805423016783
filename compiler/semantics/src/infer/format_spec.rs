//! Format specifications of f-string fields (`{x:.3f}`, `{name:>8}`), validated against the
//! field's type with Python's mini-language: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
//!
//! Integers take the integer and float presentation types; floats the float ones; `str` only
//! `s`, without sign, `=`, `#` or grouping. Other types (lists, structs, tensors...) take
//! only fill, alignment and width, applied to their printed form. PyObjects take any
//! well-formed spec (Python decides when the program runs). Nested fields (`{x:{w}}`) are
//! not supported.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};

use super::InferenceContext;
use crate::ty::{bounds_imply, Bound, Ty};

/// A parsed spec.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<u32>,
    pub grouping: Option<char>,
    pub precision: Option<u32>,
    pub kind: Option<char>,
}

/// Parses a spec, or says what is malformed.
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, String> {
    if spec.contains('{') || spec.contains('}') {
        return Err("nested replacement fields in a format spec are not supported".to_string());
    }
    let chars: Vec<char> = spec.chars().collect();
    let mut parsed = FormatSpec::default();
    let mut index = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        parsed.fill = Some(chars[0]);
        parsed.align = Some(chars[1]);
        index = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        parsed.align = Some(chars[0]);
        index = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(index) {
        parsed.sign = Some(c);
        index += 1;
    }
    if chars.get(index) == Some(&'z') {
        parsed.z = true;
        index += 1;
    }
    if chars.get(index) == Some(&'#') {
        parsed.alternate = true;
        index += 1;
    }
    if chars.get(index) == Some(&'0') {
        parsed.zero = true;
        index += 1;
    }
    let digits = |index: &mut usize| -> Option<u32> {
        let start = *index;
        while chars.get(*index).is_some_and(char::is_ascii_digit) {
            *index += 1;
        }
        (*index > start)
            .then(|| chars[start..*index].iter().collect::<String>().parse().unwrap_or(u32::MAX))
    };
    parsed.width = digits(&mut index);
    if let Some(&c @ (',' | '_')) = chars.get(index) {
        parsed.grouping = Some(c);
        index += 1;
    }
    if chars.get(index) == Some(&'.') {
        index += 1;
        parsed.precision = Some(digits(&mut index).ok_or("`.` must be followed by a precision")?);
    }
    if let Some(&c) = chars.get(index) {
        if !"bcdeEfFgGnosxX%".contains(c) {
            return Err(format!("unknown format type `{c}`"));
        }
        parsed.kind = Some(c);
        index += 1;
    }
    if index != chars.len() {
        return Err(format!(
            "unexpected `{}` in the format spec",
            chars[index..].iter().collect::<String>()
        ));
    }
    Ok(parsed)
}

/// What kind of value a spec is checked against.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Formatted {
    Int,
    Float,
    /// A generic numeric parameter: either.
    Number,
    Str,
    Python,
    Other,
}

fn check_against(spec: &FormatSpec, formatted: Formatted, type_name: &str) -> Result<(), String> {
    let numeric_only = |what: &str| Err(format!("{what} is not allowed for `{type_name}`"));
    match formatted {
        Formatted::Python => Ok(()),
        Formatted::Other => {
            if spec.sign.is_some()
                || spec.alternate
                || spec.zero
                || spec.grouping.is_some()
                || spec.z
            {
                return numeric_only("a sign, `#`, `0` or grouping");
            }
            if spec.precision.is_some() {
                return numeric_only("a precision");
            }
            if spec.kind.is_some() {
                return numeric_only("a format type");
            }
            if spec.align == Some('=') {
                return numeric_only("`=` alignment");
            }
            Ok(())
        }
        Formatted::Str => {
            if spec.sign.is_some()
                || spec.alternate
                || spec.grouping.is_some()
                || spec.z
                || spec.align == Some('=')
            {
                return numeric_only("a sign, `#`, grouping or `=` alignment");
            }
            match spec.kind {
                None | Some('s') => Ok(()),
                Some(kind) => Err(format!("the format type `{kind}` is not allowed for `str`")),
            }
        }
        Formatted::Int => match spec.kind {
            Some('s') => Err(format!("the format type `s` is not allowed for `{type_name}`")),
            None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') if spec.precision.is_some() => {
                Err(format!("a precision is not allowed with an integer format for `{type_name}`"))
            }
            _ => Ok(()),
        },
        Formatted::Float | Formatted::Number => match spec.kind {
            None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => Ok(()),
            Some(kind) => Err(format!("the format type `{kind}` is not allowed for `{type_name}`")),
        },
    }
}

/// A spec close to the invalid `spec` that is valid for the type (its format type replaced
/// by the type's usual one), or a plain example when that is not valid either.
fn valid_spec_hint(spec: &str, formatted: Formatted, type_name: &str) -> String {
    let (kind, example, rule) = match formatted {
        Formatted::Int => {
            ("d", ">8", "the integer format types are `d`, `x`, `o`, `b` and `n`".to_string())
        }
        Formatted::Float | Formatted::Number => {
            ("f", ".2f", "the float format types are `f`, `e`, `g` and `%`".to_string())
        }
        Formatted::Str => (
            "",
            ">10",
            "a `str` takes a fill, alignment and width, and the format type `s`".to_string(),
        ),
        Formatted::Python | Formatted::Other => {
            ("", ">10", format!("`{type_name}` takes only a fill, alignment and width"))
        }
    };
    let stem = spec.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    let candidate = format!("{stem}{kind}");
    let valid = |text: &str| {
        !text.is_empty()
            && parse_format_spec(text)
                .and_then(|parsed| check_against(&parsed, formatted, type_name))
                .is_ok()
    };
    let suggestion =
        if candidate != spec && valid(&candidate) { candidate } else { example.to_string() };
    format!("write e.g. `{suggestion}`; {rule}")
}

impl InferenceContext<'_> {
    pub fn check_format_spec(&mut self, spec: &str, ty: &Ty, span: Span) {
        if ty.is_unknown() {
            return;
        }
        let formatted = match ty {
            Ty::Int(_) | Ty::Bool => Formatted::Int,
            Ty::Float(_) => Formatted::Float,
            Ty::Str => Formatted::Str,
            Ty::PyObject => Formatted::Python,
            Ty::Param(param) if bounds_imply(self.param_bounds(param.index), Bound::Numeric) => {
                Formatted::Number
            }
            _ => Formatted::Other,
        };
        let type_name = ty.display(self.db).to_string();
        let problem = parse_format_spec(spec)
            .and_then(|parsed| check_against(&parsed, formatted, &type_name));
        if let Err(problem) = problem {
            let mut diagnostic = Diagnostic::error(
                codes::INVALID_FORMAT_SPEC,
                format!("invalid format spec `{spec}`: {problem}"),
                Label::new(span, "in this field"),
            );
            if formatted == Formatted::Int && spec.contains('.') {
                diagnostic =
                    diagnostic.with_hint("to show decimals, use a float format such as `.2f`");
            } else {
                diagnostic = diagnostic
                    .with_note("format specs are `[[fill]align][sign][width][,][.precision][type]`")
                    .with_hint(valid_spec_hint(spec, formatted, &type_name));
            }
            self.report(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_format_spec;

    #[test]
    fn parses_python_specs() {
        assert!(parse_format_spec(".3f").is_ok());
        assert!(parse_format_spec(">8").is_ok());
        assert!(parse_format_spec("*^+#010,.2e").is_ok());
        assert!(parse_format_spec("08.3f").is_ok());
        assert!(parse_format_spec(".f").is_err());
        assert!(parse_format_spec("q").is_err());
        assert!(parse_format_spec("{w}").is_err());
    }
}
