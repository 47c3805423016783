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
//! A folded op is replaced by an `arith.constant` at the same place, with the op's location.
//! Like MLIR's canonicalizer, ops left unused and removable (see `effects.rs`) are erased
//! after each sweep, so folded constants do not linger.

pub mod blocks;
pub mod fold;
pub mod identities;

use mlc_ir::dialect::{arith, cf};
use mlc_ir::{Attribute, Module, OpId, OpState, Trait};

use crate::constants::integer_constant;
use crate::pass_manager::Pass;
use crate::passes::dce::{remove_dead_ops, remove_unreachable_blocks};
use crate::rewrite::{function_bodies, ops_within, terminator, Substitution};
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
            changed |= rewrite(module, op, &mut substitution)?;
        }
        substitution.apply_within(module, function);
        changed |= remove_unreachable_blocks(module, function);
        changed |= blocks::simplify_blocks(module, function);
        changed |= remove_dead_ops(module, function);
        if !changed {
            return Ok(());
        }
    }
    Err(format!("no fixed point after {MAX_SWEEPS} sweeps"))
}

/// Applies the first rule that matches `op`; whether one did.
fn rewrite(module: &mut Module, op: OpId, substitution: &mut Substitution) -> Result<bool, String> {
    let name = module.ops[op].name();
    match name {
        "arith.constant" => return Ok(false),
        "scf.if" => {
            let changed = inline_constant_if(module, op, substitution)
                || if_to_select(module, op, substitution);
            return Ok(changed);
        }
        "scf.for" => return Ok(erase_empty_for(module, op, substitution)),
        "cf.cond_br" => return Ok(constant_branch(module, op)),
        "rt.panic_if" | "rt.assert" => {
            let never_fires = integer_constant(module, module.ops[op].operands[0])
                .is_some_and(|condition| (condition & 1 == 1) == (name == "rt.assert"));
            if never_fires {
                module.erase_op(op);
            }
            return Ok(never_fires);
        }
        _ => {}
    }
    // `{checked = true}` ops fold too: `fold` keeps those whose result would overflow; so
    // does `math.ipowi` (not `Pure`: it panics on a negative exponent, which is not folded).
    let definition = module.ops[op].definition;
    let pure = (definition.has_trait(Trait::Pure) && !definition.has_trait(Trait::Terminator))
        || name == "math.ipowi";
    if !pure || module.ops[op].results.len() != 1 {
        return Ok(false);
    }
    if let Some(constant) = fold::fold(module, op) {
        replace_by_constant(module, op, constant, substitution);
        return Ok(true);
    }
    match identities::simplify(module, op) {
        Some(Simplification::Value(value)) => {
            substitution.replace(module.ops[op].results[0], value);
            module.erase_op(op);
        }
        Some(Simplification::Constant(constant)) => {
            replace_by_constant(module, op, constant, substitution)
        }
        Some(Simplification::SwapOperands { predicate }) => {
            module.ops[op].operands.swap(0, 1);
            if let Some(predicate) = predicate {
                module.ops[op]
                    .attributes
                    .insert("predicate".to_string(), Attribute::String(predicate.to_string()));
            }
        }
        None => return Ok(false),
    }
    Ok(true)
}

fn replace_by_constant(
    module: &mut Module,
    op: OpId,
    constant: Attribute,
    substitution: &mut Substitution,
) {
    let result = module.ops[op].results[0];
    let ty = module.value_type(result).clone();
    let state = OpState::new(&arith::CONSTANT)
        .attribute("value", constant)
        .results(&[ty])
        .location(module.ops[op].location.clone());
    let constant = module.create_op(state);
    module.insert_before(op, constant);
    substitution.replace(result, module.ops[constant].results[0]);
    module.erase_op(op);
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
            module.erase_op(op);
            return true;
        }
        [block] => *block,
        _ => return false,
    };
    let Some(exit) = terminator(module, block) else {
        return false;
    };
    for nested in module.blocks[block].ops.clone() {
        if nested != exit {
            module.insert_before(op, nested);
        }
    }
    if module.ops[exit].name() == "scf.yield" {
        let yielded: Vec<_> =
            module.ops[exit].operands.iter().map(|&v| substitution.resolve(v)).collect();
        substitution.replace_results(module, op, &yielded);
        module.erase_op(op);
    } else {
        // An early exit: it ends the enclosing block; what followed is unreachable.
        module.insert_before(op, exit);
        let parent = module.ops[op].parent.expect("a rewritten op is in a block");
        let ops = &module.blocks[parent].ops;
        let position = ops.iter().position(|&o| o == op).expect("block/op links");
        let unreachable: Vec<OpId> = ops[position..].to_vec();
        for dead in unreachable.into_iter().rev() {
            module.erase_op(dead);
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
        module.insert_before(op, select);
        results.push(module.ops[select].results[0]);
    }
    substitution.replace_results(module, op, &results);
    module.erase_op(op);
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
    module.erase_op(op);
    true
}

/// `cf.cond_br` on a constant: a `cf.br` to the successor it always takes.
fn constant_branch(module: &mut Module, op: OpId) -> bool {
    let Some(condition) = integer_constant(module, module.ops[op].operands[0]) else {
        return false;
    };
    let taken = module.ops[op].successors[if condition & 1 == 1 { 0 } else { 1 }].clone();
    let state = OpState::new(&cf::BR)
        .successor(taken.block, &taken.arguments)
        .location(module.ops[op].location.clone());
    let branch = module.create_op(state);
    module.insert_before(op, branch);
    module.erase_op(op);
    true
}
