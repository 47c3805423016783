//! The emitter: where lowered code is written while a function is rewritten.
//!
//! Lowering re-emits every block: it takes the block's ops out and appends, at the end of
//! the *current* block, either the op itself or its replacement. A replacement that needs
//! control flow (a panic test, a check for a raised error) ends the current block with a
//! branch and continues in a new block placed right after it, so the ops that follow land
//! there. Values defined before a split still dominate what follows: the new block is only
//! reached from the one it was split from.

use mlc_ir::dialect::{arith, cf, ll, mem};
use mlc_ir::{Attribute, BlockId, Builder, Location, Module, OpState, Type, ValueId};
use mlc_transforms::rewrite::{new_block_after, Substitution};

use crate::descriptor::descriptor;

pub struct Emitter<'m> {
    pub module: &'m mut Module,
    /// The function's entry block: slots (`mem.alloca`) go to its top.
    entry: BlockId,
    /// Where the next op is appended.
    pub current: BlockId,
    /// The location given to the ops emitted for the op being lowered.
    pub location: Option<Location>,
    /// Where a raised error goes from the current block: the landing pad of the innermost
    /// enclosing `try`, or (`None`) out of the function.
    pub landing: Option<BlockId>,
    /// The block that returns zero values while an error unwinds the function (made when
    /// first needed).
    unwind: Option<BlockId>,
    results: Vec<Type>,
    /// Results of lowered ops and what replaces them; applied to each op as it is re-emitted
    /// and once more over the whole function at the end (for uses laid out before their
    /// definitions).
    pub substitution: Substitution,
    /// Fused loops' element buffers: `(tensor, space)` to the data pointer of the tensor
    /// made dense for that space, and a `tensor.empty` result to its data pointer (see
    /// `ops/tensors.rs`).
    pub dense_data: std::collections::HashMap<(ValueId, ValueId), ValueId>,
    pub empty_data: std::collections::HashMap<ValueId, ValueId>,
}

impl<'m> Emitter<'m> {
    pub fn new(module: &'m mut Module, entry: BlockId, results: Vec<Type>) -> Emitter<'m> {
        Emitter {
            module,
            entry,
            current: entry,
            location: None,
            landing: None,
            unwind: None,
            results,
            substitution: Substitution::new(),
            dense_data: Default::default(),
            empty_data: Default::default(),
        }
    }

    /// A builder appending to the current block, at the current location.
    pub fn builder(&mut self) -> Builder<'_> {
        let mut builder = Builder::at_end(self.module, self.current);
        builder.set_location(self.location.clone());
        builder
    }

    /// Replaces `op`'s results by `values` and erases it: its lowering is complete.
    pub fn replace(&mut self, op: mlc_ir::OpId, values: &[ValueId]) {
        self.substitution.replace_results(self.module, op, values);
        self.module.erase_op(op);
    }

    /// Puts `op` back, unchanged, at the end of the current block.
    pub fn keep(&mut self, op: mlc_ir::OpId) {
        self.module.append_op(self.current, op);
    }

    pub fn operands(&self, op: mlc_ir::OpId) -> Vec<ValueId> {
        self.module.ops[op].operands.clone()
    }

    pub fn result_type(&self, op: mlc_ir::OpId) -> Option<Type> {
        self.module.ops[op].results.first().map(|&r| self.type_of(r))
    }

    pub fn type_of(&self, value: ValueId) -> Type {
        self.module.value_type(value).clone()
    }

    // ---- constants ----

    pub fn int(&mut self, value: i128, ty: Type) -> ValueId {
        arith::constant_integer(&mut self.builder(), value, ty)
    }

    pub fn i64(&mut self, value: i64) -> ValueId {
        self.int(value as i128, Type::I64)
    }

    pub fn i32(&mut self, value: i32) -> ValueId {
        self.int(value as i128, Type::Int(32))
    }

    pub fn bool(&mut self, value: bool) -> ValueId {
        self.int(value as i128, Type::I1)
    }

    pub fn cstring(&mut self, text: &str) -> ValueId {
        ll::cstring(&mut self.builder(), text)
    }

    /// The descriptor of `ty` as a constant C string.
    pub fn descriptor(&mut self, ty: &Type) -> Result<ValueId, String> {
        let text = descriptor(self.module, ty)?;
        Ok(self.cstring(&text))
    }

    pub fn zero(&mut self, ty: Type) -> ValueId {
        ll::zero(&mut self.builder(), ty)
    }

    /// `file, line, col` of the current location: what runtime functions that can panic or
    /// raise take last.
    pub fn location_arguments(&mut self) -> [ValueId; 3] {
        let (file, line, column) = match &self.location {
            Some(location) => (location.file.clone(), location.line, location.column),
            None => ("<unknown>".to_string(), 0, 0),
        };
        let file = self.cstring(&file);
        let line = self.i32(line as i32);
        let column = self.i32(column as i32);
        [file, line, column]
    }

    // ---- calls and memory ----

    /// A call of runtime function `callee`.
    pub fn call(
        &mut self,
        callee: &str,
        args: &[ValueId],
        result: Option<Type>,
    ) -> Option<ValueId> {
        ll::call(&mut self.builder(), callee, args, result)
    }

    /// A call of runtime function `callee` with the current location appended.
    pub fn call_at(
        &mut self,
        callee: &str,
        args: &[ValueId],
        result: Option<Type>,
    ) -> Option<ValueId> {
        let mut all = args.to_vec();
        all.extend(self.location_arguments());
        self.call(callee, &all, result)
    }

    /// A slot for a `ty` at the top of the entry block.
    pub fn slot(&mut self, ty: Type) -> ValueId {
        self.stack_array(ty, &[])
    }

    /// A stack array of `count` elements of `ty` (a slot when `shape` is empty), marked
    /// `{scratch = true}`: it only carries values to and from the runtime, so the ownership
    /// pass treats what is stored there as borrowed and what is loaded as taken out.
    pub fn stack_array(&mut self, ty: Type, shape: &[u64]) -> ValueId {
        let state = OpState::new(&mem::ALLOCA)
            .attribute("scratch", Attribute::Bool(true))
            .results(&[Type::MemRef {
                element: Box::new(ty),
                shape: shape.iter().map(|&n| mlc_ir::Dim::Static(n)).collect(),
                strides: None,
            }])
            .location(self.location.clone());
        let op = self.module.create_op(state);
        let entry_ops = &mut self.module.blocks[self.entry].ops;
        entry_ops.insert(0, op);
        self.module.ops[op].parent = Some(self.entry);
        self.module.result(op, 0)
    }

    pub fn address(&mut self, slot: ValueId) -> ValueId {
        ll::address(&mut self.builder(), slot)
    }

    /// Stores `value` in a fresh slot and gives the slot's address: how values of any type
    /// reach the runtime's generic functions.
    pub fn spill(&mut self, value: ValueId) -> ValueId {
        let ty = self.type_of(value);
        let slot = self.slot(ty);
        mem::store(&mut self.builder(), value, slot, &[]);
        self.address(slot)
    }

    /// The address of a stack array holding `values` (all of one type), and its length.
    pub fn array_of(&mut self, values: &[ValueId], element: Type) -> (ValueId, ValueId) {
        let array = self.stack_array(element, &[values.len().max(1) as u64]);
        for (i, &value) in values.iter().enumerate() {
            let index = self.int(i as i128, Type::Index);
            mem::store(&mut self.builder(), value, array, &[index]);
        }
        let address = self.address(array);
        let count = self.i64(values.len() as i64);
        (address, count)
    }

    /// The address of a stack array of 8-byte words holding `values` (handles of any types,
    /// or scalars of at most 8 bytes, each at the start of its word), and its length.
    pub fn word_array(&mut self, values: &[ValueId]) -> (ValueId, ValueId) {
        let array = self.stack_array(Type::I64, &[values.len().max(1) as u64]);
        let address = self.address(array);
        for (i, &value) in values.iter().enumerate() {
            let offset = self.i64(8 * i as i64);
            ll::store(&mut self.builder(), value, address, offset);
        }
        let count = self.i64(values.len() as i64);
        (address, count)
    }

    /// Calls `callee` with `args` and a pointer to a fresh slot of `ty` after them (and the
    /// location when `located`), then reads the slot: a runtime function returning a value
    /// of an element type through an out-pointer.
    pub fn call_out(&mut self, callee: &str, args: &[ValueId], ty: Type, located: bool) -> ValueId {
        let slot = self.slot(ty);
        let out = self.address(slot);
        let mut all = args.to_vec();
        all.push(out);
        if located {
            self.call_at(callee, &all, None);
        } else {
            self.call(callee, &all, None);
        }
        mem::load(&mut self.builder(), slot, &[])
    }

    // ---- control flow ----

    /// A new block right after the current one.
    pub fn new_block(&mut self, arguments: &[Type]) -> BlockId {
        new_block_after(self.module, self.current, arguments)
    }

    /// `if condition: panic(message)` at the current location; emission continues after it.
    pub fn panic_if(&mut self, condition: ValueId, message: &str) {
        let continue_block = self.new_block(&[]);
        let panic_block = self.new_block(&[]);
        cf::cond_br(&mut self.builder(), condition, (panic_block, &[]), (continue_block, &[]));
        self.current = panic_block;
        self.panic(message);
        self.current = continue_block;
    }

    /// `mlc_panic(message)` and `cf.unreachable`: ends the current block.
    pub fn panic(&mut self, message: &str) {
        let text = self.cstring(message);
        self.call_at("mlc_panic", &[text], None);
        cf::unreachable(&mut self.builder());
    }

    /// Where a raised error goes from here: the landing pad of the enclosing `try`, or the
    /// block that unwinds the function.
    pub fn raise_target(&mut self) -> BlockId {
        if let Some(landing) = self.landing {
            return landing;
        }
        if let Some(unwind) = self.unwind {
            return unwind;
        }
        let region = self.module.blocks[self.entry].parent.expect("a function body");
        let unwind = self.module.append_block(region, &[]);
        let mut builder = Builder::at_end(self.module, unwind);
        builder.set_location(self.location.clone());
        let zeros: Vec<ValueId> =
            self.results.clone().into_iter().map(|ty| ll::zero(&mut builder, ty)).collect();
        mlc_ir::dialect::func::return_(&mut builder, &zeros);
        self.unwind = Some(unwind);
        unwind
    }

    /// After an op that may raise: if an error is pending, go where raised errors go;
    /// emission continues on the normal path.
    pub fn check_raised(&mut self) {
        let pending = self.call("mlc_err_pending", &[], Some(Type::I1)).expect("a result");
        let target = self.raise_target();
        let continue_block = self.new_block(&[]);
        cf::cond_br(&mut self.builder(), pending, (target, &[]), (continue_block, &[]));
        self.current = continue_block;
    }

    /// After a runtime call that returns null exactly when it raised (the `mlc_py_*`
    /// functions that return an object): the same as [`Emitter::check_raised`] without a
    /// call of `mlc_err_pending`.
    pub fn check_raised_by_null(&mut self, result: ValueId) {
        let failed = ll::is_null(&mut self.builder(), result);
        self.check_raised_when(failed);
    }

    /// After a runtime call whose `i1` result `raised` says whether it raised: go where
    /// raised errors go when it did.
    pub fn check_raised_when(&mut self, raised: ValueId) {
        let target = self.raise_target();
        let continue_block = self.new_block(&[]);
        cf::cond_br(&mut self.builder(), raised, (target, &[]), (continue_block, &[]));
        self.current = continue_block;
    }

    /// A string attribute of `op`.
    pub fn string_attribute(&self, op: mlc_ir::OpId, name: &str) -> Option<String> {
        match self.module.ops[op].attributes.get(name) {
            Some(Attribute::String(text)) => Some(text.clone()),
            _ => None,
        }
    }
}
