//! One `func.func` body to one Cranelift function.
//!
//! The body is already a CFG (`cf` branches with block arguments), so blocks map one to one:
//! each IR block becomes a Cranelift block whose parameters are the leaves of its
//! arguments, and branches pass leaves. Blocks are translated in reverse postorder from the
//! entry, which puts every definition before its uses (a block is dominated only by blocks
//! before it); blocks no path reaches are dropped. The [`Translator`] holds what the ops of
//! one function share: the leaves of each IR value, the block map, the return area and
//! per-function caches.

use std::collections::{HashMap, HashSet};

use cranelift_codegen::ir::{
    self, types, Block, BlockArg, FuncRef, Function, GlobalValue, InstBuilder, SigRef, Signature,
    StackSlotData, StackSlotKind, Value,
};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataId, FuncId, Module};
use mlc_ir::dialect::{func, Trait};
use mlc_ir::{BlockId, OpId, Type, ValueId};

use crate::abi::{self, InternalAbi};
use crate::module::ModuleContext;
use crate::ops;
use crate::symbols::Helper;
use crate::types::{Layout, Scalar};
use crate::CodegenError;

/// The state of one function's translation, passed to every op's translation.
pub(crate) struct Translator<'a, 'm, 'r> {
    pub cx: &'a mut ModuleContext<'m, 'r>,
    pub ir: &'m mlc_ir::Module,
    pub b: FunctionBuilder<'a>,
    /// The IR symbol, for error messages.
    name: String,
    values: HashMap<ValueId, Vec<Value>>,
    blocks: HashMap<BlockId, Block>,
    /// The hidden result pointer and the results' layout, when results go through memory.
    pub return_area: Option<(Value, Layout)>,
    data: HashMap<DataId, GlobalValue>,
    functions: HashMap<FuncId, FuncRef>,
    signatures: HashMap<Signature, SigRef>,
}

/// Translates the body of the `func.func` `op` into `function` (whose signature is set).
pub(crate) fn translate(
    cx: &mut ModuleContext<'_, '_>,
    op: OpId,
    abi: &InternalAbi,
    function: &mut Function,
    builder_context: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    let ir = cx.ir;
    let name = func::name(ir, op).unwrap_or_default().to_string();
    let entry = ir.regions[ir.ops[op].regions[0]].blocks[0];
    let b = FunctionBuilder::new(function, builder_context);
    let mut t = Translator {
        cx,
        ir,
        b,
        name,
        values: HashMap::new(),
        blocks: HashMap::new(),
        return_area: None,
        data: HashMap::new(),
        functions: HashMap::new(),
        signatures: HashMap::new(),
    };
    let order = reverse_postorder(ir, entry);
    let entry_is_target = order.iter().any(|&block| successors(ir, block).contains(&entry));

    // The prologue block takes the signature's parameters. It is the IR entry block itself
    // unless a branch targets the IR entry (Cranelift's verifier rejects branches to a
    // function's entry block): then the prologue only jumps there.
    let prologue = t.b.create_block();
    t.b.append_block_params_for_function_params(prologue);
    let mut params = t.b.block_params(prologue).to_vec();
    if let Some(layout) = &abi.return_area {
        t.return_area = Some((params.remove(0), layout.clone()));
    }
    for &block in &order {
        let clif = if block == entry && !entry_is_target {
            prologue
        } else {
            let clif = t.b.create_block();
            for &argument in &ir.blocks[block].arguments {
                for scalar in
                    t.leaf_scalars(ir.value_type(argument)).map_err(|m| t.error(None, m))?
                {
                    let ty = t.clif(scalar);
                    t.b.append_block_param(clif, ty);
                }
            }
            clif
        };
        t.blocks.insert(block, clif);
        let leaves =
            if clif == prologue { params.clone() } else { t.b.block_params(clif).to_vec() };
        t.bind_arguments(block, &leaves).map_err(|m| t.error(None, m))?;
    }
    t.b.switch_to_block(prologue);
    if entry_is_target {
        let target = t.blocks[&entry];
        let arguments: Vec<BlockArg> = params.iter().map(|&v| BlockArg::Value(v)).collect();
        t.b.ins().jump(target, &arguments);
    }

    for &block in &order {
        let clif = t.blocks[&block];
        if clif != prologue {
            t.b.switch_to_block(clif);
        }
        let ops = &ir.blocks[block].ops;
        match ops.last() {
            Some(&last) if ir.ops[last].definition.has_trait(Trait::Terminator) => {}
            _ => return Err(t.error(None, format!("block {block} does not end with a terminator"))),
        }
        for &op in ops {
            ops::translate(&mut t, op).map_err(|m| t.error(Some(op), m))?;
        }
    }
    t.b.seal_all_blocks();
    let config = t.cx.jit.target_config();
    t.b.finalize(config);
    Ok(())
}

/// The blocks `block`'s terminator branches to.
fn successors(ir: &mlc_ir::Module, block: BlockId) -> Vec<BlockId> {
    match ir.blocks[block].ops.last() {
        Some(&last) => ir.ops[last].successors.iter().map(|s| s.block).collect(),
        None => Vec::new(),
    }
}

/// The blocks reachable from `entry`, in reverse postorder.
fn reverse_postorder(ir: &mlc_ir::Module, entry: BlockId) -> Vec<BlockId> {
    let mut postorder = Vec::new();
    let mut visited = HashSet::from([entry]);
    // Each frame: a block and its successors not yet visited.
    let mut stack = vec![(entry, successors(ir, entry).into_iter())];
    while let Some((block, pending)) = stack.last_mut() {
        match pending.next() {
            Some(next) => {
                if visited.insert(next) {
                    stack.push((next, successors(ir, next).into_iter()));
                }
            }
            None => {
                postorder.push(*block);
                stack.pop();
            }
        }
    }
    postorder.reverse();
    postorder
}

impl<'m> Translator<'_, 'm, '_> {
    /// An error at `op` (or in the function), naming it, its location and the function.
    fn error(&self, op: Option<OpId>, message: String) -> CodegenError {
        let Some(op) = op else {
            return CodegenError::new(format!("@{}: {message}", self.name));
        };
        let data = &self.ir.ops[op];
        let location = data
            .location
            .as_ref()
            .map(|l| format!("{}:{}:{}: ", l.file, l.line, l.column))
            .unwrap_or_default();
        CodegenError::new(format!("{location}`{}` in @{}: {message}", data.name(), self.name))
    }

    /// Maps the arguments of IR `block` to consecutive runs of `leaves`.
    fn bind_arguments(&mut self, block: BlockId, leaves: &[Value]) -> Result<(), String> {
        let ir = self.ir;
        let mut rest = leaves;
        for &argument in &ir.blocks[block].arguments {
            let count = self.leaf_scalars(ir.value_type(argument))?.len();
            let (mine, others) = rest.split_at(count);
            self.values.insert(argument, mine.to_vec());
            rest = others;
        }
        Ok(())
    }

    // ---- values ----

    /// The leaves of an IR value.
    pub(crate) fn leaves(&self, value: ValueId) -> Result<Vec<Value>, String> {
        self.values
            .get(&value)
            .cloned()
            .ok_or_else(|| format!("{value} is used before it is defined"))
    }

    /// The one leaf of a scalar IR value.
    pub(crate) fn scalar(&self, value: ValueId) -> Result<Value, String> {
        match self.leaves(value)?.as_slice() {
            [single] => Ok(*single),
            _ => Err(format!("{value} of type {} is not a scalar", self.ir.value_type(value))),
        }
    }

    /// The one leaf of operand `index`.
    pub(crate) fn operand(&self, op: OpId, index: usize) -> Result<Value, String> {
        self.scalar(self.operand_id(op, index)?)
    }

    pub(crate) fn operand_id(&self, op: OpId, index: usize) -> Result<ValueId, String> {
        self.ir.ops[op]
            .operands
            .get(index)
            .copied()
            .ok_or_else(|| format!("expects an operand {index}"))
    }

    pub(crate) fn operand_type(&self, op: OpId, index: usize) -> Result<&'m Type, String> {
        Ok(self.ir.value_type(self.operand_id(op, index)?))
    }

    pub(crate) fn result_id(&self, op: OpId, index: usize) -> Result<ValueId, String> {
        self.ir.ops[op]
            .results
            .get(index)
            .copied()
            .ok_or_else(|| format!("expects a result {index}"))
    }

    pub(crate) fn result_type(&self, op: OpId, index: usize) -> Result<&'m Type, String> {
        Ok(self.ir.value_type(self.result_id(op, index)?))
    }

    pub(crate) fn define(&mut self, value: ValueId, leaves: Vec<Value>) {
        self.values.insert(value, leaves);
    }

    /// Defines the (single, scalar) result of `op`.
    pub(crate) fn define_result(&mut self, op: OpId, value: Value) -> Result<(), String> {
        let result = self.result_id(op, 0)?;
        self.define(result, vec![value]);
        Ok(())
    }

    // ---- types ----

    pub(crate) fn leaf_scalars(&mut self, ty: &Type) -> Result<Vec<Scalar>, String> {
        self.cx.types.leaves(ty)
    }

    pub(crate) fn layout(&mut self, ty: &Type) -> Result<Layout, String> {
        self.cx.types.layout(ty)
    }

    /// The scalar of a non-aggregate type.
    pub(crate) fn scalar_of(&self, ty: &Type) -> Result<Scalar, String> {
        Scalar::of(ty)?.ok_or_else(|| format!("expects a scalar, found {ty}"))
    }

    pub(crate) fn clif(&self, scalar: Scalar) -> types::Type {
        scalar.clif(self.cx.pointer)
    }

    // ---- constants ----

    /// An integer constant of `ty`, given by its value (any sign; only the low bits count).
    pub(crate) fn iconst(&mut self, ty: types::Type, value: i64) -> Value {
        // Cranelift wants narrow immediates zero-extended.
        let bits = ty.bits();
        let masked = if bits >= 64 { value } else { value & ((1i64 << bits) - 1) };
        self.b.ins().iconst(ty, masked)
    }

    /// The zero of a leaf (0, +0.0, null).
    pub(crate) fn zero(&mut self, scalar: Scalar) -> Value {
        match scalar.clif(self.cx.pointer) {
            types::F32 => self.b.ins().f32const(0.0),
            types::F64 => self.b.ins().f64const(0.0),
            ty => self.iconst(ty, 0),
        }
    }

    // ---- calls ----

    fn signature_ref(&mut self, signature: Signature) -> SigRef {
        if let Some(&sigref) = self.signatures.get(&signature) {
            return sigref;
        }
        let sigref = self.b.import_signature(signature.clone());
        self.signatures.insert(signature, sigref);
        sigref
    }

    /// Calls the function at `address` (known at compile time) with `signature`.
    pub(crate) fn call_address(
        &mut self,
        address: usize,
        signature: Signature,
        args: &[Value],
    ) -> Vec<Value> {
        let sigref = self.signature_ref(signature);
        let callee = self.b.ins().iconst(self.cx.pointer, address as i64);
        let call = self.b.ins().call_indirect(sigref, callee, args);
        self.b.inst_results(call).to_vec()
    }

    /// Calls a function of this module.
    pub(crate) fn call_defined(&mut self, id: FuncId, args: &[Value]) -> Vec<Value> {
        let func_ref = match self.functions.get(&id) {
            Some(&func_ref) => func_ref,
            None => {
                let func_ref = self.cx.jit.declare_func_in_func(id, self.b.func);
                self.functions.insert(id, func_ref);
                func_ref
            }
        };
        let call = self.b.ins().call(func_ref, args);
        self.b.inst_results(call).to_vec()
    }

    /// Calls the C function `symbol` taking `params` and returning `result`.
    pub(crate) fn call_c(
        &mut self,
        symbol: &str,
        params: &[Scalar],
        result: Option<Scalar>,
        args: &[Value],
    ) -> Result<Option<Value>, String> {
        let address = self.cx.symbols.address(symbol)?;
        let signature = abi::c_signature(self.cx.call_conv, self.cx.pointer, params, result);
        Ok(self.call_address(address, signature, args).first().copied())
    }

    /// Calls one of this crate's f16/bf16 helpers.
    pub(crate) fn call_helper(&mut self, helper: Helper, arg: Value) -> Value {
        let (param, result) = helper.signature();
        let mut signature = Signature::new(self.cx.call_conv);
        signature.params.push(ir::AbiParam::new(param));
        signature.returns.push(ir::AbiParam::new(result));
        self.call_address(helper.address(), signature, &[arg])[0]
    }

    /// Rounds an `f32` holding the result of an operation to `scalar` when it is f16 or bf16
    /// (the contract: narrow floats compute in f32 and round after each operation).
    pub(crate) fn round_to(&mut self, value: Value, scalar: Scalar) -> Value {
        match scalar {
            Scalar::F16 => self.call_helper(Helper::RoundF16, value),
            Scalar::BF16 => self.call_helper(Helper::RoundBf16, value),
            _ => value,
        }
    }

    // ---- memory and blocks ----

    /// The address of a new stack slot of `size` bytes aligned to `align`.
    pub(crate) fn stack_slot(&mut self, size: u32, align: u32) -> Value {
        let data = StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            size.max(1),
            align.max(1).trailing_zeros() as u8,
        );
        let slot = self.b.create_sized_stack_slot(data);
        self.b.ins().stack_addr(self.cx.pointer, slot, 0)
    }

    /// The address of the constant C string `text`.
    pub(crate) fn cstring(&mut self, text: &str) -> Result<Value, String> {
        let id = self.cx.cstring(text)?;
        let global = match self.data.get(&id) {
            Some(&global) => global,
            None => {
                let global = self.cx.jit.declare_data_in_func(id, self.b.func);
                self.data.insert(id, global);
                global
            }
        };
        Ok(self.b.ins().symbol_value(self.cx.pointer, global))
    }

    /// The Cranelift block of an IR block (every successor of a reachable block has one).
    pub(crate) fn block(&self, block: BlockId) -> Result<Block, String> {
        self.blocks
            .get(&block)
            .copied()
            .ok_or_else(|| format!("branch to an unknown block {block}"))
    }
}
