//! `canonicalize`: constant folding ([`fold`]), algebraic identities ([`identities`]) and
//! the structural rewrites below, repeated over each function until nothing changes.
//!
//! Structural rewrites:
//! - `scf.if` on a constant: the taken region's ops replace the `scf.if` (its results become
//!   the values yielded). When that region ends in an early exit instead of `scf.yield`
//!   (`func.return`, `scf.break`, ...), the exit ends the enclosing block and the ops after
//!   the `scf.if`, now unreachable, are erased.
//! - `scf.if` whose regions only yield: `arith.select`s of the yielded values (nothing when
//!   it has no results).
//! - `scf.for` with constant bounds that runs zero times: its results are its initial values.
//! - `cf.cond_br` on a constant becomes a `cf.br`.
//! - In multi-block regions: unreachable blocks are erased, and straight-line chains of
//!   blocks merged ([`blocks`]).
//! - `rt.panic_if` on a constant false and `rt.assert` of a constant true are erased.
//!
//! A folded op becomes an `arith.constant` in place (same result value and location).
//! Like MLIR's canonicalizer, ops left unused and removable (see `effects.rs`) are erased
//! after each sweep, so folded constants do not linger. Each sweep is linear in the size
//! of the function: replaced values go through one [`Substitution`], erased ops are taken
//! out of their blocks once at the end.

pub mod blocks;
pub mod fold;
pub mod identities;

use mlc_ir::dialect::{arith, cf};
use mlc_ir::{Attribute, Module, OpId, OpState, Trait};

use crate::constants::integer_constant;
use crate::pass_manager::Pass;
use crate::passes::dce::{remove_dead_ops, remove_unreachable_blocks};
use crate::rewrite::{
    compact_blocks, function_bodies, insert_ops_before, mark_erased, ops_within, terminator,
    Substitution,
};
use identities::Simplification;

/// Sweeps per function before giving up on a fixed point (each sweep that changes nothing
/// ends the loop; reaching the limit means a pattern undoes another, a bug).
const MAX_SWEEPS: usize = 64;

pub struct Canonicalize;

impl Pass for Canonicalize {
    fn name(&self) -> &'static str {
        "canonicalize"
    }

    fn description(&self) -> &'static str {
        "folds constants, applies algebraic identities, inlines scf.if on constants (to a fixed point)"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            canonicalize_function(module, function)?;
        }
        Ok(())
    }
}

fn canonicalize_function(module: &mut Module, function: OpId) -> Result<(), String> {
    for _ in 0..MAX_SWEEPS {
        let mut substitution = Substitution::new();
        let mut changed = false;
        for op in ops_within(module, function) {
            if module.ops[op].erased || op == function {
                continue;
            }
            substitution.apply_to_op(module, op);
            changed |= rewrite(module, op, &mut substitution);
        }
        substitution.apply_within(module, function);
        compact_blocks(module, function);
        changed |= remove_unreachable_blocks(module, function);
        changed |= blocks::simplify_blocks(module, function);
        changed |= remove_dead_ops(module, function);
        if !changed {
            return Ok(());
        }
    }
    Err(format!("no fixed point after {MAX_SWEEPS} sweeps"))
}

/// Applies the first rule that matches `op`; whether one did. An op replaced is marked
/// erased, to be taken out of its block at the end of the sweep.
fn rewrite(module: &mut Module, op: OpId, substitution: &mut Substitution) -> bool {
    let name = module.ops[op].name();
    match name {
        "arith.constant" => return false,
        "scf.if" => {
            return inline_constant_if(module, op, substitution)
                || if_to_select(module, op, substitution)
        }
        "scf.for" => return erase_empty_for(module, op, substitution),
        "cf.cond_br" => return constant_branch(module, op),
        "rt.panic_if" | "rt.assert" => {
            let never_fires = integer_constant(module, module.ops[op].operands[0])
                .is_some_and(|condition| (condition & 1 == 1) == (name == "rt.assert"));
            if never_fires {
                mark_erased(module, op);
            }
            return never_fires;
        }
        _ => {}
    }
    // `{checked = true}` ops fold too: `fold` keeps those whose result would overflow; so
    // does `math.ipowi` (not `Pure`: it panics on a negative exponent, which is not folded).
    let definition = module.ops[op].definition;
    let pure = (definition.has_trait(Trait::Pure) && !definition.has_trait(Trait::Terminator))
        || name == "math.ipowi";
    if !pure || module.ops[op].results.len() != 1 || !module.ops[op].regions.is_empty() {
        return false;
    }
    if let Some(constant) = fold::fold(module, op) {
        become_constant(module, op, constant);
        return true;
    }
    match identities::simplify(module, op) {
        Some(Simplification::Value(value)) => {
            substitution.replace(module.ops[op].results[0], value);
            mark_erased(module, op);
        }
        Some(Simplification::Constant(constant)) => become_constant(module, op, constant),
        Some(Simplification::SwapOperands { predicate }) => {
            module.ops[op].operands.swap(0, 1);
            if let Some(predicate) = predicate {
                module.ops[op]
                    .attributes
                    .insert("predicate".to_string(), Attribute::String(predicate.to_string()));
            }
        }
        None => return false,
    }
    true
}

/// Turns `op` (one result, no regions) into the `arith.constant` of `value`, in place: its
/// result value, and so every use, stays.
fn become_constant(module: &mut Module, op: OpId, value: Attribute) {
    let data = &mut module.ops[op];
    data.definition = &arith::CONSTANT;
    data.operands.clear();
    data.attributes.clear();
    data.attributes.insert("value".to_string(), value);
}

/// `scf.if` on a constant condition: the taken region's block replaces it.
fn inline_constant_if(module: &mut Module, op: OpId, substitution: &mut Substitution) -> bool {
    let Some(condition) = integer_constant(module, module.ops[op].operands[0]) else {
        return false;
    };
    let region = module.ops[op].regions[if condition & 1 == 1 { 0 } else { 1 }];
    let blocks = module.regions[region].blocks.clone();
    let block = match blocks.as_slice() {
        // An empty `else` of an `scf.if` without results: nothing runs.
        [] if module.ops[op].results.is_empty() => {
            mark_erased(module, op);
            return true;
        }
        [block] => *block,
        _ => return false,
    };
    let Some(exit) = terminator(module, block) else {
        return false;
    };
    let mut moved = std::mem::take(&mut module.blocks[block].ops);
    for &nested in &moved {
        module.ops[nested].parent = None;
    }
    if module.ops[exit].name() == "scf.yield" {
        moved.pop();
        let yielded: Vec<_> =
            module.ops[exit].operands.iter().map(|&v| substitution.resolve(v)).collect();
        substitution.replace_results(module, op, &yielded);
        insert_ops_before(module, op, moved);
        mark_erased(module, op);
        mark_erased(module, exit);
    } else {
        // An early exit: it ends the enclosing block; what followed is unreachable.
        insert_ops_before(module, op, moved);
        let parent = module.ops[op].parent.expect("a rewritten op is in a block");
        let position =
            module.blocks[parent].ops.iter().position(|&o| o == op).expect("block/op links");
        let unreachable = module.blocks[parent].ops.split_off(position);
        for &dead in &unreachable {
            mark_erased(module, dead);
            module.ops[dead].parent = None;
        }
    }
    true
}

/// `scf.if` whose regions only yield: each result is an `arith.select` of the two yielded
/// values (or the value, when both yield the same one).
fn if_to_select(module: &mut Module, op: OpId, substitution: &mut Substitution) -> bool {
    let yielded = |module: &Module, region| -> Option<Vec<_>> {
        match module.regions[region].blocks.as_slice() {
            [] => Some(Vec::new()),
            [block] => match module.blocks[*block].ops.as_slice() {
                [only] if module.ops[*only].name() == "scf.yield" => Some(
                    module.ops[*only].operands.iter().map(|&v| substitution.resolve(v)).collect(),
                ),
                _ => None,
            },
            _ => None,
        }
    };
    let regions = module.ops[op].regions.clone();
    let (Some(then_values), Some(else_values)) =
        (yielded(module, regions[0]), yielded(module, regions[1]))
    else {
        return false;
    };
    let condition = module.ops[op].operands[0];
    let location = module.ops[op].location.clone();
    let mut results = Vec::new();
    let mut selects = Vec::new();
    for (then_value, else_value) in then_values.into_iter().zip(else_values) {
        if then_value == else_value {
            results.push(then_value);
            continue;
        }
        let ty = module.value_type(then_value).clone();
        let state = OpState::new(&arith::SELECT)
            .operands(&[condition, then_value, else_value])
            .results(&[ty])
            .location(location.clone());
        let select = module.create_op(state);
        results.push(module.ops[select].results[0]);
        selects.push(select);
    }
    insert_ops_before(module, op, selects);
    substitution.replace_results(module, op, &results);
    mark_erased(module, op);
    true
}

/// `scf.for` whose constant bounds give no iteration: the results are the initial values.
fn erase_empty_for(module: &mut Module, op: OpId, substitution: &mut Substitution) -> bool {
    let operands = module.ops[op].operands.clone();
    let (Some(lower), Some(upper), Some(step)) = (
        integer_constant(module, operands[0]),
        integer_constant(module, operands[1]),
        integer_constant(module, operands[2]),
    ) else {
        return false;
    };
    // Canonical values compare as the type reads them (signed `iN`, unsigned `uN`).
    let runs_zero_times = (step > 0 && lower >= upper) || (step < 0 && lower <= upper);
    if !runs_zero_times {
        return false;
    }
    substitution.replace_results(module, op, &operands[3..]);
    mark_erased(module, op);
    true
}

/// `cf.cond_br` on a constant: a `cf.br` to the successor it always takes, in place.
fn constant_branch(module: &mut Module, op: OpId) -> bool {
    let Some(condition) = integer_constant(module, module.ops[op].operands[0]) else {
        return false;
    };
    let data = &mut module.ops[op];
    let taken = data.successors.swap_remove(if condition & 1 == 1 { 0 } else { 1 });
    data.definition = &cf::BR;
    data.operands.clear();
    data.successors = vec![taken];
    true
}
