//! The `arith` dialect: constants, integer and float arithmetic, comparisons, `select` and
//! casts. Binary ops take two operands and give one result, all of one type; comparisons
//! give `i1` and carry a string `predicate` attribute.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::{expect_counts, operand_types, result_types, OpDefinition, Trait};
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

macro_rules! op {
    ($static:ident, $name:literal, $summary:literal, $verify:expr) => {
        pub static $static: OpDefinition = OpDefinition {
            name: $name,
            summary: $summary,
            traits: &[Trait::Pure],
            regions: 0,
            verify: $verify,
        };
    };
}

op!(
    CONSTANT,
    "arith.constant",
    "a constant: the `value` attribute, typed as the result",
    verify_constant
);
op!(ADDI, "arith.addi", "integer addition, wrapping", verify_integer_binary);
op!(SUBI, "arith.subi", "integer subtraction, wrapping", verify_integer_binary);
op!(MULI, "arith.muli", "integer multiplication, wrapping", verify_integer_binary);
op!(DIVSI, "arith.divsi", "signed integer division, rounding toward zero", verify_integer_binary);
op!(REMSI, "arith.remsi", "signed integer remainder", verify_integer_binary);
op!(ADDF, "arith.addf", "float addition", verify_float_binary);
op!(SUBF, "arith.subf", "float subtraction", verify_float_binary);
op!(MULF, "arith.mulf", "float multiplication", verify_float_binary);
op!(DIVF, "arith.divf", "float division", verify_float_binary);
op!(CMPI, "arith.cmpi", "integer comparison by `predicate`", verify_cmpi);
op!(CMPF, "arith.cmpf", "float comparison by `predicate`", verify_cmpf);
op!(SELECT, "arith.select", "`%c ? %a : %b` with an `i1` condition", verify_select);
op!(EXTSI, "arith.extsi", "sign-extends an integer to a wider one", verify_extend_integer);
op!(EXTUI, "arith.extui", "zero-extends an integer to a wider one", verify_extend_integer);
op!(TRUNCI, "arith.trunci", "truncates an integer to a narrower one", verify_truncate_integer);
op!(SITOFP, "arith.sitofp", "signed integer to float", verify_integer_to_float);
op!(UITOFP, "arith.uitofp", "unsigned integer to float", verify_integer_to_float);
op!(
    FPTOSI,
    "arith.fptosi",
    "float to signed integer, rounding toward zero",
    verify_float_to_integer
);
op!(
    FPTOUI,
    "arith.fptoui",
    "float to unsigned integer, rounding toward zero",
    verify_float_to_integer
);
op!(EXTF, "arith.extf", "extends a float to a wider one", verify_extend_float);
op!(TRUNCF, "arith.truncf", "truncates a float to a narrower one", verify_truncate_float);
op!(INDEX_CAST, "arith.index_cast", "between `index` and an integer type", verify_index_cast);

pub static OPS: &[&OpDefinition] = &[
    &CONSTANT,
    &ADDI,
    &SUBI,
    &MULI,
    &DIVSI,
    &REMSI,
    &ADDF,
    &SUBF,
    &MULF,
    &DIVF,
    &CMPI,
    &CMPF,
    &SELECT,
    &EXTSI,
    &EXTUI,
    &TRUNCI,
    &SITOFP,
    &UITOFP,
    &FPTOSI,
    &FPTOUI,
    &EXTF,
    &TRUNCF,
    &INDEX_CAST,
];

pub const INTEGER_PREDICATES: &[&str] =
    &["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];
pub const FLOAT_PREDICATES: &[&str] = &[
    "false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule",
    "une", "uno", "true",
];

fn verify_constant(module: &Module, op: OpId) -> Result<(), String> {
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

fn verify_integer_binary(module: &Module, op: OpId) -> Result<(), String> {
    same_types(module, op, "integer", Type::is_integer_like)
}

fn verify_float_binary(module: &Module, op: OpId) -> Result<(), String> {
    same_types(module, op, "float", Type::is_float)
}

fn verify_compare(
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

fn verify_cmpi(module: &Module, op: OpId) -> Result<(), String> {
    verify_compare(module, op, "integer", Type::is_integer_like, INTEGER_PREDICATES)
}

fn verify_cmpf(module: &Module, op: OpId) -> Result<(), String> {
    verify_compare(module, op, "float", Type::is_float, FLOAT_PREDICATES)
}

fn verify_select(module: &Module, op: OpId) -> Result<(), String> {
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
fn verify_cast(
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

fn verify_extend_integer(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, is_sized_integer, is_sized_integer, |from, to| from < to)
}

fn verify_truncate_integer(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, is_sized_integer, is_sized_integer, |from, to| from > to)
}

fn verify_integer_to_float(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_integer_like, Type::is_float, |_, _| true)
}

fn verify_float_to_integer(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_float, Type::is_integer_like, |_, _| true)
}

fn verify_extend_float(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_float, Type::is_float, |from, to| from < to)
}

fn verify_truncate_float(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_float, Type::is_float, |from, to| from > to)
}

fn verify_index_cast(module: &Module, op: OpId) -> Result<(), String> {
    verify_cast(module, op, Type::is_integer_like, Type::is_integer_like, |_, _| true)?;
    let source = operand_types(module, op)[0];
    let target = result_types(module, op)[0];
    if (source == &Type::Index) == (target == &Type::Index) {
        return Err(format!("casts between index and an integer type, not {source} to {target}"));
    }
    Ok(())
}

// ---- constructors ----

pub fn constant_integer(builder: &mut Builder<'_>, value: i128, ty: Type) -> ValueId {
    builder.append_value(
        OpState::new(&CONSTANT)
            .attribute("value", Attribute::integer(value, ty.clone()))
            .results(&[ty]),
    )
}

pub fn constant_float(builder: &mut Builder<'_>, value: f64, ty: Type) -> ValueId {
    builder.append_value(
        OpState::new(&CONSTANT)
            .attribute("value", Attribute::float(value, ty.clone()))
            .results(&[ty]),
    )
}

/// One of the binary ops (`ADDI`, `MULF`, ...): the result has the left operand's type.
pub fn binary(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    lhs: ValueId,
    rhs: ValueId,
) -> ValueId {
    let ty = builder.module.value_type(lhs).clone();
    builder.append_value(OpState::new(op).operands(&[lhs, rhs]).results(&[ty]))
}

/// `arith.cmpi` (or `CMPF`) with the given predicate.
pub fn compare(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    predicate: &str,
    lhs: ValueId,
    rhs: ValueId,
) -> ValueId {
    builder.append_value(
        OpState::new(op)
            .operands(&[lhs, rhs])
            .attribute("predicate", Attribute::String(predicate.to_string()))
            .results(&[Type::I1]),
    )
}

pub fn select(
    builder: &mut Builder<'_>,
    condition: ValueId,
    if_true: ValueId,
    if_false: ValueId,
) -> ValueId {
    let ty = builder.module.value_type(if_true).clone();
    builder.append_value(
        OpState::new(&SELECT).operands(&[condition, if_true, if_false]).results(&[ty]),
    )
}
