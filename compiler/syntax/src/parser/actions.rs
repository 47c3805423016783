//! What the grammar's actions call: node builders, and the [`Sink`] that collects the
//! errors which are not token mismatches (invalid assignment targets E0013, statements at
//! the top level E0014, malformed parameters E0017, `try` without handlers) and the
//! recovered ones. Parts of item headers that failed to parse come back as [`ParsedParam`]
//! and [`Member`] values, so that the item keeps what did parse and says what it lost.

use super::syntax_errors::{syntax_error, Lines, SKIPS_THE_REST_OF_THE_LINE};
use super::{NoError, Tok};
use crate::ast::{
    self, BinaryOp, Block, Expr, ExprKind, LogicalOp, Name, Pattern, PatternKind, Span, Stmt,
    StmtKind, UnaryOp,
};
use crate::token::TokenKind;
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
    /// A field line that failed to parse after its name (reported): the field, with the
    /// error type unless its type parsed, and where the line (or a block after it) ends.
    BrokenField(ast::Field, u32),
    Method(ast::Function),
    /// `pass` or a docstring; where it ends.
    Nothing(u32),
    /// A line that failed to parse before a name (reported); where it ends.
    Broken(u32),
}

/// One entry of a parameter list.
pub enum ParsedParam {
    Param(ast::Param),
    /// An entry that failed to parse (reported): the parameters it still names (`x: i64 +`
    /// keeps `x: i64`; `x: i64 y: i64` keeps `x: i64` and `y`), with the error type where
    /// theirs is unknown. Possibly none.
    Broken(Vec<ast::Param>),
}

/// A function header up to its `)`: generic and regular parameters.
pub struct Parameters {
    pub generics: Vec<ast::GenericParam>,
    pub params: Vec<ast::Param>,
    /// See [`ast::Function::params_broken`].
    pub params_broken: bool,
}

type Recovery = ErrorRecovery<u32, Tok, NoError>;

// ---- the sink's checks -------------------------------------------------------------------------

impl Sink {
    /// Records an error that `!` recovered from.
    pub fn recovered(&mut self, recovery: Recovery) {
        self.diagnostics.extend(syntax_error(recovery.error, &self.lines));
    }

    /// A parameter that failed to parse after its name (with its type, when that parsed), or
    /// before any name. The names that the skipped tokens declare (`y` in `x: i64 y: i64`)
    /// are kept too, with the error type, so that the body's uses of them are not reported.
    pub fn broken_param(
        &mut self,
        name: Option<Name>,
        ty: Option<ast::TypeExpr>,
        recovery: Recovery,
        end: u32,
    ) -> ParsedParam {
        let mut params = Vec::new();
        if let Some(name) = name {
            let ty = ty.unwrap_or(ast::TypeExpr {
                kind: ast::TypeExprKind::Error,
                span: Span::new(name.span.end, end.max(name.span.end)),
            });
            let span = Span::new(name.span.start, end.max(name.span.end));
            params.push(error_param(name, ty, span));
        }
        params.extend(names_declared_in(&recovery.dropped_tokens).into_iter().map(|name| {
            let ty =
                ast::TypeExpr { kind: ast::TypeExprKind::Error, span: Span::at(name.span.end) };
            let span = name.span;
            error_param(name, ty, span)
        }));
        self.recovered_entry(
            recovery,
            "a parameter is written `name: Type` or `name: Type = default`; the rest of this one is skipped",
        );
        ParsedParam::Broken(params)
    }

    /// A parameter default that failed to parse (the parameter is kept, with a default).
    pub fn broken_default(&mut self, recovery: Recovery) {
        self.recovered_entry(
            recovery,
            "write a constant default value, such as `= 0`, or remove the `=`",
        );
    }

    /// A generic parameter whose bounds failed to parse.
    pub fn broken_generic(
        &mut self,
        name: Name,
        recovery: Recovery,
        end: u32,
    ) -> ast::GenericParam {
        self.recovered_entry(
            recovery,
            "a generic parameter is written `T` or `T: Bound`, such as `T: Numeric + Comparable`",
        );
        let span = Span::new(name.span.start, end.max(name.span.end));
        ast::GenericParam { name, bounds: Vec::new(), bounds_broken: true, span }
    }

    /// Records an error recovered inside brackets, where only the broken entry is skipped:
    /// `hint` replaces the one saying that the rest of the line is.
    fn recovered_entry(&mut self, recovery: Recovery, hint: &str) {
        let Some(mut diagnostic) = syntax_error(recovery.error, &self.lines) else {
            return;
        };
        for existing in &mut diagnostic.hints {
            if existing == SKIPS_THE_REST_OF_THE_LINE {
                *existing = hint.to_string();
            }
        }
        self.diagnostics.push(diagnostic);
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

    /// A function; `body` is `None` for `extern fn`, `header` runs from `fn` (or `extern`) to
    /// the end of the return type.
    pub fn function(
        &mut self,
        name: Name,
        parameters: Parameters,
        return_type: Option<ast::TypeExpr>,
        body: Option<Block>,
        header: Span,
    ) -> ast::Function {
        let Parameters { generics, params, params_broken } = parameters;
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
        let end = body.as_ref().map_or(header.end, |body| body.span.end.max(header.end));
        ast::Function {
            decorators: Vec::new(),
            is_extern: body.is_none(),
            name,
            generics,
            params,
            params_broken,
            return_type,
            body,
            span: Span::new(header.start, end),
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

fn error_param(name: Name, ty: ast::TypeExpr, span: Span) -> ast::Param {
    ast::Param { kind: ast::ParamKind::Regular, name, ty: Some(ty), default: None, span }
}

/// The names that skipped tokens declare as `name:`, outside brackets.
fn names_declared_in(tokens: &[(u32, Tok, u32)]) -> Vec<Name> {
    let mut names = Vec::new();
    let mut depth = 0u32;
    for pair in tokens.windows(2) {
        match (&pair[0].1, &pair[1].1) {
            (Tok::Punct(TokenKind::LParen | TokenKind::LBracket | TokenKind::LBrace), _) => {
                depth += 1
            }
            (Tok::Punct(TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace), _) => {
                depth = depth.saturating_sub(1)
            }
            (Tok::Name(text), Tok::Punct(TokenKind::Colon)) if depth == 0 => {
                names.push(Name { text: text.clone(), span: Span::new(pair[0].0, pair[0].2) })
            }
            _ => {}
        }
    }
    names
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

/// A function's generic and regular parameters.
pub fn parameters(generics: Vec<ast::GenericParam>, parsed: Vec<ParsedParam>) -> Parameters {
    let mut params = Vec::with_capacity(parsed.len());
    let mut params_broken = false;
    for param in parsed {
        match param {
            ParsedParam::Param(param) => params.push(param),
            ParsedParam::Broken(kept) => {
                params_broken = true;
                params.extend(kept);
            }
        }
    }
    Parameters { generics, params, params_broken }
}

/// A field line that failed to parse after its name (and its type, when that parsed), with
/// the end of the indented block after it, if any.
pub fn broken_field(
    name: Name,
    ty: Option<ast::TypeExpr>,
    end: u32,
    block_end: Option<u32>,
) -> Member {
    let end = end.max(name.span.end);
    let ty = ty.unwrap_or(ast::TypeExpr {
        kind: ast::TypeExprKind::Error,
        span: Span::new(name.span.end, end),
    });
    let span = Span::new(name.span.start, end);
    Member::BrokenField(
        ast::Field { name, ty, default: None, span },
        block_end.unwrap_or(end).max(end),
    )
}

pub fn build_struct(
    name: Name,
    generics: Vec<ast::GenericParam>,
    members: Vec<Member>,
    header: Span,
) -> ast::Struct {
    let mut fields = Vec::new();
    let mut methods = Vec::new();
    let mut fields_broken = false;
    let mut end = header.end;
    for member in members {
        match member {
            Member::Field(field) => {
                end = end.max(field.span.end);
                fields.push(field);
            }
            Member::BrokenField(field, member_end) => {
                end = end.max(member_end);
                fields_broken = true;
                fields.push(field);
            }
            Member::Broken(member_end) => {
                end = end.max(member_end);
                fields_broken = true;
            }
            Member::Method(method) => {
                end = end.max(method.span.end);
                methods.push(method);
            }
            Member::Nothing(member_end) => end = end.max(member_end),
        }
    }
    ast::Struct {
        name,
        generics,
        fields,
        fields_broken,
        methods,
        span: Span::new(header.start, end),
    }
}
