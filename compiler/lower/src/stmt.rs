//! Statements: bindings, control flow, `try`, `raise`, `assert`.

use mlc_ir::{OpState, Type, ValueId};
use mlc_syntax::ast::{self, Mutability, PatternKind, StmtKind};

use crate::function::{FnLowering, Local, LoopFrame};
use crate::ops::op;

impl FnLowering<'_> {
    pub fn lower_block(&mut self, block: &ast::Block) {
        for stmt in &block.stmts {
            if self.ended {
                break;
            }
            self.lower_stmt(stmt);
        }
    }

    fn lower_stmt(&mut self, stmt: &ast::Stmt) {
        self.at(stmt.span);
        match &stmt.kind {
            StmtKind::Let { mutability, pattern, value, .. } => {
                if let Some(value) = self.lower_expr(value) {
                    self.bind_pattern(pattern, value, *mutability == Mutability::Var);
                }
            }
            StmtKind::Assign { target, value } => self.assign(target, value),
            StmtKind::AugAssign { target, op, value } => {
                self.augmented_assign(target, *op, value, stmt.span)
            }
            StmtKind::Expr(expr) => {
                self.lower_expr(expr);
            }
            StmtKind::If { branches, else_block } => self.lower_if(branches, else_block.as_ref()),
            StmtKind::While { condition, body } => self.lower_while(condition, body),
            StmtKind::For { pattern, iterable, body } => self.lower_for(pattern, iterable, body),
            StmtKind::Break => self.exit_loop("scf.break"),
            StmtKind::Continue => self.exit_loop("scf.continue"),
            StmtKind::Pass => {}
            StmtKind::Return(value) => {
                let value = value.as_ref().and_then(|value| self.lower_expr(value));
                self.at(stmt.span);
                self.run_cleanups(0);
                self.at(stmt.span);
                let operands: Vec<ValueId> = value.into_iter().collect();
                self.terminate(OpState::new(op("func.return")).operands(&operands));
            }
            StmtKind::Raise(value) => {
                let error = match value {
                    Some(value) => {
                        // A Python exception (a `PyObject`) is raised as it is: the runtime
                        // raises it in Python and takes it back as an error.
                        let raised = self.lower_value(value);
                        self.at(stmt.span);
                        raised
                    }
                    None => *self.caught.last().expect("checked: a bare `raise` is in `except`"),
                };
                self.terminate(OpState::new(op("rt.raise")).operands(&[error]));
            }
            StmtKind::Try { body, handlers, finally } => {
                self.lower_try(body, handlers, finally.as_ref())
            }
            StmtKind::Assert { condition, message } => {
                let condition = self.lower_condition(condition);
                let mut operands = vec![condition];
                if let Some(message) = message {
                    operands.push(self.lower_value(message));
                }
                self.at(stmt.span);
                self.emit(OpState::new(op("rt.assert")).operands(&operands));
            }
            StmtKind::Error => panic!("lowering a statement that failed to parse"),
        }
    }

    /// Binds what a `let`/`var`/`for` pattern names.
    pub fn bind_pattern(&mut self, pattern: &ast::Pattern, value: ValueId, mutable: bool) {
        match &pattern.kind {
            PatternKind::Name(name) => {
                let binding = *self
                    .inference
                    .binding_sites
                    .get(&name.span)
                    .or_else(|| self.inference.binding_sites.get(&pattern.span))
                    .expect("checked: every bound name has a binding");
                let local =
                    if mutable { Local::Slot(self.new_slot(value)) } else { Local::Value(value) };
                self.locals.insert(binding, local);
            }
            PatternKind::Tuple(elements) => {
                let Type::Tuple(types) = self.ty_of(value) else {
                    panic!("lowering: a tuple pattern bound to a non-tuple")
                };
                for (index, element) in elements.iter().enumerate() {
                    let part = self.extract(value, index, types[index].clone());
                    self.bind_pattern(element, part, mutable);
                }
            }
        }
    }

    /// A `bool` condition; a PyObject by its truthiness.
    pub fn lower_condition(&mut self, condition: &ast::Expr) -> ValueId {
        let value = self.lower_value(condition);
        if self.ty_of(value) == Type::PyObject {
            self.at(condition.span);
            self.apply("py.truthy", &[value], Type::I1)
        } else {
            value
        }
    }

    fn lower_if(&mut self, branches: &[ast::IfBranch], else_block: Option<&ast::Block>) {
        let Some((first, rest)) = branches.split_first() else {
            if let Some(block) = else_block {
                self.lower_block(block);
            }
            return;
        };
        let condition = self.lower_condition(&first.condition);
        self.at(first.span);
        self.if_op(
            condition,
            &[],
            |this| {
                this.lower_block(&first.body);
                Vec::new()
            },
            |this| {
                this.lower_if(rest, else_block);
                Vec::new()
            },
        );
    }

    fn lower_while(&mut self, condition: &ast::Expr, body: &ast::Block) {
        let (before_region, before) = self.region_with_block(&[]);
        let (after_region, after) = self.region_with_block(&[]);
        self.emit(OpState::new(op("scf.while")).region(before_region).region(after_region));
        self.fill_block(before, |this| vec![this.lower_condition(condition)], "scf.condition");
        self.loop_body(after, Vec::new(), Vec::new(), body, Vec::new());
    }

    /// Fills a loop's body block: `body`, then `scf.yield` of `next`; `continue` passes
    /// `continue_values` and `break` passes `break_values`.
    pub fn loop_body(
        &mut self,
        block: mlc_ir::BlockId,
        continue_values: Vec<ValueId>,
        break_values: Vec<ValueId>,
        body: &ast::Block,
        next: Vec<ValueId>,
    ) {
        let frame = LoopFrame { continue_values, break_values, cleanup_depth: self.cleanups.len() };
        self.fill_block(
            block,
            |this| {
                this.loops.push(frame);
                this.lower_block(body);
                this.loops.pop();
                next
            },
            "scf.yield",
        );
    }

    fn exit_loop(&mut self, terminator: &str) {
        let frame = self.loops.last().cloned().expect("checked: `break` is inside a loop");
        let location = self.location.clone();
        self.run_cleanups(frame.cleanup_depth);
        self.location = location;
        let operands =
            if terminator == "scf.continue" { frame.continue_values } else { frame.break_values };
        self.terminate(OpState::new(op(terminator)).operands(&operands));
    }

    /// Lowers the `finally` blocks opened since `depth`, innermost first, for an early exit.
    fn run_cleanups(&mut self, depth: usize) {
        let pending: Vec<ast::Block> = self.cleanups[depth..].to_vec();
        let outer = self.cleanups[..depth].to_vec();
        let saved = std::mem::replace(&mut self.cleanups, outer);
        for block in pending.iter().rev() {
            if self.ended {
                break;
            }
            self.lower_block(block);
        }
        self.cleanups = saved;
    }

    fn lower_try(
        &mut self,
        body: &ast::Block,
        handlers: &[ast::ExceptHandler],
        finally: Option<&ast::Block>,
    ) {
        let location = self.location.clone();
        let Some(finally) = finally else {
            return self.try_except(body, handlers);
        };
        // try/finally: an error leaving the body (or a handler) runs `finally` and goes on;
        // early exits run it where they leave (`run_cleanups`); the normal path runs it after.
        self.cleanups.push(finally.clone());
        let (body_region, body_block) = self.region_with_block(&[]);
        let (handler_region, handler_block) = self.region_with_block(&[Type::RtError]);
        self.emit(OpState::new(op("rt.try")).region(body_region).region(handler_region));
        self.fill_block(
            body_block,
            |this| {
                this.try_except(body, handlers);
                Vec::new()
            },
            "scf.yield",
        );
        self.cleanups.pop();
        self.fill_block(
            handler_block,
            |this| {
                let error = this.module.blocks[handler_block].arguments[0];
                this.lower_block(finally);
                if !this.ended {
                    this.location = location;
                    this.terminate(OpState::new(op("rt.raise")).operands(&[error]));
                }
                Vec::new()
            },
            "scf.yield",
        );
        self.lower_block(finally);
    }

    fn try_except(&mut self, body: &ast::Block, handlers: &[ast::ExceptHandler]) {
        // `except e:` catches everything, so only the first handler can run (the checker
        // warns about the others).
        let Some(handler) = handlers.first() else {
            return self.lower_block(body);
        };
        let (body_region, body_block) = self.region_with_block(&[]);
        let (handler_region, handler_block) = self.region_with_block(&[Type::RtError]);
        self.emit(OpState::new(op("rt.try")).region(body_region).region(handler_region));
        self.fill_block(
            body_block,
            |this| {
                this.lower_block(body);
                Vec::new()
            },
            "scf.yield",
        );
        self.fill_block(
            handler_block,
            |this| {
                let error = this.module.blocks[handler_block].arguments[0];
                if let Some(name) = &handler.binding {
                    if let Some(&binding) = this.inference.binding_sites.get(&name.span) {
                        this.locals.insert(binding, Local::Value(error));
                    }
                }
                this.caught.push(error);
                this.lower_block(&handler.body);
                this.caught.pop();
                Vec::new()
            },
            "scf.yield",
        );
    }
}
