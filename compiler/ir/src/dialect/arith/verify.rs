//! The verifiers of `arith` ops.

use crate::attribute::Attribute;
use crate::dialect::checks::{expect_operands, expect_results, operand, optional_flag, result};
use crate::dialect::{expect_counts, operand_types, result_types};
use crate::entity::OpId;
use crate::module::Module;
use crate::types::Type;

use super::{FLOAT_PREDICATES, INTEGER_PREDICATES};

pub(super) fn verify_constant(module: &Module, op: OpId) -> Result<(), String> {
    expect_counts(module, op, 0, 1)?;
    let result = result_types(module, op)[0];
    let Some(value) = module.ops[op].attributes.get("value") else {
        return Err("expects a `value` attribute".to_string());
    };
    let fits = match value {
        Attribute::Integer { ty, .. } => ty.is_integer_like() && ty == result,
        Attribute::Float { ty, .. } => ty.is_float() && ty == result,
        _ => false,
    };
    if !fits {
        return Err(format!("`value` {value} does not have the result type {result}"));
    }
    Ok(())
}

fn same_types(
    module: &Module,
    op: OpId,
    what: &str,
    accepts: fn(&Type) -> bool,
) -> Result<(), String> {
    expect_counts(module, op, 2, 1)?;
    let operands = operand_types(module, op);
    let result = result_types(module, op)[0];
    if operands[0] != operands[1] || operands[0] != result {
        return Err(format!(
            "type mismatch: operands {} and {} and result {result} must have one type",
            operands[0], operands[1]
        ));
    }
    if !accepts(result) {
        return Err(format!("expects {what} operands, found {result}"));
    }
    Ok(())
}

pub(super) fn verify_integer_binary(module: &Module, op: OpId) -> Result<(), String> {
    same_types(module, op, "integer", Type::is_integer_like)
}

pub(super) fn verify_float_binary(module: &Module, op: OpId) -> Result<(), String> {
    same_types(module, op, "float", Type::is_float)
}

pub(super) fn verify_compare(
    module: &Module,
    op: OpId,
    what: &str,
    accepts: fn(&Type) -> bool,
    predicates: &[&str],
) -> Result<(), String> {
    expect_counts(module, op, 2, 1)?;
    let operands = operand_types(module, op);
    if operands[0] != operands[1] || !accepts(operands[0]) {
        return Err(format!(
            "expects two {what} operands of one type, found {} and {}",
            operands[0], operands[1]
        ));
    }
    if result_types(module, op)[0] != &Type::I1 {
        return Err("expects an i1 result".to_string());
    }
    match module.ops[op].attributes.get("predicate") {
        Some(Attribute::String(p)) if predicates.contains(&p.as_str()) => Ok(()),
        Some(other) => {
            Err(format!("unknown predicate {other}, expected one of {}", predicates.join(", ")))
        }
        None => Err("expects a `predicate` attribute".to_string()),
    }
}

pub(super) fn verify_cmpi(module: &Module, op: OpId) -> Result<(), String> {
    verify_compare(module, op, "integer", Type::is_integer_like, INTEGER_PREDICATES)
}

pub(super) fn verify_cmpf(module: &Module, op: OpId) -> Result<(), String> {
    verify_compare(module, op, "float", Type::is_float, FLOAT_PREDICATES)
}

pub(super) fn verify_select(module: &Module, op: OpId) -> Result<(), String> {
    expect_counts(module, op, 3, 1)?;
    let operands = operand_types(module, op);
    let result = result_types(module, op)[0];
    if operands[0] != &Type::I1 {
        return Err(format!("expects an i1 condition, found {}", operands[0]));
    }
    if operands[1] != result || operands[2] != result {
        return Err(format!(
            "type mismatch: {} and {} must both be the result type {result}",
            operands[1], operands[2]
        ));
    }
    Ok(())
}

/// Checks a one-operand cast: the kinds of both sides and how their widths compare.
pub(super) fn verify_cast(
    module: &Module,
    op: OpId,
    source_ok: fn(&Type) -> bool,
    target_ok: fn(&Type) -> bool,
    widths_ok: fn(u32, u32) -> bool,
) -> Result<(), String> {
    expect_counts(module, op, 1, 1)?;
    let source = operand_types(module, op)[0];
    let target = result_types(module, op)[0];
    let widths = match (source.bit_width(), target.bit_width()) {
        (Some(from), Some(to)) => widths_ok(from, to),
        _ => true,
    };
    if !source_ok(source) || !target_ok(target) || !widths {
        return Err(format!("cannot cast {source} to {target}"));
    }
    Ok(())
}

fn is_sized_integer(ty: &Type) -> bool {
    matches!(ty, Type::Int(_) | Type::UInt(_))
}

pub(super) fn verify_extend_integer(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, is_sized_integer, is_sized_integer, |from, to| from < to)
}

pub(super) fn verify_truncate_integer(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, is_sized_integer, is_sized_integer, |from, to| from > to)
}

pub(super) fn verify_integer_to_float(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_integer_like, Type::is_float, |_, _| true)
}

pub(super) fn verify_float_to_integer(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_float, Type::is_integer_like, |_, _| true)
}

pub(super) fn verify_extend_float(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_float, Type::is_float, |from, to| from < to)
}

pub(super) fn verify_truncate_float(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_float, Type::is_float, |from, to| from > to)
}

pub(super) fn verify_index_cast(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_integer_like, Type::is_integer_like, |_, _| true)?;
    let source = operand_types(module, op)[0];
    let target = result_types(module, op)[0];
    if (source == &Type::Index) == (target == &Type::Index) {
        return Err(format!("casts between index and an integer type, not {source} to {target}"));
    }
    Ok(())
}

pub(super) fn verify_checked_binary(module: &Module, op: OpId) -> Result<(), String> {
    verify_integer_binary(module, op)?;
    optional_flag(module, op, "checked").map(|_| ())
}

pub(super) fn verify_float_unary(module: &Module, op: OpId) -> Result<(), String> {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    let (source, target) = (operand(module, op, 0), result(module, op, 0));
    if source != target {
        return Err(format!(
            "type mismatch: operand {source} and result {target} must have one type"
        ));
    }
    if !source.is_float() {
        return Err(format!("expects a float operand, found {source}"));
    }
    Ok(())
}

pub(super) fn verify_bitcast(module: &Module, op: OpId) -> Result<(), String> {
    let numeric = |ty: &Type| is_sized_integer(ty) || ty.is_float();
    verify_cast(module, op, numeric, numeric, |from, to| from == to)
}
