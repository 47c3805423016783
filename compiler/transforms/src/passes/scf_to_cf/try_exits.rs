//! `scf.break` and `scf.continue` that leave a `rt.try`.
//!
//! A `rt.try` keeps its regions after `scf-to-cf`, so a branch cannot leave them. Once the
//! `scf` inside a region is lowered, an exit whose loop is outside the `rt.try` is still an
//! `scf.break`/`scf.continue` ending one of the region's blocks. Each such exit `i` becomes
//!
//! ```text
//! mem.store %i, %exit_kind; mem.store %v, %slot_i_0 ...; scf.yield      (ends the rt.try)
//! ```
//!
//! and after the `rt.try` (its block split there) a dispatch reads `%exit_kind`:
//!
//! ```text
//! %k = mem.load %exit_kind
//! cf.cond_br (%k == i), ^exit_i, ^next ...     ^exit_i: %v = mem.load %slot_i_0 ...; scf.break %v
//! ```
//!
//! The re-created `scf.break` is outside the `rt.try` now, where the enclosing lowering
//! turns it into a branch (or, in an outer `rt.try`, moves it out again). `%exit_kind`
//! (`i64`, 0 = the `rt.try` ended normally, set before each run) and the slots are
//! `mem.alloca`s at the start of the function's entry block. Handles pass through a slot
//! as they are: no reference is added or dropped.

use mlc_ir::dialect::{arith, mem, scf};
use mlc_ir::{Attribute, BlockId, Module, OpId, OpState, Type, ValueId};

use super::{append_compare, append_constant, Context, Lowering};
use crate::rewrite::{
    append_new_op, insert_op_before, new_block_after, new_block_before, terminator,
};

impl Lowering {
    /// Lowers the regions of the `rt.try` `op` (the last op of `current` so far), then
    /// moves the loop exits left in them to after it. Returns the block that is to hold
    /// what follows the `rt.try` when the dispatch needed new blocks.
    pub(super) fn lower_try(
        &mut self,
        module: &mut Module,
        op: OpId,
        current: BlockId,
        context: &Context,
    ) -> Option<BlockId> {
        for region in module.ops[op].regions.clone() {
            self.region(module, region, &Context::keeping_yields());
        }
        let exits: Vec<OpId> = module.ops[op]
            .regions
            .iter()
            .flat_map(|&region| module.regions[region].blocks.clone())
            .filter_map(|block| terminator(module, block))
            .filter(|&exit| matches!(module.ops[exit].name(), "scf.break" | "scf.continue"))
            .collect();
        if exits.is_empty() {
            return None;
        }
        let location = module.ops[op].location.clone();
        let kind_slot = self.slot(module, &Type::I64);
        let zero = insert_constant(module, op, 0);
        insert_op_before(module, op, store(zero, kind_slot).location(location.clone()));

        // In the regions: record which exit and its values, then end the `rt.try`.
        let mut dispatch = Vec::new();
        for (index, &exit) in exits.iter().enumerate() {
            let kind = index as i128 + 1;
            let definition = module.ops[exit].definition;
            let exit_location = module.ops[exit].location.clone();
            let constant = insert_constant(module, exit, kind);
            insert_op_before(
                module,
                exit,
                store(constant, kind_slot).location(exit_location.clone()),
            );
            let mut slots = Vec::new();
            for value in module.ops[exit].operands.clone() {
                let value = self.substitution.resolve(value);
                let slot = self.slot(module, &module.value_type(value).clone());
                insert_op_before(module, exit, store(value, slot).location(exit_location.clone()));
                slots.push(slot);
            }
            insert_op_before(
                module,
                exit,
                OpState::new(&scf::YIELD).location(exit_location.clone()),
            );
            module.erase_op(exit);
            dispatch.push((kind, slots, definition, exit_location));
        }

        // After the `rt.try`: branch on the exit kind to re-create each exit.
        let continuation = new_block_after(module, current, &[]);
        let loaded =
            append_new_op(module, current, load(kind_slot, Type::I64).location(location.clone()));
        let kind_value = module.ops[loaded].results[0];
        let mut check = current;
        let count = dispatch.len();
        let mut exit_blocks = Vec::new();
        for (position, (kind, slots, definition, exit_location)) in dispatch.into_iter().enumerate()
        {
            let exit_block = new_block_before(module, continuation, &[]);
            let next = if position + 1 == count {
                continuation
            } else {
                new_block_before(module, continuation, &[])
            };
            let expected = append_constant(module, check, kind, &Type::I64, &location);
            let taken = append_compare(module, check, "eq", kind_value, expected, &location);
            append_new_op(
                module,
                check,
                OpState::new(&mlc_ir::dialect::cf::COND_BR)
                    .operands(&[taken])
                    .successor(exit_block, &[])
                    .successor(next, &[])
                    .location(location.clone()),
            );
            let mut values: Vec<ValueId> = Vec::new();
            for slot in slots {
                let Type::MemRef { element, .. } = module.value_type(slot).clone() else {
                    unreachable!("slots are memory references")
                };
                let op = append_new_op(
                    module,
                    exit_block,
                    load(slot, *element).location(exit_location.clone()),
                );
                values.push(module.ops[op].results[0]);
            }
            append_new_op(
                module,
                exit_block,
                OpState::new(definition).operands(&values).location(exit_location),
            );
            exit_blocks.push(exit_block);
            check = next;
        }
        for block in exit_blocks {
            self.block(module, block, context);
        }
        Some(continuation)
    }

    /// A new rank-0 stack slot of `ty` at the start of the function's entry block.
    fn slot(&mut self, module: &mut Module, ty: &Type) -> ValueId {
        let slot_type =
            Type::MemRef { element: Box::new(ty.clone()), shape: Vec::new(), strides: None };
        let state = OpState::new(&mem::ALLOCA).results(&[slot_type]);
        let alloca = module.create_op(state);
        match module.blocks[self.entry].ops.first().copied() {
            Some(first) => module.insert_before(first, alloca),
            None => module.append_op(self.entry, alloca),
        }
        module.ops[alloca].results[0]
    }
}

fn store(value: ValueId, slot: ValueId) -> OpState {
    OpState::new(&mem::STORE).operands(&[value, slot])
}

fn load(slot: ValueId, ty: Type) -> OpState {
    OpState::new(&mem::LOAD).operands(&[slot]).results(&[ty])
}

/// An `i64` constant right before `anchor`.
fn insert_constant(module: &mut Module, anchor: OpId, value: i128) -> ValueId {
    let state = OpState::new(&arith::CONSTANT)
        .attribute("value", Attribute::integer(value, Type::I64))
        .results(&[Type::I64]);
    let op = insert_op_before(module, anchor, state);
    module.ops[op].results[0]
}
