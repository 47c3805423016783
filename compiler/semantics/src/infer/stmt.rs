//! Statements and control flow: blocks (each a scope), `let`/`var`, assignment, `if`,
//! `while`, `for`, `break`/`continue` (E0500), `return` (checked against the declared type,
//! E0211 when a path returns nothing), `raise` (an `Error` or PyObject), `try`/`except`,
//! `assert`, and unreachable code (W0502).

use mlc_diagnostics::{codes, Diagnostic, Label};
use mlc_syntax::ast::{self, Block, Expr, ExprKind, Stmt, StmtKind};

use super::{BindingKind, InferenceContext};
use crate::ty::Ty;

/// How control leaves a statement or block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Falls through to the next statement.
    Normal,
    /// Leaves the enclosing loop (`break`, `continue`).
    Jumps,
    /// Leaves the function (`return`, `raise`, an endless loop).
    Returns,
}

impl InferenceContext<'_> {
    pub fn check_function_body(&mut self, ast: &ast::Function, body: &Block) {
        let flow = self.check_block(body);
        let needs_value = !matches!(self.return_ty, Ty::None | Ty::Error);
        if needs_value && flow != Flow::Returns {
            let mut diagnostic = Diagnostic::error(
                codes::MISSING_RETURN,
                format!("`{}` does not return a value on every path", ast.name.text),
                Label::new(
                    ast.name.span,
                    format!("declared to return `{}`", self.return_ty.display(self.db)),
                ),
            )
            .with_hint("add a `return` at the end of the body");
            if let Some(span) = self.return_span {
                diagnostic = diagnostic.with_secondary(span, "the declared return type");
            }
            self.report(diagnostic);
        }
    }

    /// Checks a block in a new scope.
    pub fn check_block(&mut self, block: &Block) -> Flow {
        self.push_scope();
        let mut flow = Flow::Normal;
        let mut warned = false;
        for stmt in &block.stmts {
            if flow != Flow::Normal
                && !warned
                && !matches!(stmt.kind, StmtKind::Pass | StmtKind::Error)
            {
                warned = true;
                self.report(Diagnostic::warning(
                    codes::UNREACHABLE_CODE,
                    "unreachable code",
                    Label::new(stmt.span, "never runs"),
                ));
            }
            let stmt_flow = self.check_stmt(stmt);
            if flow == Flow::Normal {
                flow = stmt_flow;
            }
        }
        self.pop_scope();
        flow
    }

    fn check_stmt(&mut self, stmt: &Stmt) -> Flow {
        match &stmt.kind {
            StmtKind::Let {
                mutability,
                pattern,
                ty,
                value,
            } => {
                let declared = ty.as_ref().map(|ty| self.lower_type(ty));
                let value_ty = match &declared {
                    Some(declared) => {
                        self.check_value(value, declared);
                        declared.clone()
                    }
                    None => self.infer_value(value, None),
                };
                let kind = match mutability {
                    ast::Mutability::Let => BindingKind::Let,
                    ast::Mutability::Var => BindingKind::Var,
                };
                self.bind_pattern(pattern, &value_ty, kind);
                Flow::Normal
            }
            StmtKind::Assign { target, value } => {
                self.check_assignment(target, value);
                Flow::Normal
            }
            StmtKind::AugAssign { target, op, value } => {
                self.check_augmented_assignment(target, *op, value, stmt.span);
                Flow::Normal
            }
            StmtKind::Expr(expr) => {
                self.infer_expr(expr, None);
                Flow::Normal
            }
            StmtKind::If {
                branches,
                else_block,
            } => {
                let mut flows = Vec::new();
                for branch in branches {
                    self.check_condition(&branch.condition);
                    flows.push(self.check_block(&branch.body));
                }
                match else_block {
                    Some(block) => flows.push(self.check_block(block)),
                    None => flows.push(Flow::Normal),
                }
                join_flows(&flows)
            }
            StmtKind::While { condition, body } => {
                self.check_condition(condition);
                self.loop_depth += 1;
                self.check_block(body);
                self.loop_depth -= 1;
                let endless = matches!(condition.kind, ExprKind::Bool(true)) && !block_breaks(body);
                if endless {
                    Flow::Returns
                } else {
                    Flow::Normal
                }
            }
            StmtKind::For {
                pattern,
                iterable,
                body,
            } => {
                let iterable_ty = self.infer_value(iterable, None);
                let element = self.iterable_element(&iterable_ty, iterable.span);
                self.push_scope();
                self.bind_pattern(pattern, &element, BindingKind::For);
                self.loop_depth += 1;
                self.check_block(body);
                self.loop_depth -= 1;
                self.pop_scope();
                Flow::Normal
            }
            StmtKind::Break | StmtKind::Continue => {
                if self.loop_depth == 0 {
                    let keyword = if matches!(stmt.kind, StmtKind::Break) {
                        "break"
                    } else {
                        "continue"
                    };
                    self.report(Diagnostic::error(
                        codes::BREAK_OUTSIDE_LOOP,
                        format!("`{keyword}` outside a loop"),
                        Label::new(stmt.span, "not inside `for` or `while`"),
                    ));
                    return Flow::Normal;
                }
                Flow::Jumps
            }
            StmtKind::Pass | StmtKind::Error => Flow::Normal,
            StmtKind::Return(value) => {
                self.check_return(value.as_ref(), stmt);
                Flow::Returns
            }
            StmtKind::Raise(value) => {
                match value {
                    Some(value) => self.check_raise(value),
                    None if self.except_depth == 0 => {
                        self.report(
                            Diagnostic::error(
                                codes::RERAISE_OUTSIDE_EXCEPT,
                                "`raise` without a value outside an `except` block",
                                Label::new(stmt.span, "nothing is being handled here"),
                            )
                            .with_hint("raise a new error: `raise Error(\"message\")`"),
                        );
                    }
                    None => {}
                }
                Flow::Returns
            }
            StmtKind::Try {
                body,
                handlers,
                finally,
            } => {
                let mut flows = vec![self.check_block(body)];
                for handler in handlers {
                    self.push_scope();
                    if let Some(binding) = &handler.binding {
                        self.declare(binding, Ty::Exception, BindingKind::Except);
                    }
                    self.except_depth += 1;
                    flows.push(self.check_block(&handler.body));
                    self.except_depth -= 1;
                    self.pop_scope();
                }
                let finally_flow = finally.as_ref().map(|block| self.check_block(block));
                if finally_flow == Some(Flow::Returns) {
                    return Flow::Returns;
                }
                join_flows(&flows)
            }
            StmtKind::Assert { condition, message } => {
                self.check_condition(condition);
                if let Some(message) = message {
                    if let ExprKind::Str(_) = message.kind {
                        // A literal message is static data, allowed even inside kernels.
                        self.record_type(message.span, &Ty::Str);
                    } else {
                        self.check_value(message, &Ty::Str);
                    }
                }
                Flow::Normal
            }
        }
    }

    fn check_return(&mut self, value: Option<&Expr>, stmt: &Stmt) {
        let return_ty = self.return_ty.clone();
        let name = self.function_name.clone().unwrap_or_default();
        match value {
            Some(value) if return_ty == Ty::None => {
                let ty = self.infer_expr(value, None);
                if ty != Ty::None && !ty.is_unknown() {
                    self.report(
                        Diagnostic::error(
                            codes::MISMATCHED_TYPES,
                            format!("`{name}` has no return type, but returns a value"),
                            Label::new(value.span, format!("this is `{}`", ty.display(self.db))),
                        )
                        .with_hint(format!(
                            "declare the return type: `-> {}`",
                            ty.display(self.db)
                        )),
                    );
                }
            }
            Some(value) => {
                self.check_value(value, &return_ty);
            }
            None if !matches!(return_ty, Ty::None | Ty::Error) => {
                let mut diagnostic = Diagnostic::error(
                    codes::MISMATCHED_TYPES,
                    format!(
                        "`{name}` must return a value of type `{}`",
                        return_ty.display(self.db)
                    ),
                    Label::new(stmt.span, "returns nothing"),
                );
                if let Some(span) = self.return_span {
                    diagnostic = diagnostic.with_secondary(span, "the declared return type");
                }
                self.report(diagnostic);
            }
            None => {}
        }
    }

    fn check_raise(&mut self, value: &Expr) {
        let ty = self.infer_value(value, Some(&Ty::Exception));
        if matches!(ty, Ty::Exception | Ty::PyObject) || ty.is_unknown() {
            return;
        }
        let mut diagnostic = Diagnostic::error(
            codes::MISMATCHED_TYPES,
            format!(
                "only an `Error` can be raised, not `{}`",
                ty.display(self.db)
            ),
            Label::new(value.span, format!("this is `{}`", ty.display(self.db))),
        );
        if ty == Ty::Str {
            diagnostic = diagnostic.with_hint(format!(
                "wrap the message: `raise Error({})`",
                crate::pretty::expr_text(value)
            ));
        }
        self.report(diagnostic);
    }
}

/// The flow after an `if` (or `try`) whose branches flow as given: it returns only if every
/// branch returns, and falls through if any branch does.
fn join_flows(flows: &[Flow]) -> Flow {
    if flows.iter().all(|flow| *flow == Flow::Returns) {
        Flow::Returns
    } else if flows.contains(&Flow::Normal) {
        Flow::Normal
    } else {
        Flow::Jumps
    }
}

/// Whether a loop body contains a `break` that leaves this loop (not a nested one).
fn block_breaks(block: &Block) -> bool {
    block.stmts.iter().any(|stmt| match &stmt.kind {
        StmtKind::Break => true,
        StmtKind::If {
            branches,
            else_block,
        } => {
            branches.iter().any(|branch| block_breaks(&branch.body))
                || else_block.as_ref().is_some_and(block_breaks)
        }
        StmtKind::Try {
            body,
            handlers,
            finally,
        } => {
            block_breaks(body)
                || handlers.iter().any(|handler| block_breaks(&handler.body))
                || finally.as_ref().is_some_and(block_breaks)
        }
        _ => false,
    })
}
