//! The loop level, made by `tensor-to-loops` from fused ops: an iteration space (the
//! broadcast shape of some tensors), a new tensor of that shape, and element accesses by
//! linear position in the space. A loaded tensor broadcasts: its element at a position is
//! the one its own shape maps that position to.

use crate::builder::Builder;
use crate::dialect::checks::{
    expect_operands, expect_operands_at_least, expect_results, expect_type, operand, result, Check,
};
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

use super::{tensor_of, tensor_operand, tensor_result};

op!(
    SPACE,
    "tensor.space",
    "the broadcast shape of the tensors; mismatched shapes panic",
    [],
    verify_space
);
op!(
    SPACE_SIZE,
    "tensor.space_size",
    "the number of positions of a space",
    [Pure],
    verify_space_size
);
op!(EMPTY, "tensor.empty", "a new tensor of a space's shape, its elements unset", [], verify_empty);
op!(
    LOAD_LINEAR,
    "tensor.load_linear",
    "the element of a tensor at a linear position of a space (broadcasting)",
    [],
    verify_load_linear
);
op!(
    STORE_LINEAR,
    "tensor.store_linear",
    "writes the element at a linear position of a tensor made by `tensor.empty`",
    [],
    verify_store_linear
);

fn verify_space(module: &Module, op: OpId) -> Check {
    expect_operands_at_least(module, op, 1)?;
    expect_results(module, op, 1)?;
    for index in 0..module.ops[op].operands.len() {
        tensor_operand(module, op, index)?;
    }
    expect_type("a result", result(module, op, 0), &Type::TensorSpace)
}

fn verify_space_size(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    expect_type("a space", operand(module, op, 0), &Type::TensorSpace)?;
    expect_type("a result", result(module, op, 0), &Type::I64)
}

fn verify_empty(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    expect_type("a space", operand(module, op, 0), &Type::TensorSpace)?;
    tensor_result(module, op, 0).map(|_| ())
}

fn verify_load_linear(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 3)?;
    expect_results(module, op, 1)?;
    let element = tensor_operand(module, op, 0)?;
    expect_type("a space", operand(module, op, 1), &Type::TensorSpace)?;
    expect_type("a position", operand(module, op, 2), &Type::I64)?;
    expect_type("a result", result(module, op, 0), element)
}

fn verify_store_linear(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 3)?;
    expect_results(module, op, 0)?;
    let element = tensor_operand(module, op, 1)?;
    expect_type("a value", operand(module, op, 0), element)?;
    expect_type("a position", operand(module, op, 2), &Type::I64)
}

// ---- constructors ----

pub fn space(builder: &mut Builder<'_>, tensors: &[ValueId]) -> ValueId {
    builder.append_value(OpState::new(&SPACE).operands(tensors).results(&[Type::TensorSpace]))
}

pub fn space_size(builder: &mut Builder<'_>, space: ValueId) -> ValueId {
    builder.append_value(OpState::new(&SPACE_SIZE).operands(&[space]).results(&[Type::I64]))
}

pub fn empty(builder: &mut Builder<'_>, space: ValueId, element: Type) -> ValueId {
    builder.append_value(OpState::new(&EMPTY).operands(&[space]).results(&[tensor_of(element)]))
}

pub fn load_linear(
    builder: &mut Builder<'_>,
    tensor: ValueId,
    space: ValueId,
    position: ValueId,
) -> ValueId {
    let element = builder
        .module
        .value_type(tensor)
        .tensor_element()
        .expect("tensor::load_linear on a value that is not a tensor")
        .clone();
    builder.append_value(
        OpState::new(&LOAD_LINEAR).operands(&[tensor, space, position]).results(&[element]),
    )
}

pub fn store_linear(
    builder: &mut Builder<'_>,
    value: ValueId,
    tensor: ValueId,
    position: ValueId,
) -> OpId {
    builder.append(OpState::new(&STORE_LINEAR).operands(&[value, tensor, position]))
}
