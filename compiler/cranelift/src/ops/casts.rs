//! `arith` casts: integer widths, integer <-> float, float widths, bit casts.
//!
//! The contract fixes the edge cases: float-to-integer casts saturate (NaN gives 0), `uN`
//! widens with zeros and `iN` with its sign. Conversions to f16/bf16 round once from the
//! exact source (an integer of more than 16 bits or an f64 goes through a helper, never
//! through f32, which would round twice).

use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value};
use mlc_ir::{OpId, Type};

use crate::function::Translator;
use crate::symbols::Helper;
use crate::types::Scalar;

const CASTS: &[&str] = &[
    "extsi",
    "extui",
    "trunci",
    "index_cast",
    "sitofp",
    "uitofp",
    "fptosi",
    "fptoui",
    "extf",
    "truncf",
    "bitcast",
];

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    if !CASTS.contains(&short) {
        return Ok(false);
    }
    let source_type = t.operand_type(op, 0)?;
    let from = t.scalar_of(source_type)?;
    let to = t.scalar_of(t.result_type(op, 0)?)?;
    let value = t.operand(op, 0)?;
    let result = match short {
        "extsi" => resize_integer(t, value, from, to, true),
        "extui" | "trunci" => resize_integer(t, value, from, to, false),
        // The source type says how to widen: `uN` with zeros, `iN` (and `i1`) with its sign.
        "index_cast" => {
            let signed = !matches!(source_type, Type::UInt(_));
            resize_integer(t, value, from, to, signed)
        }
        "sitofp" => integer_to_float(t, value, from, to, true)?,
        "uitofp" => integer_to_float(t, value, from, to, false)?,
        "fptosi" => float_to_integer(t, value, to, true)?,
        "fptoui" => float_to_integer(t, value, to, false)?,
        "extf" | "truncf" => resize_float(t, value, from, to)?,
        "bitcast" => {
            let bits = to_bits(t, value, from)?;
            from_bits(t, bits, to)?
        }
        _ => unreachable!("checked against CASTS"),
    };
    t.define_result(op, result)?;
    Ok(true)
}

/// An integer (or `i1`) to another width, extending by sign when `signed`.
pub(super) fn resize_integer(
    t: &mut Translator<'_, '_, '_>,
    value: Value,
    from: Scalar,
    to: Scalar,
    signed: bool,
) -> Value {
    // A signed `i1` is 0 or -1: make the byte hold that before extending.
    let value = if from == Scalar::Bool && signed { t.b.ins().ineg(value) } else { value };
    let (from_ty, to_ty) = (t.clif(from), t.clif(to));
    let value = if to_ty.bits() > from_ty.bits() {
        if signed {
            t.b.ins().sextend(to_ty, value)
        } else {
            t.b.ins().uextend(to_ty, value)
        }
    } else if to_ty.bits() < from_ty.bits() {
        t.b.ins().ireduce(to_ty, value)
    } else {
        value
    };
    if to == Scalar::Bool {
        t.b.ins().band_imm_u(value, 1)
    } else {
        value
    }
}

fn integer_bits(scalar: Scalar) -> Result<u32, String> {
    match scalar {
        Scalar::Bool => Ok(1),
        Scalar::Int { bits, .. } => Ok(u32::from(bits)),
        other => Err(format!("expects an integer, found {other:?}")),
    }
}

fn integer_to_float(
    t: &mut Translator<'_, '_, '_>,
    value: Value,
    from: Scalar,
    to: Scalar,
    signed: bool,
) -> Result<Value, String> {
    let bits = integer_bits(from)?;
    let int64 = Scalar::Int { bits: 64, signed };
    if matches!(to, Scalar::F16 | Scalar::BF16) && bits > 16 {
        let wide = resize_integer(t, value, from, int64, signed);
        let helper = match (to, signed) {
            (Scalar::F16, true) => Helper::I64ToF16,
            (Scalar::F16, false) => Helper::U64ToF16,
            (_, true) => Helper::I64ToBf16,
            (_, false) => Helper::U64ToBf16,
        };
        return Ok(t.call_helper(helper, wide));
    }
    // f32/f64, or an integer of at most 16 bits (exact in f32, then rounded once).
    let float = if to == Scalar::F64 { types::F64 } else { types::F32 };
    let converted = if bits == 64 && !signed {
        t.b.ins().fcvt_from_uint(float, value)
    } else if bits == 64 {
        t.b.ins().fcvt_from_sint(float, value)
    } else {
        // Every narrower integer is exact in i64, read as signed once extended properly.
        let wide = resize_integer(t, value, from, int64, signed);
        t.b.ins().fcvt_from_sint(float, wide)
    };
    Ok(t.round_to(converted, to))
}

/// A saturating conversion (NaN gives 0) to the range of `to` read as signed or unsigned.
fn float_to_integer(
    t: &mut Translator<'_, '_, '_>,
    value: Value,
    to: Scalar,
    signed: bool,
) -> Result<Value, String> {
    let bits = integer_bits(to)?;
    let target = t.clif(to);
    if bits >= 32 {
        return Ok(if signed {
            t.b.ins().fcvt_to_sint_sat(target, value)
        } else {
            t.b.ins().fcvt_to_uint_sat(target, value)
        });
    }
    // Narrow targets: saturate to i32 first, then clamp to the narrow range.
    let wide = if signed {
        let converted = t.b.ins().fcvt_to_sint_sat(types::I32, value);
        let (low, high) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
        let low = t.iconst(types::I32, low);
        let high = t.iconst(types::I32, high);
        let clamped = t.b.ins().smax(converted, low);
        t.b.ins().smin(clamped, high)
    } else {
        let converted = t.b.ins().fcvt_to_uint_sat(types::I32, value);
        let high = t.iconst(types::I32, (1i64 << bits) - 1);
        t.b.ins().umin(converted, high)
    };
    let narrow = t.b.ins().ireduce(target, wide);
    // A signed `i1` came out as 0 or -1: keep the bit.
    Ok(if to == Scalar::Bool { t.b.ins().band_imm_u(narrow, 1) } else { narrow })
}

fn resize_float(
    t: &mut Translator<'_, '_, '_>,
    value: Value,
    from: Scalar,
    to: Scalar,
) -> Result<Value, String> {
    Ok(match (from, to) {
        (Scalar::F16 | Scalar::BF16 | Scalar::F32, Scalar::F64) => {
            t.b.ins().fpromote(types::F64, value)
        }
        // The f32 already holds the narrow value exactly.
        (Scalar::F16 | Scalar::BF16, Scalar::F32) => value,
        (Scalar::F64, Scalar::F32) => t.b.ins().fdemote(types::F32, value),
        (Scalar::F32, Scalar::F16 | Scalar::BF16) => t.round_to(value, to),
        (Scalar::F64, Scalar::F16) => t.call_helper(Helper::F64ToF16, value),
        (Scalar::F64, Scalar::BF16) => t.call_helper(Helper::F64ToBf16, value),
        _ => return Err(format!("cannot convert {from:?} to {to:?}")),
    })
}

/// The bits of a number as an integer of its width.
fn to_bits(t: &mut Translator<'_, '_, '_>, value: Value, from: Scalar) -> Result<Value, String> {
    Ok(match from {
        Scalar::Int { .. } => value,
        Scalar::F32 => t.b.ins().bitcast(types::I32, MemFlagsData::new(), value),
        Scalar::F64 => t.b.ins().bitcast(types::I64, MemFlagsData::new(), value),
        Scalar::F16 | Scalar::BF16 => {
            let helper = if from == Scalar::F16 { Helper::F16ToBits } else { Helper::Bf16ToBits };
            let bits = t.call_helper(helper, value);
            t.b.ins().ireduce(types::I16, bits)
        }
        other => return Err(format!("cannot bitcast {other:?}")),
    })
}

/// The number of type `to` whose bits are the integer `bits`.
fn from_bits(t: &mut Translator<'_, '_, '_>, bits: Value, to: Scalar) -> Result<Value, String> {
    Ok(match to {
        Scalar::Int { .. } => bits,
        Scalar::F32 | Scalar::F64 => {
            let ty = t.clif(to);
            t.b.ins().bitcast(ty, MemFlagsData::new(), bits)
        }
        Scalar::F16 | Scalar::BF16 => {
            let wide = t.b.ins().uextend(types::I32, bits);
            let helper = if to == Scalar::F16 { Helper::F16FromBits } else { Helper::Bf16FromBits };
            t.call_helper(helper, wide)
        }
        other => return Err(format!("cannot bitcast to {other:?}")),
    })
}
