//! What the grammar's actions call: node builders, and the [`Sink`] that collects the
//! errors which are not token mismatches (invalid assignment targets E0013, statements at
//! the top level E0014, malformed parameters E0017, `try` without handlers) and the
//! recovered ones.

use super::syntax_errors::{syntax_error, Lines};
use super::{NoError, Tok};
use crate::ast::{
    self, BinaryOp, Block, Expr, ExprKind, LogicalOp, Name, Pattern, PatternKind, Span, Stmt,
    StmtKind, UnaryOp,
};
use lalrpop_util::ErrorRecovery;
use mlc_diagnostics::{codes, Diagnostic, Label};

/// What grammar actions report to.
#[derive(Default)]
pub struct Sink {
    pub diagnostics: Vec<Diagnostic>,
    /// The logical lines, to tell a keyword used as a name (`let fn = 1`) from a statement
    /// where it does not belong, and to recognise Python-only statements.
    pub(super) lines: Lines,
}

/// One line of a struct body.
pub enum Member {
    Field(ast::Field),
    Method(ast::Function),
    /// `pass`, a docstring, or a line that failed to parse (already reported); where it ends.
    Nothing(u32),
}

// ---- the sink's checks -------------------------------------------------------------------------

impl Sink {
    /// Records an error that `!` recovered from.
    pub fn recovered(&mut self, recovery: ErrorRecovery<u32, Tok, NoError>) {
        self.diagnostics.extend(syntax_error(recovery.error, &self.lines));
    }

    /// A line of simple statements at the top level: a docstring is fine, code is not.
    pub fn top_level_simple(&mut self, stmts: Vec<Stmt>) -> Option<ast::Item> {
        let is_docstring = stmts
            .iter()
            .all(|stmt| matches!(&stmt.kind, StmtKind::Expr(Expr { kind: ExprKind::Str(_), .. })));
        if is_docstring {
            return None;
        }
        let span = stmts[0].span.cover(stmts[stmts.len() - 1].span);
        Some(self.report_top_level(span, &stmts[0].kind))
    }

    pub fn top_level_statement(&mut self, stmt: Stmt) -> ast::Item {
        self.report_top_level(stmt.span, &stmt.kind)
    }

    fn report_top_level(&mut self, span: Span, first: &StmtKind) -> ast::Item {
        let mut diagnostic = Diagnostic::error(
            codes::STATEMENT_AT_TOP_LEVEL,
            "statement outside a function",
            Label::new(span, "code at the top level of a module"),
        )
        .with_note("a module holds declarations: `fn`, `struct`, `const` and imports");
        diagnostic = match first {
            StmtKind::Let { .. } => diagnostic
                .with_hint("declare a module-level constant with `const NAME: T = value`, or move this into `fn main():`"),
            _ => diagnostic.with_hint("move this code into a function, such as the entry point `fn main():`"),
        };
        self.diagnostics.push(diagnostic);
        ast::Item::Error(span)
    }

    /// Which decorators exist is the checker's business (the standard library has more).
    pub fn decorator(&mut self, name: Name, span: Span) -> ast::Decorator {
        ast::Decorator { name, span }
    }

    /// A parameter written as a bare name: only `self` may be.
    pub fn bare_param(&mut self, name: Name, span: Span) -> ast::Param {
        if name.text == "self" {
            return ast::Param {
                kind: ast::ParamKind::SelfValue,
                name,
                ty: None,
                default: None,
                span,
            };
        }
        self.diagnostics.push(
            Diagnostic::error(
                codes::INVALID_PARAMETER,
                format!("parameter `{}` has no type", name.text),
                Label::new(name.span, "a type is expected after this name"),
            )
            .with_hint(format!("write `{}: T`, for example `{}: i64`", name.text, name.text)),
        );
        let ty = ast::TypeExpr { kind: ast::TypeExprKind::Error, span: Span::at(name.span.end) };
        ast::Param { kind: ast::ParamKind::Regular, name, ty: Some(ty), default: None, span }
    }

    /// `mut self`, or a mistake such as `mut x`.
    pub fn modified_param(&mut self, modifier: Name, name: Name, span: Span) -> ast::Param {
        if modifier.text == "mut" && name.text == "self" {
            return ast::Param {
                kind: ast::ParamKind::MutSelf,
                name,
                ty: None,
                default: None,
                span,
            };
        }
        let (message, hint) = if modifier.text == "mut" {
            (
                format!("only `self` can be marked `mut`, not `{}`", name.text),
                "parameters are copied in: to change a copy, declare it inside with `var`"
                    .to_string(),
            )
        } else {
            (
                format!("unexpected `{}` before parameter `{}`", modifier.text, name.text),
                format!(
                    "write the parameter as `{}: {}` if `{}` is its type",
                    name.text, modifier.text, modifier.text
                ),
            )
        };
        self.diagnostics.push(
            Diagnostic::error(
                codes::INVALID_PARAMETER,
                message,
                Label::new(modifier.span, "not allowed here"),
            )
            .with_hint(hint),
        );
        let ty = ast::TypeExpr { kind: ast::TypeExprKind::Error, span: Span::at(name.span.end) };
        ast::Param { kind: ast::ParamKind::Regular, name, ty: Some(ty), default: None, span }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn function(
        &mut self,
        is_extern: bool,
        name: Name,
        generics: Vec<ast::GenericParam>,
        params: Vec<ast::Param>,
        return_type: Option<ast::TypeExpr>,
        body: Option<Block>,
        start: u32,
        end: u32,
    ) -> ast::Function {
        let mut seen_default: Option<Span> = None;
        for param in &params {
            // Where `self` may appear is checked with the item tree, which knows methods.
            let is_self = param.kind != ast::ParamKind::Regular;
            if param.default.is_some() {
                seen_default.get_or_insert(param.span);
            } else if let (Some(default_span), false) = (seen_default, is_self) {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_PARAMETER,
                        format!(
                            "parameter `{}` without a default follows one with a default",
                            param.name.text
                        ),
                        Label::new(param.span, "this parameter needs a default value"),
                    )
                    .with_secondary(default_span, "the first parameter with a default")
                    .with_hint(
                        "move the parameters with defaults to the end, or give this one a default",
                    ),
                );
            }
        }
        let end = body.as_ref().map_or(end, |body| body.span.end);
        ast::Function {
            decorators: Vec::new(),
            is_extern,
            name,
            generics,
            params,
            return_type,
            body,
            span: Span::new(start, end),
        }
    }

    pub fn assign(&mut self, target: Expr, value: Expr, span: Span) -> Stmt {
        if let Some(bad) = invalid_place(&target) {
            self.invalid_target(bad, false);
            return Stmt { kind: StmtKind::Error, span };
        }
        Stmt { kind: StmtKind::Assign { target, value }, span }
    }

    pub fn aug_assign(&mut self, target: Expr, op: BinaryOp, value: Expr, span: Span) -> Stmt {
        if let ExprKind::Tuple(_) = target.kind {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_ASSIGNMENT_TARGET,
                    format!("`{}=` needs a single target, not a tuple", op.symbol()),
                    Label::new(target.span, "a tuple"),
                )
                .with_hint("update each element with its own statement"),
            );
            return Stmt { kind: StmtKind::Error, span };
        }
        if let Some(bad) = invalid_place(&target) {
            self.invalid_target(bad, true);
            return Stmt { kind: StmtKind::Error, span };
        }
        Stmt { kind: StmtKind::AugAssign { target, op, value }, span }
    }

    fn invalid_target(&mut self, bad: &Expr, augmented: bool) {
        let what = match &bad.kind {
            ExprKind::Call { .. } => "a function call",
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Bool(_) | ExprKind::None => {
                "a literal"
            }
            ExprKind::Str(_) | ExprKind::FString(_) => "a string literal",
            ExprKind::Binary { .. } | ExprKind::Unary { .. } | ExprKind::Logical { .. } => {
                "an operator expression"
            }
            ExprKind::Compare { .. } => "a comparison",
            ExprKind::IfElse { .. } => "a conditional expression",
            ExprKind::List(_) => "a list literal",
            ExprKind::Dict(_) => "a dict literal",
            ExprKind::Tuple(_) => "an empty tuple",
            _ => "this expression",
        };
        let verb = if augmented { "update" } else { "assign to" };
        let mut diagnostic = Diagnostic::error(
            codes::INVALID_ASSIGNMENT_TARGET,
            format!("cannot {verb} {what}"),
            Label::new(bad.span, "not a place that can hold a value"),
        )
        .with_note(
            "only names, fields (`a.b`), indexing (`xs[i]`) and tuples of them can be assigned to",
        );
        diagnostic = match &bad.kind {
            ExprKind::Compare { .. } | ExprKind::Call { .. } | ExprKind::Int(_) => diagnostic
                .with_hint("to compare two values, write `==`; to store a value, put a name, field or index on the left"),
            _ => diagnostic.with_hint("put a name, field or index on the left of `=`"),
        };
        self.diagnostics.push(diagnostic);
    }

    pub fn try_statement(
        &mut self,
        body: Block,
        handlers: Vec<ast::ExceptHandler>,
        finally: Option<Block>,
        keyword: Span,
    ) -> Stmt {
        if handlers.is_empty() && finally.is_none() {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::UNEXPECTED_TOKEN,
                    "`try` without `except` or `finally`",
                    Label::new(keyword, "this `try` handles nothing"),
                )
                .with_hint("add `except e:` after the block to handle errors, or `finally:`"),
            );
        }
        let end = finally
            .as_ref()
            .map(|block| block.span.end)
            .or(handlers.last().map(|handler| handler.span.end))
            .unwrap_or(body.span.end);
        let span = Span::new(keyword.start, end);
        Stmt { kind: StmtKind::Try { body, handlers, finally }, span }
    }
}

/// The first part of `target` that cannot be assigned to, if any.
fn invalid_place(target: &Expr) -> Option<&Expr> {
    match &target.kind {
        ExprKind::Name(_)
        | ExprKind::Attribute { .. }
        | ExprKind::Index { .. }
        | ExprKind::Error => None,
        ExprKind::Tuple(items) if !items.is_empty() => items.iter().find_map(invalid_place),
        _ => Some(target),
    }
}

// ---- node builders used by the grammar ---------------------------------------------------------

pub fn expr(kind: ExprKind, start: u32, end: u32) -> Expr {
    Expr { kind, span: Span::new(start, end) }
}

pub fn binary(op: BinaryOp, lhs: Expr, rhs: Expr, start: u32, end: u32) -> Expr {
    expr(ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, start, end)
}

pub fn logical(op: LogicalOp, lhs: Expr, rhs: Expr, start: u32, end: u32) -> Expr {
    expr(ExprKind::Logical { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, start, end)
}

pub fn unary(op: UnaryOp, operand: Expr, start: u32, end: u32) -> Expr {
    expr(ExprKind::Unary { op, operand: Box::new(operand) }, start, end)
}

pub fn slice(
    start: Option<Expr>,
    stop: Option<Expr>,
    step: Option<Expr>,
    left: u32,
    right: u32,
) -> Expr {
    let right = right.max(left);
    expr(
        ExprKind::Slice {
            start: start.map(Box::new),
            stop: stop.map(Box::new),
            step: step.map(Box::new),
        },
        left,
        right,
    )
}

pub fn tuple(first: Expr, rest: Vec<Expr>, span: Span) -> Expr {
    let mut items = Vec::with_capacity(rest.len() + 1);
    items.push(first);
    items.extend(rest);
    Expr { kind: ExprKind::Tuple(items), span }
}

pub fn tuple_pattern(first: Pattern, rest: Vec<Pattern>, span: Span) -> Pattern {
    let mut items = Vec::with_capacity(rest.len() + 1);
    items.push(first);
    items.extend(rest);
    Pattern { kind: PatternKind::Tuple(items), span }
}

/// A block's span runs from its first statement to its last.
pub fn block(stmts: Vec<Stmt>) -> Block {
    let span = match (stmts.first(), stmts.last()) {
        (Some(first), Some(last)) => {
            Span::new(first.span.start, last.span.end.max(first.span.start))
        }
        _ => Span::default(),
    };
    Block { stmts, span }
}

pub fn build_struct(
    name: Name,
    generics: Vec<ast::GenericParam>,
    members: Vec<Member>,
    header: Span,
) -> ast::Struct {
    let mut fields = Vec::new();
    let mut methods = Vec::new();
    let mut end = header.end;
    for member in members {
        match member {
            Member::Field(field) => {
                end = end.max(field.span.end);
                fields.push(field);
            }
            Member::Method(method) => {
                end = end.max(method.span.end);
                methods.push(method);
            }
            Member::Nothing(member_end) => end = end.max(member_end),
        }
    }
    ast::Struct { name, generics, fields, methods, span: Span::new(header.start, end) }
}
