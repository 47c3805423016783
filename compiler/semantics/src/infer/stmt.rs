//! Statements and control flow: blocks (each a scope), `let`/`var`, assignment, `if`,
//! `while`, `for`, `break`/`continue` (E0500), `return` (checked against the declared type,
//! E0211 when a path returns nothing), `raise` (an `Error` or PyObject), `try`/`except`,
//! `assert`, and unreachable code (W0502).

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{self, Block, Expr, ExprKind, PatternKind, Stmt, StmtKind};

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

/// How control leaves a statement or block, and the code responsible: for `Normal`, where
/// control can fall out of it; otherwise, what leaves. Diagnostics point there.
#[derive(Clone, Copy, Debug)]
pub struct Exit {
    pub flow: Flow,
    pub span: Span,
    /// Says what happens at `span`, for a label.
    pub label: &'static str,
}

impl Exit {
    fn normal(span: Span, label: &'static str) -> Exit {
        Exit { flow: Flow::Normal, span, label }
    }
}

impl InferenceContext<'_> {
    pub fn check_function_body(&mut self, ast: &ast::Function, body: &Block) {
        let exit = self.check_block(body);
        let needs_value = !matches!(self.return_ty, Ty::None | Ty::Error);
        // A body with a statement that failed to parse may well return there: its syntax
        // error is the one diagnostic.
        if needs_value && exit.flow != Flow::Returns && !self.body_has_syntax_error {
            let return_ty = self.return_ty.display(self.db).to_string();
            let (span, label) = match exit.flow {
                Flow::Normal => (exit.span, exit.label),
                // Only `break`/`continue` outside a loop (reported already) get here.
                _ => (Span::at(body.span.end), "the function ends here without a `return`"),
            };
            let mut diagnostic = Diagnostic::error(
                codes::MISSING_RETURN,
                format!("`{}` does not return a value on every path", ast.name.text),
                Label::new(span, label),
            )
            .with_hint(format!(
                "end this path with `return` and a value of type `{return_ty}`, or `raise` an error if it cannot happen"
            ));
            if let Some(span) = self.return_span {
                diagnostic = diagnostic.with_secondary(
                    span,
                    format!("declared to return `{}`", self.return_ty.display(self.db)),
                );
            }
            self.report(diagnostic);
        }
    }

    /// Checks a block in a new scope.
    pub fn check_block(&mut self, block: &Block) -> Exit {
        self.push_scope();
        let mut exit: Option<Exit> = None;
        let mut warned = false;
        for stmt in &block.stmts {
            if let Some(leaving) = exit.filter(|exit| exit.flow != Flow::Normal) {
                if !warned && !matches!(stmt.kind, StmtKind::Pass | StmtKind::Error) {
                    warned = true;
                    self.report(
                        Diagnostic::warning(
                            codes::UNREACHABLE_CODE,
                            "unreachable code",
                            Label::new(stmt.span, "never runs"),
                        )
                        .with_secondary(leaving.span, leaving.label)
                        .with_hint("delete it, or move it before the code that leaves"),
                    );
                }
                self.check_stmt(stmt);
                continue;
            }
            exit = Some(self.check_stmt(stmt));
        }
        self.pop_scope();
        exit.unwrap_or_else(|| {
            Exit::normal(Span::at(block.span.end), "the function ends here without a `return`")
        })
    }

    fn check_stmt(&mut self, stmt: &Stmt) -> Exit {
        const AFTER: &str = "the function can end after this, without a `return`";
        let after = Exit::normal(stmt.span, AFTER);
        match &stmt.kind {
            StmtKind::Let { mutability, pattern, ty, value } => {
                let declared = ty.as_ref().map(|ty| self.lower_type(ty));
                let (kind, keyword) = match mutability {
                    ast::Mutability::Let => (BindingKind::Let, "let"),
                    ast::Mutability::Var => (BindingKind::Var, "var"),
                };
                let value_ty = match &declared {
                    Some(declared) => {
                        self.check_value(value, declared);
                        declared.clone()
                    }
                    None => {
                        if let PatternKind::Name(name) = &pattern.kind {
                            self.empty_literal_binding =
                                Some((value.span, format!("{keyword} {}", name.text)));
                        }
                        let ty = self.infer_value(value, None);
                        self.empty_literal_binding = None;
                        ty
                    }
                };
                self.bind_pattern(pattern, &value_ty, kind);
                after
            }
            StmtKind::Assign { target, value } => {
                self.check_assignment(target, value);
                after
            }
            StmtKind::AugAssign { target, op, value } => {
                self.check_augmented_assignment(target, *op, value, stmt.span);
                after
            }
            StmtKind::Expr(expr) => {
                self.infer_expr(expr, None);
                after
            }
            StmtKind::If { branches, else_block } => {
                let mut exits = Vec::new();
                for branch in branches {
                    self.check_condition(&branch.condition);
                    exits.push(self.check_block(&branch.body));
                }
                match else_block {
                    Some(block) => exits.push(self.check_block(block)),
                    None => {
                        let last = &branches[branches.len() - 1].condition;
                        exits.push(Exit::normal(
                            last.span,
                            "when this is false, the function can end without a `return`",
                        ))
                    }
                }
                join_exits(&exits, keyword_span(stmt, "if"), "every branch of this `if` leaves")
            }
            StmtKind::While { condition, body } => {
                self.check_condition(condition);
                self.loop_depth += 1;
                self.check_block(body);
                self.loop_depth -= 1;
                let endless = matches!(condition.kind, ExprKind::Bool(true)) && !block_breaks(body);
                if endless {
                    Exit {
                        flow: Flow::Returns,
                        span: condition.span,
                        label: "this loop never ends",
                    }
                } else {
                    Exit::normal(
                        condition.span,
                        "when the loop ends, the function can end without a `return`",
                    )
                }
            }
            StmtKind::For { pattern, iterable, body } => {
                let iterable_ty = self.infer_value(iterable, None);
                let element = self.iterable_element(&iterable_ty, iterable);
                self.push_scope();
                self.bind_pattern(pattern, &element, BindingKind::For);
                self.loop_depth += 1;
                self.check_block(body);
                self.loop_depth -= 1;
                self.pop_scope();
                Exit::normal(
                    iterable.span,
                    "when the loop ends, the function can end without a `return`",
                )
            }
            StmtKind::Break | StmtKind::Continue => {
                let keyword =
                    if matches!(stmt.kind, StmtKind::Break) { "break" } else { "continue" };
                if self.loop_depth == 0 {
                    self.report(Diagnostic::error(
                        codes::BREAK_OUTSIDE_LOOP,
                        format!("`{keyword}` outside a loop"),
                        Label::new(stmt.span, "not inside `for` or `while`"),
                    )
                    .with_hint(if keyword == "break" {
                        "to leave the function early use `return`; otherwise move this into a `for` or `while` body"
                    } else {
                        "to skip the rest of the function use `return`; otherwise move this into a `for` or `while` body"
                    }));
                    return after;
                }
                Exit {
                    flow: Flow::Jumps,
                    span: stmt.span,
                    label: if keyword == "break" {
                        "`break` leaves the loop here"
                    } else {
                        "`continue` jumps to the next iteration here"
                    },
                }
            }
            StmtKind::Pass => after,
            StmtKind::Error => {
                self.body_has_syntax_error = true;
                after
            }
            StmtKind::Return(value) => {
                self.check_return(value.as_ref(), stmt);
                Exit {
                    flow: Flow::Returns,
                    span: stmt.span,
                    label: "`return` leaves the function here",
                }
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
                Exit {
                    flow: Flow::Returns,
                    span: stmt.span,
                    label: "`raise` leaves the function here",
                }
            }
            StmtKind::Try { body, handlers, finally } => {
                let mut exits = vec![self.check_block(body)];
                for handler in handlers {
                    self.push_scope();
                    if let Some(binding) = &handler.binding {
                        self.declare(binding, Ty::Exception, BindingKind::Except);
                    }
                    self.except_depth += 1;
                    exits.push(self.check_block(&handler.body));
                    self.except_depth -= 1;
                    self.pop_scope();
                }
                let finally_exit = finally.as_ref().map(|block| self.check_block(block));
                if let Some(exit) = finally_exit.filter(|exit| exit.flow == Flow::Returns) {
                    return exit;
                }
                join_exits(&exits, keyword_span(stmt, "try"), "every branch of this `try` leaves")
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
                after
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
                    diagnostic = diagnostic.with_secondary(
                        span,
                        format!("declared to return `{}`", self.return_ty.display(self.db)),
                    );
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
            format!("only an `Error` can be raised, not `{}`", ty.display(self.db)),
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

/// The exit of an `if` (or `try`) whose branches exit as given: it returns only if every
/// branch returns, and falls through (where the first such branch does) if any branch does.
fn join_exits(exits: &[Exit], keyword: Span, every_branch_leaves: &'static str) -> Exit {
    if let Some(normal) = exits.iter().find(|exit| exit.flow == Flow::Normal) {
        return *normal;
    }
    let flow = if exits.iter().all(|exit| exit.flow == Flow::Returns) {
        Flow::Returns
    } else {
        Flow::Jumps
    };
    Exit { flow, span: keyword, label: every_branch_leaves }
}

/// The keyword that starts a compound statement.
fn keyword_span(stmt: &Stmt, keyword: &str) -> Span {
    Span::new(stmt.span.start, stmt.span.start + keyword.len() as u32)
}

/// Whether a loop body contains a `break` that leaves this loop (not a nested one).
fn block_breaks(block: &Block) -> bool {
    block.stmts.iter().any(|stmt| match &stmt.kind {
        StmtKind::Break => true,
        StmtKind::If { branches, else_block } => {
            branches.iter().any(|branch| block_breaks(&branch.body))
                || else_block.as_ref().is_some_and(block_breaks)
        }
        StmtKind::Try { body, handlers, finally } => {
            block_breaks(body)
                || handlers.iter().any(|handler| block_breaks(&handler.body))
                || finally.as_ref().is_some_and(block_breaks)
        }
        _ => false,
    })
}
