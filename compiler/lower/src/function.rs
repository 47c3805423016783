//! The state of lowering one function instance, and the small helpers every part uses.

use std::sync::Arc;

use mlc_diagnostics::Span;
use mlc_ir::{Attribute, BlockId, Location, Module, OpId, OpState, RegionId, Type, ValueId};
use mlc_semantics::{BindingId, Db, FunctionId, InferenceResult, StructId, Ty};
use mlc_syntax::ast;
use rustc_hash::FxHashMap;

use crate::ops::op;
use crate::types::ir_type;

/// Where a local binding lives.
#[derive(Clone, Copy, Debug)]
pub enum Local {
    /// A `let`, a parameter, a `for` or `except` name: the SSA value itself.
    Value(ValueId),
    /// A `var` (or a `mut self` parameter): a `!mem.ref<T>` slot.
    Slot(ValueId),
}

/// What `continue` of the innermost loop passes (the next loop-carried values).
#[derive(Clone, Debug, Default)]
pub struct LoopFrame {
    pub continue_values: Vec<ValueId>,
    /// What `break` passes (the loop's results: loops that carry a position end with it).
    pub break_values: Vec<ValueId>,
    /// How many `finally` blocks were open when the loop began.
    pub cleanup_depth: usize,
}

/// Source lines of the function's chunk, for locations (line numbers are chunk-relative
/// here and made absolute when the program is assembled).
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at as u32 + 1));
        LineIndex { starts }
    }

    /// 0-based line and 1-based column (in characters would need the text; bytes are what
    /// the diagnostics use too).
    pub fn position(&self, offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        (line as u32, offset - self.starts[line] + 1)
    }
}

pub struct FnLowering<'a> {
    pub db: &'a dyn Db,
    pub function: FunctionId,
    pub type_args: Vec<Ty>,
    pub inference: Arc<InferenceResult>,
    pub module: Module,
    /// Where ops are appended.
    pub block: BlockId,
    /// The function's entry block (where slots are allocated).
    pub entry: BlockId,
    /// The current block already ends in an exit (`return`, `break`, `raise`...): what
    /// follows in the source block is unreachable and not lowered.
    pub ended: bool,
    pub location: Option<Location>,
    pub locals: FxHashMap<BindingId, Local>,
    pub loops: Vec<LoopFrame>,
    /// The `finally` blocks of the `try` statements being lowered, innermost last: an early
    /// exit through them runs them first.
    pub cleanups: Vec<ast::Block>,
    /// The errors caught by the enclosing `except` handlers, innermost last (bare `raise`).
    pub caught: Vec<ValueId>,
    /// Function instances called (to be lowered too).
    pub callees: Vec<(FunctionId, Vec<Ty>)>,
    /// Structs whose layout the IR needs.
    pub structs: Vec<StructId>,
    pub lines: LineIndex,
    pub path: String,
}

impl<'a> FnLowering<'a> {
    // ---- types ----

    /// The language type of an expression, with this instance's type arguments substituted.
    pub fn expr_ty(&self, expr: &ast::Expr) -> Ty {
        self.inference
            .type_of(expr.span)
            .map(|ty| ty.substitute(&self.type_args))
            .unwrap_or(Ty::None)
    }

    pub fn ir_ty(&mut self, ty: &Ty) -> Option<Type> {
        self.note_structs(ty);
        ir_type(self.db, &ty.substitute(&self.type_args))
    }

    /// The IR type of a type that has a value.
    pub fn value_ty(&mut self, ty: &Ty) -> Type {
        self.ir_ty(ty).unwrap_or_else(|| panic!("lowering: no IR type for `{ty:?}`"))
    }

    fn note_structs(&mut self, ty: &Ty) {
        match ty {
            Ty::Struct(strukt) if !self.structs.contains(strukt) => {
                self.structs.push(*strukt);
                let fields = mlc_semantics::struct_data(self.db, *strukt);
                for field in &fields.fields {
                    self.note_structs(&field.ty);
                }
            }
            Ty::Tuple(elements) => elements.iter().for_each(|e| self.note_structs(e)),
            Ty::List(e) | Ty::Tensor(e) | Ty::Iterator(e) => self.note_structs(e),
            Ty::Dict(k, v) => {
                self.note_structs(k);
                self.note_structs(v);
            }
            _ => {}
        }
    }

    // ---- locations ----

    pub fn at(&mut self, span: Span) {
        let (line, column) = self.lines.position(span.start);
        self.location = Some(Location { file: self.path.clone(), line, column });
    }

    // ---- emitting ----

    pub fn emit(&mut self, mut state: OpState) -> OpId {
        if state.location.is_none() {
            state.location = self.location.clone();
        }
        let created = self.module.create_op(state);
        self.module.append_op(self.block, created);
        created
    }

    /// Emits an op with one result and returns it.
    pub fn value(&mut self, state: OpState) -> ValueId {
        let created = self.emit(state);
        self.module.result(created, 0)
    }

    /// Emits a terminator: the current block is done.
    pub fn terminate(&mut self, state: OpState) {
        self.emit(state);
        self.ended = true;
    }

    pub fn ty_of(&self, value: ValueId) -> Type {
        self.module.value_type(value).clone()
    }

    pub fn int(&mut self, value: i128, ty: Type) -> ValueId {
        self.value(
            OpState::new(op("arith.constant"))
                .attribute("value", Attribute::integer(value, ty.clone()))
                .results(&[ty]),
        )
    }

    pub fn i64(&mut self, value: i64) -> ValueId {
        self.int(value.into(), Type::I64)
    }

    pub fn float(&mut self, value: f64, ty: Type) -> ValueId {
        self.value(
            OpState::new(op("arith.constant"))
                .attribute("value", Attribute::float(value, ty.clone()))
                .results(&[ty]),
        )
    }

    pub fn bool(&mut self, value: bool) -> ValueId {
        self.int(value.into(), Type::I1)
    }

    pub fn string(&mut self, text: &str) -> ValueId {
        self.value(
            OpState::new(op("rt.string"))
                .attribute("value", Attribute::String(text.to_string()))
                .results(&[Type::Str]),
        )
    }

    /// `name` applied to operands, one result of type `ty`.
    pub fn apply(&mut self, name: &str, operands: &[ValueId], ty: Type) -> ValueId {
        self.value(OpState::new(op(name)).operands(operands).results(&[ty]))
    }

    /// A binary arith op whose result has the operands' type.
    pub fn arith(&mut self, name: &str, lhs: ValueId, rhs: ValueId) -> ValueId {
        let ty = self.ty_of(lhs);
        self.apply(name, &[lhs, rhs], ty)
    }

    pub fn compare(&mut self, name: &str, predicate: &str, lhs: ValueId, rhs: ValueId) -> ValueId {
        self.value(
            OpState::new(op(name))
                .operands(&[lhs, rhs])
                .attribute("predicate", Attribute::String(predicate.to_string()))
                .results(&[Type::I1]),
        )
    }

    pub fn not(&mut self, value: ValueId) -> ValueId {
        let one = self.bool(true);
        self.arith("arith.xori", value, one)
    }

    /// `rt.panic_if %condition {message}` at the current location.
    pub fn panic_if(&mut self, condition: ValueId, message: &str) {
        self.emit(
            OpState::new(op("rt.panic_if"))
                .operands(&[condition])
                .attribute("message", Attribute::String(message.to_string())),
        );
    }

    /// `rt.builtin {name}` with the given result types.
    pub fn builtin(&mut self, name: &str, operands: &[ValueId], results: &[Type]) -> Vec<ValueId> {
        let created = self.emit(
            OpState::new(op("rt.builtin"))
                .operands(operands)
                .attribute("name", Attribute::String(name.to_string()))
                .results(results),
        );
        self.module.ops[created].results.clone()
    }

    pub fn builtin_value(&mut self, name: &str, operands: &[ValueId], result: Type) -> ValueId {
        self.builtin(name, operands, &[result])[0]
    }

    // ---- regions ----

    pub fn region_with_block(&mut self, arguments: &[Type]) -> (RegionId, BlockId) {
        let region = self.module.create_region();
        let block = self.module.append_block(region, arguments);
        (region, block)
    }

    /// Runs `fill` with the insertion point at the end of `block`, then restores it; ends
    /// `block` with `terminator` unless `fill` ended it with an exit.
    pub fn fill_block(
        &mut self,
        block: BlockId,
        fill: impl FnOnce(&mut Self) -> Vec<ValueId>,
        terminator: &str,
    ) {
        let (saved_block, saved_ended) = (self.block, self.ended);
        self.block = block;
        self.ended = false;
        let yielded = fill(self);
        if !self.ended {
            self.emit(OpState::new(op(terminator)).operands(&yielded));
        }
        self.block = saved_block;
        self.ended = saved_ended;
    }

    /// `scf.if` with results of `types`; each branch returns the values it yields.
    pub fn if_op(
        &mut self,
        condition: ValueId,
        types: &[Type],
        then: impl FnOnce(&mut Self) -> Vec<ValueId>,
        otherwise: impl FnOnce(&mut Self) -> Vec<ValueId>,
    ) -> Vec<ValueId> {
        let (then_region, then_block) = self.region_with_block(&[]);
        let (else_region, else_block) = self.region_with_block(&[]);
        let created = self.emit(
            OpState::new(op("scf.if"))
                .operands(&[condition])
                .results(types)
                .region(then_region)
                .region(else_region),
        );
        self.fill_block(then_block, then, "scf.yield");
        self.fill_block(else_block, otherwise, "scf.yield");
        self.module.ops[created].results.clone()
    }

    // ---- locals ----

    pub fn read_local(&mut self, binding: BindingId) -> ValueId {
        match self.locals.get(&binding) {
            Some(Local::Value(value)) => *value,
            Some(Local::Slot(slot)) => {
                let slot = *slot;
                let ty = match self.ty_of(slot) {
                    Type::MemRef { element, .. } => *element,
                    other => panic!("lowering: a slot of type {other}"),
                };
                self.apply("mem.load", &[slot], ty)
            }
            None => panic!("lowering: binding {binding:?} read before it is bound"),
        }
    }

    /// A new `var` slot holding `value`.
    pub fn new_slot(&mut self, value: ValueId) -> ValueId {
        let ty = self.ty_of(value);
        // Slots live at the top of the function (where LLVM's mem2reg looks for them), so a
        // `var` declared in a loop is one slot, not one per iteration.
        let mut state = OpState::new(op("mem.alloca")).results(&[Type::MemRef {
            element: Box::new(ty),
            shape: Vec::new(),
            strides: None,
        }]);
        state.location = self.location.clone();
        let alloca = self.module.create_op(state);
        match self.module.blocks[self.entry].ops.first() {
            Some(&first) => self.module.insert_before(first, alloca),
            None => self.module.append_op(self.entry, alloca),
        }
        let slot = self.module.result(alloca, 0);
        self.emit(OpState::new(op("mem.store")).operands(&[value, slot]));
        slot
    }

    pub fn store(&mut self, value: ValueId, slot: ValueId) {
        self.emit(OpState::new(op("mem.store")).operands(&[value, slot]));
    }
}
