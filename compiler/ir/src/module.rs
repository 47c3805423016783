//! The IR container: arenas of ops, blocks, regions and values, and the edits passes make.
//!
//! A [`Module`] owns every entity; its top op is a `builtin.module` whose single region holds
//! the functions. Ops sit in blocks, blocks in regions, regions in ops. Each link is stored
//! both ways (an op knows its parent block, a block its ops), and every edit here keeps both
//! sides in step. Uses are not indexed: `replace_all_uses` scans the ops, which is linear
//! and enough until a pass shows otherwise.

use std::collections::BTreeMap;

use crate::attribute::Attribute;
use crate::dialect::{builtin, OpDefinition};
use crate::entity::{Arena, BlockId, EntityId, OpId, RegionId, ValueId};
use crate::types::Type;

/// A source location, printed `loc("file.ml":3:5)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

/// A successor block and the values passed to its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Successor {
    pub block: BlockId,
    pub arguments: Vec<ValueId>,
}

#[derive(Clone, Debug)]
pub struct OpData {
    pub definition: &'static OpDefinition,
    pub operands: Vec<ValueId>,
    pub results: Vec<ValueId>,
    pub attributes: BTreeMap<String, Attribute>,
    pub regions: Vec<RegionId>,
    pub successors: Vec<Successor>,
    pub location: Option<Location>,
    pub parent: Option<BlockId>,
    pub erased: bool,
}

impl OpData {
    pub fn name(&self) -> &'static str {
        self.definition.name
    }
}

#[derive(Clone, Debug, Default)]
pub struct BlockData {
    pub arguments: Vec<ValueId>,
    pub ops: Vec<OpId>,
    pub parent: Option<RegionId>,
}

#[derive(Clone, Debug, Default)]
pub struct RegionData {
    pub blocks: Vec<BlockId>,
    pub parent: Option<OpId>,
}

/// Where a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueDefinition {
    OpResult { op: OpId, index: u32 },
    BlockArgument { block: BlockId, index: u32 },
}

#[derive(Clone, Debug)]
pub struct ValueData {
    pub ty: Type,
    pub definition: ValueDefinition,
}

/// What an op is made from, before it exists: the argument of [`Module::create_op`].
#[derive(Clone, Debug)]
pub struct OpState {
    pub definition: &'static OpDefinition,
    pub operands: Vec<ValueId>,
    pub result_types: Vec<Type>,
    pub attributes: BTreeMap<String, Attribute>,
    /// Regions to attach (created with [`Module::create_region`]).
    pub regions: Vec<RegionId>,
    pub successors: Vec<Successor>,
    pub location: Option<Location>,
}

impl OpState {
    pub fn new(definition: &'static OpDefinition) -> OpState {
        OpState {
            definition,
            operands: Vec::new(),
            result_types: Vec::new(),
            attributes: BTreeMap::new(),
            regions: Vec::new(),
            successors: Vec::new(),
            location: None,
        }
    }

    pub fn operands(mut self, operands: &[ValueId]) -> OpState {
        self.operands.extend_from_slice(operands);
        self
    }

    pub fn results(mut self, types: &[Type]) -> OpState {
        self.result_types.extend_from_slice(types);
        self
    }

    pub fn attribute(mut self, name: &str, value: Attribute) -> OpState {
        self.attributes.insert(name.to_string(), value);
        self
    }

    pub fn region(mut self, region: RegionId) -> OpState {
        self.regions.push(region);
        self
    }

    pub fn successor(mut self, block: BlockId, arguments: &[ValueId]) -> OpState {
        self.successors.push(Successor { block, arguments: arguments.to_vec() });
        self
    }

    pub fn location(mut self, location: Option<Location>) -> OpState {
        self.location = location;
        self
    }
}

#[derive(Clone, Debug)]
pub struct Module {
    pub ops: Arena<OpId, OpData>,
    pub blocks: Arena<BlockId, BlockData>,
    pub regions: Arena<RegionId, RegionData>,
    pub values: Arena<ValueId, ValueData>,
    top: OpId,
}

impl Default for Module {
    fn default() -> Self {
        Module::new()
    }
}

impl Module {
    /// An empty `builtin.module` with one region of one block.
    pub fn new() -> Module {
        let mut module = Module {
            ops: Arena::default(),
            blocks: Arena::default(),
            regions: Arena::default(),
            values: Arena::default(),
            // Replaced below, once the module op exists.
            top: EntityId::new(0),
        };
        let region = module.create_region();
        module.append_block(region, &[]);
        module.top = module.create_op(OpState::new(&builtin::MODULE).region(region));
        module
    }

    /// The top `builtin.module` op.
    pub fn top(&self) -> OpId {
        self.top
    }

    pub(crate) fn set_top(&mut self, op: OpId) {
        self.top = op;
    }

    /// The block of the top module's region, where functions go.
    pub fn body(&self) -> BlockId {
        self.regions[self.ops[self.top].regions[0]].blocks[0]
    }

    // ---- creation ----

    pub fn create_region(&mut self) -> RegionId {
        self.regions.push(RegionData::default())
    }

    /// Appends a new block with arguments of the given types to `region`.
    pub fn append_block(&mut self, region: RegionId, argument_types: &[Type]) -> BlockId {
        let block = self.create_block(argument_types);
        self.blocks[block].parent = Some(region);
        self.regions[region].blocks.push(block);
        block
    }

    /// A block in no region yet (the parser creates blocks on first reference).
    pub(crate) fn create_block(&mut self, argument_types: &[Type]) -> BlockId {
        let block = self.blocks.push(BlockData::default());
        for ty in argument_types {
            self.add_block_argument(block, ty.clone());
        }
        block
    }

    pub fn add_block_argument(&mut self, block: BlockId, ty: Type) -> ValueId {
        let index = self.blocks[block].arguments.len() as u32;
        let value = self
            .values
            .push(ValueData { ty, definition: ValueDefinition::BlockArgument { block, index } });
        self.blocks[block].arguments.push(value);
        value
    }

    /// Creates a detached op (in no block) from `state`, with fresh result values.
    pub fn create_op(&mut self, state: OpState) -> OpId {
        let op = self.ops.push(OpData {
            definition: state.definition,
            operands: state.operands,
            results: Vec::new(),
            attributes: state.attributes,
            regions: state.regions,
            successors: state.successors,
            location: state.location,
            parent: None,
            erased: false,
        });
        for region in self.ops[op].regions.clone() {
            self.regions[region].parent = Some(op);
        }
        for (index, ty) in state.result_types.into_iter().enumerate() {
            let value = self.values.push(ValueData {
                ty,
                definition: ValueDefinition::OpResult { op, index: index as u32 },
            });
            self.ops[op].results.push(value);
        }
        op
    }

    // ---- queries ----

    pub fn value_type(&self, value: ValueId) -> &Type {
        &self.values[value].ty
    }

    pub fn result(&self, op: OpId, index: usize) -> ValueId {
        self.ops[op].results[index]
    }

    /// The op whose region holds `block`, if any.
    pub fn parent_op_of_block(&self, block: BlockId) -> Option<OpId> {
        self.blocks[block].parent.and_then(|region| self.regions[region].parent)
    }

    /// The op enclosing `op` (the owner of its block's region).
    pub fn parent_op(&self, op: OpId) -> Option<OpId> {
        self.ops[op].parent.and_then(|block| self.parent_op_of_block(block))
    }

    /// `op` and every op nested in its regions, in pre-order (the printing order).
    pub fn walk(&self, op: OpId, visit: &mut dyn FnMut(OpId)) {
        visit(op);
        for &region in &self.ops[op].regions {
            for &block in &self.regions[region].blocks {
                for &nested in &self.blocks[block].ops {
                    self.walk(nested, visit);
                }
            }
        }
    }

    // ---- edits ----

    pub fn append_op(&mut self, block: BlockId, op: OpId) {
        self.detach_op(op);
        self.ops[op].parent = Some(block);
        self.blocks[block].ops.push(op);
    }

    /// Moves (or inserts a detached) `op` right before `anchor`.
    pub fn insert_before(&mut self, anchor: OpId, op: OpId) {
        self.insert_at(anchor, op, 0);
    }

    /// Moves (or inserts a detached) `op` right after `anchor`.
    pub fn insert_after(&mut self, anchor: OpId, op: OpId) {
        self.insert_at(anchor, op, 1);
    }

    fn insert_at(&mut self, anchor: OpId, op: OpId, offset: usize) {
        assert_ne!(anchor, op, "an op cannot be inserted next to itself");
        self.detach_op(op);
        let block = self.ops[anchor].parent.expect("the anchor op is in no block");
        let position = self.position_in_block(anchor) + offset;
        self.blocks[block].ops.insert(position, op);
        self.ops[op].parent = Some(block);
    }

    fn position_in_block(&self, op: OpId) -> usize {
        let block = self.ops[op].parent.expect("op is in no block");
        self.blocks[block].ops.iter().position(|&o| o == op).expect("block/op links out of step")
    }

    /// Takes `op` out of its block, keeping it (and its regions) alive to be inserted again.
    pub fn detach_op(&mut self, op: OpId) {
        if let Some(block) = self.ops[op].parent.take() {
            self.blocks[block].ops.retain(|&o| o != op);
        }
    }

    /// Detaches `op` and marks it and everything nested in it erased. Its results must have
    /// no uses left; the verifier reports any that remain.
    pub fn erase_op(&mut self, op: OpId) {
        self.detach_op(op);
        let mut nested = Vec::new();
        self.walk(op, &mut |o| nested.push(o));
        for o in nested {
            self.ops[o].erased = true;
        }
    }

    /// Makes every use of `from` (operand or successor argument) a use of `to`.
    pub fn replace_all_uses(&mut self, from: ValueId, to: ValueId) {
        for op in self.ops.ids().collect::<Vec<_>>() {
            let data = &mut self.ops[op];
            for operand in data.operands.iter_mut().filter(|v| **v == from) {
                *operand = to;
            }
            for successor in &mut data.successors {
                for argument in successor.arguments.iter_mut().filter(|v| **v == from) {
                    *argument = to;
                }
            }
        }
    }
}
