//! Fused elementwise chains, made by `tensor-fusion`: `tensor.map` computes one element of
//! its result from one element of each operand (broadcast to a common shape) in its region;
//! `tensor.map_reduce` reduces those elements by `kind` without a temporary tensor. The
//! region may use values from around it (scalars of the expression); it ends in
//! `tensor.yield`, and no early exit may leave it.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{
    enclosing, expect_block_arguments, expect_operands, expect_operands_at_least, expect_results,
    expect_type, is_op, is_scalar_number, one_of, operand, result, single_block, Check,
};
use crate::dialect::{region_with_block, Trait};
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

use super::{tensor_of, tensor_operand, tensor_result, REDUCE_KINDS};

op!(
    MAP,
    "tensor.map",
    "a new tensor whose elements the region computes from the operands' elements",
    [],
    regions = 1,
    verify_map
);
op!(
    MAP_REDUCE,
    "tensor.map_reduce",
    "reduces by `kind` the elements the region computes from the operands' elements",
    [],
    regions = 1,
    verify_map_reduce
);
op!(
    YIELD,
    "tensor.yield",
    "ends a `tensor.map` region with one element",
    [Terminator, Pure],
    verify_yield
);

/// The operands are tensors; the region's block takes one element of each and ends in
/// `tensor.yield`.
fn verify_body(module: &Module, op: OpId) -> Check {
    expect_operands_at_least(module, op, 1)?;
    let mut elements = Vec::new();
    for index in 0..module.ops[op].operands.len() {
        elements.push(tensor_operand(module, op, index)?.clone());
    }
    let block = single_block(module, op, 0, "body")?;
    expect_block_arguments(module, block, "body", &elements)?;
    if let Some(&last) = module.blocks[block].ops.last() {
        let definition = module.ops[last].definition;
        if definition.has_trait(Trait::Terminator) && !std::ptr::eq(definition, &YIELD) {
            return Err(format!(
                "expects its body to end with `tensor.yield`, found `{}`",
                definition.name
            ));
        }
    }
    Ok(())
}

fn verify_map(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    tensor_result(module, op, 0)?;
    verify_body(module, op)
}

fn verify_map_reduce(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    one_of(module, op, "kind", REDUCE_KINDS)?;
    let ty = result(module, op, 0);
    if !is_scalar_number(ty) {
        return Err(format!("expects a number result, found {ty}"));
    }
    verify_body(module, op)
}

fn verify_yield(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 0)?;
    let expected = match enclosing(module, op, |_| false) {
        Some((parent, _)) if is_op(module, parent, &MAP) => {
            result(module, parent, 0).tensor_element().cloned()
        }
        Some((parent, _)) if is_op(module, parent, &MAP_REDUCE) => {
            Some(result(module, parent, 0).clone())
        }
        _ => return Err("must end the region of a `tensor.map` or `tensor.map_reduce`".to_string()),
    };
    match expected {
        Some(expected) => expect_type("a value", operand(module, op, 0), &expected),
        // The parent's own verifier reports its bad result.
        None => Ok(()),
    }
}

// ---- constructors ----

/// A `tensor.map` or `tensor.map_reduce`: `body` takes one element of each operand
/// (`elements`) and must end in `tensor.yield`.
pub struct Map {
    pub op: OpId,
    pub result: ValueId,
    pub body: BlockId,
    pub elements: Vec<ValueId>,
}

fn map_op(
    builder: &mut Builder<'_>,
    state: OpState,
    tensors: &[ValueId],
    result_type: Type,
) -> Map {
    let elements: Vec<Type> = tensors
        .iter()
        .map(|&t| {
            let ty = builder.module.value_type(t);
            ty.tensor_element().unwrap_or_else(|| panic!("tensor.map of a {ty}")).clone()
        })
        .collect();
    let (region, body) = region_with_block(builder.module, &elements);
    let op = builder.append(state.operands(tensors).region(region).results(&[result_type]));
    Map {
        op,
        result: builder.module.result(op, 0),
        body,
        elements: builder.module.blocks[body].arguments.clone(),
    }
}

/// A tensor of `result_element`s computed elementwise from `tensors`.
pub fn map(builder: &mut Builder<'_>, tensors: &[ValueId], result_element: Type) -> Map {
    map_op(builder, OpState::new(&MAP), tensors, tensor_of(result_element))
}

/// The `kind` reduction (`"sum"`...) of the `result` values computed from `tensors`.
pub fn map_reduce(builder: &mut Builder<'_>, tensors: &[ValueId], kind: &str, result: Type) -> Map {
    let state = OpState::new(&MAP_REDUCE).attribute("kind", Attribute::String(kind.to_string()));
    map_op(builder, state, tensors, result)
}

pub fn yield_(builder: &mut Builder<'_>, value: ValueId) -> OpId {
    builder.append(OpState::new(&YIELD).operands(&[value]))
}
