//! What the passes on self-recursive functions share (`tail-recursion-elim`,
//! `inline-recursive`): which functions they may rewrite and where their self-calls are.
//!
//! Both passes turn calls into branches. Reference counting (`docs/runtime.md`,
//! *Ownership*) is added after them, on the result, so a call that became a branch is
//! counted as a branch: the parameters a new first block passes to the loop's header are
//! retained there (the header's arguments own their values, where the parameters were
//! borrowed) and released when the loop ends, once per call of the function, not per turn.
//! That is all `tail-recursion-elim` needs. `inline-recursive` copies a body into itself,
//! returns included, and rewrites only functions every value of which is a scalar
//! (integers, floats, tuples of them, and stack slots holding them): nothing in them is
//! counted, raised or caught, so no copy can change what a return releases or where an
//! error goes.

use mlc_ir::dialect::func;
use mlc_ir::{BlockId, Module, OpId, Type};

use crate::rewrite::ops_within;

/// Whether `op` is a call of `function` (in `function`, a call of itself).
pub fn is_self_call(module: &Module, op: OpId, function: OpId) -> bool {
    module.ops[op].name() == "func.call" && func::callee(module, op) == Some(function)
}

/// Whether values of `ty` hold nothing the runtime counts.
pub fn is_scalar(ty: &Type) -> bool {
    match ty {
        Type::Int(_) | Type::UInt(_) | Type::Float(_) | Type::Index => true,
        Type::Tuple(elements) => elements.iter().all(is_scalar),
        Type::MemRef { element, shape, .. } => shape.is_empty() && is_scalar(element),
        _ => false,
    }
}

/// Whether `function` is a `func.func` with a body (not a declaration).
pub fn has_body(module: &Module, function: OpId) -> bool {
    let data = &module.ops[function];
    data.name() == "func.func"
        && !data.attributes.contains_key("extern")
        && !data.regions.is_empty()
        && !module.regions[data.regions[0]].blocks.is_empty()
}

/// Whether `function` is a `func.func` with a body all of whose values (arguments of every
/// block, results of every op, nested ones included) are scalars.
pub fn is_scalar_function(module: &Module, function: OpId) -> bool {
    if !has_body(module, function) {
        return false;
    }
    // The function op itself has no results; its body's block arguments are its own.
    ops_within(module, function).into_iter().all(|op| {
        let data = &module.ops[op];
        let arguments = data
            .regions
            .iter()
            .flat_map(|&region| &module.regions[region].blocks)
            .flat_map(|&block| &module.blocks[block].arguments);
        data.results.iter().chain(arguments).all(|&value| is_scalar(module.value_type(value)))
    })
}

/// The blocks of `function`'s body region (not those nested in its ops).
pub fn body_blocks(module: &Module, function: OpId) -> Vec<BlockId> {
    module.regions[module.ops[function].regions[0]].blocks.clone()
}

/// The calls of `function` to itself in the blocks of its body region (calls nested in the
/// regions of its ops are not counted), in block order.
pub fn self_calls(module: &Module, function: OpId) -> Vec<OpId> {
    body_blocks(module, function)
        .into_iter()
        .flat_map(|block| module.blocks[block].ops.clone())
        .filter(|&op| is_self_call(module, op, function))
        .collect()
}
