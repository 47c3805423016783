//! Element access by index: `tensor.load` and `tensor.store`, with as many `i64` indices as
//! the tensor's rank (checked at run time: the rank is not in the type). A negative index
//! counts from the end; out of range panics unless `{in_bounds = true}`
//! (`mem::set_in_bounds`), which `bounds-check-elim` sets when it proves the index in range.

use crate::builder::Builder;
use crate::dialect::checks::{
    expect_operands_at_least, expect_results, expect_type, operand, optional_flag, result,
    types_of, Check,
};
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

use super::tensor_operand;

op!(LOAD, "tensor.load", "the element at the `i64` indices", [], verify_load);
op!(STORE, "tensor.store", "writes the element at the `i64` indices", [], verify_store);

/// Checks the tensor at operand `first` and the indices after it; returns the element type.
fn element_access(module: &Module, op: OpId, first: usize) -> Result<&Type, String> {
    expect_operands_at_least(module, op, first + 1)?;
    let element = tensor_operand(module, op, first)?;
    let indices = types_of(module, &module.ops[op].operands[first + 1..]);
    for (position, index) in indices.into_iter().enumerate() {
        expect_type(&format!("index {position}"), index, &Type::I64)?;
    }
    optional_flag(module, op, "in_bounds")?;
    Ok(element)
}

fn verify_load(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    let element = element_access(module, op, 0)?;
    expect_type("a result", result(module, op, 0), element)
}

fn verify_store(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    let element = element_access(module, op, 1)?;
    expect_type("a value", operand(module, op, 0), element)
}

// ---- constructors ----

/// `tensor[indices...]`.
pub fn load(builder: &mut Builder<'_>, tensor: ValueId, indices: &[ValueId]) -> ValueId {
    let element = builder
        .module
        .value_type(tensor)
        .tensor_element()
        .expect("tensor::load on a value that is not a tensor")
        .clone();
    let mut operands = vec![tensor];
    operands.extend_from_slice(indices);
    builder.append_value(OpState::new(&LOAD).operands(&operands).results(&[element]))
}

/// `tensor[indices...] = value`.
pub fn store(
    builder: &mut Builder<'_>,
    value: ValueId,
    tensor: ValueId,
    indices: &[ValueId],
) -> OpId {
    let mut operands = vec![value, tensor];
    operands.extend_from_slice(indices);
    builder.append(OpState::new(&STORE).operands(&operands))
}
