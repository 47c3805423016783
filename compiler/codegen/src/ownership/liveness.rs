//! Which owned values are still needed at the start and end of each block.
//!
//! A use of a borrowed value counts as a use of what it borrows from (see
//! [`Facts::tracked`]), so an aggregate lives as long as the elements taken from it and a
//! list as long as the pointers into its buffer.

use std::collections::{HashMap, HashSet};

use mlc_ir::{BlockId, Module, ValueId};

use super::facts::{successors, Facts};

#[derive(Default)]
pub struct Liveness {
    pub live_in: HashMap<BlockId, HashSet<ValueId>>,
    pub live_out: HashMap<BlockId, HashSet<ValueId>>,
}

pub fn compute(module: &Module, facts: &Facts) -> Liveness {
    // Per block: the owned values it uses before defining them, and those it defines.
    let mut used_first: HashMap<BlockId, HashSet<ValueId>> = HashMap::new();
    let mut defined: HashMap<BlockId, HashSet<ValueId>> = HashMap::new();
    for &block in &facts.blocks {
        let mut uses = HashSet::new();
        let mut defs: HashSet<ValueId> = module.blocks[block]
            .arguments
            .iter()
            .copied()
            .filter(|&v| facts.is_tracked(v))
            .collect();
        for &op in &module.blocks[block].ops {
            let data = &module.ops[op];
            let arguments = data.successors.iter().flat_map(|s| &s.arguments);
            for &operand in data.operands.iter().chain(arguments) {
                for tracked in facts.tracked_by_use(operand) {
                    if !defs.contains(&tracked) {
                        uses.insert(tracked);
                    }
                }
            }
            defs.extend(data.results.iter().copied().filter(|&v| facts.is_tracked(v)));
        }
        used_first.insert(block, uses);
        defined.insert(block, defs);
    }

    let mut liveness = Liveness::default();
    for &block in &facts.blocks {
        liveness.live_in.insert(block, HashSet::new());
        liveness.live_out.insert(block, HashSet::new());
    }
    let mut changed = true;
    while changed {
        changed = false;
        for &block in facts.blocks.iter().rev() {
            let mut out = HashSet::new();
            for successor in successors(module, block) {
                out.extend(liveness.live_in[&successor].iter().copied());
            }
            let mut live_in = used_first[&block].clone();
            live_in.extend(out.iter().copied().filter(|v| !defined[&block].contains(v)));
            if live_in != liveness.live_in[&block] {
                liveness.live_in.insert(block, live_in);
                changed = true;
            }
            liveness.live_out.insert(block, out);
        }
    }
    liveness
}
