//! Straight-line block cleanup in multi-block regions (what `scf-to-cf` leaves behind):
//!
//! - a `cf.cond_br` whose two successors are the same (block and values) is a `cf.br`;
//! - a block whose only predecessor ends in a `cf.br` to it is merged into that predecessor
//!   (its arguments become the values the branch passed);
//! - a block without arguments that only branches on (`cf.br ^next(...)`) is skipped: its
//!   predecessors branch to `^next` directly, and it goes.
//!
//! The entry block is never merged away (it holds the region's arguments). The incoming
//! edges of each block are computed once per region and kept up to date by each rewrite, so
//! a region of `B` blocks costs `O(B)` per round and rounds repeat only while something
//! changes.

use std::collections::{HashMap, HashSet};

use mlc_ir::dialect::cf;
use mlc_ir::{BlockId, Module, OpId, RegionId};

use crate::rewrite::{mark_erased, ops_within, terminator, Substitution};

/// Simplifies every multi-block region nested in `root`; whether anything changed.
pub fn simplify_blocks(module: &mut Module, root: OpId) -> bool {
    let mut substitution = Substitution::new();
    let mut changed = false;
    for op in ops_within(module, root) {
        if module.ops[op].erased {
            continue;
        }
        for region in module.ops[op].regions.clone() {
            if module.regions[region].blocks.len() > 1 {
                changed |= RegionCleanup::new(module, region).run(module, &mut substitution);
            }
        }
    }
    substitution.apply_within(module, root);
    changed
}

struct RegionCleanup {
    region: RegionId,
    /// For each block, the terminators branching to it, once per successor entry.
    incoming: HashMap<BlockId, Vec<OpId>>,
    removed: HashSet<BlockId>,
}

impl RegionCleanup {
    fn new(module: &Module, region: RegionId) -> RegionCleanup {
        let mut incoming: HashMap<BlockId, Vec<OpId>> = HashMap::new();
        for &block in &module.regions[region].blocks {
            if let Some(exit) = terminator(module, block) {
                for successor in &module.ops[exit].successors {
                    incoming.entry(successor.block).or_default().push(exit);
                }
            }
        }
        RegionCleanup { region, incoming, removed: HashSet::new() }
    }

    fn run(mut self, module: &mut Module, substitution: &mut Substitution) -> bool {
        let mut changed = false;
        loop {
            let mut progress = false;
            let blocks = module.regions[self.region].blocks.clone();
            for (position, &block) in blocks.iter().enumerate() {
                if self.removed.contains(&block) {
                    continue;
                }
                progress |= self.one_way_branch(module, block);
                while self.merge_successor(module, block, substitution) {
                    progress = true;
                }
                if position > 0 {
                    progress |= self.forward(module, block);
                }
            }
            let removed = &self.removed;
            module.regions[self.region].blocks.retain(|block| !removed.contains(block));
            if !progress {
                return changed;
            }
            changed = true;
        }
    }

    fn edges(&self, block: BlockId) -> &[OpId] {
        self.incoming.get(&block).map_or(&[], Vec::as_slice)
    }

    /// `cf.cond_br %c, ^b(%v), ^b(%v)` becomes `cf.br ^b(%v)`, in place.
    fn one_way_branch(&mut self, module: &mut Module, block: BlockId) -> bool {
        let Some(exit) = terminator(module, block) else { return false };
        let data = &module.ops[exit];
        let one_way = data.name() == "cf.cond_br"
            && data.successors.len() == 2
            && data.successors[0] == data.successors[1];
        if !one_way {
            return false;
        }
        let target = data.successors[0].block;
        let data = &mut module.ops[exit];
        data.definition = &cf::BR;
        data.operands.clear();
        data.successors.truncate(1);
        let edges = self.incoming.entry(target).or_default();
        if let Some(position) = edges.iter().position(|&edge| edge == exit) {
            edges.remove(position);
        }
        true
    }

    /// Merges the target of `block`'s `cf.br` into `block` when `block` is its only
    /// predecessor.
    fn merge_successor(
        &mut self,
        module: &mut Module,
        block: BlockId,
        substitution: &mut Substitution,
    ) -> bool {
        let Some(branch) = terminator(module, block) else { return false };
        if module.ops[branch].name() != "cf.br" {
            return false;
        }
        let target = module.ops[branch].successors[0].block;
        let entry = module.regions[self.region].blocks[0];
        if target == block || target == entry || self.edges(target) != [branch] {
            return false;
        }
        let passed = module.ops[branch].successors[0].arguments.clone();
        for (&argument, &value) in module.blocks[target].arguments.iter().zip(&passed) {
            substitution.replace(argument, value);
        }
        module.blocks[block].ops.pop();
        mark_erased(module, branch);
        module.ops[branch].parent = None;
        let moved = std::mem::take(&mut module.blocks[target].ops);
        for &op in &moved {
            module.ops[op].parent = Some(block);
        }
        module.blocks[block].ops.extend(moved);
        self.incoming.remove(&target);
        self.removed.insert(target);
        true
    }

    /// Points the edges into `block` (no arguments, only a `cf.br`) at its destination.
    fn forward(&mut self, module: &mut Module, block: BlockId) -> bool {
        let [only] = module.blocks[block].ops.as_slice() else { return false };
        let only = *only;
        if !module.blocks[block].arguments.is_empty() || module.ops[only].name() != "cf.br" {
            return false;
        }
        let destination = module.ops[only].successors[0].clone();
        let mut edges = self.edges(block).to_vec();
        if destination.block == block || edges.is_empty() {
            return false;
        }
        let into_destination = self.incoming.entry(destination.block).or_default();
        if let Some(position) = into_destination.iter().position(|&edge| edge == only) {
            into_destination.remove(position);
        }
        // An op branching twice to `block` is listed twice: visit it once.
        edges.sort();
        edges.dedup();
        for &edge in &edges {
            for successor in &mut module.ops[edge].successors {
                if successor.block == block {
                    *successor = destination.clone();
                    into_destination.push(edge);
                }
            }
        }
        self.incoming.remove(&block);
        module.blocks[block].ops.clear();
        mark_erased(module, only);
        module.ops[only].parent = None;
        self.removed.insert(block);
        true
    }
}
