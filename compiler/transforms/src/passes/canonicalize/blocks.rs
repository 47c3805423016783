//! Straight-line block cleanup in multi-block regions (what `scf-to-cf` leaves behind):
//!
//! - a `cf.cond_br` whose two successors are the same (block and values) is a `cf.br`;
//! - a block whose only predecessor ends in a `cf.br` to it is merged into that predecessor
//!   (its arguments become the values the branch passed);
//! - a block without arguments that only branches on (`cf.br ^next(...)`) is skipped: its
//!   predecessors branch to `^next` directly, and it goes once nothing reaches it.
//!
//! The entry block is never merged away (it holds the region's arguments).

use std::collections::HashMap;

use mlc_ir::dialect::cf;
use mlc_ir::{BlockId, Module, OpId, OpState, RegionId};

use crate::rewrite::{ops_within, terminator, Substitution};

/// Simplifies every multi-block region nested in `root`; whether anything changed.
pub fn simplify_blocks(module: &mut Module, root: OpId) -> bool {
    let mut substitution = Substitution::new();
    let mut changed = false;
    for op in ops_within(module, root) {
        if module.ops[op].erased {
            continue;
        }
        for region in module.ops[op].regions.clone() {
            while simplify_once(module, region, &mut substitution) {
                changed = true;
            }
        }
    }
    substitution.apply_within(module, root);
    changed
}

/// One merge or forward in `region`, if any applies.
fn simplify_once(module: &mut Module, region: RegionId, substitution: &mut Substitution) -> bool {
    let blocks = module.regions[region].blocks.clone();
    if blocks.len() < 2 {
        return false;
    }
    for &block in &blocks {
        if let Some(exit) = terminator(module, block) {
            if branches_one_way(module, exit) {
                let state = OpState::new(&cf::BR)
                    .successor(
                        module.ops[exit].successors[0].block,
                        &module.ops[exit].successors[0].arguments.clone(),
                    )
                    .location(module.ops[exit].location.clone());
                let branch = module.create_op(state);
                module.insert_before(exit, branch);
                module.erase_op(exit);
                return true;
            }
        }
    }
    // Each successor entry of each terminator is one incoming edge.
    let mut incoming: HashMap<BlockId, Vec<OpId>> = HashMap::new();
    for &block in &blocks {
        if let Some(exit) = terminator(module, block) {
            for successor in &module.ops[exit].successors {
                incoming.entry(successor.block).or_default().push(exit);
            }
        }
    }
    for &block in &blocks[1..] {
        let edges = incoming.get(&block).map_or(&[][..], Vec::as_slice);
        if let [branch] = edges {
            let predecessor = module.ops[*branch].parent.expect("a terminator is in a block");
            if module.ops[*branch].name() == "cf.br" && predecessor != block {
                merge_into_predecessor(module, block, *branch, predecessor, substitution);
                return true;
            }
        }
        if !edges.is_empty() && forward(module, block, edges) {
            return true;
        }
    }
    false
}

/// A `cf.cond_br` whose two successors (blocks and values) are the same.
fn branches_one_way(module: &Module, exit: OpId) -> bool {
    let data = &module.ops[exit];
    data.name() == "cf.cond_br"
        && data.successors.len() == 2
        && data.successors[0] == data.successors[1]
}

fn merge_into_predecessor(
    module: &mut Module,
    block: BlockId,
    branch: OpId,
    predecessor: BlockId,
    substitution: &mut Substitution,
) {
    let passed = module.ops[branch].successors[0].arguments.clone();
    for (&argument, &value) in module.blocks[block].arguments.iter().zip(&passed) {
        substitution.replace(argument, value);
    }
    module.erase_op(branch);
    let moved = std::mem::take(&mut module.blocks[block].ops);
    for &op in &moved {
        module.ops[op].parent = Some(predecessor);
    }
    module.blocks[predecessor].ops.extend(moved);
    remove_block(module, block);
}

/// Points the `edges` into `block` (no arguments, only a `cf.br`) at its destination.
fn forward(module: &mut Module, block: BlockId, edges: &[OpId]) -> bool {
    let [only] = module.blocks[block].ops.as_slice() else {
        return false;
    };
    let only = *only;
    if !module.blocks[block].arguments.is_empty() || module.ops[only].name() != "cf.br" {
        return false;
    }
    let target = module.ops[only].successors[0].clone();
    if target.block == block {
        return false;
    }
    for &edge in edges {
        for successor in &mut module.ops[edge].successors {
            if successor.block == block {
                *successor = target.clone();
            }
        }
    }
    module.erase_op(only);
    remove_block(module, block);
    true
}

/// Takes an empty `block` out of its region.
fn remove_block(module: &mut Module, block: BlockId) {
    if let Some(region) = module.blocks[block].parent.take() {
        module.regions[region].blocks.retain(|&b| b != block);
    }
}
