//! `dce`: dead code elimination.
//!
//! - Blocks of a multi-block region that no path from the entry reaches are erased (after
//!   `scf-to-cf` and `canonicalize`'s constant branches).
//! - Ops whose results are all unused and that are removable (pure, cannot trap, see
//!   `effects.rs`) are erased, transitively: erasing one may leave its operands' definers
//!   unused in turn.
//!
//! Kept: every function (a private function nobody calls still stays: the module has no
//! visibility to tell which ones the runtime or another module calls), block arguments,
//! ops that may trap (an unused `arith.divsi` still panics on zero), and ops with effects.

use std::collections::{HashMap, HashSet};

use mlc_ir::{Module, OpId, ValueDefinition, ValueId};

use crate::dominance::reverse_post_order;
use crate::effects::is_removable_when_unused;
use crate::pass_manager::Pass;
use crate::rewrite::{
    compact_blocks, erase_block, function_bodies, mark_erased, ops_within, use_counts,
};

pub struct DeadCodeElimination;

impl Pass for DeadCodeElimination {
    fn name(&self) -> &'static str {
        "dce"
    }

    fn description(&self) -> &'static str {
        "erases unreachable blocks and unused ops without effects (transitively)"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            remove_unreachable_blocks(module, function);
            remove_dead_ops(module, function);
        }
        Ok(())
    }
}

/// Erases the blocks no path from their region's entry reaches, in every region nested in
/// `root`. Whether any was erased.
pub fn remove_unreachable_blocks(module: &mut Module, root: OpId) -> bool {
    let mut changed = false;
    for op in ops_within(module, root) {
        if module.ops[op].erased {
            continue;
        }
        for region in module.ops[op].regions.clone() {
            if module.regions[region].blocks.len() < 2 {
                continue;
            }
            let reachable: HashSet<_> = reverse_post_order(module, region).into_iter().collect();
            let dead: Vec<_> = module.regions[region]
                .blocks
                .iter()
                .copied()
                .filter(|block| !reachable.contains(block))
                .collect();
            for block in dead {
                erase_block(module, block);
                changed = true;
            }
        }
    }
    changed
}

/// Erases the removable ops nested in `root` whose results are unused, until none is left.
/// Whether any was erased.
pub fn remove_dead_ops(module: &mut Module, root: OpId) -> bool {
    let mut uses = use_counts(module, root);
    let unused = |uses: &HashMap<ValueId, usize>, module: &Module, op: OpId| {
        module.ops[op].results.iter().all(|value| uses.get(value).copied().unwrap_or(0) == 0)
    };
    // Post-order, so users come before the ops defining their operands.
    let mut worklist: Vec<OpId> = ops_within(module, root);
    worklist.retain(|&op| op != root);
    let mut changed = false;
    while let Some(op) = worklist.pop() {
        let data = &module.ops[op];
        if data.erased || data.parent.is_none() || data.results.is_empty() {
            continue;
        }
        if !unused(&uses, module, op) || !is_removable_when_unused(module, op) {
            continue;
        }
        for nested in ops_within(module, op) {
            for &operand in &module.ops[nested].operands {
                if let Some(count) = uses.get_mut(&operand) {
                    *count = count.saturating_sub(1);
                }
                if let ValueDefinition::OpResult { op: definer, .. } =
                    module.values[operand].definition
                {
                    worklist.push(definer);
                }
            }
        }
        mark_erased(module, op);
        changed = true;
    }
    if changed {
        compact_blocks(module, root);
    }
    changed
}
