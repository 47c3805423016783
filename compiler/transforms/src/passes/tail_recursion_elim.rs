//! `tail-recursion-elim`: turns a function's calls to itself in tail position into a loop.
//!
//! Runs on the multi-block form (after `scf-to-cf`). Two shapes of a block's end are tail
//! calls:
//! - `%r = func.call @f(%a...)` then `func.return %r`: the call becomes a branch back to the
//!   function's first block with `%a...` as its arguments;
//! - `%t = func.call @f(%a...)`, `%r = OP %t, %y` (or `OP %y, %t`) then `func.return %r`,
//!   where OP is an integer `arith.addi`, `muli`, `andi`, `ori` or `xori` without
//!   `{checked = true}`: associative and commutative, so `f` can carry an accumulator. The
//!   call becomes `%acc2 = OP %acc, %y` and a branch back with `%acc2`; every other return
//!   of `%v` returns `OP %acc, %v`; the accumulator starts at OP's identity. This is what
//!   makes `fib(n - 1) + fib(n - 2)` one call and a loop.
//!
//! The first block becomes the loop's header: a new first block takes the parameters and
//! branches to it (with the identity when there is an accumulator). Between the call and
//! the return there may only be ops that can run earlier without anyone seeing it (pure,
//! cannot trap), since the loop runs them before the rest of the recursion instead of
//! after; the call's result must have no other use. A parameter every tail call passes on
//! as it is stays a parameter instead of an argument of the header. Reference-counted
//! values (a list walked by index, a string) may be parameters and locals: the back ends
//! count the branch as a branch (`recursion.rs`). A `mut self` receiver (a slot of a value
//! holding references) must be passed on as it is, since the back ends know one only as a
//! parameter. The first block's stack slots move to the new one. Errors raised in the loop
//! leave the function as they left each call, since a call in tail position is never inside
//! an `rt.try` of the function (only the blocks of the body region are looked at). Checked
//! arithmetic (unoptimized builds, where overflow panics) is not reassociated: partial sums
//! in another order may overflow where the program's do not, or the other way round.

use std::collections::HashMap;

use mlc_ir::dialect::{arith, cf};
use mlc_ir::{BlockId, Builder, Module, OpDefinition, OpId, Type, ValueId};

use crate::constants::IntegerType;
use crate::effects::{is_checked, is_speculatable};
use crate::pass_manager::Pass;
use crate::recursion::{body_blocks, has_body, is_scalar, is_self_call};
use crate::rewrite::{
    compact_blocks, function_bodies, insert_ops_at, insert_ops_before, mark_erased,
    new_block_before, ops_within, remove_block_arguments, terminator, use_counts, Substitution,
};

pub struct TailRecursionElim;

impl Pass for TailRecursionElim {
    fn name(&self) -> &'static str {
        "tail-recursion-elim"
    }

    fn description(&self) -> &'static str {
        "turns self-calls in tail position (with an integer accumulator) into a loop"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            if has_body(module, function) {
                eliminate_tail_calls(module, function);
            }
        }
        Ok(())
    }
}

/// The end of a block that calls the function itself in tail position.
struct TailCall {
    call: OpId,
    ret: OpId,
    /// `OP %t, %y`: the op and `%y`, when the call's result is combined before returning.
    accumulated: Option<(OpId, ValueId)>,
}

/// The ops an accumulator may combine results with: integer, associative and commutative.
const ACCUMULATING_OPS: &[&str] =
    &["arith.addi", "arith.muli", "arith.andi", "arith.ori", "arith.xori"];

fn eliminate_tail_calls(module: &mut Module, function: OpId) {
    let blocks = body_blocks(module, function);
    // The first block becomes the loop's header, so no branch may go to it yet (its
    // arguments would change under it).
    let header = blocks[0];
    let branches_to_header = blocks
        .iter()
        .filter_map(|&block| terminator(module, block))
        .any(|op| module.ops[op].successors.iter().any(|successor| successor.block == header));
    if branches_to_header {
        return;
    }
    let uses = use_counts(module, function);
    let mut sites: Vec<TailCall> =
        blocks.into_iter().filter_map(|block| tail_call(module, function, block, &uses)).collect();
    // One accumulator: its op is the first accumulating site's; sites combining with
    // another op stay calls.
    let accumulator: Option<&'static OpDefinition> =
        sites.iter().find_map(|site| site.accumulated).map(|(op, _)| module.ops[op].definition);
    sites.retain(|site| match (site.accumulated, accumulator) {
        (Some((op, _)), Some(definition)) => std::ptr::eq(module.ops[op].definition, definition),
        _ => true,
    });
    if sites.is_empty() {
        return;
    }
    let parameters = module.blocks[header].arguments.clone();
    // A parameter every tail call passes on as it is stays a parameter: the loop does not
    // carry it, and what it holds stays borrowed (counted once by the caller, not per call).
    let carried: Vec<bool> = (0..parameters.len())
        .map(|k| sites.iter().any(|site| module.ops[site.call].operands[k] != parameters[k]))
        .collect();
    // The back ends know a `mut self` receiver (the slot of a value holding references) by
    // its being a parameter: a loop carrying one to another slot would hide it.
    let carries_a_receiver = parameters.iter().zip(&carried).any(|(&parameter, &carried)| {
        carried && is_slot_of_references(module.value_type(parameter))
    });
    if carries_a_receiver {
        return;
    }
    let parameter_types: Vec<Type> =
        parameters.iter().map(|&value| module.value_type(value).clone()).collect();
    let entry = new_block_before(module, header, &parameter_types);
    move_slots(module, header, entry);
    let entry_parameters = module.blocks[entry].arguments.clone();
    let mut substitution = Substitution::new();
    for (k, &parameter) in parameters.iter().enumerate() {
        if !carried[k] {
            substitution.replace(parameter, entry_parameters[k]);
        }
    }
    substitution.apply_within(module, function);
    remove_block_arguments(module, header, &carried);
    let mut initial = kept(&entry_parameters, &carried);
    // The new block's ops stand for the first tail call: that is where the loop starts.
    let location = module.ops[sites[0].call].location.clone();
    let accumulator = accumulator.map(|definition| {
        let ty = module.value_type(module.ops[sites[0].ret].operands[0]).clone();
        let mut builder = Builder::at_end(module, entry);
        builder.set_location(location.clone());
        initial.push(arith::constant_integer(&mut builder, identity(definition, &ty), ty.clone()));
        (definition, module.add_block_argument(header, ty))
    });
    let mut builder = Builder::at_end(module, entry);
    builder.set_location(location);
    cf::br(&mut builder, header, &initial);

    let site_returns: Vec<OpId> = sites.iter().map(|site| site.ret).collect();
    if let Some((definition, acc)) = accumulator {
        combine_other_returns(module, function, &site_returns, definition, acc);
    }
    for site in sites {
        branch_back(module, &site, header, &carried, accumulator);
    }
    compact_blocks(module, function);
}

/// The entries of `values` whose entry in `keep` is true.
fn kept(values: &[ValueId], keep: &[bool]) -> Vec<ValueId> {
    values.iter().zip(keep).filter(|(_, &kept)| kept).map(|(&value, _)| value).collect()
}

/// Whether `ty` is a stack slot of a value the runtime counts (not a scalar's).
fn is_slot_of_references(ty: &Type) -> bool {
    matches!(ty, Type::MemRef { .. }) && !is_scalar(ty)
}

/// Moves the stack slots (`mem.alloca`) at the top of the old first block `header` to the
/// new one, `entry`: a slot is allocated once per call of the function, not once per turn
/// of the loop, and the back ends set the variables among them to null at the top of the
/// first block (`docs/runtime.md`, *Ownership*), where they must be defined.
fn move_slots(module: &mut Module, header: BlockId, entry: BlockId) {
    let slots: Vec<OpId> = module.blocks[header]
        .ops
        .iter()
        .copied()
        .filter(|&op| module.ops[op].name() == "mem.alloca" && module.ops[op].operands.is_empty())
        .collect();
    module.blocks[header].ops.retain(|op| !slots.contains(op));
    for &slot in &slots {
        module.ops[slot].parent = None;
    }
    insert_ops_at(module, entry, 0, slots);
}

/// The tail call ending `block`, if it ends in one.
fn tail_call(
    module: &Module,
    function: OpId,
    block: BlockId,
    uses: &HashMap<ValueId, usize>,
) -> Option<TailCall> {
    let ret = terminator(module, block).filter(|&op| module.ops[op].name() == "func.return")?;
    let ops = &module.blocks[block].ops;
    let calls_itself = |op: OpId| is_self_call(module, op, function);
    let position = |op: OpId| ops.iter().position(|&o| o == op);
    // What runs between the call and the return may run before the recursion instead.
    let movable_between = |call: OpId, except: Option<OpId>| {
        let start = position(call).expect("the call is in the block") + 1;
        ops[start..ops.len() - 1]
            .iter()
            .all(|&op| Some(op) == except || is_speculatable(module, op))
    };
    let returned = &module.ops[ret].operands;

    // `return f(...)`
    let direct = ops.iter().rev().skip(1).copied().find(|&op| calls_itself(op));
    if let Some(call) = direct {
        if module.ops[call].results == *returned
            && returned.iter().all(|value| uses.get(value) == Some(&1))
            && movable_between(call, None)
        {
            return Some(TailCall { call, ret, accumulated: None });
        }
    }

    // `return f(...) OP y`
    let [result] = returned.as_slice() else {
        return None;
    };
    let combine = defining_op_in(module, *result, block)?;
    if !ACCUMULATING_OPS.contains(&module.ops[combine].name())
        || is_checked(module, combine)
        || IntegerType::of(module.value_type(*result)).is_none()
        || uses.get(result) != Some(&1)
    {
        return None;
    }
    let [lhs, rhs] = module.ops[combine].operands[..] else {
        return None;
    };
    // Of two self-calls, the later one is the tail call.
    let candidates = [(lhs, rhs), (rhs, lhs)].into_iter().filter_map(|(called, other)| {
        let call = defining_op_in(module, called, block).filter(|&op| calls_itself(op))?;
        let single = module.ops[call].results.len() == 1 && uses.get(&called) == Some(&1);
        (single && called != other).then_some((call, other))
    });
    let (call, other) = candidates.max_by_key(|&(call, _)| position(call))?;
    movable_between(call, Some(combine)).then_some(TailCall {
        call,
        ret,
        accumulated: Some((combine, other)),
    })
}

/// The op defining `value`, if it is an op of `block`.
fn defining_op_in(module: &Module, value: ValueId, block: BlockId) -> Option<OpId> {
    match module.values[value].definition {
        mlc_ir::ValueDefinition::OpResult { op, .. } if module.ops[op].parent == Some(block) => {
            Some(op)
        }
        _ => None,
    }
}

/// The value `x` for which `OP x, y` is `y`.
fn identity(definition: &OpDefinition, ty: &Type) -> i128 {
    match definition.name {
        "arith.muli" => 1,
        "arith.andi" => {
            let integer = IntegerType::of(ty).expect("an accumulator is an integer");
            integer.canonical(integer.mask())
        }
        _ => 0,
    }
}

/// Makes every return that is not a tail call return `OP %acc, %v`.
fn combine_other_returns(
    module: &mut Module,
    function: OpId,
    site_returns: &[OpId],
    definition: &'static OpDefinition,
    acc: ValueId,
) {
    for ret in ops_within(module, function) {
        if module.ops[ret].name() != "func.return" || site_returns.contains(&ret) {
            continue;
        }
        let value = module.ops[ret].operands[0];
        let ty = module.value_type(value).clone();
        let state = mlc_ir::OpState::new(definition)
            .operands(&[acc, value])
            .results(&[ty])
            .location(module.ops[ret].location.clone());
        let combined = module.create_op(state);
        insert_ops_before(module, ret, vec![combined]);
        module.ops[ret].operands[0] = module.result(combined, 0);
    }
}

/// Replaces the call, the combining op and the return of `site` by a branch to `header`
/// (passing the arguments of the parameters the loop carries).
fn branch_back(
    module: &mut Module,
    site: &TailCall,
    header: BlockId,
    carried: &[bool],
    accumulator: Option<(&'static OpDefinition, ValueId)>,
) {
    let block = module.ops[site.ret].parent.expect("a return is in a block");
    let mut arguments = kept(&module.ops[site.call].operands, carried);
    let mut builder = Builder::at_end(module, block);
    builder.set_location(builder.module.ops[site.ret].location.clone());
    if let Some((definition, acc)) = accumulator {
        arguments.push(match site.accumulated {
            Some((_, other)) => arith::binary(&mut builder, definition, acc, other),
            None => acc,
        });
    }
    cf::br(&mut builder, header, &arguments);
    mark_erased(module, site.call);
    if let Some((combine, _)) = site.accumulated {
        mark_erased(module, combine);
    }
    mark_erased(module, site.ret);
}
