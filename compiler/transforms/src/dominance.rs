//! Dominator trees of a region's blocks (Cooper, Harvey and Kennedy's iterative algorithm
//! over the reverse post-order), and reachability from the entry block.
//!
//! Only blocks reachable from the entry are in the tree; a region of one block is a tree
//! of one node. Edges are the successors of each block's ops (only terminators have any).

use std::collections::{HashMap, HashSet};

use mlc_ir::{BlockId, Module, RegionId};

pub struct DominatorTree {
    /// The reachable blocks in reverse post-order (the entry first).
    order: Vec<BlockId>,
    children: HashMap<BlockId, Vec<BlockId>>,
}

impl DominatorTree {
    pub fn new(module: &Module, region: RegionId) -> DominatorTree {
        let order = reverse_post_order(module, region);
        let index: HashMap<BlockId, usize> =
            order.iter().enumerate().map(|(position, &block)| (block, position)).collect();
        let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
        for (position, &block) in order.iter().enumerate() {
            for successor in successors(module, block) {
                if let Some(&target) = index.get(&successor) {
                    predecessors[target].push(position);
                }
            }
        }
        // Immediate dominators by position in `order`; the entry is its own.
        let mut idom: Vec<Option<usize>> = vec![None; order.len()];
        if !order.is_empty() {
            idom[0] = Some(0);
        }
        let mut changed = true;
        while changed {
            changed = false;
            for position in 1..order.len() {
                let mut new_idom = None;
                for &predecessor in &predecessors[position] {
                    if idom[predecessor].is_none() {
                        continue;
                    }
                    new_idom = Some(match new_idom {
                        None => predecessor,
                        Some(current) => intersect(&idom, current, predecessor),
                    });
                }
                if new_idom.is_some() && new_idom != idom[position] {
                    idom[position] = new_idom;
                    changed = true;
                }
            }
        }
        let mut children: HashMap<BlockId, Vec<BlockId>> = HashMap::new();
        for position in 1..order.len() {
            if let Some(parent) = idom[position] {
                children.entry(order[parent]).or_default().push(order[position]);
            }
        }
        DominatorTree { order, children }
    }

    /// The entry block, if the region has any block.
    pub fn root(&self) -> Option<BlockId> {
        self.order.first().copied()
    }

    /// The blocks `block` immediately dominates, in reverse post-order.
    pub fn children(&self, block: BlockId) -> &[BlockId] {
        self.children.get(&block).map_or(&[], Vec::as_slice)
    }
}

fn intersect(idom: &[Option<usize>], mut a: usize, mut b: usize) -> usize {
    while a != b {
        while a > b {
            a = idom[a].expect("processed blocks have a dominator");
        }
        while b > a {
            b = idom[b].expect("processed blocks have a dominator");
        }
    }
    a
}

/// The blocks that `block`'s ops branch to.
pub fn successors(module: &Module, block: BlockId) -> Vec<BlockId> {
    module.blocks[block]
        .ops
        .iter()
        .flat_map(|&op| module.ops[op].successors.iter().map(|s| s.block))
        .collect()
}

/// The blocks reachable from the region's entry, in reverse post-order.
pub fn reverse_post_order(module: &Module, region: RegionId) -> Vec<BlockId> {
    let Some(&entry) = module.regions[region].blocks.first() else {
        return Vec::new();
    };
    let mut visited = HashSet::from([entry]);
    let mut post_order = Vec::new();
    // (block, its successors, how many of them have been pushed)
    let mut stack = vec![(entry, successors(module, entry), 0)];
    while let Some((block, next, pushed)) = stack.last_mut() {
        if let Some(&successor) = next.get(*pushed) {
            *pushed += 1;
            if visited.insert(successor) {
                let successor_successors = successors(module, successor);
                stack.push((successor, successor_successors, 0));
            }
        } else {
            post_order.push(*block);
            stack.pop();
        }
    }
    post_order.reverse();
    post_order
}
