//! `arith`: constants, integer and float arithmetic, comparisons and `select` (casts are in
//! `casts.rs`).
//!
//! Integers are signless in Cranelift; the op says how to read the bits. `i1` lives in an
//! `i8` holding 0 or 1: results of arithmetic on it are masked back to one bit, and signed
//! ops read it as 0 / -1 (its two's complement values). Floats of f16/bf16 compute in f32
//! and round after each operation that can leave the narrow type.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{InstBuilder, Value};
use mlc_ir::{Attribute, OpId};

use crate::function::Translator;
use crate::softfloat;
use crate::types::Scalar;

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    match short {
        "constant" => constant(t, op)?,
        "addi" | "subi" | "muli" | "divsi" | "remsi" | "divui" | "remui" | "andi" | "ori"
        | "xori" | "shli" | "shrsi" | "shrui" | "maxsi" | "minsi" | "maxui" | "minui" => {
            integer_binary(t, op, short)?
        }
        "addf" | "subf" | "mulf" | "divf" | "remf" | "maxf" | "minf" => float_binary(t, op, short)?,
        "negf" => {
            let value = t.operand(op, 0)?;
            let negated = t.b.ins().fneg(value);
            t.define_result(op, negated)?;
        }
        "cmpi" => compare_integers(t, op)?,
        "cmpf" => compare_floats(t, op)?,
        "select" => select(t, op)?,
        _ => return Ok(false),
    }
    Ok(true)
}

fn constant(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let scalar = t.scalar_of(t.result_type(op, 0)?)?;
    let value = match t.ir.ops[op].attributes.get("value") {
        Some(Attribute::Integer { value, .. }) => {
            let ty = t.clif(scalar);
            // i128 holds every u64 too; the low bits are the constant (i1: 0 or 1).
            let bits = if scalar == Scalar::Bool { *value & 1 } else { *value };
            t.iconst(ty, bits as i64)
        }
        Some(Attribute::Float { bits, .. }) => {
            let x = f64::from_bits(*bits);
            match scalar {
                Scalar::F64 => t.b.ins().f64const(x),
                Scalar::F32 => t.b.ins().f32const(x as f32),
                Scalar::F16 => t.b.ins().f32const(softfloat::round_constant(x, false)),
                Scalar::BF16 => t.b.ins().f32const(softfloat::round_constant(x, true)),
                other => return Err(format!("a float constant of type {other:?}")),
            }
        }
        other => return Err(format!("expects an integer or float `value`, found {other:?}")),
    };
    t.define_result(op, value)
}

/// The value of an `i1` read as a signed integer (0 or -1), anything else unchanged.
pub(super) fn signed_view(t: &mut Translator<'_, '_, '_>, value: Value, scalar: Scalar) -> Value {
    if scalar == Scalar::Bool {
        t.b.ins().ineg(value)
    } else {
        value
    }
}

fn integer_binary(t: &mut Translator<'_, '_, '_>, op: OpId, short: &str) -> Result<(), String> {
    if matches!(t.ir.ops[op].attributes.get("checked"), Some(Attribute::Bool(true))) {
        // The passes turn it into `ll.overflows` and a panic (or drop it): wrapping here
        // would silently lose the overflow check.
        return Err("`{checked = true}` arithmetic must be lowered before the back end".into());
    }
    let scalar = t.scalar_of(t.result_type(op, 0)?)?;
    let (a, b) = (t.operand(op, 0)?, t.operand(op, 1)?);
    let value = match short {
        "addi" => t.b.ins().iadd(a, b),
        "subi" => t.b.ins().isub(a, b),
        "muli" => t.b.ins().imul(a, b),
        "divsi" | "remsi" => {
            let (a, b) = (signed_view(t, a, scalar), signed_view(t, b, scalar));
            signed_division(t, a, b, short == "remsi")
        }
        "divui" => t.b.ins().udiv(a, b),
        "remui" => t.b.ins().urem(a, b),
        "andi" => t.b.ins().band(a, b),
        "ori" => t.b.ins().bor(a, b),
        "xori" => t.b.ins().bxor(a, b),
        "shli" => t.b.ins().ishl(a, b),
        "shrsi" => {
            let a = signed_view(t, a, scalar);
            t.b.ins().sshr(a, b)
        }
        "shrui" => t.b.ins().ushr(a, b),
        "maxsi" | "minsi" => {
            let (a, b) = (signed_view(t, a, scalar), signed_view(t, b, scalar));
            if short == "maxsi" {
                t.b.ins().smax(a, b)
            } else {
                t.b.ins().smin(a, b)
            }
        }
        "maxui" => t.b.ins().umax(a, b),
        "minui" => t.b.ins().umin(a, b),
        _ => unreachable!("dispatched above"),
    };
    let value = if scalar == Scalar::Bool { t.b.ins().band_imm_u(value, 1) } else { value };
    t.define_result(op, value)
}

/// `a / b` or `a % b` truncating, where `MIN / -1` gives `MIN` and `MIN % -1` gives 0
/// (Cranelift's `sdiv` traps there, as x86's `idiv` does). A zero divisor never gets here.
fn signed_division(t: &mut Translator<'_, '_, '_>, a: Value, b: Value, remainder: bool) -> Value {
    let ty = t.b.func.dfg.value_type(b);
    let minus_one = t.iconst(ty, -1);
    let one = t.iconst(ty, 1);
    let is_minus_one = t.b.ins().icmp(IntCC::Equal, b, minus_one);
    let divisor = t.b.ins().select(is_minus_one, one, b);
    if remainder {
        // `x % 1` is 0, the answer for -1 too.
        t.b.ins().srem(a, divisor)
    } else {
        let quotient = t.b.ins().sdiv(a, divisor);
        let negated = t.b.ins().ineg(a);
        t.b.ins().select(is_minus_one, negated, quotient)
    }
}

fn float_binary(t: &mut Translator<'_, '_, '_>, op: OpId, short: &str) -> Result<(), String> {
    let scalar = t.scalar_of(t.result_type(op, 0)?)?;
    let (a, b) = (t.operand(op, 0)?, t.operand(op, 1)?);
    let value = match short {
        "addf" => t.b.ins().fadd(a, b),
        "subf" => t.b.ins().fsub(a, b),
        "mulf" => t.b.ins().fmul(a, b),
        "divf" => t.b.ins().fdiv(a, b),
        // C's fmod (`fmodf` for f32 and the narrow floats).
        "remf" => return super::math::libm_call(t, op, "fmod", &[a, b], scalar),
        // NaN-propagating, -0.0 < +0.0: what the contract asks of `maxf`/`minf`.
        "maxf" => t.b.ins().fmax(a, b),
        "minf" => t.b.ins().fmin(a, b),
        _ => unreachable!("dispatched above"),
    };
    let value = match short {
        "maxf" | "minf" => value,
        _ => t.round_to(value, scalar),
    };
    t.define_result(op, value)
}

fn compare_integers(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let predicate = super::string_attribute(t.ir, op, "predicate")?;
    let scalar = t.scalar_of(t.operand_type(op, 0)?)?;
    let (a, b) = (t.operand(op, 0)?, t.operand(op, 1)?);
    let (cc, signed) = match predicate {
        "eq" => (IntCC::Equal, false),
        "ne" => (IntCC::NotEqual, false),
        "slt" => (IntCC::SignedLessThan, true),
        "sle" => (IntCC::SignedLessThanOrEqual, true),
        "sgt" => (IntCC::SignedGreaterThan, true),
        "sge" => (IntCC::SignedGreaterThanOrEqual, true),
        "ult" => (IntCC::UnsignedLessThan, false),
        "ule" => (IntCC::UnsignedLessThanOrEqual, false),
        "ugt" => (IntCC::UnsignedGreaterThan, false),
        "uge" => (IntCC::UnsignedGreaterThanOrEqual, false),
        other => return Err(format!("unknown predicate `{other}`")),
    };
    let (a, b) =
        if signed { (signed_view(t, a, scalar), signed_view(t, b, scalar)) } else { (a, b) };
    let value = t.b.ins().icmp(cc, a, b);
    t.define_result(op, value)
}

fn compare_floats(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let predicate = super::string_attribute(t.ir, op, "predicate")?;
    let (a, b) = (t.operand(op, 0)?, t.operand(op, 1)?);
    // LLVM's predicates: `o*` are false on NaN, `u*` true.
    let cc = match predicate {
        "false" | "true" => {
            let value =
                t.b.ins().iconst(cranelift_codegen::ir::types::I8, i64::from(predicate == "true"));
            return t.define_result(op, value);
        }
        "oeq" => FloatCC::Equal,
        "ogt" => FloatCC::GreaterThan,
        "oge" => FloatCC::GreaterThanOrEqual,
        "olt" => FloatCC::LessThan,
        "ole" => FloatCC::LessThanOrEqual,
        "one" => FloatCC::OrderedNotEqual,
        "ord" => FloatCC::Ordered,
        "ueq" => FloatCC::UnorderedOrEqual,
        "ugt" => FloatCC::UnorderedOrGreaterThan,
        "uge" => FloatCC::UnorderedOrGreaterThanOrEqual,
        "ult" => FloatCC::UnorderedOrLessThan,
        "ule" => FloatCC::UnorderedOrLessThanOrEqual,
        "une" => FloatCC::NotEqual,
        "uno" => FloatCC::Unordered,
        other => return Err(format!("unknown predicate `{other}`")),
    };
    let value = t.b.ins().fcmp(cc, a, b);
    t.define_result(op, value)
}

/// `select` of any type: one `select` per leaf.
fn select(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let condition = t.operand(op, 0)?;
    let if_true = t.leaves(t.operand_id(op, 1)?)?;
    let if_false = t.leaves(t.operand_id(op, 2)?)?;
    let leaves =
        if_true.iter().zip(&if_false).map(|(&a, &b)| t.b.ins().select(condition, a, b)).collect();
    let result = t.result_id(op, 0)?;
    t.define(result, leaves);
    Ok(())
}
