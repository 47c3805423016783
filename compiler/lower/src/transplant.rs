//! Copying an op, with everything nested in it, from one module into another.
//!
//! Each function is lowered into a module of its own (the unit salsa memoizes); assembling
//! the program copies them into one. Values and blocks get new ids; a use that comes before
//! its definition in the walk (possible across the blocks of a CFG region) is patched once
//! the definition has been copied.

use mlc_ir::{BlockId, Module, OpId, OpState, RegionId, Successor, ValueId};
use rustc_hash::FxHashMap;

pub struct Transplant<'a> {
    from: &'a Module,
    values: FxHashMap<ValueId, ValueId>,
    blocks: FxHashMap<BlockId, BlockId>,
    /// (new op, operand position, old value) for uses copied before their definition.
    pending: Vec<(OpId, usize, ValueId)>,
}

impl<'a> Transplant<'a> {
    pub fn new(from: &'a Module) -> Transplant<'a> {
        Transplant {
            from,
            values: FxHashMap::default(),
            blocks: FxHashMap::default(),
            pending: Vec::new(),
        }
    }

    /// Copies `op` into `into` (detached) and returns the copy.
    pub fn copy(mut self, into: &mut Module, op: OpId) -> OpId {
        let copy = self.copy_op(into, op);
        for (user, position, old) in std::mem::take(&mut self.pending) {
            let value = self.values[&old];
            into.ops[user].operands[position] = value;
        }
        copy
    }

    fn copy_op(&mut self, into: &mut Module, op: OpId) -> OpId {
        let data = &self.from.ops[op];
        let regions: Vec<RegionId> =
            data.regions.iter().map(|&region| self.copy_region_shell(into, region)).collect();
        let mut late = Vec::new();
        let operands: Vec<ValueId> = data
            .operands
            .iter()
            .enumerate()
            .map(|(position, value)| match self.values.get(value) {
                Some(&mapped) => mapped,
                None => {
                    late.push((position, *value));
                    *value
                }
            })
            .collect();
        let successors = data
            .successors
            .iter()
            .map(|successor| Successor {
                block: self.blocks[&successor.block],
                arguments: successor.arguments.iter().map(|value| self.values[value]).collect(),
            })
            .collect();
        let mut state = OpState::new(data.definition)
            .operands(&operands)
            .results(
                &data.results.iter().map(|&v| self.from.value_type(v).clone()).collect::<Vec<_>>(),
            )
            .location(data.location.clone());
        state.attributes = data.attributes.clone();
        state.regions = regions.clone();
        state.successors = successors;
        let copy = into.create_op(state);
        for (position, old) in late {
            self.pending.push((copy, position, old));
        }
        for (old, new) in data.results.iter().zip(into.ops[copy].results.clone()) {
            self.values.insert(*old, new);
        }
        for (old_region, _) in data.regions.iter().zip(&regions) {
            for &old_block in &self.from.regions[*old_region].blocks {
                let new_block = self.blocks[&old_block];
                for &nested in &self.from.blocks[old_block].ops {
                    let nested_copy = self.copy_op(into, nested);
                    into.append_op(new_block, nested_copy);
                }
            }
        }
        copy
    }

    /// A region with its blocks and their arguments, still empty.
    fn copy_region_shell(&mut self, into: &mut Module, region: RegionId) -> RegionId {
        let copy = into.create_region();
        for &block in &self.from.regions[region].blocks {
            let types: Vec<_> = self.from.blocks[block]
                .arguments
                .iter()
                .map(|&v| self.from.value_type(v).clone())
                .collect();
            let new_block = into.append_block(copy, &types);
            self.blocks.insert(block, new_block);
            for (old, new) in self.from.blocks[block]
                .arguments
                .iter()
                .zip(into.blocks[new_block].arguments.clone())
            {
                self.values.insert(*old, new);
            }
        }
        copy
    }
}
