//! `inline-recursive`: copies a small self-recursive function into itself, a few levels
//! deep, so that most of its calls become branches.
//!
//! `inline` leaves recursion alone: copying a function into itself never ends. Here the
//! copies are bounded: each call of the function to itself is replaced by a copy of the
//! function's body as it was before the pass, whose own self-calls are replaced in turn, to
//! [`RECURSIVE_INLINE_DEPTH`] levels or until the function has grown to
//! [`RECURSIVE_INLINE_BUDGET`] ops. After `tail-recursion-elim` has turned one of
//! `fib(n - 1) + fib(n - 2)`'s calls into a loop, the other one becomes nested loops with a
//! call only at the innermost level (what gcc -O2 does with the same function).
//!
//! Runs on the multi-block form (after `scf-to-cf`): the block holding a call is split after
//! it, the body's blocks are copied in between, the call becomes a branch to the copy of the
//! first block (passing the arguments) and each copied `func.return` a branch to the rest
//! of the split block (passing the results). Only calls in the blocks of the function's
//! body region are copied over, and only functions whose returns are all there too (a
//! return nested in an op's region cannot become a branch out of it). Like the other
//! passes on recursion it leaves alone functions holding anything but scalars
//! (`recursion.rs`).

use mlc_ir::dialect::cf;
use mlc_ir::{BlockId, Builder, Module, OpId, Type};

use crate::pass_manager::Pass;
use crate::recursion::{body_blocks, is_scalar_function, is_self_call, self_calls};
use crate::rewrite::{
    function_bodies, move_block_after, new_block_after, ops_within, terminator, Cloner,
    Substitution,
};

/// The most ops (nested ones included) a function may have to be copied into itself.
pub const RECURSIVE_INLINE_THRESHOLD: usize = 40;
/// How many levels of copies: each level replaces the self-calls the previous one made.
pub const RECURSIVE_INLINE_DEPTH: usize = 3;
/// The most ops a function may grow to by copies of itself.
pub const RECURSIVE_INLINE_BUDGET: usize = 200;

pub struct InlineRecursive;

impl Pass for InlineRecursive {
    fn name(&self) -> &'static str {
        "inline-recursive"
    }

    fn description(&self) -> &'static str {
        "copies small self-recursive functions into themselves a few levels deep"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            if is_candidate(module, function) {
                inline_into_itself(module, function);
            }
        }
        Ok(())
    }
}

/// The ops of `function`, nested ones included, the function itself not.
fn size(module: &Module, function: OpId) -> usize {
    ops_within(module, function).len() - 1
}

fn is_candidate(module: &Module, function: OpId) -> bool {
    if !is_scalar_function(module, function)
        || size(module, function) > RECURSIVE_INLINE_THRESHOLD
        || self_calls(module, function).is_empty()
    {
        return false;
    }
    let body = module.ops[function].regions[0];
    ops_within(module, function).into_iter().all(|op| {
        module.ops[op].name() != "func.return"
            || module.ops[op].parent.and_then(|block| module.blocks[block].parent) == Some(body)
    })
}

fn inline_into_itself(module: &mut Module, function: OpId) {
    // The body as it is now: every level copies this, not the function grown so far.
    let template = Cloner::default().clone_op(module, function);
    let template_blocks = body_blocks(module, template);
    let template_size = size(module, template);
    let mut grown = size(module, function);
    let mut sites = self_calls(module, function);
    'levels: for _ in 0..RECURSIVE_INLINE_DEPTH {
        let mut next_sites = Vec::new();
        for call in sites {
            if grown + template_size > RECURSIVE_INLINE_BUDGET {
                break 'levels;
            }
            next_sites.extend(inline_call(module, function, call, &template_blocks));
            grown += template_size;
        }
        sites = next_sites;
    }
    module.erase_op(template);
}

/// Replaces `call` by a copy of `template_blocks`; returns the copy's self-calls.
fn inline_call(
    module: &mut Module,
    function: OpId,
    call: OpId,
    template_blocks: &[BlockId],
) -> Vec<OpId> {
    let block = module.ops[call].parent.expect("a call is in a block");
    let location = module.ops[call].location.clone();
    let arguments = module.ops[call].operands.clone();
    let results = module.ops[call].results.clone();
    let result_types: Vec<Type> =
        results.iter().map(|&value| module.value_type(value).clone()).collect();

    // The block is split after the call: what follows it runs once the copy returns.
    let after = new_block_after(module, block, &result_types);
    let position =
        module.blocks[block].ops.iter().position(|&op| op == call).expect("block/op links");
    let rest = module.blocks[block].ops.split_off(position + 1);
    for &op in &rest {
        module.ops[op].parent = Some(after);
    }
    module.blocks[after].ops = rest;
    let mut substitution = Substitution::new();
    for (&result, &argument) in results.iter().zip(&module.blocks[after].arguments.clone()) {
        substitution.replace(result, argument);
    }

    let region = module.ops[function].regions[0];
    let copies = Cloner::default().clone_blocks(module, template_blocks, region);
    let mut anchor = block;
    for &copy in &copies {
        move_block_after(module, copy, anchor);
        anchor = copy;
    }
    let mut new_calls = Vec::new();
    for &copy in &copies {
        if let Some(exit) = terminator(module, copy) {
            if module.ops[exit].name() == "func.return" {
                let returned = module.ops[exit].operands.clone();
                module.erase_op(exit);
                let mut builder = Builder::at_end(module, copy);
                builder.set_location(location.clone());
                cf::br(&mut builder, after, &returned);
            }
        }
        new_calls.extend(
            module.blocks[copy]
                .ops
                .iter()
                .copied()
                .filter(|&op| is_self_call(module, op, function)),
        );
    }

    module.erase_op(call);
    let mut builder = Builder::at_end(module, block);
    builder.set_location(location);
    cf::br(&mut builder, copies[0], &arguments);
    substitution.apply_within(module, function);
    new_calls
}
