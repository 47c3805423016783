//! Constant folding: an `arith` or `math` op whose operands are all constants becomes the
//! constant it computes, when the result is exactly what the target would compute.
//!
//! Not folded, so the program still does it at run time: a division or remainder by zero
//! (integers and floats: a panic), `MIN / -1` and `MIN % -1` (overflow), `{checked = true}`
//! arithmetic whose exact result leaves the type's range (the overflow panic), shifts by the
//! width or more, float-to-integer conversions out of range or of NaN, anything computed in
//! `f16`/`bf16`, `maxf`/`minf` of a NaN or of zeros of both signs (which one wins depends on
//! the back end), `index_cast` of a `uN` with its top bit set (sign- or zero-extension is
//! the back end's choice), and the `math` functions that are not correctly rounded
//! (`exp`, `log`, `sin`, `powf`, ...): only `sqrt floor ceil absf fmod absi ipowi` fold.

use std::collections::BTreeMap;

use mlc_ir::{Attribute, FloatKind, Module, OpId, Type};

use crate::constants::{
    bool_attribute, constant_of, float_binary, float_kind, float_sqrt, python_float_divmod,
    round_to, FloatOperation, IntegerType,
};

/// The constant `op` computes, if it has one result, its operands are all constants and the
/// result can be computed exactly.
pub fn fold(module: &Module, op: OpId) -> Option<Attribute> {
    let data = &module.ops[op];
    let [result] = data.results.as_slice() else {
        return None;
    };
    if data.operands.is_empty() {
        return None;
    }
    let operands: Vec<&Attribute> =
        data.operands.iter().map(|&v| constant_of(module, v)).collect::<Option<_>>()?;
    evaluate(data.name(), &data.attributes, &operands, module.value_type(*result))
}

/// The result of the op named `name` with these attributes on constant `operands`, when
/// it is exactly computable (the rules of this module's doc). Shared by `fold` and the
/// tests' interpreter, so both compute the same thing.
pub fn evaluate(
    name: &str,
    attributes: &BTreeMap<String, Attribute>,
    operands: &[&Attribute],
    result_type: &Type,
) -> Option<Attribute> {
    let predicate = || match attributes.get("predicate") {
        Some(Attribute::String(predicate)) => Some(predicate.as_str()),
        _ => None,
    };
    match operands {
        [Attribute::Integer { value: lhs, ty }, Attribute::Integer { value: rhs, .. }] => {
            let integer = IntegerType::of(ty)?;
            if name == "arith.cmpi" {
                return compare_integers(integer, predicate()?, *lhs, *rhs).map(bool_attribute);
            }
            if name == "math.ipowi" {
                return integer_power(integer, *lhs, *rhs)
                    .map(|pattern| integer.attribute(pattern, result_type));
            }
            let checked = matches!(attributes.get("checked"), Some(Attribute::Bool(true)));
            integer_binary(name, integer, *lhs, *rhs, checked)
                .map(|pattern| integer.attribute(pattern, result_type))
        }
        [Attribute::Float { bits: lhs, ty }, Attribute::Float { bits: rhs, .. }] => {
            // A constant's value is read as its type holds it (`0.1 : f32` is the f32 nearest
            // 0.1), whatever digits the attribute was written with.
            let kind = float_kind(ty)?;
            let (lhs, rhs) =
                (round_to(kind, f64::from_bits(*lhs))?, round_to(kind, f64::from_bits(*rhs))?);
            if name == "arith.cmpf" {
                return compare_floats(predicate()?, lhs, rhs).map(bool_attribute);
            }
            float_binary_op(name, kind, lhs, rhs).map(|v| Attribute::float(v, ty.clone()))
        }
        [Attribute::Float { bits, .. }, Attribute::Integer { value: exponent, .. }]
            if name == "math.fpowi" =>
        {
            // Only the powers whose result needs no rounding.
            let base = f64::from_bits(*bits);
            match *exponent {
                0 => Some(Attribute::float(1.0, result_type.clone())),
                1 => Some(Attribute::float(base, result_type.clone())),
                _ => None,
            }
        }
        [operand] => unary(name, operand, result_type),
        _ => None,
    }
}

/// The N-bit pattern of `lhs op rhs`.
fn integer_binary(
    name: &str,
    integer: IntegerType,
    lhs: i128,
    rhs: i128,
    checked: bool,
) -> Option<u128> {
    let (lhs_bits, rhs_bits) = (integer.pattern(lhs), integer.pattern(rhs));
    let (lhs_canonical, rhs_canonical) = (integer.canonical(lhs_bits), integer.canonical(rhs_bits));
    let (lhs_signed, rhs_signed) = (integer.signed_value(lhs_bits), integer.signed_value(rhs_bits));
    let (lhs_unsigned, rhs_unsigned) =
        (integer.unsigned_value(lhs_bits), integer.unsigned_value(rhs_bits));
    let signed_min = -(1i128 << (integer.bits - 1));
    // Signed division faults on a zero divisor and overflows on `MIN / -1`.
    let signed_division_ok = rhs_signed != 0 && !(lhs_signed == signed_min && rhs_signed == -1);
    // `{checked = true}` ops fold only when the exact result is in range.
    let exact = |value: Option<i128>| -> Option<u128> {
        match value {
            Some(value) if !checked || integer.contains(value) => Some(integer.pattern(value)),
            _ => None,
        }
    };
    let pattern = |value: i128| Some(integer.pattern(value));
    match name {
        "arith.addi" => exact(lhs_canonical.checked_add(rhs_canonical)),
        "arith.subi" => exact(lhs_canonical.checked_sub(rhs_canonical)),
        "arith.muli" => match lhs_canonical.checked_mul(rhs_canonical) {
            Some(product) => exact(Some(product)),
            None if !checked => Some(lhs_bits.wrapping_mul(rhs_bits) & integer.mask()),
            None => None,
        },
        "arith.divsi" if signed_division_ok => pattern(lhs_signed / rhs_signed),
        "arith.remsi" if signed_division_ok => pattern(lhs_signed % rhs_signed),
        "arith.floordivsi" if signed_division_ok => {
            let mut quotient = lhs_signed / rhs_signed;
            if lhs_signed % rhs_signed != 0 && ((lhs_signed < 0) != (rhs_signed < 0)) {
                quotient -= 1;
            }
            pattern(quotient)
        }
        "arith.floorremsi" if signed_division_ok => {
            let mut remainder = lhs_signed % rhs_signed;
            if remainder != 0 && ((remainder < 0) != (rhs_signed < 0)) {
                remainder += rhs_signed;
            }
            pattern(remainder)
        }
        "arith.divui" if rhs_unsigned != 0 => pattern(lhs_unsigned / rhs_unsigned),
        "arith.remui" if rhs_unsigned != 0 => pattern(lhs_unsigned % rhs_unsigned),
        "arith.andi" => Some(lhs_bits & rhs_bits),
        "arith.ori" => Some(lhs_bits | rhs_bits),
        "arith.xori" => Some(lhs_bits ^ rhs_bits),
        "arith.shli" if rhs_unsigned < i128::from(integer.bits) => {
            Some((lhs_bits << rhs_unsigned) & integer.mask())
        }
        "arith.shrsi" if rhs_unsigned < i128::from(integer.bits) => {
            pattern(lhs_signed >> rhs_unsigned)
        }
        "arith.shrui" if rhs_unsigned < i128::from(integer.bits) => Some(lhs_bits >> rhs_unsigned),
        "arith.maxsi" => pattern(lhs_signed.max(rhs_signed)),
        "arith.minsi" => pattern(lhs_signed.min(rhs_signed)),
        "arith.maxui" => pattern(lhs_unsigned.max(rhs_unsigned)),
        "arith.minui" => pattern(lhs_unsigned.min(rhs_unsigned)),
        _ => None,
    }
}

/// `arith.cmpi`: each predicate reads the patterns signed (`s..`) or unsigned (`u..`).
pub fn compare_integers(
    integer: IntegerType,
    predicate: &str,
    lhs: i128,
    rhs: i128,
) -> Option<bool> {
    let (lhs_bits, rhs_bits) = (integer.pattern(lhs), integer.pattern(rhs));
    let (ls, rs) = (integer.signed_value(lhs_bits), integer.signed_value(rhs_bits));
    let (lu, ru) = (integer.unsigned_value(lhs_bits), integer.unsigned_value(rhs_bits));
    Some(match predicate {
        "eq" => lhs_bits == rhs_bits,
        "ne" => lhs_bits != rhs_bits,
        "slt" => ls < rs,
        "sle" => ls <= rs,
        "sgt" => ls > rs,
        "sge" => ls >= rs,
        "ult" => lu < ru,
        "ule" => lu <= ru,
        "ugt" => lu > ru,
        "uge" => lu >= ru,
        _ => return None,
    })
}

/// `arith.cmpf`: `o..` predicates are false and `u..` true when either side is NaN.
fn compare_floats(predicate: &str, lhs: f64, rhs: f64) -> Option<bool> {
    let unordered = lhs.is_nan() || rhs.is_nan();
    Some(match predicate {
        "false" => false,
        "true" => true,
        "ord" => !unordered,
        "uno" => unordered,
        "oeq" => !unordered && lhs == rhs,
        "ogt" => !unordered && lhs > rhs,
        "oge" => !unordered && lhs >= rhs,
        "olt" => !unordered && lhs < rhs,
        "ole" => !unordered && lhs <= rhs,
        "one" => !unordered && lhs != rhs,
        "ueq" => unordered || lhs == rhs,
        "ugt" => unordered || lhs > rhs,
        "uge" => unordered || lhs >= rhs,
        "ult" => unordered || lhs < rhs,
        "ule" => unordered || lhs <= rhs,
        "une" => unordered || lhs != rhs,
        _ => return None,
    })
}

/// `math.ipowi`: a non-negative exponent, and the exact power in the type's range (whether
/// the target wraps or panics on overflow is not folded away).
fn integer_power(integer: IntegerType, base: i128, exponent: i128) -> Option<u128> {
    let base = integer.canonical(integer.pattern(base));
    let exponent = integer.canonical(integer.pattern(exponent));
    if exponent < 0 {
        return None;
    }
    let power = match base {
        0 => i128::from(exponent == 0),
        1 => 1,
        -1 => {
            if exponent % 2 == 0 {
                1
            } else {
                -1
            }
        }
        _ if exponent > 128 => return None,
        _ => {
            let mut power: i128 = 1;
            for _ in 0..exponent {
                power = power.checked_mul(base)?;
            }
            power
        }
    };
    integer.contains(power).then(|| integer.pattern(power))
}

fn float_binary_op(name: &str, kind: FloatKind, lhs: f64, rhs: f64) -> Option<f64> {
    let operation = match name {
        "arith.addf" => FloatOperation::Add,
        "arith.subf" => FloatOperation::Sub,
        "arith.mulf" => FloatOperation::Mul,
        "arith.divf" if rhs != 0.0 => FloatOperation::Div,
        "arith.remf" | "math.fmod" if rhs != 0.0 => FloatOperation::Rem,
        "arith.maxf" | "arith.minf" => {
            let both_zero = lhs == 0.0 && rhs == 0.0;
            if lhs.is_nan() || rhs.is_nan() || (both_zero && lhs.to_bits() != rhs.to_bits()) {
                return None;
            }
            return Some(if name == "arith.maxf" { lhs.max(rhs) } else { lhs.min(rhs) });
        }
        "arith.floordivf" if kind == FloatKind::F64 => {
            return python_float_divmod(lhs, rhs).map(|(quotient, _)| quotient)
        }
        "arith.floorremf" if kind == FloatKind::F64 => {
            return python_float_divmod(lhs, rhs).map(|(_, remainder)| remainder)
        }
        _ => return None,
    };
    float_binary(kind, operation, lhs, rhs)
}

fn unary(name: &str, operand: &Attribute, result_type: &Type) -> Option<Attribute> {
    match operand {
        Attribute::Integer { value, ty } => {
            integer_unary(name, IntegerType::of(ty)?, *value, result_type)
        }
        Attribute::Float { bits, ty } => {
            let kind = float_kind(ty)?;
            float_unary(name, kind, round_to(kind, f64::from_bits(*bits))?, result_type)
        }
        _ => None,
    }
}

fn integer_unary(
    name: &str,
    source: IntegerType,
    value: i128,
    result_type: &Type,
) -> Option<Attribute> {
    let bits = source.pattern(value);
    let signed = source.signed_value(bits);
    let unsigned = source.unsigned_value(bits);
    let to_integer = |value: i128| {
        let target = IntegerType::of(result_type)?;
        Some(target.attribute(target.pattern(value), result_type))
    };
    let to_float = |value: i128| {
        let kind = float_kind(result_type)?;
        let converted = match kind {
            FloatKind::F64 => value as f64,
            FloatKind::F32 => f64::from(value as f32),
            FloatKind::F16 | FloatKind::BF16 => return None,
        };
        Some(Attribute::float(converted, result_type.clone()))
    };
    match name {
        "arith.extsi" => to_integer(signed),
        "arith.extui" | "arith.trunci" => to_integer(unsigned),
        "arith.index_cast" => {
            let source_is_unsigned = !source.signed && source.bits > 1;
            if source_is_unsigned && source.bits < 64 && signed < 0 {
                return None;
            }
            to_integer(signed)
        }
        "arith.sitofp" => to_float(signed),
        "arith.uitofp" => to_float(unsigned),
        "arith.bitcast" => match result_type {
            Type::Float(FloatKind::F64) if source.bits == 64 => {
                non_nan(f64::from_bits(bits as u64), result_type)
            }
            Type::Float(FloatKind::F32) if source.bits == 32 => {
                non_nan(f64::from(f32::from_bits(bits as u32)), result_type)
            }
            _ => {
                let target = IntegerType::of(result_type)?;
                (target.bits == source.bits).then(|| target.attribute(bits, result_type))
            }
        },
        // Wraps at the minimum (`absi(MIN) == MIN`); `uN` values are their own.
        "math.absi" if source.signed => {
            Some(source.attribute(source.pattern(signed.abs()), result_type))
        }
        "math.absi" => Some(source.attribute(bits, result_type)),
        _ => None,
    }
}

fn non_nan(value: f64, ty: &Type) -> Option<Attribute> {
    (!value.is_nan()).then(|| Attribute::float(value, ty.clone()))
}

fn float_unary(name: &str, kind: FloatKind, value: f64, result_type: &Type) -> Option<Attribute> {
    let same_type = |value: f64| Some(Attribute::float(value, result_type.clone()));
    match name {
        // Sign changes and integral rounding are exact in every precision.
        "arith.negf" => same_type(-value),
        "math.absf" => same_type(value.abs()),
        "math.floor" => same_type(value.floor()),
        "math.ceil" => same_type(value.ceil()),
        "math.sqrt" => same_type(float_sqrt(kind, value)?),
        "arith.extf" => same_type(value),
        "arith.truncf" => same_type(round_to(float_kind(result_type)?, value)?),
        "arith.fptosi" | "arith.fptoui" => {
            if value.is_nan() {
                return None;
            }
            let target = IntegerType::of(result_type)?;
            let truncated = value.trunc();
            let limit = 2f64.powi(target.bits as i32);
            let in_range = if name == "arith.fptosi" {
                truncated >= -limit / 2.0 && truncated < limit / 2.0
            } else {
                truncated >= 0.0 && truncated < limit
            };
            in_range.then(|| target.attribute(target.pattern(truncated as i128), result_type))
        }
        "arith.bitcast" => {
            let target = IntegerType::of(result_type)?;
            let bits = match kind {
                FloatKind::F64 if target.bits == 64 => value.to_bits(),
                FloatKind::F32 if target.bits == 32 && !value.is_nan() => {
                    u64::from((value as f32).to_bits())
                }
                _ => return None,
            };
            Some(target.attribute(u128::from(bits), result_type))
        }
        _ => None,
    }
}
