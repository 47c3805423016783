//! The builder: appends ops at the end of a block, the way lowering writes code.
//!
//! Dialects add their own constructors on top (`arith::constant_integer`, `func::call`, ...),
//! each a thin layer over [`Builder::append`].

use crate::entity::{BlockId, OpId, ValueId};
use crate::module::{Location, Module, OpState};

pub struct Builder<'m> {
    pub module: &'m mut Module,
    block: BlockId,
    location: Option<Location>,
}

impl<'m> Builder<'m> {
    /// A builder appending to the end of `block`.
    pub fn at_end(module: &'m mut Module, block: BlockId) -> Builder<'m> {
        Builder { module, block, location: None }
    }

    pub fn block(&self) -> BlockId {
        self.block
    }

    /// Moves the insertion point to the end of `block`.
    pub fn set_block(&mut self, block: BlockId) {
        self.block = block;
    }

    /// The location given to the ops created from now on (unless their state has one).
    pub fn set_location(&mut self, location: Option<Location>) {
        self.location = location;
    }

    /// Creates the op and appends it to the current block.
    pub fn append(&mut self, mut state: OpState) -> OpId {
        if state.location.is_none() {
            state.location = self.location.clone();
        }
        let op = self.module.create_op(state);
        self.module.append_op(self.block, op);
        op
    }

    /// Appends an op with exactly one result and returns that result.
    pub fn append_value(&mut self, state: OpState) -> ValueId {
        let op = self.append(state);
        self.module.result(op, 0)
    }
}
