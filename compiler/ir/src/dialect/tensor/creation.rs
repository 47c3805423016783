//! Making tensors (`tensor.zeros`...) and their properties (`tensor.dim`...).

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{
    expect_operands, expect_results, expect_type, one_of, operand, result, Check,
};
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

use super::{shape_type, tensor_of, tensor_operand, tensor_result, DISTRIBUTIONS};

op!(ZEROS, "tensor.zeros", "a new tensor of zeros of a shape", [], verify_filled);
op!(ONES, "tensor.ones", "a new tensor of ones of a shape", [], verify_filled);
op!(FULL, "tensor.full", "a new tensor of a shape, every element the value", [], verify_full);
op!(ARANGE, "tensor.arange", "the 1-d tensor 0, 1, ..., stop - 1", [], verify_arange);
op!(
    RANDOM,
    "tensor.random",
    "a new tensor of random floats by `distribution`, reproducible for a seed",
    [],
    verify_random
);
// `dim` panics on a dimension out of range; `shape` makes a new list.
op!(DIM, "tensor.dim", "the size of one dimension", [], verify_dim);
op!(NUMEL, "tensor.numel", "the number of elements", [Pure], verify_count);
op!(RANK, "tensor.rank", "the number of dimensions", [Pure], verify_count);
op!(SHAPE, "tensor.shape", "the sizes of the dimensions, as a new list", [], verify_shape);

fn verify_filled(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    expect_type("a shape", operand(module, op, 0), &shape_type())?;
    tensor_result(module, op, 0).map(|_| ())
}

fn verify_full(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    expect_type("a shape", operand(module, op, 0), &shape_type())?;
    let element = tensor_result(module, op, 0)?;
    expect_type("a value", operand(module, op, 1), element)
}

fn verify_arange(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    let element = tensor_result(module, op, 0)?;
    expect_type("a stop", operand(module, op, 0), element)
}

fn verify_random(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    expect_type("a shape", operand(module, op, 0), &shape_type())?;
    expect_type("a seed", operand(module, op, 1), &Type::I64)?;
    one_of(module, op, "distribution", DISTRIBUTIONS)?;
    let element = tensor_result(module, op, 0)?;
    if !element.is_float() {
        return Err(format!("expects a result !tensor of floats, found {}", result(module, op, 0)));
    }
    Ok(())
}

fn verify_dim(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    tensor_operand(module, op, 0)?;
    expect_type("a dimension", operand(module, op, 1), &Type::I64)?;
    expect_type("a result", result(module, op, 0), &Type::I64)
}

fn verify_count(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    tensor_operand(module, op, 0)?;
    expect_type("a result", result(module, op, 0), &Type::I64)
}

fn verify_shape(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    tensor_operand(module, op, 0)?;
    expect_type("a result", result(module, op, 0), &shape_type())
}

// ---- constructors ----

/// `ZEROS` or `ONES` of `element`s in `shape` (a `!list<i64>`).
pub fn filled(
    builder: &mut Builder<'_>,
    op: &'static crate::dialect::OpDefinition,
    shape: ValueId,
    element: Type,
) -> ValueId {
    builder.append_value(OpState::new(op).operands(&[shape]).results(&[tensor_of(element)]))
}

pub fn full(builder: &mut Builder<'_>, shape: ValueId, value: ValueId) -> ValueId {
    let element = builder.module.value_type(value).clone();
    builder
        .append_value(OpState::new(&FULL).operands(&[shape, value]).results(&[tensor_of(element)]))
}

pub fn arange(builder: &mut Builder<'_>, stop: ValueId) -> ValueId {
    let element = builder.module.value_type(stop).clone();
    builder.append_value(OpState::new(&ARANGE).operands(&[stop]).results(&[tensor_of(element)]))
}

/// `rand` (`"uniform"`) or `randn` (`"normal"`) of float `element`s.
pub fn random(
    builder: &mut Builder<'_>,
    shape: ValueId,
    seed: ValueId,
    element: Type,
    distribution: &str,
) -> ValueId {
    builder.append_value(
        OpState::new(&RANDOM)
            .operands(&[shape, seed])
            .attribute("distribution", Attribute::String(distribution.to_string()))
            .results(&[tensor_of(element)]),
    )
}

pub fn dim(builder: &mut Builder<'_>, tensor: ValueId, dimension: ValueId) -> ValueId {
    builder.append_value(OpState::new(&DIM).operands(&[tensor, dimension]).results(&[Type::I64]))
}

/// `NUMEL`, `RANK` (an `i64`) or `SHAPE` (a `!list<i64>`) of `tensor`.
pub fn property(
    builder: &mut Builder<'_>,
    op: &'static crate::dialect::OpDefinition,
    tensor: ValueId,
) -> ValueId {
    let ty = if std::ptr::eq(op, &SHAPE) { shape_type() } else { Type::I64 };
    builder.append_value(OpState::new(op).operands(&[tensor]).results(&[ty]))
}
