//! Attributes: the compile-time constants attached to ops by name.
//!
//! Spellings: `3 : i64`, `1.5 : f64` (a non-finite float as its bit pattern, `0x7FF8000000000000 : f64`),
//! `true`, `"text"`, a bare type (`(i64) -> i64`), `@symbol` (quoted when the name has
//! characters other than `[A-Za-z0-9_.$]`: `@"clamp[i64]"`), `[a, b]`, `{key = value}`.

use std::collections::BTreeMap;
use std::fmt;

use crate::types::Type;

#[derive(Clone, Debug, PartialEq)]
pub enum Attribute {
    /// An integer of the given integer or `index` type (`i128` holds every `i64` and `u64`).
    Integer {
        value: i128,
        ty: Type,
    },
    /// A float of the given float type, held as the bits of an `f64` so the value is `Eq`-exact.
    Float {
        bits: u64,
        ty: Type,
    },
    Bool(bool),
    String(String),
    Type(Type),
    /// A reference to a symbol (a function) by name: `@main`.
    SymbolRef(String),
    Array(Vec<Attribute>),
    Dict(BTreeMap<String, Attribute>),
}

impl Attribute {
    pub fn integer(value: i128, ty: Type) -> Attribute {
        Attribute::Integer { value, ty }
    }

    pub fn float(value: f64, ty: Type) -> Attribute {
        Attribute::Float { bits: value.to_bits(), ty }
    }

    /// The type an integer or float attribute carries.
    pub fn value_type(&self) -> Option<&Type> {
        match self {
            Attribute::Integer { ty, .. } | Attribute::Float { ty, .. } => Some(ty),
            _ => None,
        }
    }
}

/// Writes `text` as a quoted string with `\"`, `\\`, `\n`, `\t` and `\u{..}` escapes.
pub(crate) fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

/// Whether `name` is spelled bare after `@` (or in `!struct<...>`): `[A-Za-z0-9_.$]+`, what
/// the parser reads as a word. Any other name (`clamp[i64]`) is written quoted.
pub fn is_bare_symbol_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '$')
}

/// Writes a symbol name bare when it can be, quoted otherwise.
pub(crate) fn write_symbol_name(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    if is_bare_symbol_name(name) {
        f.write_str(name)
    } else {
        write_quoted(f, name)
    }
}

impl fmt::Display for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Attribute::Integer { value, ty } => write!(f, "{value} : {ty}"),
            Attribute::Float { bits, ty } => {
                let value = f64::from_bits(*bits);
                if value.is_finite() {
                    write!(f, "{value:?} : {ty}")
                } else {
                    write!(f, "0x{bits:016X} : {ty}")
                }
            }
            Attribute::Bool(value) => write!(f, "{value}"),
            Attribute::String(text) => write_quoted(f, text),
            Attribute::Type(ty) => write!(f, "{ty}"),
            Attribute::SymbolRef(name) => {
                f.write_str("@")?;
                write_symbol_name(f, name)
            }
            Attribute::Array(elements) => {
                f.write_str("[")?;
                for (index, element) in elements.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{element}")?;
                }
                f.write_str("]")
            }
            Attribute::Dict(entries) => write_dict(f, entries),
        }
    }
}

/// Writes `{a = 1 : i64, b = true}` in key order (the map is sorted, so printing is stable).
pub(crate) fn write_dict(
    f: &mut fmt::Formatter<'_>,
    entries: &BTreeMap<String, Attribute>,
) -> fmt::Result {
    f.write_str("{")?;
    for (index, (key, value)) in entries.iter().enumerate() {
        if index > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{key} = {value}")?;
    }
    f.write_str("}")
}
