//! `for` loops and `sum` over what can be iterated: `range` (an `scf.for`), and by position
//! `List`, `str`, `Tensor`, `Dict` (its keys), `enumerate` and `zip` of them (an `scf.while`
//! whose loop value is the position), and Python objects (`py.iter`/`py.next`).
//!
//! Positions are re-checked against the length on every iteration, so a loop over a list
//! that grows sees the new items, as in Python.

use mlc_ir::{OpState, Type, ValueId};
use mlc_semantics::{ArgumentSource, BuiltinFunction, CallTarget, Ty};
use mlc_syntax::ast::{self, ExprKind};

use crate::function::FnLowering;
use crate::ops::op;

/// Something walked by position.
enum Source {
    Range {
        start: ValueId,
        stop: ValueId,
        step: ValueId,
    },
    List(ValueId),
    Str(ValueId),
    Tensor(ValueId),
    Enumerate {
        inner: Box<Source>,
        start: ValueId,
    },
    Zip(Vec<Source>),
    /// A Python iterator (from `py.iter`), optionally counted (`enumerate(obj)`).
    Python {
        iterator: ValueId,
        counted_from: Option<ValueId>,
    },
}

/// Fills a loop's body block: `(lowering, element, block, next loop values)`.
type LoopBody<'b, L> = dyn FnMut(&mut L, ValueId, mlc_ir::BlockId, Vec<ValueId>) + 'b;

impl FnLowering<'_> {
    pub fn lower_for(&mut self, pattern: &ast::Pattern, iterable: &ast::Expr, body: &ast::Block) {
        if let Some((start, stop, step)) = self.range_arguments(iterable) {
            let (region, block) = self.region_with_block(&[Type::I64]);
            self.at(iterable.span);
            self.emit(OpState::new(op("scf.for")).operands(&[start, stop, step]).region(region));
            let induction = self.module.blocks[block].arguments[0];
            let (saved, ended) = (self.block, self.ended);
            self.block = block;
            self.bind_pattern(pattern, induction, false);
            self.block = saved;
            self.ended = ended;
            self.loop_body(block, Vec::new(), Vec::new(), body, Vec::new());
            return;
        }
        let source = self.source(iterable);
        self.at(iterable.span);
        self.walk(source, &mut |this, element, block, next| {
            let (saved, ended) = (this.block, this.ended);
            this.block = block;
            this.bind_pattern(pattern, element, false);
            this.block = saved;
            this.ended = ended;
            // The loop's results are its loop values; `break` passes the current ones.
            let current = this.module.blocks[block].arguments.clone();
            this.loop_body(block, next.clone(), current, body, next);
        });
    }

    /// `range(...)` as `(start, stop, step)`, with a zero step checked.
    fn range_arguments(&mut self, iterable: &ast::Expr) -> Option<(ValueId, ValueId, ValueId)> {
        let ExprKind::Call { args, .. } = &iterable.kind else { return None };
        let call = self.inference.calls.get(&iterable.span)?;
        if call.target != CallTarget::Builtin(BuiltinFunction::Range) {
            return None;
        }
        let values: Vec<ValueId> = args.iter().map(|arg| self.lower_value(&arg.value)).collect();
        self.at(iterable.span);
        let values: Vec<ValueId> = values.into_iter().map(|v| self.widen(v)).collect();
        Some(match values.as_slice() {
            [stop] => (self.i64(0), *stop, self.i64(1)),
            [start, stop] => (*start, *stop, self.i64(1)),
            [start, stop, step] => {
                let zero = self.i64(0);
                let is_zero = self.compare("arith.cmpi", "eq", *step, zero);
                self.panic_if(is_zero, "range() step must not be zero");
                (*start, *stop, *step)
            }
            _ => panic!("lowering: `range` with {} arguments", values.len()),
        })
    }

    /// Ranges are over `i64`; narrower integer arguments are widened.
    fn widen(&mut self, value: ValueId) -> ValueId {
        match self.ty_of(value) {
            Type::Int(64) => value,
            Type::Int(_) => self.apply("arith.extsi", &[value], Type::I64),
            Type::UInt(_) => self.apply("arith.extui", &[value], Type::I64),
            _ => value,
        }
    }

    fn source(&mut self, iterable: &ast::Expr) -> Source {
        if let ExprKind::Call { args, .. } = &iterable.kind {
            if let Some(call) = self.inference.calls.get(&iterable.span).cloned() {
                match call.target {
                    CallTarget::Builtin(BuiltinFunction::Range) => {
                        let (start, stop, step) = self.range_arguments(iterable).expect("a range");
                        return Source::Range { start, stop, step };
                    }
                    CallTarget::Builtin(BuiltinFunction::Enumerate) => {
                        let ArgumentSource::Argument(inner) = call.arguments[0] else {
                            panic!("lowering: `enumerate` without an iterable")
                        };
                        let inner = self.source(&args[inner].value);
                        let start = match call.arguments.get(1) {
                            Some(ArgumentSource::Argument(index)) => {
                                let value = self.lower_value(&args[*index].value);
                                self.widen(value)
                            }
                            _ => self.i64(0),
                        };
                        return match inner {
                            Source::Python { iterator, .. } => {
                                Source::Python { iterator, counted_from: Some(start) }
                            }
                            inner => Source::Enumerate { inner: Box::new(inner), start },
                        };
                    }
                    CallTarget::Builtin(BuiltinFunction::Zip) => {
                        let parts = args.iter().map(|arg| self.source(&arg.value)).collect();
                        return Source::Zip(parts);
                    }
                    _ => {}
                }
            }
        }
        let value = self.lower_value(iterable);
        self.at(iterable.span);
        match self.ty_of(value) {
            Type::List(_) => Source::List(value),
            Type::Str => Source::Str(value),
            Type::Tensor(_) => Source::Tensor(value),
            Type::Dict(key, _) => {
                // The keys as they are when the loop starts.
                let keys = self.builtin_value("dict.keys", &[value], Type::List(key));
                Source::List(keys)
            }
            Type::PyObject => {
                let iterator = self.apply("py.iter", &[value], Type::PyObject);
                Source::Python { iterator, counted_from: None }
            }
            other => panic!("lowering: iterating over {other}"),
        }
    }

    /// Emits the loop over `source`; `body(this, element, block, next)` fills the body block
    /// (`next`: the loop values `continue` and the end of the body pass).
    fn walk(&mut self, source: Source, body: &mut LoopBody<'_, Self>) {
        if let Source::Python { iterator, counted_from } = source {
            return self.walk_python(iterator, counted_from, body);
        }
        let zero = self.i64(0);
        let (before_region, before) = self.region_with_block(&[Type::I64]);
        let (after_region, after) = self.region_with_block(&[Type::I64]);
        self.emit(
            OpState::new(op("scf.while"))
                .operands(&[zero])
                .results(&[Type::I64])
                .region(before_region)
                .region(after_region),
        );
        let source = std::rc::Rc::new(source);
        let condition_source = source.clone();
        self.fill_block(
            before,
            |this| {
                let position = this.module.blocks[before].arguments[0];
                let more = this.has_position(&condition_source, position);
                vec![more, position]
            },
            "scf.condition",
        );
        let (saved, ended) = (self.block, self.ended);
        self.block = after;
        let position = self.module.blocks[after].arguments[0];
        let element = self.element(&source, position);
        let one = self.i64(1);
        let next = self.arith("arith.addi", position, one);
        self.block = saved;
        self.ended = ended;
        body(self, element, after, vec![next]);
    }

    fn walk_python(
        &mut self,
        iterator: ValueId,
        counted_from: Option<ValueId>,
        body: &mut LoopBody<'_, Self>,
    ) {
        let count = match counted_from {
            Some(start) => start,
            None => self.i64(0),
        };
        let (before_region, before) = self.region_with_block(&[Type::I64]);
        let (after_region, after) = self.region_with_block(&[Type::I64, Type::PyObject]);
        self.emit(
            OpState::new(op("scf.while"))
                .operands(&[count])
                .results(&[Type::I64, Type::PyObject])
                .region(before_region)
                .region(after_region),
        );
        self.fill_block(
            before,
            |this| {
                let count = this.module.blocks[before].arguments[0];
                let next = this.emit(
                    OpState::new(op("py.next"))
                        .operands(&[iterator])
                        .results(&[Type::I1, Type::PyObject]),
                );
                let results = this.module.ops[next].results.clone();
                vec![results[0], count, results[1]]
            },
            "scf.condition",
        );
        let (saved, ended) = (self.block, self.ended);
        self.block = after;
        let count = self.module.blocks[after].arguments[0];
        let item = self.module.blocks[after].arguments[1];
        let one = self.i64(1);
        let next = self.arith("arith.addi", count, one);
        let element = match counted_from {
            Some(_) => {
                self.apply("agg.make", &[count, item], Type::Tuple(vec![Type::I64, Type::PyObject]))
            }
            None => item,
        };
        self.block = saved;
        self.ended = ended;
        body(self, element, after, vec![next]);
    }

    /// Whether `source` has an element at `position`.
    fn has_position(&mut self, source: &Source, position: ValueId) -> ValueId {
        match source {
            Source::Range { start, stop, step } => {
                let offset = self.arith("arith.muli", position, *step);
                let value = self.arith("arith.addi", *start, offset);
                let zero = self.i64(0);
                let upward = self.compare("arith.cmpi", "sgt", *step, zero);
                let below = self.compare("arith.cmpi", "slt", value, *stop);
                let above = self.compare("arith.cmpi", "sgt", value, *stop);
                self.apply("arith.select", &[upward, below, above], Type::I1)
            }
            Source::List(list) => {
                let length = self.apply("mem.list_len", &[*list], Type::I64);
                self.compare("arith.cmpi", "slt", position, length)
            }
            Source::Str(text) => {
                let length = self.builtin_value("str.len", &[*text], Type::I64);
                self.compare("arith.cmpi", "slt", position, length)
            }
            Source::Tensor(tensor) => {
                let zero = self.i64(0);
                let length = self.apply("tensor.dim", &[*tensor, zero], Type::I64);
                self.compare("arith.cmpi", "slt", position, length)
            }
            Source::Enumerate { inner, .. } => self.has_position(inner, position),
            Source::Zip(parts) => {
                let mut all = self.bool(true);
                for part in parts {
                    let more = self.has_position(part, position);
                    all = self.arith("arith.andi", all, more);
                }
                all
            }
            Source::Python { .. } => panic!("lowering: a Python iterator inside `zip`"),
        }
    }

    fn element(&mut self, source: &Source, position: ValueId) -> ValueId {
        match source {
            Source::Range { start, step, .. } => {
                let offset = self.arith("arith.muli", position, *step);
                self.arith("arith.addi", *start, offset)
            }
            Source::List(list) => {
                let Type::List(element) = self.ty_of(*list) else { unreachable!() };
                self.apply("mem.list_get", &[*list, position], *element)
            }
            Source::Str(text) => self.builtin_value("str.getitem", &[*text, position], Type::Str),
            Source::Tensor(tensor) => {
                let Type::Tensor(element) = self.ty_of(*tensor) else { unreachable!() };
                self.apply("tensor.load", &[*tensor, position], *element)
            }
            Source::Enumerate { inner, start } => {
                let item = self.element(inner, position);
                let count = self.arith("arith.addi", *start, position);
                let ty = Type::Tuple(vec![Type::I64, self.ty_of(item)]);
                self.apply("agg.make", &[count, item], ty)
            }
            Source::Zip(parts) => {
                let items: Vec<ValueId> =
                    parts.iter().map(|part| self.element(part, position)).collect();
                let ty = Type::Tuple(items.iter().map(|item| self.ty_of(*item)).collect());
                self.apply("agg.make", &items, ty)
            }
            Source::Python { .. } => panic!("lowering: a Python iterator inside `zip`"),
        }
    }

    /// `sum(iterable[, start])`.
    pub fn lower_sum(
        &mut self,
        expr: &ast::Expr,
        args: &[ast::Arg],
        sources: &[ArgumentSource],
    ) -> ValueId {
        let ArgumentSource::Argument(iterable) = sources[0] else {
            panic!("lowering: `sum` without an iterable")
        };
        let iterable = &args[iterable].value;
        let result_ty = self.expr_ty(expr);
        let ty = self.value_ty(&result_ty);
        let start = match sources.get(1) {
            Some(ArgumentSource::Argument(index)) => Some(self.lower_value(&args[*index].value)),
            _ => None,
        };
        let iterable_ty = self.expr_ty(iterable);
        if let Ty::Tensor(_) = iterable_ty {
            let tensor = self.lower_value(iterable);
            self.at(expr.span);
            let total = self.value(
                OpState::new(op("tensor.reduce"))
                    .operands(&[tensor])
                    .attribute("kind", mlc_ir::Attribute::String("sum".to_string()))
                    .results(std::slice::from_ref(&ty)),
            );
            return match start {
                Some(start) => self.add_values(start, total),
                None => total,
            };
        }
        let zero =
            if ty.is_float() { self.float(0.0, ty.clone()) } else { self.int(0, ty.clone()) };
        let initial = start.unwrap_or(zero);
        let accumulator = self.new_slot(initial);
        let source = self.source(iterable);
        self.at(expr.span);
        self.walk(source, &mut |this, element, block, next| {
            this.fill_block(
                block,
                |this| {
                    let total = this.apply("mem.load", &[accumulator], ty.clone());
                    let sum = this.add_values(total, element);
                    this.store(sum, accumulator);
                    next
                },
                "scf.yield",
            );
        });
        self.apply("mem.load", &[accumulator], ty)
    }

    fn add_values(&mut self, lhs: ValueId, rhs: ValueId) -> ValueId {
        if self.ty_of(lhs).is_float() {
            self.arith("arith.addf", lhs, rhs)
        } else {
            self.checked("arith.addi", lhs, rhs)
        }
    }
}
