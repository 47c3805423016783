//! The `tensor` dialect: tensors as whole values (what lowering writes for `Tensor[T]`), the
//! fused form `tensor-fusion` makes of chains of elementwise ops (`tensor.map`,
//! `tensor.map_reduce`), and the loop level `tensor-to-loops` lowers them to (an iteration
//! space and linear element accesses).
//!
//! A `!tensor<T>` is a handle to a mutable, reference-counted n-dimensional array whose rank
//! and shape are known only at run time. So almost no op is `Pure`: each whole-tensor op
//! makes a new tensor, element reads cannot move across writes, and shape mismatches panic.

mod creation;
mod elements;
mod fused;
mod loops;
mod whole;

pub use creation::*;
pub use elements::*;
pub use fused::*;
pub use loops::*;
pub use whole::*;

use crate::dialect::checks::{is_scalar_number, operand, result};
use crate::dialect::OpDefinition;
use crate::entity::OpId;
use crate::module::Module;
use crate::types::Type;

pub static OPS: &[&OpDefinition] = &[
    &ZEROS,
    &ONES,
    &FULL,
    &ARANGE,
    &RANDOM,
    &DIM,
    &NUMEL,
    &RANK,
    &SHAPE,
    &LOAD,
    &STORE,
    &BINARY,
    &UNARY,
    &BROADCAST,
    &REDUCE,
    &MATMUL,
    &RESHAPE,
    &COPY,
    &TO_DEVICE,
    &MAP,
    &MAP_REDUCE,
    &YIELD,
    &SPACE,
    &SPACE_SIZE,
    &EMPTY,
    &LOAD_LINEAR,
    &STORE_LINEAR,
];

pub const BINARY_KINDS: &[&str] =
    &["add", "sub", "mul", "div", "floordiv", "mod", "pow", "max", "min"];
pub const UNARY_KINDS: &[&str] =
    &["neg", "invert", "exp", "log", "sqrt", "abs", "sin", "cos", "tanh"];
pub const REDUCE_KINDS: &[&str] = &["sum", "max", "min", "mean"];
pub const DEVICES: &[&str] = &["gpu", "cpu"];
pub const DISTRIBUTIONS: &[&str] = &["uniform", "normal"];

fn tensor_of(element: Type) -> Type {
    Type::Tensor(Box::new(element))
}

/// The element type of `ty` if it is a tensor of numbers (or `i1`).
fn numeric_element(ty: &Type) -> Option<&Type> {
    ty.tensor_element().filter(|element| is_scalar_number(element))
}

/// The element type of the tensor in operand `index`.
fn tensor_operand(module: &Module, op: OpId, index: usize) -> Result<&Type, String> {
    let ty = operand(module, op, index);
    numeric_element(ty)
        .ok_or_else(|| format!("expects operand {index} to be a !tensor of numbers, found {ty}"))
}

/// The element type of the tensor result `index`.
fn tensor_result(module: &Module, op: OpId, index: usize) -> Result<&Type, String> {
    let ty = result(module, op, index);
    numeric_element(ty).ok_or_else(|| format!("expects a result !tensor of numbers, found {ty}"))
}

/// The type of `list<i64>` shapes.
fn shape_type() -> Type {
    Type::List(Box::new(Type::I64))
}
