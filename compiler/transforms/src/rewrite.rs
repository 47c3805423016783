//! Edits the passes share, beyond [`Module`]'s own: batched replacement of values, block
//! surgery (split, create, move, erase) and deep copies of ops.
//!
//! `Module::replace_all_uses` scans every op of the module for one value; a pass replacing
//! many values records them in a [`Substitution`] and applies it once per function. In the
//! same way `Module::erase_op` and `insert_before` search the op's block, so a pass editing
//! many ops of one block marks them erased ([`mark_erased`]) and takes them out once
//! ([`compact_blocks`]), and inserts runs of ops with one search ([`insert_ops_before`]):
//! every pass stays linear in the size of a block.

use std::collections::HashMap;

use mlc_ir::{BlockId, Module, OpId, OpState, RegionId, Trait, Type, ValueDefinition, ValueId};

/// Values to be replaced by others, applied in one walk.
#[derive(Default, Debug)]
pub struct Substitution {
    map: HashMap<ValueId, ValueId>,
}

impl Substitution {
    pub fn new() -> Substitution {
        Substitution::default()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every use of `from` becomes a use of `to` (or of what `to` is itself replaced by).
    pub fn replace(&mut self, from: ValueId, to: ValueId) {
        let to = self.resolve(to);
        if from != to {
            self.map.insert(from, to);
        }
    }

    /// Replaces each result of `op` by the value at the same position.
    pub fn replace_results(&mut self, module: &Module, op: OpId, values: &[ValueId]) {
        for (&result, &value) in module.ops[op].results.iter().zip(values) {
            self.replace(result, value);
        }
    }

    /// The value `value` stands for now.
    pub fn resolve(&self, mut value: ValueId) -> ValueId {
        while let Some(&next) = self.map.get(&value) {
            value = next;
        }
        value
    }

    /// Rewrites the operands and successor arguments of `op` itself.
    pub fn apply_to_op(&self, module: &mut Module, op: OpId) {
        if self.map.is_empty() {
            return;
        }
        let mut operands = std::mem::take(&mut module.ops[op].operands);
        for operand in &mut operands {
            *operand = self.resolve(*operand);
        }
        module.ops[op].operands = operands;
        let mut successors = std::mem::take(&mut module.ops[op].successors);
        for argument in successors.iter_mut().flat_map(|s| s.arguments.iter_mut()) {
            *argument = self.resolve(*argument);
        }
        module.ops[op].successors = successors;
    }

    /// Rewrites every op nested in `root` (and `root` itself).
    pub fn apply_within(&self, module: &mut Module, root: OpId) {
        if self.map.is_empty() {
            return;
        }
        for op in ops_within(module, root) {
            self.apply_to_op(module, op);
        }
    }
}

/// `root` and every op nested in it, in pre-order.
pub fn ops_within(module: &Module, root: OpId) -> Vec<OpId> {
    let mut ops = Vec::new();
    module.walk(root, &mut |op| ops.push(op));
    ops
}

/// The functions (`func.func`, `gpu.func`) of the module that have a body.
pub fn function_bodies(module: &Module) -> Vec<OpId> {
    module.blocks[module.body()]
        .ops
        .iter()
        .copied()
        .filter(|&op| {
            matches!(module.ops[op].name(), "func.func" | "gpu.func")
                && module.ops[op]
                    .regions
                    .first()
                    .is_some_and(|&region| !module.regions[region].blocks.is_empty())
        })
        .collect()
}

/// Whether `op` is nested (at any depth) in a region of `ancestor`.
pub fn is_nested_in(module: &Module, mut op: OpId, ancestor: OpId) -> bool {
    while let Some(parent) = module.parent_op(op) {
        if parent == ancestor {
            return true;
        }
        op = parent;
    }
    false
}

/// Whether `value` is defined inside a region of `ancestor` (at any depth).
pub fn is_defined_in(module: &Module, value: ValueId, ancestor: OpId) -> bool {
    let block = match module.values[value].definition {
        ValueDefinition::OpResult { op, .. } => match module.ops[op].parent {
            Some(block) => block,
            None => return false,
        },
        ValueDefinition::BlockArgument { block, .. } => block,
    };
    match module.parent_op_of_block(block) {
        Some(parent) => parent == ancestor || is_nested_in(module, parent, ancestor),
        None => false,
    }
}

/// The last op of `block`, if it is a terminator.
pub fn terminator(module: &Module, block: BlockId) -> Option<OpId> {
    module.blocks[block]
        .ops
        .last()
        .copied()
        .filter(|&op| module.ops[op].definition.has_trait(Trait::Terminator))
}

/// How many times each value is used (operands and successor arguments) by the ops nested
/// in `root`.
pub fn use_counts(module: &Module, root: OpId) -> HashMap<ValueId, usize> {
    let mut counts = HashMap::new();
    module.walk(root, &mut |op| {
        let data = &module.ops[op];
        let successor_arguments = data.successors.iter().flat_map(|s| &s.arguments);
        for &value in data.operands.iter().chain(successor_arguments) {
            *counts.entry(value).or_insert(0) += 1;
        }
    });
    counts
}

// ---- blocks ----

/// A new block with arguments of `types`, placed right after `anchor` in its region.
pub fn new_block_after(module: &mut Module, anchor: BlockId, types: &[Type]) -> BlockId {
    let region = module.blocks[anchor].parent.expect("the anchor block is in no region");
    let block = module.append_block(region, types);
    move_block_after(module, block, anchor);
    block
}

/// A new block with arguments of `types`, placed right before `anchor` in its region.
pub fn new_block_before(module: &mut Module, anchor: BlockId, types: &[Type]) -> BlockId {
    let region = module.blocks[anchor].parent.expect("the anchor block is in no region");
    let block = module.append_block(region, types);
    move_block_before(module, block, anchor);
    block
}

/// Removes the arguments of `block` whose entry in `keep` is false (renumbering the others).
/// Nothing may use them, and no branch may target `block` yet.
pub fn remove_block_arguments(module: &mut Module, block: BlockId, keep: &[bool]) {
    let arguments = std::mem::take(&mut module.blocks[block].arguments);
    debug_assert_eq!(arguments.len(), keep.len());
    for (value, _) in arguments.into_iter().zip(keep).filter(|(_, &kept)| kept) {
        let index = module.blocks[block].arguments.len() as u32;
        module.values[value].definition = ValueDefinition::BlockArgument { block, index };
        module.blocks[block].arguments.push(value);
    }
}

/// Takes `block` out of its region (its ops stay in it).
fn take_block(module: &mut Module, block: BlockId) {
    if let Some(region) = module.blocks[block].parent.take() {
        module.regions[region].blocks.retain(|&b| b != block);
    }
}

fn place_block(module: &mut Module, block: BlockId, anchor: BlockId, offset: usize) {
    take_block(module, block);
    let region = module.blocks[anchor].parent.expect("the anchor block is in no region");
    let blocks = &mut module.regions[region].blocks;
    let position = blocks.iter().position(|&b| b == anchor).expect("region/block links") + offset;
    blocks.insert(position, block);
    module.blocks[block].parent = Some(region);
}

/// Moves `block` (from any region) right after `anchor`, in `anchor`'s region.
pub fn move_block_after(module: &mut Module, block: BlockId, anchor: BlockId) {
    place_block(module, block, anchor, 1);
}

/// Moves `block` (from any region) right before `anchor`, in `anchor`'s region.
pub fn move_block_before(module: &mut Module, block: BlockId, anchor: BlockId) {
    place_block(module, block, anchor, 0);
}

/// Erases every op of `block` and takes it out of its region. Values it defines must have
/// no uses left outside it.
pub fn erase_block(module: &mut Module, block: BlockId) {
    for op in std::mem::take(&mut module.blocks[block].ops) {
        mark_erased(module, op);
        module.ops[op].parent = None;
    }
    take_block(module, block);
}

/// Marks `op` and everything nested in it erased, leaving it in its block until
/// [`compact_blocks`] runs (which must happen before anyone verifies or prints).
pub fn mark_erased(module: &mut Module, op: OpId) {
    for nested in ops_within(module, op) {
        module.ops[nested].erased = true;
    }
}

/// Takes the ops marked erased out of every block nested in `root`.
pub fn compact_blocks(module: &mut Module, root: OpId) {
    let mut blocks = Vec::new();
    module.walk(root, &mut |op| {
        if !module.ops[op].erased {
            for &region in &module.ops[op].regions {
                blocks.extend(module.regions[region].blocks.iter().copied());
            }
        }
    });
    for block in blocks {
        if module.blocks[block].ops.iter().any(|&op| module.ops[op].erased) {
            let ops = std::mem::take(&mut module.blocks[block].ops);
            let (erased, kept): (Vec<OpId>, Vec<OpId>) =
                ops.into_iter().partition(|&op| module.ops[op].erased);
            for op in erased {
                module.ops[op].parent = None;
            }
            module.blocks[block].ops = kept;
        }
    }
}

/// Inserts the detached `ops`, in order, right before `anchor` (one search of its block).
pub fn insert_ops_before(module: &mut Module, anchor: OpId, ops: Vec<OpId>) {
    let block = module.ops[anchor].parent.expect("the anchor op is in no block");
    let position =
        module.blocks[block].ops.iter().position(|&o| o == anchor).expect("block/op links");
    insert_ops_at(module, block, position, ops);
}

/// Inserts the detached `ops`, in order, at `position` in `block`.
pub fn insert_ops_at(module: &mut Module, block: BlockId, position: usize, ops: Vec<OpId>) {
    for &op in &ops {
        debug_assert!(module.ops[op].parent.is_none(), "inserting an op still in a block");
        module.ops[op].parent = Some(block);
    }
    module.blocks[block].ops.splice(position..position, ops);
}

/// Creates an op from `state` and inserts it right before `anchor`; returns it.
pub fn insert_op_before(module: &mut Module, anchor: OpId, state: OpState) -> OpId {
    let op = module.create_op(state);
    module.insert_before(anchor, op);
    op
}

/// Creates an op from `state` at the end of `block`; returns it.
pub fn append_new_op(module: &mut Module, block: BlockId, state: OpState) -> OpId {
    let op = module.create_op(state);
    module.append_op(block, op);
    op
}

// ---- copies ----

/// Deep copies of ops: values and blocks defined inside a copy are fresh; uses of values
/// defined outside go through `values` (unmapped values are used as they are).
#[derive(Default)]
pub struct Cloner {
    pub values: HashMap<ValueId, ValueId>,
    blocks: HashMap<BlockId, BlockId>,
}

impl Cloner {
    pub fn new(values: HashMap<ValueId, ValueId>) -> Cloner {
        Cloner { values, blocks: HashMap::new() }
    }

    fn value(&self, value: ValueId) -> ValueId {
        self.values.get(&value).copied().unwrap_or(value)
    }

    /// A detached copy of `op` and everything nested in it; its results are mapped to the
    /// originals' in `values`.
    pub fn clone_op(&mut self, module: &mut Module, op: OpId) -> OpId {
        let copy = self.copy(module, op);
        if !module.ops[copy].regions.is_empty() {
            self.map_late_uses(module, copy);
        }
        copy
    }

    /// A use inside a copied region may precede its definition (a block listed before the
    /// block defining the value): maps those in `root` now that every definition is copied.
    fn map_late_uses(&self, module: &mut Module, root: OpId) {
        for nested in ops_within(module, root) {
            let data = &mut module.ops[nested];
            for operand in &mut data.operands {
                *operand = self.values.get(operand).copied().unwrap_or(*operand);
            }
            for argument in data.successors.iter_mut().flat_map(|s| s.arguments.iter_mut()) {
                *argument = self.values.get(argument).copied().unwrap_or(*argument);
            }
        }
    }

    fn copy(&mut self, module: &mut Module, op: OpId) -> OpId {
        let data = module.ops[op].clone();
        let mut regions = Vec::new();
        for &region in &data.regions {
            regions.push(self.clone_region(module, region));
        }
        let mut state = OpState::new(data.definition)
            .operands(&data.operands.iter().map(|&v| self.value(v)).collect::<Vec<_>>())
            .results(
                &data.results.iter().map(|&v| module.value_type(v).clone()).collect::<Vec<_>>(),
            )
            .location(data.location.clone());
        state.attributes = data.attributes.clone();
        state.regions = regions;
        for successor in &data.successors {
            let block = self.blocks.get(&successor.block).copied().unwrap_or(successor.block);
            let arguments: Vec<ValueId> =
                successor.arguments.iter().map(|&v| self.value(v)).collect();
            state = state.successor(block, &arguments);
        }
        let copy = module.create_op(state);
        for (&old, &new) in data.results.iter().zip(&module.ops[copy].results.clone()) {
            self.values.insert(old, new);
        }
        copy
    }

    fn clone_region(&mut self, module: &mut Module, region: RegionId) -> RegionId {
        let copy = module.create_region();
        let blocks = module.regions[region].blocks.clone();
        self.copy_blocks(module, &blocks, copy);
        copy
    }

    /// Copies of `blocks` (with their arguments and ops), appended in order to `region`;
    /// branches between them go to the copies.
    pub fn clone_blocks(
        &mut self,
        module: &mut Module,
        blocks: &[BlockId],
        region: RegionId,
    ) -> Vec<BlockId> {
        let copies = self.copy_blocks(module, blocks, region);
        for &copy in &copies {
            for op in module.blocks[copy].ops.clone() {
                self.map_late_uses(module, op);
            }
        }
        copies
    }

    /// [`Cloner::clone_blocks`] without mapping the uses that precede their definitions.
    fn copy_blocks(
        &mut self,
        module: &mut Module,
        blocks: &[BlockId],
        region: RegionId,
    ) -> Vec<BlockId> {
        // Blocks first: a branch may name a block listed after it.
        let mut copies = Vec::with_capacity(blocks.len());
        for &block in blocks {
            let types: Vec<Type> = module.blocks[block]
                .arguments
                .iter()
                .map(|&v| module.value_type(v).clone())
                .collect();
            let new_block = module.append_block(region, &types);
            self.blocks.insert(block, new_block);
            let pairs: Vec<(ValueId, ValueId)> = module.blocks[block]
                .arguments
                .iter()
                .copied()
                .zip(module.blocks[new_block].arguments.clone())
                .collect();
            self.values.extend(pairs);
            copies.push(new_block);
        }
        for (&block, &new_block) in blocks.iter().zip(&copies) {
            for op in module.blocks[block].ops.clone() {
                let copy = self.copy(module, op);
                module.append_op(new_block, copy);
            }
        }
        copies
    }
}
