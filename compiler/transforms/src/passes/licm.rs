//! `licm`: loop-invariant code motion out of `scf.for` and `scf.while`.
//!
//! An op directly in a loop's region (not nested deeper, in an `scf.if` say) moves right
//! before the loop when it is speculatable (pure, no regions, cannot trap, gives plain
//! values: see `effects.rs`) and every operand is defined outside the loop, or by an op
//! hoisted before it. Speculatable is what makes the move safe when the loop runs zero
//! times or leaves early: a division stays in the loop (its divisor may be zero only when
//! the loop does not run). Loops are visited innermost first, so an op can climb out of a
//! whole nest.

use mlc_ir::{Module, OpId};

use crate::effects::is_speculatable;
use crate::pass_manager::Pass;
use crate::rewrite::{function_bodies, insert_ops_before, is_defined_in, ops_within};

pub struct LoopInvariantCodeMotion;

impl Pass for LoopInvariantCodeMotion {
    fn name(&self) -> &'static str {
        "licm"
    }

    fn description(&self) -> &'static str {
        "hoists loop-invariant pure ops that cannot trap out of scf.for and scf.while"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            let loops: Vec<OpId> = ops_within(module, function)
                .into_iter()
                .filter(|&op| matches!(module.ops[op].name(), "scf.for" | "scf.while"))
                .collect();
            // Pre-order lists an outer loop before its inner ones: reversed, inner first.
            for &loop_op in loops.iter().rev() {
                hoist_invariants(module, loop_op);
            }
        }
        Ok(())
    }
}

fn hoist_invariants(module: &mut Module, loop_op: OpId) {
    let mut hoisted = Vec::new();
    for region in module.ops[loop_op].regions.clone() {
        for block in module.regions[region].blocks.clone() {
            let mut kept = Vec::new();
            for op in std::mem::take(&mut module.blocks[block].ops) {
                // A hoisted op is in no block until the end: its results count as outside.
                let invariant = module.ops[op]
                    .operands
                    .iter()
                    .all(|&operand| !is_defined_in(module, operand, loop_op));
                if invariant && is_speculatable(module, op) {
                    module.ops[op].parent = None;
                    hoisted.push(op);
                } else {
                    kept.push(op);
                }
            }
            module.blocks[block].ops = kept;
        }
    }
    if !hoisted.is_empty() {
        insert_ops_before(module, loop_op, hoisted);
    }
}
