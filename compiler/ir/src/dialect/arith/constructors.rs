//! Builders for `arith` ops; result types follow from the operands.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::OpDefinition;
use crate::entity::ValueId;
use crate::module::OpState;
use crate::types::Type;

use super::{CONSTANT, SELECT};

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

/// `addi`, `subi` or `muli` with `{checked = true}`: panics on overflow in unoptimized builds.
pub fn checked_binary(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    lhs: ValueId,
    rhs: ValueId,
) -> ValueId {
    let ty = builder.module.value_type(lhs).clone();
    builder.append_value(
        OpState::new(op)
            .operands(&[lhs, rhs])
            .attribute("checked", Attribute::Bool(true))
            .results(&[ty]),
    )
}

/// `negf`: the result has the operand's type.
pub fn unary(builder: &mut Builder<'_>, op: &'static OpDefinition, value: ValueId) -> ValueId {
    let ty = builder.module.value_type(value).clone();
    builder.append_value(OpState::new(op).operands(&[value]).results(&[ty]))
}

/// One of the casts (`EXTSI`, `SITOFP`, `BITCAST`...) of `value` to `target`.
pub fn cast(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    value: ValueId,
    target: Type,
) -> ValueId {
    builder.append_value(OpState::new(op).operands(&[value]).results(&[target]))
}
