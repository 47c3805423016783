//! Types as the checker sees them, and the bounds of generic parameters.
//!
//! [`Ty::Error`] stands for "already reported": it is compatible with every type, so one
//! mistake produces one diagnostic. [`Ty::Never`] is the type of paths that do not produce a
//! value (`raise`, `return`). Types are plain values without spans, so results that hold
//! them compare equal across edits that only move code.

use std::fmt;

use crate::db::Db;
use crate::item_tree::StructId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
}

impl IntTy {
    pub const ALL: [IntTy; 8] = [
        IntTy::I8,
        IntTy::I16,
        IntTy::I32,
        IntTy::I64,
        IntTy::U8,
        IntTy::U16,
        IntTy::U32,
        IntTy::U64,
    ];

    pub fn name(self) -> &'static str {
        match self {
            IntTy::I8 => "i8",
            IntTy::I16 => "i16",
            IntTy::I32 => "i32",
            IntTy::I64 => "i64",
            IntTy::U8 => "u8",
            IntTy::U16 => "u16",
            IntTy::U32 => "u32",
            IntTy::U64 => "u64",
        }
    }

    pub fn bits(self) -> u32 {
        match self {
            IntTy::I8 | IntTy::U8 => 8,
            IntTy::I16 | IntTy::U16 => 16,
            IntTy::I32 | IntTy::U32 => 32,
            IntTy::I64 | IntTy::U64 => 64,
        }
    }

    pub fn is_signed(self) -> bool {
        matches!(self, IntTy::I8 | IntTy::I16 | IntTy::I32 | IntTy::I64)
    }

    /// Whether a literal `value` (negated when `negative`) fits in this type.
    pub fn fits(self, value: u64, negative: bool) -> bool {
        let bits = self.bits();
        if self.is_signed() {
            let max_positive = (1u128 << (bits - 1)) - 1;
            let max_negative = 1u128 << (bits - 1);
            if negative {
                u128::from(value) <= max_negative
            } else {
                u128::from(value) <= max_positive
            }
        } else if negative {
            value == 0
        } else {
            bits == 64 || value < (1u64 << bits)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FloatTy {
    F16,
    BF16,
    F32,
    F64,
}

impl FloatTy {
    pub const ALL: [FloatTy; 4] = [FloatTy::F16, FloatTy::BF16, FloatTy::F32, FloatTy::F64];

    pub fn name(self) -> &'static str {
        match self {
            FloatTy::F16 => "f16",
            FloatTy::BF16 => "bf16",
            FloatTy::F32 => "f32",
            FloatTy::F64 => "f64",
        }
    }

    pub fn bits(self) -> u32 {
        match self {
            FloatTy::F16 | FloatTy::BF16 => 16,
            FloatTy::F32 => 32,
            FloatTy::F64 => 64,
        }
    }
}

/// A generic parameter of the function being checked (`T` in `fn clamp[T: Numeric]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParamTy {
    /// Position in the function's generic parameter list.
    pub index: u32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    Int(IntTy),
    Float(FloatTy),
    Bool,
    Str,
    /// The type of `None` and of calls to functions without a return type.
    None,
    Tuple(Vec<Ty>),
    List(Box<Ty>),
    Dict(Box<Ty>, Box<Ty>),
    Tensor(Box<Ty>),
    PyObject,
    Struct(StructId),
    Param(ParamTy),
    /// The built-in `Error` type of `raise Error("...")` and `except e:`.
    Exception,
    /// What `range`, `enumerate` and `zip` return: something `for` can walk, yielding the
    /// element type. It has no spelling in source.
    Iterator(Box<Ty>),
    /// No value: the type of `raise` and `return` paths.
    Never,
    /// Already reported; compatible with everything.
    Error,
}

impl Ty {
    pub const I64: Ty = Ty::Int(IntTy::I64);
    pub const F64: Ty = Ty::Float(FloatTy::F64);

    pub fn list(element: Ty) -> Ty {
        Ty::List(Box::new(element))
    }

    pub fn tensor(element: Ty) -> Ty {
        Ty::Tensor(Box::new(element))
    }

    pub fn dict(key: Ty, value: Ty) -> Ty {
        Ty::Dict(Box::new(key), Box::new(value))
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Ty::Error)
    }

    /// `Error` or `Never`: a type that needs no further checking.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Ty::Error | Ty::Never)
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Int(_) | Ty::Float(_))
    }

    pub fn is_int(&self) -> bool {
        matches!(self, Ty::Int(_))
    }

    pub fn is_float(&self) -> bool {
        matches!(self, Ty::Float(_))
    }

    /// Whether this type mentions `Error` anywhere (then follow-up errors are suppressed).
    pub fn contains_error(&self) -> bool {
        match self {
            Ty::Error => true,
            Ty::Tuple(elements) => elements.iter().any(Ty::contains_error),
            Ty::List(element) | Ty::Tensor(element) | Ty::Iterator(element) => {
                element.contains_error()
            }
            Ty::Dict(key, value) => key.contains_error() || value.contains_error(),
            _ => false,
        }
    }

    pub fn contains_param(&self) -> bool {
        match self {
            Ty::Param(_) => true,
            Ty::Tuple(elements) => elements.iter().any(Ty::contains_param),
            Ty::List(element) | Ty::Tensor(element) | Ty::Iterator(element) => {
                element.contains_param()
            }
            Ty::Dict(key, value) => key.contains_param() || value.contains_param(),
            _ => false,
        }
    }

    /// Replaces generic parameters by `args[index]` (an instantiation).
    pub fn substitute(&self, args: &[Ty]) -> Ty {
        match self {
            Ty::Param(param) => args.get(param.index as usize).cloned().unwrap_or(Ty::Error),
            Ty::Tuple(elements) => {
                Ty::Tuple(elements.iter().map(|ty| ty.substitute(args)).collect())
            }
            Ty::List(element) => Ty::list(element.substitute(args)),
            Ty::Tensor(element) => Ty::tensor(element.substitute(args)),
            Ty::Iterator(element) => Ty::Iterator(Box::new(element.substitute(args))),
            Ty::Dict(key, value) => Ty::dict(key.substitute(args), value.substitute(args)),
            other => other.clone(),
        }
    }

    /// Two types are compatible when equal, or when either is `Error`/`Never` (anywhere inside).
    pub fn compatible(&self, other: &Ty) -> bool {
        match (self, other) {
            (Ty::Error | Ty::Never, _) | (_, Ty::Error | Ty::Never) => true,
            (Ty::Tuple(a), Ty::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.compatible(b))
            }
            (Ty::List(a), Ty::List(b))
            | (Ty::Tensor(a), Ty::Tensor(b))
            | (Ty::Iterator(a), Ty::Iterator(b)) => a.compatible(b),
            (Ty::Dict(k1, v1), Ty::Dict(k2, v2)) => k1.compatible(k2) && v1.compatible(v2),
            _ => self == other,
        }
    }

    /// Whether values of this type may be `Dict` keys: integers, bool, str and tuples of them.
    pub fn is_hashable(&self) -> bool {
        match self {
            Ty::Int(_) | Ty::Bool | Ty::Str | Ty::Error | Ty::Never => true,
            Ty::Tuple(elements) => elements.iter().all(Ty::is_hashable),
            _ => false,
        }
    }

    /// Native values that flow into Python implicitly (as arguments, operands, ...).
    pub fn converts_to_python(&self) -> bool {
        match self {
            Ty::Int(_)
            | Ty::Float(_)
            | Ty::Bool
            | Ty::Str
            | Ty::None
            | Ty::PyObject
            | Ty::Error
            | Ty::Never => true,
            Ty::Tensor(_) => true,
            Ty::Tuple(elements) => elements.iter().all(Ty::converts_to_python),
            Ty::List(element) => element.converts_to_python(),
            Ty::Dict(key, value) => key.converts_to_python() && value.converts_to_python(),
            _ => false,
        }
    }

    pub fn display<'a>(&'a self, db: &'a dyn Db) -> TyDisplay<'a> {
        TyDisplay { ty: self, db }
    }
}

pub struct TyDisplay<'a> {
    ty: &'a Ty,
    db: &'a dyn Db,
}

impl fmt::Display for TyDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let db = self.db;
        match self.ty {
            Ty::Int(int) => f.write_str(int.name()),
            Ty::Float(float) => f.write_str(float.name()),
            Ty::Bool => f.write_str("bool"),
            Ty::Str => f.write_str("str"),
            Ty::None => f.write_str("None"),
            Ty::Tuple(elements) => {
                f.write_str("(")?;
                for (index, element) in elements.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", element.display(db))?;
                }
                if elements.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Ty::List(element) => write!(f, "List[{}]", element.display(db)),
            Ty::Dict(key, value) => write!(f, "Dict[{}, {}]", key.display(db), value.display(db)),
            Ty::Tensor(element) => write!(f, "Tensor[{}]", element.display(db)),
            Ty::PyObject => f.write_str("PyObject"),
            Ty::Struct(id) => f.write_str(id.name(db)),
            Ty::Param(param) => f.write_str(&param.name),
            Ty::Exception => f.write_str("Error"),
            Ty::Iterator(element) => write!(f, "Iterator[{}]", element.display(db)),
            Ty::Never => f.write_str("Never"),
            Ty::Error => f.write_str("{error}"),
        }
    }
}

/// The bounds a generic parameter can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bound {
    Numeric,
    Integer,
    Float,
    Comparable,
    Printable,
    /// A bound that does not exist (already reported): it gives every operation, so that
    /// the one mistake is not reported again at each use of the parameter.
    Unknown,
}

impl Bound {
    pub const ALL: [Bound; 5] =
        [Bound::Numeric, Bound::Integer, Bound::Float, Bound::Comparable, Bound::Printable];

    pub fn from_name(name: &str) -> Option<Bound> {
        Bound::ALL.into_iter().find(|bound| bound.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Bound::Numeric => "Numeric",
            Bound::Integer => "Integer",
            Bound::Float => "Float",
            Bound::Comparable => "Comparable",
            Bound::Printable => "Printable",
            Bound::Unknown => "{unknown}",
        }
    }

    /// Whether having `self` gives `other` too: Integer and Float imply Numeric; Numeric
    /// implies Comparable and Printable; an unknown bound implies everything.
    pub fn implies(self, other: Bound) -> bool {
        if self == other {
            return true;
        }
        match self {
            Bound::Integer | Bound::Float => Bound::Numeric.implies(other),
            Bound::Numeric => matches!(other, Bound::Comparable | Bound::Printable),
            Bound::Comparable | Bound::Printable => false,
            Bound::Unknown => true,
        }
    }

    /// The types that satisfy the bound, in words for a hint.
    pub fn satisfying_types(self) -> &'static str {
        match self {
            Bound::Numeric => {
                "the integer types (`i64`, `i32`, `u8`, ...) and the float types (`f64`, `f32`)"
            }
            Bound::Integer => "the integer types (`i64`, `i32`, `u8`, ...)",
            Bound::Float => "the float types (`f64`, `f32`)",
            Bound::Comparable => "numbers, `bool`, `str`, and tuples of them",
            Bound::Printable => {
                "numbers, bool, str, collections of them and structs with `__str__`"
            }
            Bound::Unknown => "every type",
        }
    }

    /// Whether a concrete type satisfies the bound (`Printable` for structs is decided by
    /// the caller, which can see their fields).
    pub fn satisfied_by_scalar(self, ty: &Ty) -> bool {
        match self {
            Bound::Numeric => ty.is_numeric(),
            Bound::Integer => ty.is_int(),
            Bound::Float => ty.is_float(),
            Bound::Comparable => ty.is_numeric() || matches!(ty, Ty::Str | Ty::Bool),
            Bound::Printable | Bound::Unknown => true,
        }
    }
}

/// Whether a set of bounds gives `wanted`.
pub fn bounds_imply(bounds: &[Bound], wanted: Bound) -> bool {
    bounds.iter().any(|bound| bound.implies(wanted))
}
