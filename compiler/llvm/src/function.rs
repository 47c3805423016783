//! One `func.func` body: its CFG and the dispatch of each op to `ops/*`.
//!
//! The LLVM function starts with a block of its own that holds every `mem.alloca` (so they
//! are static allocas, which mem2reg/SROA promote) and then branches to the IR's entry
//! block. IR blocks are translated in reverse post-order from the entry, so a value's
//! definition (in a dominating block) is always translated before its uses; block arguments
//! become phis created before any branch to them; blocks no path reaches are left out.

use std::collections::{HashMap, HashSet};

use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::types::{BasicTypeEnum, FloatType};
use inkwell::values::{
    BasicMetadataValueEnum, BasicValueEnum, FloatValue, FunctionValue, IntValue, PhiValue,
    PointerValue, StructValue,
};
use mlc_ir::dialect::func;
use mlc_ir::{Attribute, BlockId, OpId, Type, ValueId};

use crate::debug_info::FunctionScope;
use crate::ops::calls::{from_c, to_c};
use crate::translate::{op_error, Convention, Translator};
use crate::CodegenError;

pub(crate) type Result<T> = std::result::Result<T, CodegenError>;

pub(crate) struct FunctionTranslator<'t, 'ctx, 'a> {
    pub(crate) t: &'t mut Translator<'ctx, 'a>,
    pub(crate) ir: &'a mlc_ir::Module,
    pub(crate) builder: Builder<'ctx>,
    /// Appends to the function's first block, where the allocas go.
    pub(crate) allocas: Builder<'ctx>,
    pub(crate) function: FunctionValue<'ctx>,
    convention: Convention,
    values: HashMap<ValueId, BasicValueEnum<'ctx>>,
    blocks: HashMap<BlockId, BasicBlock<'ctx>>,
    phis: HashMap<BlockId, Vec<PhiValue<'ctx>>>,
    scope: Option<FunctionScope<'ctx>>,
}

impl<'t, 'ctx, 'a> FunctionTranslator<'t, 'ctx, 'a> {
    /// Translates the body of the `func.func` `op`, already declared.
    pub(crate) fn translate(t: &'t mut Translator<'ctx, 'a>, op: OpId) -> Result<()> {
        let ir = t.ir;
        let name = func::name(ir, op).unwrap_or_default();
        let info = *t
            .functions
            .get(name)
            .ok_or_else(|| op_error(ir, op, &format!("@{name} was not declared")))?;
        let context = t.context();
        let function = info.value;
        let scope = t.debug.as_mut().map(|debug| {
            debug.subprogram(
                function,
                name,
                ir.ops[op].location.as_ref(),
                info.convention == Convention::Internal,
            )
        });
        let allocas_block = context.append_basic_block(function, "allocas");
        let allocas = context.create_builder();
        allocas.position_at_end(allocas_block);
        let mut this = FunctionTranslator {
            builder: context.create_builder(),
            t,
            ir,
            allocas,
            function,
            convention: info.convention,
            values: HashMap::new(),
            blocks: HashMap::new(),
            phis: HashMap::new(),
            scope,
        };
        let region = ir.ops[op].regions[0];
        let entry = ir.regions[region].blocks[0];
        let order = this.reverse_post_order(entry);
        this.create_blocks(op, &order, entry)?;
        this.bind_parameters(op, entry, allocas_block)?;
        for &block in &order {
            this.builder.position_at_end(this.blocks[&block]);
            for &nested in &ir.blocks[block].ops {
                this.set_debug_location(nested);
                this.op(nested)?;
            }
        }
        this.allocas.build_unconditional_branch(this.blocks[&entry])?;
        Ok(())
    }

    /// The blocks reachable from `entry`, in reverse post-order of the CFG.
    fn reverse_post_order(&self, entry: BlockId) -> Vec<BlockId> {
        let mut visited = HashSet::new();
        let mut post_order = Vec::new();
        // An explicit stack of (block, next successor to visit): bodies can be long chains.
        let mut stack = vec![(entry, 0usize)];
        visited.insert(entry);
        while let Some((block, next)) = stack.pop() {
            let successors = self.successors(block);
            if let Some(&successor) = successors.get(next) {
                stack.push((block, next + 1));
                if visited.insert(successor) {
                    stack.push((successor, 0));
                }
            } else {
                post_order.push(block);
            }
        }
        post_order.reverse();
        post_order
    }

    fn successors(&self, block: BlockId) -> Vec<BlockId> {
        match self.ir.blocks[block].ops.last() {
            Some(&last) => self.ir.ops[last].successors.iter().map(|s| s.block).collect(),
            None => Vec::new(),
        }
    }

    /// An LLVM block per reachable IR block, with a phi per block argument (the entry
    /// block's arguments are the parameters, unless some branch targets it too).
    fn create_blocks(&mut self, op: OpId, order: &[BlockId], entry: BlockId) -> Result<()> {
        let context = self.t.context();
        let targeted: HashSet<BlockId> = order.iter().flat_map(|&b| self.successors(b)).collect();
        // Blocks are named after their position in the region, as the IR printer numbers them.
        let positions: HashMap<BlockId, usize> = match self.ir.blocks[entry].parent {
            Some(region) => {
                self.ir.regions[region].blocks.iter().enumerate().map(|(i, &b)| (b, i)).collect()
            }
            None => HashMap::new(),
        };
        for &block in order {
            let name = positions.get(&block).map(|p| format!("bb{p}")).unwrap_or_default();
            let llvm_block = context.append_basic_block(self.function, &name);
            self.blocks.insert(block, llvm_block);
            if block == entry && !targeted.contains(&entry) {
                continue;
            }
            self.builder.position_at_end(llvm_block);
            let mut phis = Vec::new();
            for &argument in &self.ir.blocks[block].arguments {
                let ty = self
                    .t
                    .types
                    .register(self.ir.value_type(argument))
                    .map_err(|e| self.error(op, &format!("a block argument: {e}")))?;
                let phi = self.builder.build_phi(ty, "")?;
                self.values.insert(argument, phi.as_basic_value());
                phis.push(phi);
            }
            self.phis.insert(block, phis);
        }
        Ok(())
    }

    /// Binds the entry block's arguments to the parameters (converted from their C form
    /// for C-convention functions), or feeds them to its phis.
    fn bind_parameters(
        &mut self,
        op: OpId,
        entry: BlockId,
        allocas_block: BasicBlock<'ctx>,
    ) -> Result<()> {
        let arguments = self.ir.blocks[entry].arguments.clone();
        for (index, &argument) in arguments.iter().enumerate() {
            let parameter = self
                .function
                .get_nth_param(index as u32)
                .ok_or_else(|| op_error(self.ir, op, &format!("has no LLVM parameter {index}")))?;
            let value = match self.convention {
                Convention::Internal => parameter,
                Convention::C => from_c(&self.allocas, parameter, self.ir.value_type(argument))?,
            };
            match self.phis.get(&entry) {
                Some(phis) => phis[index].add_incoming(&[(&value, allocas_block)]),
                None => {
                    self.values.insert(argument, value);
                }
            }
        }
        Ok(())
    }

    fn set_debug_location(&mut self, op: OpId) {
        if let (Some(debug), Some(scope)) = (self.t.debug.as_mut(), self.scope.as_mut()) {
            let location = debug.location(scope, self.ir.ops[op].location.as_ref());
            self.builder.set_current_debug_location(location);
        }
    }

    /// Translates one op, by dialect.
    fn op(&mut self, op: OpId) -> Result<()> {
        let name = self.ir.ops[op].name();
        let (dialect, short) = name.split_once('.').unwrap_or((name, ""));
        match (dialect, short) {
            ("cf", "br") => self.branch(op),
            ("cf", "cond_br") => self.conditional_branch(op),
            ("cf", "unreachable") => self.unreachable(op),
            ("func", "return") => self.return_(op),
            ("func", "call") => self.func_call(op),
            ("arith", _) => self.arith(op, short),
            ("math", _) => self.math(op, short),
            ("agg", _) => self.aggregate(op, short),
            ("mem", _) => self.memory(op, short),
            ("ll", "call") => self.ll_call(op),
            ("ll", _) => self.ll(op, short),
            _ => Err(self.unsupported(op)),
        }
    }

    // ---- terminators ----

    fn branch(&mut self, op: OpId) -> Result<()> {
        let target = self.successor_block(op, 0)?;
        let current = self.current_block()?;
        self.feed_successor(op, 0, current)?;
        self.builder.build_unconditional_branch(target)?;
        Ok(())
    }

    fn conditional_branch(&mut self, op: OpId) -> Result<()> {
        let condition = self.int_operand(op, 0)?;
        let if_true = self.successor_block(op, 0)?;
        let if_false = self.successor_block(op, 1)?;
        let current = self.current_block()?;
        let passes_arguments = self.ir.ops[op].successors.iter().any(|s| !s.arguments.is_empty());
        if if_true != if_false || !passes_arguments {
            self.feed_successor(op, 0, current)?;
            self.feed_successor(op, 1, current)?;
            self.builder.build_conditional_branch(condition, if_true, if_false)?;
            return Ok(());
        }
        // A phi takes one value per predecessor block: when both edges reach the same block
        // with arguments, each edge goes through a block of its own.
        let context = self.t.context();
        let edges = [
            context.append_basic_block(self.function, ""),
            context.append_basic_block(self.function, ""),
        ];
        self.builder.build_conditional_branch(condition, edges[0], edges[1])?;
        for (index, edge) in edges.into_iter().enumerate() {
            self.builder.position_at_end(edge);
            self.feed_successor(op, index, edge)?;
            self.builder.build_unconditional_branch(if_true)?;
        }
        Ok(())
    }

    /// `cf.unreachable`: a trap, then LLVM's `unreachable`. Reaching it is a bug, which
    /// then stops the program (as with the Cranelift back end) instead of running on into
    /// whatever follows; after a call of a `noreturn` runtime function (`mlc_panic`) LLVM
    /// drops the trap as dead code.
    fn unreachable(&mut self, op: OpId) -> Result<()> {
        let trap = inkwell::intrinsics::Intrinsic::find("llvm.trap")
            .and_then(|intrinsic| intrinsic.get_declaration(&self.t.module, &[]))
            .ok_or_else(|| self.error(op, "LLVM has no `llvm.trap`"))?;
        self.builder.build_call(trap, &[], "")?;
        self.builder.build_unreachable()?;
        Ok(())
    }

    /// The LLVM block of successor `index`.
    fn successor_block(&self, op: OpId, index: usize) -> Result<BasicBlock<'ctx>> {
        let successor = self.ir.ops[op]
            .successors
            .get(index)
            .ok_or_else(|| self.error(op, &format!("has no successor {index}")))?;
        self.blocks
            .get(&successor.block)
            .copied()
            .ok_or_else(|| self.error(op, "branches to a block outside its function"))
    }

    /// Adds the values successor `index` passes to its block's phis, coming from `from`.
    fn feed_successor(&mut self, op: OpId, index: usize, from: BasicBlock<'ctx>) -> Result<()> {
        let successor = &self.ir.ops[op].successors[index];
        let phis = self.phis.get(&successor.block).cloned().unwrap_or_default();
        if phis.len() != successor.arguments.len() {
            return Err(self.error(op, "passes a wrong number of block arguments"));
        }
        for (phi, &argument) in phis.iter().zip(&successor.arguments) {
            let value = self.value(op, argument)?;
            phi.add_incoming(&[(&value, from)]);
        }
        Ok(())
    }

    fn current_block(&self) -> Result<BasicBlock<'ctx>> {
        self.builder
            .get_insert_block()
            .ok_or_else(|| CodegenError::new("the LLVM builder has no insertion block"))
    }

    fn return_(&mut self, op: OpId) -> Result<()> {
        let mut values = self.operands(op)?;
        if self.convention == Convention::C {
            for (index, value) in values.iter_mut().enumerate() {
                *value = to_c(&self.builder, *value, self.operand_type(op, index))?;
            }
        }
        match values.as_slice() {
            [] => self.builder.build_return(None)?,
            [single] => self.builder.build_return(Some(single))?,
            several => {
                let ty = self
                    .function
                    .get_type()
                    .get_return_type()
                    .ok_or_else(|| self.error(op, "returns values from a void function"))?;
                let packed = self.build_struct(ty.into_struct_type().get_poison(), several)?;
                self.builder.build_return(Some(&packed))?
            }
        };
        Ok(())
    }

    /// Inserts `values` into `aggregate`, field by field.
    pub(crate) fn build_struct(
        &self,
        mut aggregate: StructValue<'ctx>,
        values: &[BasicValueEnum<'ctx>],
    ) -> Result<StructValue<'ctx>> {
        for (index, value) in values.iter().enumerate() {
            aggregate = self
                .builder
                .build_insert_value(aggregate, *value, index as u32, "")?
                .into_struct_value();
        }
        Ok(aggregate)
    }

    // ---- helpers the ops share ----

    pub(crate) fn error(&self, op: OpId, message: &str) -> CodegenError {
        op_error(self.ir, op, message)
    }

    pub(crate) fn unsupported(&self, op: OpId) -> CodegenError {
        self.error(op, "is not part of the low form the LLVM back end translates")
    }

    pub(crate) fn value(&self, op: OpId, value: ValueId) -> Result<BasicValueEnum<'ctx>> {
        self.values
            .get(&value)
            .copied()
            .ok_or_else(|| self.error(op, &format!("uses {value}, which has no LLVM value")))
    }

    pub(crate) fn operand(&self, op: OpId, index: usize) -> Result<BasicValueEnum<'ctx>> {
        let value = *self.ir.ops[op]
            .operands
            .get(index)
            .ok_or_else(|| self.error(op, &format!("has no operand {index}")))?;
        self.value(op, value)
    }

    pub(crate) fn operands(&self, op: OpId) -> Result<Vec<BasicValueEnum<'ctx>>> {
        self.ir.ops[op].operands.iter().map(|&v| self.value(op, v)).collect()
    }

    pub(crate) fn int_operand(&self, op: OpId, index: usize) -> Result<IntValue<'ctx>> {
        match self.operand(op, index)? {
            BasicValueEnum::IntValue(value) => Ok(value),
            _ => Err(self.error(op, &format!("expects an integer operand {index}"))),
        }
    }

    pub(crate) fn pointer_operand(&self, op: OpId, index: usize) -> Result<PointerValue<'ctx>> {
        match self.operand(op, index)? {
            BasicValueEnum::PointerValue(value) => Ok(value),
            _ => Err(self.error(op, &format!("expects a pointer operand {index}"))),
        }
    }

    pub(crate) fn struct_operand(&self, op: OpId, index: usize) -> Result<StructValue<'ctx>> {
        match self.operand(op, index)? {
            BasicValueEnum::StructValue(value) => Ok(value),
            _ => Err(self.error(op, &format!("expects an aggregate operand {index}"))),
        }
    }

    pub(crate) fn operand_type(&self, op: OpId, index: usize) -> &'a Type {
        self.ir.value_type(self.ir.ops[op].operands[index])
    }

    pub(crate) fn result_type(&self, op: OpId, index: usize) -> Result<&'a Type> {
        let result = *self.ir.ops[op]
            .results
            .get(index)
            .ok_or_else(|| self.error(op, &format!("has no result {index}")))?;
        Ok(self.ir.value_type(result))
    }

    pub(crate) fn set_result(
        &mut self,
        op: OpId,
        index: usize,
        value: impl Into<BasicValueEnum<'ctx>>,
    ) {
        if let Some(&result) = self.ir.ops[op].results.get(index) {
            self.values.insert(result, value.into());
        }
    }

    pub(crate) fn register_type(&self, op: OpId, ty: &Type) -> Result<BasicTypeEnum<'ctx>> {
        self.t.types.register(ty).map_err(|e| self.error(op, &e))
    }

    pub(crate) fn memory_type(&self, op: OpId, ty: &Type) -> Result<BasicTypeEnum<'ctx>> {
        self.t.types.memory(ty).map_err(|e| self.error(op, &e))
    }

    pub(crate) fn string_attribute(&self, op: OpId, name: &str) -> Result<&'a str> {
        match self.ir.ops[op].attributes.get(name) {
            Some(Attribute::String(value)) => Ok(value),
            _ => Err(self.error(op, &format!("expects a string `{name}` attribute"))),
        }
    }

    /// A non-negative integer attribute (`agg` indices).
    pub(crate) fn index_attribute(&self, op: OpId, name: &str) -> Result<u32> {
        match self.ir.ops[op].attributes.get(name) {
            Some(Attribute::Integer { value, .. }) => u32::try_from(*value)
                .map_err(|_| self.error(op, &format!("`{name}` is out of range: {value}"))),
            _ => Err(self.error(op, &format!("expects an integer `{name}` attribute"))),
        }
    }

    /// Calls the LLVM intrinsic `name` overloaded on `types`; its one result.
    pub(crate) fn intrinsic(
        &self,
        op: OpId,
        name: &str,
        types: &[BasicTypeEnum<'ctx>],
        args: &[BasicValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>> {
        let declaration = inkwell::intrinsics::Intrinsic::find(name)
            .and_then(|intrinsic| intrinsic.get_declaration(&self.t.module, types))
            .ok_or_else(|| self.error(op, &format!("LLVM has no intrinsic `{name}`")))?;
        let args: Vec<BasicMetadataValueEnum> = args.iter().map(|&a| a.into()).collect();
        self.builder
            .build_call(declaration, &args, "")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| self.error(op, &format!("`{name}` gives no value")))
    }

    /// Calls the C library's `name` (declared on first use) on floats of type `ty`.
    pub(crate) fn call_libm(
        &self,
        op: OpId,
        name: &str,
        ty: FloatType<'ctx>,
        args: &[FloatValue<'ctx>],
    ) -> Result<FloatValue<'ctx>> {
        let function = match self.t.module.get_function(name) {
            Some(function) => function,
            None => {
                let params: Vec<_> = args.iter().map(|_| ty.into()).collect();
                self.t.module.add_function(name, ty.fn_type(&params, false), None)
            }
        };
        let args: Vec<BasicMetadataValueEnum> = args.iter().map(|&a| a.into()).collect();
        match self.builder.build_call(function, &args, "")?.try_as_basic_value().basic() {
            Some(BasicValueEnum::FloatValue(value)) => Ok(value),
            _ => Err(self.error(op, &format!("`{name}` does not return a float"))),
        }
    }
}
