//! The type system.
//!
//! Types are plain `Eq + Hash` values rather than interned handles: they are small, the IR
//! compares them far more often than it creates them, and a plain value needs no context to
//! print, parse or compare, so the printer, the parser and every verifier stay free
//! functions. If profiles ever show type allocation, an interner can sit behind this same
//! enum.
//!
//! Spellings (the parser in `parser.rs` reads exactly what `Display` writes):
//! `i1 i8 i16 i32 i64`, `u8 u16 u32 u64`, `f16 bf16 f32 f64`, `index`, `none`,
//! `tuple<i64, f64>`, `(i64, f64) -> i64` (several results: `-> (i64, i64)`, none: `-> ()`),
//! `!mem.ref<f32, ?x4>` (rank 0: `!mem.ref<f32>`; strides: `!mem.ref<f32, ?x4, strides ?x1>`),
//! `!tensor<f32>`, `!py.object`, `!str`, `!list<T>`, `!dict<K, V>`, `!struct<Point>` (a name
//! with characters other than `[A-Za-z0-9_.$]` quoted: `!struct<"Pair[i64]">`), `!rt.error`,
//! `!tensor.space`, `!ll.ptr`.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatKind {
    F16,
    BF16,
    F32,
    F64,
}

impl FloatKind {
    pub fn name(self) -> &'static str {
        match self {
            FloatKind::F16 => "f16",
            FloatKind::BF16 => "bf16",
            FloatKind::F32 => "f32",
            FloatKind::F64 => "f64",
        }
    }

    pub fn bits(self) -> u32 {
        match self {
            FloatKind::F16 | FloatKind::BF16 => 16,
            FloatKind::F32 => 32,
            FloatKind::F64 => 64,
        }
    }
}

/// One dimension (or stride) of a memory reference: static or dynamic (`?`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    Static(u64),
    Dynamic,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// Signless-or-signed integer `iN`; `i1` is the boolean.
    Int(u32),
    /// Unsigned integer `uN`.
    UInt(u32),
    Float(FloatKind),
    Index,
    None,
    Tuple(Vec<Type>),
    Function {
        inputs: Vec<Type>,
        results: Vec<Type>,
    },
    /// A memory reference: its rank is `shape.len()`; `strides` is `None` for the identity layout.
    MemRef {
        element: Box<Type>,
        shape: Vec<Dim>,
        strides: Option<Vec<Dim>>,
    },
    Tensor(Box<Type>),
    PyObject,
    Str,
    List(Box<Type>),
    Dict(Box<Type>, Box<Type>),
    Struct(String),
    /// A raised error (`rt.error`, `rt.try`'s handler argument): a type name and a message.
    RtError,
    /// The broadcast shape of some tensors, the iteration space of `tensor-to-loops`' loops.
    TensorSpace,
    /// A raw address (`!ll.ptr`): only in the low form the back ends receive
    /// (`docs/runtime.md`), for constant strings, slot addresses and runtime data pointers.
    Ptr,
}

impl Type {
    pub const I1: Type = Type::Int(1);
    pub const I64: Type = Type::Int(64);
    pub const F64: Type = Type::Float(FloatKind::F64);

    pub fn function(inputs: Vec<Type>, results: Vec<Type>) -> Type {
        Type::Function { inputs, results }
    }

    /// Integers of either signedness, and `index`: what `arith`'s integer ops accept.
    pub fn is_integer_like(&self) -> bool {
        matches!(self, Type::Int(_) | Type::UInt(_) | Type::Index)
    }

    pub fn is_float(&self) -> bool {
        matches!(self, Type::Float(_))
    }

    /// The reference-counted runtime objects (`mem.retain`/`mem.release` apply to them).
    pub fn is_handle(&self) -> bool {
        matches!(
            self,
            Type::Str
                | Type::List(_)
                | Type::Dict(..)
                | Type::Tensor(_)
                | Type::PyObject
                | Type::RtError
                | Type::TensorSpace
        )
    }

    /// The element type of a `!tensor<T>`.
    pub fn tensor_element(&self) -> Option<&Type> {
        match self {
            Type::Tensor(element) => Some(element),
            _ => None,
        }
    }

    /// The width of an integer or float type, `None` for everything else (`index` included).
    pub fn bit_width(&self) -> Option<u32> {
        match self {
            Type::Int(bits) | Type::UInt(bits) => Some(*bits),
            Type::Float(kind) => Some(kind.bits()),
            _ => None,
        }
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, types: &[Type]) -> fmt::Result {
    for (index, ty) in types.iter().enumerate() {
        if index > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{ty}")?;
    }
    Ok(())
}

fn write_dims(f: &mut fmt::Formatter<'_>, dims: &[Dim]) -> fmt::Result {
    for (index, dim) in dims.iter().enumerate() {
        if index > 0 {
            f.write_str("x")?;
        }
        match dim {
            Dim::Static(size) => write!(f, "{size}")?,
            Dim::Dynamic => f.write_str("?")?,
        }
    }
    Ok(())
}

/// Writes `(a, b) -> c` / `-> (c, d)` / `-> ()`: the function type and the op signature.
pub(crate) fn write_signature(
    f: &mut fmt::Formatter<'_>,
    inputs: &[Type],
    results: &[Type],
) -> fmt::Result {
    f.write_str("(")?;
    write_list(f, inputs)?;
    f.write_str(") -> ")?;
    // A single result needs no parentheses, unless it is a function type: `-> ((i64) -> i64)`.
    if let [single] = results {
        if !matches!(single, Type::Function { .. }) {
            return write!(f, "{single}");
        }
    }
    f.write_str("(")?;
    write_list(f, results)?;
    f.write_str(")")
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Int(bits) => write!(f, "i{bits}"),
            Type::UInt(bits) => write!(f, "u{bits}"),
            Type::Float(kind) => f.write_str(kind.name()),
            Type::Index => f.write_str("index"),
            Type::None => f.write_str("none"),
            Type::Tuple(elements) => {
                f.write_str("tuple<")?;
                write_list(f, elements)?;
                f.write_str(">")
            }
            Type::Function { inputs, results } => write_signature(f, inputs, results),
            Type::MemRef { element, shape, strides } => {
                write!(f, "!mem.ref<{element}")?;
                if !shape.is_empty() {
                    f.write_str(", ")?;
                    write_dims(f, shape)?;
                }
                if let Some(strides) = strides {
                    f.write_str(", strides ")?;
                    write_dims(f, strides)?;
                }
                f.write_str(">")
            }
            Type::Tensor(element) => write!(f, "!tensor<{element}>"),
            Type::PyObject => f.write_str("!py.object"),
            Type::Str => f.write_str("!str"),
            Type::List(element) => write!(f, "!list<{element}>"),
            Type::Dict(key, value) => write!(f, "!dict<{key}, {value}>"),
            Type::Struct(name) => {
                f.write_str("!struct<")?;
                crate::attribute::write_symbol_name(f, name)?;
                f.write_str(">")
            }
            Type::RtError => f.write_str("!rt.error"),
            Type::TensorSpace => f.write_str("!tensor.space"),
            Type::Ptr => f.write_str("!ll.ptr"),
        }
    }
}
