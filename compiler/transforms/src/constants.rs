//! Constant values as the target computes them: integers as bit patterns of their width,
//! floats in their own precision.
//!
//! An integer attribute holds an `i128` in its type's canonical range: `iN` (N > 1) and
//! `index` (64 bits) signed, `uN` unsigned, `i1` as 0 or 1 (`true` is `1 : i1`). Folding
//! works on the N-bit pattern, reading it signed or unsigned as the op says (`divsi` vs
//! `divui`), and writes the result back in the canonical range: wrapping per width and
//! signedness falls out of that.
//!
//! Floats are folded only in `f64` and `f32`, where Rust's arithmetic is IEEE 754's with
//! round-to-nearest-even; `f16` and `bf16` values are never computed (negation, absolute
//! value and comparisons need no rounding and work for every width).

use mlc_ir::{Attribute, FloatKind, Module, OpId, Type, ValueDefinition, ValueId};

/// The `value` attribute of the `arith.constant` defining `value`, if it is one.
pub fn constant_of(module: &Module, value: ValueId) -> Option<&Attribute> {
    match module.values[value].definition {
        ValueDefinition::OpResult { op, .. } if module.ops[op].name() == "arith.constant" => {
            module.ops[op].attributes.get("value")
        }
        _ => None,
    }
}

/// The defining `arith.constant` of `value`, if it is an integer: its canonical value.
pub fn integer_constant(module: &Module, value: ValueId) -> Option<i128> {
    match constant_of(module, value)? {
        Attribute::Integer { value, .. } => Some(*value),
        _ => None,
    }
}

/// The op defining `value`, if it is an op result.
pub fn defining_op(module: &Module, value: ValueId) -> Option<OpId> {
    match module.values[value].definition {
        ValueDefinition::OpResult { op, .. } => Some(op),
        ValueDefinition::BlockArgument { .. } => None,
    }
}

/// An integer type's width and how its attributes spell values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntegerType {
    pub bits: u32,
    /// Whether the canonical spelling is signed (`iN` with N > 1, `index`).
    pub signed: bool,
}

impl IntegerType {
    /// `iN`, `uN` and `index` (64 bits).
    pub fn of(ty: &Type) -> Option<IntegerType> {
        match *ty {
            Type::Int(1) => Some(IntegerType { bits: 1, signed: false }),
            Type::Int(bits) if (2..=64).contains(&bits) => Some(IntegerType { bits, signed: true }),
            Type::UInt(bits) if (1..=64).contains(&bits) => {
                Some(IntegerType { bits, signed: false })
            }
            Type::Index => Some(IntegerType { bits: 64, signed: true }),
            _ => None,
        }
    }

    /// The N low bits set.
    pub fn mask(self) -> u128 {
        (1u128 << self.bits) - 1
    }

    /// The N-bit pattern of a value (any `i128`: taken modulo 2^N).
    pub fn pattern(self, value: i128) -> u128 {
        (value as u128) & self.mask()
    }

    /// The pattern read as a two's complement signed number.
    pub fn signed_value(self, pattern: u128) -> i128 {
        let shift = 128 - self.bits;
        ((pattern << shift) as i128) >> shift
    }

    /// The pattern read as an unsigned number.
    pub fn unsigned_value(self, pattern: u128) -> i128 {
        (pattern & self.mask()) as i128
    }

    /// The canonical attribute value of a pattern.
    pub fn canonical(self, pattern: u128) -> i128 {
        if self.signed {
            self.signed_value(pattern)
        } else {
            self.unsigned_value(pattern)
        }
    }

    /// Whether the exact (unwrapped) result of an operation is in the type's range, read
    /// the way its attributes are: what `{checked = true}` arithmetic must satisfy.
    pub fn contains(self, exact: i128) -> bool {
        if self.signed {
            let min = -(1i128 << (self.bits - 1));
            let max = (1i128 << (self.bits - 1)) - 1;
            (min..=max).contains(&exact)
        } else {
            (0..=self.mask() as i128).contains(&exact)
        }
    }

    /// The attribute of the value whose pattern is `pattern`.
    pub fn attribute(self, pattern: u128, ty: &Type) -> Attribute {
        Attribute::integer(self.canonical(pattern), ty.clone())
    }
}

/// The `i1` attribute of a boolean.
pub fn bool_attribute(value: bool) -> Attribute {
    Attribute::integer(i128::from(value), Type::I1)
}

/// The float kind of a type, if it is a float type.
pub fn float_kind(ty: &Type) -> Option<FloatKind> {
    match ty {
        Type::Float(kind) => Some(*kind),
        _ => None,
    }
}

/// `value` rounded to the precision of `kind` (as an `f64` holding it exactly), or `None`
/// for `f16`/`bf16`, which are never computed.
pub fn round_to(kind: FloatKind, value: f64) -> Option<f64> {
    match kind {
        FloatKind::F64 => Some(value),
        FloatKind::F32 => Some(f64::from(value as f32)),
        FloatKind::F16 | FloatKind::BF16 => None,
    }
}

/// The IEEE operations folding computes, each correctly rounded in the operands' precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatOperation {
    Add,
    Sub,
    Mul,
    Div,
    /// C's `fmod` (LLVM's `frem`): the sign of the dividend.
    Rem,
}

/// `lhs op rhs` in `kind`'s precision, `None` for `f16`/`bf16`.
pub fn float_binary(kind: FloatKind, operation: FloatOperation, lhs: f64, rhs: f64) -> Option<f64> {
    match kind {
        FloatKind::F64 => Some(match operation {
            FloatOperation::Add => lhs + rhs,
            FloatOperation::Sub => lhs - rhs,
            FloatOperation::Mul => lhs * rhs,
            FloatOperation::Div => lhs / rhs,
            FloatOperation::Rem => lhs % rhs,
        }),
        FloatKind::F32 => {
            let (lhs, rhs) = (lhs as f32, rhs as f32);
            Some(f64::from(match operation {
                FloatOperation::Add => lhs + rhs,
                FloatOperation::Sub => lhs - rhs,
                FloatOperation::Mul => lhs * rhs,
                FloatOperation::Div => lhs / rhs,
                FloatOperation::Rem => lhs % rhs,
            }))
        }
        FloatKind::F16 | FloatKind::BF16 => None,
    }
}

/// `sqrt` in `kind`'s precision (correctly rounded in IEEE 754, so exact to fold).
pub fn float_sqrt(kind: FloatKind, value: f64) -> Option<f64> {
    match kind {
        FloatKind::F64 => Some(value.sqrt()),
        FloatKind::F32 => Some(f64::from((value as f32).sqrt())),
        FloatKind::F16 | FloatKind::BF16 => None,
    }
}

/// Python's float `//` and `%` (`float_floor_div`/`float_rem` in CPython's
/// `floatobject.c`), computed in `f64`. `None` when `rhs` is zero (a panic at run time).
pub fn python_float_divmod(lhs: f64, rhs: f64) -> Option<(f64, f64)> {
    if rhs == 0.0 {
        return None;
    }
    let mut remainder = lhs % rhs;
    let mut division = (lhs - remainder) / rhs;
    if remainder != 0.0 {
        if (rhs < 0.0) != (remainder < 0.0) {
            remainder += rhs;
            division -= 1.0;
        }
    } else {
        remainder = 0.0f64.copysign(rhs);
    }
    let quotient = if division != 0.0 {
        let mut floor = division.floor();
        if division - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0.0f64.copysign(lhs / rhs)
    };
    Some((quotient, remainder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_wrap_per_width_and_signedness() {
        let i8 = IntegerType::of(&Type::Int(8)).unwrap();
        assert_eq!(i8.canonical(i8.pattern(127 + 1)), -128);
        let u8 = IntegerType::of(&Type::UInt(8)).unwrap();
        assert_eq!(u8.canonical(u8.pattern(-1)), 255);
        let i1 = IntegerType::of(&Type::I1).unwrap();
        assert_eq!(i1.canonical(i1.pattern(-1)), 1);
        assert_eq!(i1.signed_value(1), -1);
        let u64 = IntegerType::of(&Type::UInt(64)).unwrap();
        assert_eq!(u64.canonical(u64.pattern(-1)), u64::MAX as i128);
        assert!(!u64.contains(-1));
        assert!(IntegerType::of(&Type::I64).unwrap().contains(i64::MIN as i128));
    }

    #[test]
    fn python_float_division_floors() {
        assert_eq!(python_float_divmod(7.0, 2.0), Some((3.0, 1.0)));
        assert_eq!(python_float_divmod(-7.0, 2.0), Some((-4.0, 1.0)));
        assert_eq!(python_float_divmod(7.0, -2.0), Some((-4.0, -1.0)));
        let (quotient, remainder) = python_float_divmod(-0.0, 5.0).unwrap();
        assert!(quotient == 0.0 && quotient.is_sign_negative());
        assert!(remainder == 0.0 && remainder.is_sign_positive());
        assert_eq!(python_float_divmod(1.0, 0.0), None);
    }
}
