//! Lowering one function to the low form: every block is re-emitted op by op (see
//! `emitter.rs`), `rt.try` regions are flattened into the function's CFG with a landing
//! pad, and a check for a raised error follows every op that may raise.

use std::collections::{HashSet, VecDeque};

use mlc_ir::dialect::{cf, func, ll};
use mlc_ir::{BlockId, Builder, Module, OpId, Type};
use mlc_transforms::rewrite::move_block_before;

use crate::emitter::Emitter;
use crate::ops::lower_op;
use crate::{CodegenOptions, Unsupported};

/// A block waiting to be re-emitted, with what applies to its ops.
struct Pending {
    block: BlockId,
    /// The landing pad of the innermost `try` whose body holds the block.
    landing: Option<BlockId>,
    /// Where an `scf.yield` ending the block goes: the block after a flattened `try`.
    yield_target: Option<BlockId>,
}

/// What lowering one function needs to know about the others.
pub struct Context<'a> {
    pub options: &'a CodegenOptions,
    /// Functions that may leave with an error raised: their calls are followed by a check.
    pub raising_functions: &'a HashSet<String>,
}

pub fn lower_function(
    module: &mut Module,
    function: OpId,
    context: &Context<'_>,
    unsupported: &mut Vec<Unsupported>,
) {
    let Some(&region) = module.ops[function].regions.first() else { return };
    let Some(&entry) = module.regions[region].blocks.first() else { return };
    let results = match func::signature(module, function) {
        Ok((_, results)) => results.to_vec(),
        Err(_) => return,
    };
    let mut worklist: VecDeque<Pending> = module.regions[region]
        .blocks
        .iter()
        .map(|&block| Pending { block, landing: None, yield_target: None })
        .collect();
    let mut emitter = Emitter::new(module, entry, results);
    while let Some(pending) = worklist.pop_front() {
        let ops = std::mem::take(&mut emitter.module.blocks[pending.block].ops);
        for &op in &ops {
            emitter.module.ops[op].parent = None;
        }
        emitter.current = pending.block;
        emitter.landing = pending.landing;
        for op in ops {
            emitter.substitution.apply_to_op(emitter.module, op);
            emitter.location = emitter.module.ops[op].location.clone();
            match emitter.module.ops[op].name() {
                "rt.try" => flatten_try(&mut emitter, op, &mut worklist),
                "scf.yield" if pending.yield_target.is_some() => {
                    let target = pending.yield_target.expect("checked");
                    cf::br(&mut emitter.builder(), target, &[]);
                    emitter.module.erase_op(op);
                }
                _ => {
                    if let Err(message) = lower_op(&mut emitter, op, context) {
                        let location = emitter.module.ops[op].location.clone();
                        unsupported.push(Unsupported { message, location });
                        // Keep the block well formed for whatever else is reported.
                        emitter.module.append_op(emitter.current, op);
                    }
                }
            }
        }
    }
    let substitution = std::mem::take(&mut emitter.substitution);
    substitution.apply_within(module, function);
}

/// Flattens `rt.try` into the function's CFG where it stands: the ops after it move to a
/// new block (`after`), the body's blocks follow the current block, raised errors inside
/// them go to a landing pad that takes the error and enters the handler's blocks, and the
/// `scf.yield`s ending either region branch to `after`.
fn flatten_try(emitter: &mut Emitter<'_>, op: OpId, worklist: &mut VecDeque<Pending>) {
    let regions = emitter.module.ops[op].regions.clone();
    let (body, handler) = (regions[0], regions[1]);
    let after = emitter.new_block(&[]);
    let body_blocks = std::mem::take(&mut emitter.module.regions[body].blocks);
    let handler_blocks = std::mem::take(&mut emitter.module.regions[handler].blocks);

    // The landing pad: `%e = mlc_err_take()`, then the handler's entry with `%e`.
    let landing = emitter.new_block(&[]);
    move_block_before(emitter.module, landing, after);
    {
        let mut builder = Builder::at_end(emitter.module, landing);
        builder.set_location(emitter.location.clone());
        let error =
            ll::call(&mut builder, "mlc_err_take", &[], Some(Type::RtError)).expect("a result");
        cf::br(&mut builder, handler_blocks[0], &[error]);
    }
    for &block in body_blocks.iter().chain(&handler_blocks) {
        move_block_before(emitter.module, block, landing);
    }
    for &block in &body_blocks {
        worklist.push_back(Pending { block, landing: Some(landing), yield_target: Some(after) });
    }
    for &block in &handler_blocks {
        worklist.push_back(Pending { block, landing: emitter.landing, yield_target: Some(after) });
    }
    cf::br(&mut emitter.builder(), body_blocks[0], &[]);
    emitter.module.erase_op(op);
    emitter.current = after;
}
