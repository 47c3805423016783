//! Element types of tensors and the arithmetic on them, written once as the [`Element`]
//! trait and instantiated for every type by [`dispatch!`].
//!
//! Semantics are the language's (and the fused loops'): integers wrap, `//` and `%` floor
//! like Python, `f16`/`bf16` compute in `f32` and round to their type after each operation,
//! float `max`/`min` propagate NaN, `bool` tensors `add`/`max` as "or" and `mul`/`min` as
//! "and".

use crate::desc::{Kind, TypeDesc};
use crate::numbers::{bf16_bits_to_f32, f16_bits_to_f32, f32_to_bf16_bits, f32_to_f16_bits};

/// The element type of a tensor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DType {
    Bool,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F16,
    BF16,
    F32,
    F64,
}

impl DType {
    /// The element type a descriptor describes, if it can be a tensor's.
    pub fn from_desc(desc: &TypeDesc) -> Option<DType> {
        Some(match desc.kind() {
            Kind::Bool => DType::Bool,
            Kind::I8 => DType::I8,
            Kind::I16 => DType::I16,
            Kind::I32 => DType::I32,
            Kind::I64 => DType::I64,
            Kind::U8 => DType::U8,
            Kind::U16 => DType::U16,
            Kind::U32 => DType::U32,
            Kind::U64 => DType::U64,
            Kind::F16 => DType::F16,
            Kind::BF16 => DType::BF16,
            Kind::F32 => DType::F32,
            Kind::F64 => DType::F64,
            _ => return None,
        })
    }

    pub fn size(self) -> usize {
        match self {
            DType::Bool | DType::I8 | DType::U8 => 1,
            DType::I16 | DType::U16 | DType::F16 | DType::BF16 => 2,
            DType::I32 | DType::U32 | DType::F32 => 4,
            DType::I64 | DType::U64 | DType::F64 => 8,
        }
    }

    /// The language's name (`f32`, `bool`).
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::I8 => "i8",
            DType::I16 => "i16",
            DType::I32 => "i32",
            DType::I64 => "i64",
            DType::U8 => "u8",
            DType::U16 => "u16",
            DType::U32 => "u32",
            DType::U64 => "u64",
            DType::F16 => "f16",
            DType::BF16 => "bf16",
            DType::F32 => "f32",
            DType::F64 => "f64",
        }
    }

    /// The descriptor text of the type (`b` for `bool`).
    pub fn desc_text(self) -> &'static str {
        match self {
            DType::Bool => "b",
            other => other.name(),
        }
    }

    pub fn is_float(self) -> bool {
        matches!(self, DType::F16 | DType::BF16 | DType::F32 | DType::F64)
    }

    pub fn is_integer(self) -> bool {
        !self.is_float() && self != DType::Bool
    }
}

/// A binary elementwise operation (`tensor.binary {kind}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryKind {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    Max,
    Min,
}

impl BinaryKind {
    pub fn parse(name: &str) -> Option<BinaryKind> {
        Some(match name {
            "add" => BinaryKind::Add,
            "sub" => BinaryKind::Sub,
            "mul" => BinaryKind::Mul,
            "div" => BinaryKind::Div,
            "floordiv" => BinaryKind::FloorDiv,
            "mod" => BinaryKind::Mod,
            "pow" => BinaryKind::Pow,
            "max" => BinaryKind::Max,
            "min" => BinaryKind::Min,
            _ => return None,
        })
    }
}

/// A unary elementwise operation (`tensor.unary {kind}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryKind {
    Neg,
    Invert,
    Exp,
    Log,
    Sqrt,
    Abs,
    Sin,
    Cos,
    Tanh,
}

impl UnaryKind {
    pub fn parse(name: &str) -> Option<UnaryKind> {
        Some(match name {
            "neg" => UnaryKind::Neg,
            "invert" => UnaryKind::Invert,
            "exp" => UnaryKind::Exp,
            "log" => UnaryKind::Log,
            "sqrt" => UnaryKind::Sqrt,
            "abs" => UnaryKind::Abs,
            "sin" => UnaryKind::Sin,
            "cos" => UnaryKind::Cos,
            "tanh" => UnaryKind::Tanh,
            _ => return None,
        })
    }
}

/// A scalar of any element type, for conversions between types.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Int(i128),
    Float(f64),
}

/// An element type's arithmetic. Operations a type does not support are never called:
/// callers check [`Element::supports_binary`] / [`Element::supports_unary`] first.
pub trait Element: Copy + Send + Sync + 'static {
    const DTYPE: DType;
    fn zero() -> Self;
    fn one() -> Self;
    fn to_scalar(self) -> Scalar;
    /// Conversion as a cast: integers wrap, floats to integers truncate and saturate (NaN
    /// gives 0), floats round to nearest even, anything to `bool` is "nonzero".
    fn from_scalar(value: Scalar) -> Self;
    fn to_f64(self) -> f64 {
        match self.to_scalar() {
            Scalar::Bool(b) => f64::from(u8::from(b)),
            Scalar::Int(i) => i as f64,
            Scalar::Float(f) => f,
        }
    }
    fn from_f64(value: f64) -> Self {
        Self::from_scalar(Scalar::Float(value))
    }
    fn supports_binary(kind: BinaryKind) -> bool;
    fn supports_unary(kind: UnaryKind) -> bool;
    fn add(self, other: Self) -> Self;
    fn sub(self, other: Self) -> Self;
    fn mul(self, other: Self) -> Self;
    /// True division (floats only).
    fn div(self, other: Self) -> Self;
    /// `None`: division by zero.
    fn floor_div(self, other: Self) -> Option<Self>;
    /// `None`: division by zero.
    fn modulo(self, other: Self) -> Option<Self>;
    /// `None`: a negative integer exponent.
    fn pow(self, other: Self) -> Option<Self>;
    /// `max(self, other)` (NaN-propagating for floats).
    fn maximum(self, other: Self) -> Self;
    /// `min(self, other)` (NaN-propagating for floats).
    fn minimum(self, other: Self) -> Self;
    fn neg(self) -> Self;
    fn abs(self) -> Self;
    fn invert(self) -> Self;
    /// A float function (`exp log sqrt sin cos tanh`), floats only.
    fn float_fn(self, kind: UnaryKind) -> Self;
    /// `self < other` (false when unordered).
    fn less(self, other: Self) -> bool;
    /// Whether the value is NaN.
    fn is_nan(self) -> bool {
        false
    }
}

macro_rules! int_element {
    ($t:ty, $dtype:ident, $signed:expr) => {
        impl Element for $t {
            const DTYPE: DType = DType::$dtype;
            fn zero() -> Self {
                0
            }
            fn one() -> Self {
                1
            }
            fn to_scalar(self) -> Scalar {
                Scalar::Int(self as i128)
            }
            fn from_scalar(value: Scalar) -> Self {
                match value {
                    Scalar::Bool(b) => b as $t,
                    Scalar::Int(i) => i as $t,
                    Scalar::Float(f) => f as $t,
                }
            }
            fn supports_binary(_: BinaryKind) -> bool {
                true
            }
            fn supports_unary(kind: UnaryKind) -> bool {
                matches!(kind, UnaryKind::Neg | UnaryKind::Abs | UnaryKind::Invert)
            }
            fn add(self, other: Self) -> Self {
                self.wrapping_add(other)
            }
            fn sub(self, other: Self) -> Self {
                self.wrapping_sub(other)
            }
            fn mul(self, other: Self) -> Self {
                self.wrapping_mul(other)
            }
            fn div(self, other: Self) -> Self {
                // Integer `div` makes an `f64` tensor; never called.
                self.checked_div(other).unwrap_or(0)
            }
            fn floor_div(self, other: Self) -> Option<Self> {
                if other == 0 {
                    return None;
                }
                let quotient = self.wrapping_div(other);
                if $signed
                    && self.wrapping_rem(other) != 0
                    && (((self as i128) < 0) != ((other as i128) < 0))
                {
                    Some(quotient.wrapping_sub(1))
                } else {
                    Some(quotient)
                }
            }
            fn modulo(self, other: Self) -> Option<Self> {
                if other == 0 {
                    return None;
                }
                let remainder = self.wrapping_rem(other);
                if $signed && remainder != 0 && (((remainder as i128) < 0) != ((other as i128) < 0))
                {
                    Some(remainder.wrapping_add(other))
                } else {
                    Some(remainder)
                }
            }
            fn pow(self, other: Self) -> Option<Self> {
                if (other as i128) < 0 {
                    return None;
                }
                let (mut result, mut base, mut exponent) = (1 as $t, self, other as u64);
                while exponent > 0 {
                    if exponent & 1 == 1 {
                        result = result.wrapping_mul(base);
                    }
                    base = base.wrapping_mul(base);
                    exponent >>= 1;
                }
                Some(result)
            }
            fn maximum(self, other: Self) -> Self {
                Ord::max(self, other)
            }
            fn minimum(self, other: Self) -> Self {
                Ord::min(self, other)
            }
            fn neg(self) -> Self {
                (0 as $t).wrapping_sub(self)
            }
            fn abs(self) -> Self {
                if (self as i128) < 0 {
                    self.neg()
                } else {
                    self
                }
            }
            fn invert(self) -> Self {
                !self
            }
            fn float_fn(self, _: UnaryKind) -> Self {
                self
            }
            fn less(self, other: Self) -> bool {
                self < other
            }
        }
    };
}

int_element!(i8, I8, true);
int_element!(i16, I16, true);
int_element!(i32, I32, true);
int_element!(i64, I64, true);
int_element!(u8, U8, false);
int_element!(u16, U16, false);
int_element!(u32, U32, false);
int_element!(u64, U64, false);

/// Floor division and Python's modulo of floats, computed in `f64`.
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    crate::numbers::py_divmod(a, b)
}

fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if b > a {
        b
    } else {
        a
    }
}

fn nan_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if b < a {
        b
    } else {
        a
    }
}

macro_rules! native_float_element {
    ($t:ty, $dtype:ident) => {
        impl Element for $t {
            const DTYPE: DType = DType::$dtype;
            fn zero() -> Self {
                0.0
            }
            fn one() -> Self {
                1.0
            }
            fn to_scalar(self) -> Scalar {
                Scalar::Float(self as f64)
            }
            fn from_scalar(value: Scalar) -> Self {
                match value {
                    Scalar::Bool(b) => u8::from(b) as $t,
                    Scalar::Int(i) => i as $t,
                    Scalar::Float(f) => f as $t,
                }
            }
            fn supports_binary(_: BinaryKind) -> bool {
                true
            }
            fn supports_unary(kind: UnaryKind) -> bool {
                kind != UnaryKind::Invert
            }
            #[inline]
            fn add(self, other: Self) -> Self {
                self + other
            }
            #[inline]
            fn sub(self, other: Self) -> Self {
                self - other
            }
            #[inline]
            fn mul(self, other: Self) -> Self {
                self * other
            }
            #[inline]
            fn div(self, other: Self) -> Self {
                self / other
            }
            fn floor_div(self, other: Self) -> Option<Self> {
                Some(float_divmod(self as f64, other as f64).0 as $t)
            }
            fn modulo(self, other: Self) -> Option<Self> {
                Some(float_divmod(self as f64, other as f64).1 as $t)
            }
            fn pow(self, other: Self) -> Option<Self> {
                Some(self.powf(other))
            }
            fn maximum(self, other: Self) -> Self {
                nan_max(self as f64, other as f64) as $t
            }
            fn minimum(self, other: Self) -> Self {
                nan_min(self as f64, other as f64) as $t
            }
            fn neg(self) -> Self {
                -self
            }
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            fn invert(self) -> Self {
                self
            }
            fn float_fn(self, kind: UnaryKind) -> Self {
                match kind {
                    UnaryKind::Exp => self.exp(),
                    UnaryKind::Log => self.ln(),
                    UnaryKind::Sqrt => self.sqrt(),
                    UnaryKind::Sin => self.sin(),
                    UnaryKind::Cos => self.cos(),
                    UnaryKind::Tanh => self.tanh(),
                    _ => self,
                }
            }
            fn less(self, other: Self) -> bool {
                self < other
            }
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
        }
    };
}

native_float_element!(f32, F32);
native_float_element!(f64, F64);

/// `f64` to `f32` rounded to odd (truncated, with the last bit set when inexact), so that
/// rounding that `f32` again to a narrower type gives the correctly rounded result.
fn f64_to_f32_odd(x: f64) -> f32 {
    let nearest = x as f32;
    if !nearest.is_finite() || f64::from(nearest) == x {
        return nearest;
    }
    let mut truncated = nearest;
    if f64::from(nearest).abs() > x.abs() {
        truncated = f32::from_bits(nearest.to_bits() - 1);
    }
    f32::from_bits(truncated.to_bits() | 1)
}

macro_rules! half_element {
    ($name:ident, $dtype:ident, $to_f32:ident, $from_f32:ident) => {
        /// A 16-bit float stored as its bits; arithmetic in `f32`, rounded back.
        #[derive(Clone, Copy, Debug, PartialEq)]
        #[repr(transparent)]
        pub struct $name(pub u16);

        impl $name {
            #[inline]
            pub fn get(self) -> f32 {
                $to_f32(self.0)
            }
            #[inline]
            pub fn new(value: f32) -> Self {
                $name($from_f32(value))
            }
        }

        impl Element for $name {
            const DTYPE: DType = DType::$dtype;
            fn zero() -> Self {
                $name::new(0.0)
            }
            fn one() -> Self {
                $name::new(1.0)
            }
            fn to_scalar(self) -> Scalar {
                Scalar::Float(self.get() as f64)
            }
            fn from_scalar(value: Scalar) -> Self {
                match value {
                    Scalar::Bool(b) => $name::new(f32::from(u8::from(b))),
                    Scalar::Int(i) => $name::new(f64_to_f32_odd(i as f64)),
                    Scalar::Float(f) => $name::new(f64_to_f32_odd(f)),
                }
            }
            fn supports_binary(_: BinaryKind) -> bool {
                true
            }
            fn supports_unary(kind: UnaryKind) -> bool {
                kind != UnaryKind::Invert
            }
            fn add(self, other: Self) -> Self {
                $name::new(self.get() + other.get())
            }
            fn sub(self, other: Self) -> Self {
                $name::new(self.get() - other.get())
            }
            fn mul(self, other: Self) -> Self {
                $name::new(self.get() * other.get())
            }
            fn div(self, other: Self) -> Self {
                $name::new(self.get() / other.get())
            }
            fn floor_div(self, other: Self) -> Option<Self> {
                Some($name::new(float_divmod(self.get().into(), other.get().into()).0 as f32))
            }
            fn modulo(self, other: Self) -> Option<Self> {
                Some($name::new(float_divmod(self.get().into(), other.get().into()).1 as f32))
            }
            fn pow(self, other: Self) -> Option<Self> {
                Some($name::new(self.get().powf(other.get())))
            }
            fn maximum(self, other: Self) -> Self {
                $name::new(nan_max(self.get().into(), other.get().into()) as f32)
            }
            fn minimum(self, other: Self) -> Self {
                $name::new(nan_min(self.get().into(), other.get().into()) as f32)
            }
            fn neg(self) -> Self {
                $name(self.0 ^ 0x8000)
            }
            fn abs(self) -> Self {
                $name(self.0 & 0x7fff)
            }
            fn invert(self) -> Self {
                self
            }
            fn float_fn(self, kind: UnaryKind) -> Self {
                $name::new(self.get().float_fn(kind))
            }
            fn less(self, other: Self) -> bool {
                self.get() < other.get()
            }
            fn is_nan(self) -> bool {
                self.get().is_nan()
            }
        }
    };
}

half_element!(F16, F16, f16_bits_to_f32, f32_to_f16_bits);
half_element!(BF16, BF16, bf16_bits_to_f32, f32_to_bf16_bits);

/// A `bool` element stored as one byte, 0 or 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(transparent)]
pub struct Bool(pub u8);

impl Bool {
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

impl Element for Bool {
    const DTYPE: DType = DType::Bool;
    fn zero() -> Self {
        Bool(0)
    }
    fn one() -> Self {
        Bool(1)
    }
    fn to_scalar(self) -> Scalar {
        Scalar::Bool(self.get())
    }
    fn from_scalar(value: Scalar) -> Self {
        Bool(u8::from(match value {
            Scalar::Bool(b) => b,
            Scalar::Int(i) => i != 0,
            // Python: `bool(nan)` is True.
            Scalar::Float(f) => f != 0.0,
        }))
    }
    fn supports_binary(kind: BinaryKind) -> bool {
        matches!(kind, BinaryKind::Add | BinaryKind::Mul | BinaryKind::Max | BinaryKind::Min)
    }
    fn supports_unary(kind: UnaryKind) -> bool {
        matches!(kind, UnaryKind::Invert | UnaryKind::Abs)
    }
    fn add(self, other: Self) -> Self {
        Bool(self.0 | other.0)
    }
    fn sub(self, other: Self) -> Self {
        Bool(self.0 ^ other.0)
    }
    fn mul(self, other: Self) -> Self {
        Bool(self.0 & other.0)
    }
    fn div(self, _: Self) -> Self {
        self
    }
    fn floor_div(self, _: Self) -> Option<Self> {
        Some(self)
    }
    fn modulo(self, _: Self) -> Option<Self> {
        Some(self)
    }
    fn pow(self, _: Self) -> Option<Self> {
        Some(self)
    }
    fn maximum(self, other: Self) -> Self {
        Bool(self.0 | other.0)
    }
    fn minimum(self, other: Self) -> Self {
        Bool(self.0 & other.0)
    }
    fn neg(self) -> Self {
        self
    }
    fn abs(self) -> Self {
        self
    }
    fn invert(self) -> Self {
        Bool(self.0 ^ 1)
    }
    fn float_fn(self, _: UnaryKind) -> Self {
        self
    }
    fn less(self, other: Self) -> bool {
        self.0 < other.0
    }
}

/// Runs `$body` with `$t` the element type of `$dtype`.
macro_rules! dispatch {
    ($dtype:expr, $t:ident => $body:expr) => {{
        use $crate::tensor::dtype::{Bool, DType, BF16, F16};
        match $dtype {
            DType::Bool => {
                type $t = Bool;
                $body
            }
            DType::I8 => {
                type $t = i8;
                $body
            }
            DType::I16 => {
                type $t = i16;
                $body
            }
            DType::I32 => {
                type $t = i32;
                $body
            }
            DType::I64 => {
                type $t = i64;
                $body
            }
            DType::U8 => {
                type $t = u8;
                $body
            }
            DType::U16 => {
                type $t = u16;
                $body
            }
            DType::U32 => {
                type $t = u32;
                $body
            }
            DType::U64 => {
                type $t = u64;
                $body
            }
            DType::F16 => {
                type $t = F16;
                $body
            }
            DType::BF16 => {
                type $t = BF16;
                $body
            }
            DType::F32 => {
                type $t = f32;
                $body
            }
            DType::F64 => {
                type $t = f64;
                $body
            }
        }
    }};
}
pub(crate) use dispatch;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_floor_semantics() {
        assert_eq!((-7i64).floor_div(2), Some(-4));
        assert_eq!((-7i64).modulo(2), Some(1));
        assert_eq!(7i64.modulo(-2), Some(-1));
        assert_eq!(i64::MIN.floor_div(-1), Some(i64::MIN));
        assert_eq!(5i32.floor_div(0), None);
        assert_eq!(7u8.floor_div(2), Some(3));
        assert_eq!(200u8.add(100), 44);
        assert_eq!(Element::pow(3i64, -1), None);
        assert_eq!(Element::pow(2u8, 9), Some(0));
    }

    #[test]
    fn conversions_are_casts() {
        assert_eq!(i8::from_scalar(Scalar::Int(300)), 44);
        assert_eq!(u8::from_scalar(Scalar::Float(200.5)), 200);
        assert_eq!(i32::from_scalar(Scalar::Float(f64::NAN)), 0);
        assert_eq!(i64::from_scalar(Scalar::Float(-2.75)), -2);
        assert!(Bool::from_scalar(Scalar::Float(f64::NAN)).get());
        assert_eq!(F16::from_scalar(Scalar::Float(0.1)).get() as f64, 0.0999755859375);
        // 2049 + 2^-30 must round up to 2050 in f16 (no double rounding through f32).
        let x = 2049.0 + 2f64.powi(-30);
        assert_eq!(F16::from_scalar(Scalar::Float(x)).get(), 2050.0);
    }

    #[test]
    fn float_max_propagates_nan() {
        assert!(Element::maximum(1.0f64, f64::NAN).is_nan());
        assert!(Element::minimum(f32::NAN, 1.0f32).is_nan());
        assert_eq!(Element::maximum(1.0f64, 2.0), 2.0);
    }
}
