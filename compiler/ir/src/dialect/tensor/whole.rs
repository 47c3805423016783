//! Whole-tensor operations, as lowering writes them for `Tensor[T]` expressions: elementwise
//! `tensor.binary` (with broadcasting, one side possibly a scalar) and `tensor.unary`,
//! reductions, the matrix product, reshaping, copies and moves between devices.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{
    expect_operands, expect_results, expect_type, one_of, operand, result, Check,
};
use crate::dialect::OpDefinition;
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

use super::{
    numeric_element, shape_type, tensor_of, tensor_operand, BINARY_KINDS, DEVICES, REDUCE_KINDS,
    UNARY_KINDS,
};

op!(
    BINARY,
    "tensor.binary",
    "elementwise `kind` of two tensors (broadcast) or a tensor and a scalar",
    [],
    verify_binary
);
op!(UNARY, "tensor.unary", "elementwise `kind` of a tensor", [], verify_unary);
op!(
    BROADCAST,
    "tensor.broadcast",
    "the first tensor broadcast to the second's shape",
    [],
    verify_broadcast
);
op!(REDUCE, "tensor.reduce", "reduces every element by `kind` to a scalar", [], verify_reduce);
op!(MATMUL, "tensor.matmul", "the matrix product", [], verify_same_tensors);
op!(RESHAPE, "tensor.reshape", "the elements in a new shape", [], verify_reshape);
op!(COPY, "tensor.copy", "a copy", [], verify_copy);
op!(TO_DEVICE, "tensor.to_device", "a copy on `device`", [], verify_copy);

/// The element type of a `tensor.binary` result: the operands' own, but `div` of integers
/// gives floats (`/` on `Tensor[i64]` is a `Tensor[f64]`).
pub fn binary_result_element(kind: &str, element: &Type) -> Type {
    if kind == "div" && element.is_integer_like() {
        Type::F64
    } else {
        element.clone()
    }
}

fn verify_binary(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    let kind = one_of(module, op, "kind", BINARY_KINDS)?;
    let (lhs, rhs) = (operand(module, op, 0), operand(module, op, 1));
    let element = match (numeric_element(lhs), numeric_element(rhs)) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), None) if rhs == a => a,
        (None, Some(b)) if lhs == b => b,
        _ => {
            return Err(format!(
                "expects two tensors of one element type, or a tensor and a scalar of its element type, found {lhs} and {rhs}"
            ))
        }
    };
    let expected = tensor_of(binary_result_element(kind, element));
    expect_type("a result", result(module, op, 0), &expected)
}

fn verify_unary(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    let kind = one_of(module, op, "kind", UNARY_KINDS)?;
    let element = tensor_operand(module, op, 0)?;
    if kind == "invert" && !matches!(element, Type::Int(_) | Type::UInt(_)) {
        return Err(format!(
            "`invert` expects a tensor of integers, found {}",
            operand(module, op, 0)
        ));
    }
    if !matches!(kind, "neg" | "abs" | "invert") && !element.is_float() {
        return Err(format!(
            "`{kind}` expects a tensor of floats, found {}",
            operand(module, op, 0)
        ));
    }
    expect_type("a result", result(module, op, 0), operand(module, op, 0))
}

fn verify_broadcast(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    tensor_operand(module, op, 0)?;
    tensor_operand(module, op, 1)?;
    expect_type("a result", result(module, op, 0), operand(module, op, 0))
}

fn verify_reduce(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    one_of(module, op, "kind", REDUCE_KINDS)?;
    let element = tensor_operand(module, op, 0)?;
    expect_type("a result", result(module, op, 0), element)
}

fn verify_same_tensors(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    tensor_operand(module, op, 0)?;
    expect_type("operand 1", operand(module, op, 1), operand(module, op, 0))?;
    expect_type("a result", result(module, op, 0), operand(module, op, 0))
}

fn verify_reshape(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    tensor_operand(module, op, 0)?;
    expect_type("a shape", operand(module, op, 1), &shape_type())?;
    expect_type("a result", result(module, op, 0), operand(module, op, 0))
}

fn verify_copy(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    tensor_operand(module, op, 0)?;
    if std::ptr::eq(module.ops[op].definition, &TO_DEVICE) {
        one_of(module, op, "device", DEVICES)?;
    }
    expect_type("a result", result(module, op, 0), operand(module, op, 0))
}

// ---- constructors ----

fn kind(value: &str) -> Attribute {
    Attribute::String(value.to_string())
}

/// The element type of a tensor value, or of a scalar.
fn element_of(builder: &Builder<'_>, value: ValueId) -> Type {
    let ty = builder.module.value_type(value);
    ty.tensor_element().unwrap_or(ty).clone()
}

/// Elementwise `kind` (`"add"`...) of `lhs` and `rhs`, at least one a tensor.
pub fn binary(builder: &mut Builder<'_>, kind_name: &str, lhs: ValueId, rhs: ValueId) -> ValueId {
    let element = element_of(builder, lhs);
    let result = tensor_of(binary_result_element(kind_name, &element));
    builder.append_value(
        OpState::new(&BINARY)
            .operands(&[lhs, rhs])
            .attribute("kind", kind(kind_name))
            .results(&[result]),
    )
}

/// Elementwise `kind` (`"neg"`, `"exp"`...) of a tensor.
pub fn unary(builder: &mut Builder<'_>, kind_name: &str, tensor: ValueId) -> ValueId {
    let ty = builder.module.value_type(tensor).clone();
    builder.append_value(
        OpState::new(&UNARY).operands(&[tensor]).attribute("kind", kind(kind_name)).results(&[ty]),
    )
}

/// `tensor` broadcast to the shape of `like`.
pub fn broadcast(builder: &mut Builder<'_>, tensor: ValueId, like: ValueId) -> ValueId {
    let ty = builder.module.value_type(tensor).clone();
    builder.append_value(OpState::new(&BROADCAST).operands(&[tensor, like]).results(&[ty]))
}

/// `t.sum()`, `t.max()`... by `kind`.
pub fn reduce(builder: &mut Builder<'_>, kind_name: &str, tensor: ValueId) -> ValueId {
    let element = element_of(builder, tensor);
    builder.append_value(
        OpState::new(&REDUCE)
            .operands(&[tensor])
            .attribute("kind", kind(kind_name))
            .results(&[element]),
    )
}

/// `MATMUL` (with a second tensor) or `RESHAPE` (with a `!list<i64>` shape): the result has
/// the first operand's type.
pub fn with_operand(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    tensor: ValueId,
    other: ValueId,
) -> ValueId {
    let ty = builder.module.value_type(tensor).clone();
    builder.append_value(OpState::new(op).operands(&[tensor, other]).results(&[ty]))
}

pub fn copy(builder: &mut Builder<'_>, tensor: ValueId) -> ValueId {
    let ty = builder.module.value_type(tensor).clone();
    builder.append_value(OpState::new(&COPY).operands(&[tensor]).results(&[ty]))
}

/// A copy of `tensor` on `device` (`"gpu"` or `"cpu"`).
pub fn to_device(builder: &mut Builder<'_>, tensor: ValueId, device: &str) -> ValueId {
    let ty = builder.module.value_type(tensor).clone();
    builder.append_value(
        OpState::new(&TO_DEVICE)
            .operands(&[tensor])
            .attribute("device", Attribute::String(device.to_string()))
            .results(&[ty]),
    )
}
