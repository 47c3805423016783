//! Drives the generated LR parser and turns its errors into diagnostics.
//!
//! The grammar (`grammar.lalrpop`) reads [`Tok`]s: the layout pass's tokens with their
//! literal values attached, f-string fields already parsed (each field's text goes back
//! through the lexer and the `FieldExpression` entry point, and its spans are moved into the
//! file). Grammar actions build nodes with the helpers below and report to a [`Sink`] the
//! errors that are not plain token mismatches (E0013, E0014, E0016, E0017). Errors from
//! lalrpop's `!` recovery become diagnostics with a readable "expected one of ..." note:
//! terminals are named as a person would (`` `:` ``, "a name", "end of line"), and the many
//! terminals that can start an expression collapse into "an expression".

use crate::ast::{
    self, BinaryOp, Block, Expr, ExprKind, LogicalOp, Name, Pattern, PatternKind, Span, Stmt,
    StmtKind, UnaryOp,
};
use crate::map_spans::MapSpans;
use crate::token::{FStringPiece, Token, TokenKind, TokenValue};
use crate::Parse;
use lalrpop_util::{ErrorRecovery, ParseError};
use mlc_diagnostics::{codes, Diagnostic, Label};
use std::fmt;

#[allow(clippy::all, unused_parens, dead_code, unused_imports)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/grammar.rs"));
}

/// A token as the grammar reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// Keywords, punctuation, layout and error tokens.
    Punct(TokenKind),
    Name(String),
    Int(u64),
    Float(u64),
    Str(String),
    FString(Vec<ast::FStringPart>),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Punct(kind) => write!(f, "{kind}"),
            Tok::Name(name) => write!(f, "name `{name}`"),
            Tok::Int(_) => f.write_str("an integer"),
            Tok::Float(_) => f.write_str("a float"),
            Tok::Str(_) => f.write_str("a string"),
            Tok::FString(_) => f.write_str("an f-string"),
        }
    }
}

/// The lexer never fails (errors are tokens), so the parser's lexical error type is empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoError;

impl fmt::Display for NoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no error")
    }
}

/// What grammar actions report to.
#[derive(Default)]
pub struct Sink {
    pub diagnostics: Vec<Diagnostic>,
}

/// One line of a struct body.
pub enum Member {
    Field(ast::Field),
    Method(ast::Function),
    /// `pass`, a docstring, or a line that failed to parse (already reported).
    Nothing,
}

pub fn parse(text: &str) -> Parse {
    let (tokens, mut errors, comments) = crate::lex_and_layout(text);
    let stream = to_grammar_tokens(text, tokens, &mut errors);
    let mut sink = Sink::default();
    let result = grammar::ModuleParser::new().parse(&mut sink, stream.into_iter().map(Ok));
    let items = match result {
        Ok(items) => items,
        Err(error) => {
            // Recovery at module level accepts any input, so this is a safety net only.
            sink.diagnostics.extend(syntax_error(error));
            vec![ast::Item::Error(Span::new(0, text.len() as u32))]
        }
    };
    errors.append(&mut sink.diagnostics);
    errors.sort_by_key(|diagnostic| (diagnostic.primary.span.start, diagnostic.primary.span.end));
    errors.dedup_by(|a, b| a.code == b.code && a.primary.span == b.primary.span);
    Parse {
        module: ast::Module { items, span: Span::new(0, text.len() as u32) },
        errors,
        comments,
    }
}

type Triple = (u32, Tok, u32);

fn to_grammar_tokens(text: &str, tokens: Vec<Token>, errors: &mut Vec<Diagnostic>) -> Vec<Triple> {
    let mut stream = Vec::with_capacity(tokens.len());
    for token in tokens {
        let span = token.span;
        let tok = match (token.kind, token.value) {
            (TokenKind::Name, _) => Tok::Name(text[span.range()].to_string()),
            (TokenKind::Int, TokenValue::Int(value)) => Tok::Int(value),
            (TokenKind::Float, TokenValue::Float(bits)) => Tok::Float(bits),
            (TokenKind::Str, TokenValue::Str(value)) => Tok::Str(value),
            (TokenKind::FString, TokenValue::FString(pieces)) => {
                Tok::FString(fstring_parts(text, pieces, errors))
            }
            (kind, _) => Tok::Punct(kind),
        };
        stream.push((span.start, tok, span.end));
    }
    stream
}

fn fstring_parts(
    text: &str,
    pieces: Vec<FStringPiece>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<ast::FStringPart> {
    pieces
        .into_iter()
        .map(|piece| match piece {
            FStringPiece::Literal { text, span } => ast::FStringPart::Literal { text, span },
            FStringPiece::Field { expr, spec, span } => {
                let expr = parse_field(text, expr, errors);
                ast::FStringPart::Field { expr, spec, span }
            }
        })
        .collect()
}

/// Parses the expression of an f-string field; `span` is where its text is in the file.
fn parse_field(text: &str, span: Span, errors: &mut Vec<Diagnostic>) -> Expr {
    let raw = &text[span.range()];
    let trimmed = raw.trim_start();
    let base = span.start + (raw.len() - trimmed.len()) as u32;
    let (tokens, mut field_errors, _comments) = crate::lex_and_layout(trimmed);
    let stream = to_grammar_tokens(trimmed, tokens, &mut field_errors);
    let mut sink = Sink::default();
    let result = grammar::FieldExpressionParser::new().parse(&mut sink, stream.into_iter().map(Ok));
    field_errors.append(&mut sink.diagnostics);
    let expr = match result {
        Ok(mut expr) => {
            expr.map_spans(&mut |inner: Span| inner.shifted(base));
            expr
        }
        Err(error) => {
            if let Some(diagnostic) = syntax_error(error) {
                field_errors.push(diagnostic);
            }
            Expr { kind: ExprKind::Error, span: Span::new(0, trimmed.len() as u32).shifted(base) }
        }
    };
    for diagnostic in field_errors {
        let mut diagnostic = diagnostic.shifted(base);
        if diagnostic.code == codes::UNEXPECTED_TOKEN || diagnostic.code == codes::UNEXPECTED_EOF {
            let detail = diagnostic.message.clone();
            diagnostic.code = codes::INVALID_FSTRING;
            diagnostic.message = "invalid expression in f-string field".to_string();
            diagnostic.notes.insert(0, detail);
        }
        errors.push(diagnostic);
    }
    expr
}

// ---- error conversion --------------------------------------------------------------------------

/// Terminals that can start an expression: when most of them are expected, say "an expression".
const EXPRESSION_STARTS: &[&str] = &[
    "Name", "Int", "Float", "Str", "FString", "\"True\"", "\"False\"", "\"None\"", "\"(\"",
    "\"[\"", "\"{\"", "\"-\"", "\"+\"", "\"~\"", "\"not\"",
];

fn describe_terminal(terminal: &str) -> String {
    match terminal {
        "Name" => "a name".to_string(),
        "Int" => "an integer".to_string(),
        "Float" => "a float".to_string(),
        "Str" => "a string".to_string(),
        "FString" => "an f-string".to_string(),
        "NEWLINE" => "end of line".to_string(),
        "INDENT" => "an indented block".to_string(),
        "DEDENT" => "end of block".to_string(),
        quoted => format!("`{}`", quoted.trim_matches('"')),
    }
}

fn readable_expected(expected: &[String]) -> Vec<String> {
    let is_expression_position = ["Name", "Int", "\"(\""]
        .iter()
        .all(|start| expected.iter().any(|terminal| terminal == start));
    let mut names = Vec::new();
    if is_expression_position {
        names.push("an expression".to_string());
    }
    for terminal in expected {
        if is_expression_position && EXPRESSION_STARTS.contains(&terminal.as_str()) {
            continue;
        }
        let name = describe_terminal(terminal);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn join_expected(names: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut text = names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(", ... ({} more)", names.len() - SHOWN));
    }
    text
}

/// Converts one lalrpop error; `None` for an error token (its diagnostic exists already).
pub(crate) fn syntax_error(error: ParseError<u32, Tok, NoError>) -> Option<Diagnostic> {
    match error {
        ParseError::UnrecognizedToken { token: (start, tok, end), expected } => {
            if tok == Tok::Punct(TokenKind::Error) {
                return None;
            }
            Some(unexpected_token(start, &tok, end, &expected))
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let names = readable_expected(&expected);
            let mut diagnostic = Diagnostic::error(
                codes::UNEXPECTED_EOF,
                "unexpected end of file",
                Label::new(Span::at(location), "the file ends here"),
            );
            if !names.is_empty() {
                diagnostic = diagnostic.with_note(format!("expected one of: {}", join_expected(&names)));
            }
            Some(diagnostic.with_hint("complete the construct, or remove its unfinished beginning"))
        }
        ParseError::ExtraToken { token: (start, tok, end) } => Some(
            Diagnostic::error(
                codes::UNEXPECTED_TOKEN,
                format!("unexpected {tok}"),
                Label::new(Span::new(start, end), "nothing more was expected here"),
            )
            .with_hint("remove it"),
        ),
        ParseError::InvalidToken { location } => Some(Diagnostic::error(
            codes::UNEXPECTED_CHARACTER,
            "invalid token",
            Label::new(Span::at(location), "not a token"),
        )),
        ParseError::User { .. } => None,
    }
}

fn unexpected_token(start: u32, tok: &Tok, end: u32, expected: &[String]) -> Diagnostic {
    let names = readable_expected(expected);
    let layout_token = matches!(
        tok,
        Tok::Punct(TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent)
    );
    let span = if layout_token { Span::at(start) } else { Span::new(start, end) };
    let expects = |terminal: &str| expected.iter().any(|candidate| candidate == terminal);

    if let Tok::Punct(kind) = tok {
        if kind.is_keyword() && expects("Name") {
            let word = kind.text().unwrap_or_default();
            return Diagnostic::error(
                codes::KEYWORD_AS_NAME,
                format!("keyword `{word}` used as a name"),
                Label::new(span, "a name is expected here"),
            )
            .with_note(format!("`{word}` is a reserved word of the language"))
            .with_hint(format!("choose another name, such as `{word}_`"));
        }
    }
    if expected.len() == 1 && expects("INDENT") {
        return Diagnostic::error(
            codes::UNEXPECTED_TOKEN,
            "expected an indented block",
            Label::new(span, format!("found {tok} instead of an indented block")),
        )
        .with_hint("indent the body of the block (4 spaces), or write `pass` for an empty block");
    }

    let found = match tok {
        Tok::Punct(TokenKind::Newline) => "end of line".to_string(),
        other => other.to_string(),
    };
    let mut diagnostic = if names.len() == 1 {
        Diagnostic::error(
            codes::UNEXPECTED_TOKEN,
            format!("expected {}, found {found}", names[0]),
            Label::new(span, format!("expected {} here", names[0])),
        )
    } else {
        let mut diagnostic = Diagnostic::error(
            codes::UNEXPECTED_TOKEN,
            format!("unexpected {found}"),
            Label::new(span, "unexpected here"),
        );
        if !names.is_empty() {
            diagnostic = diagnostic.with_note(format!("expected one of: {}", join_expected(&names)));
        }
        diagnostic
    };
    diagnostic = match tok {
        Tok::Punct(TokenKind::Newline) if expects("\":\"") => {
            diagnostic.with_hint("a line that opens a block ends with `:`")
        }
        Tok::Punct(TokenKind::Newline) if names.iter().any(|name| name == "an expression") => {
            diagnostic.with_hint("the line ends too early: complete the expression")
        }
        Tok::Punct(TokenKind::Assign) if expects("\"==\"") || expects("\")\"") => diagnostic
            .with_hint("`=` assigns and is only a statement; to compare, write `==`"),
        Tok::Punct(TokenKind::Dedent) => {
            diagnostic.with_hint("the block ended before the construct was complete")
        }
        _ => diagnostic.with_hint("remove or fix this token; the rest of the line is skipped"),
    };
    diagnostic
}

// ---- the sink's checks -------------------------------------------------------------------------

impl Sink {
    /// Records an error that `!` recovered from; returns where it happened.
    pub fn recovered(&mut self, recovery: ErrorRecovery<u32, Tok, NoError>) -> Span {
        let span = match &recovery.error {
            ParseError::UnrecognizedToken { token: (start, _, _), .. } => Span::at(*start),
            ParseError::UnrecognizedEof { location, .. } => Span::at(*location),
            _ => Span::default(),
        };
        self.diagnostics.extend(syntax_error(recovery.error));
        span
    }

    /// A line of simple statements at the top level: a docstring is fine, code is not.
    pub fn top_level_simple(&mut self, stmts: Vec<Stmt>) -> Option<ast::Item> {
        let is_docstring = stmts.iter().all(|stmt| {
            matches!(&stmt.kind, StmtKind::Expr(Expr { kind: ExprKind::Str(_), .. }))
        });
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

    pub fn decorator(&mut self, name: Name, span: Span) -> ast::Decorator {
        if name.text != "kernel" && name.text != "inline" {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_DECORATOR,
                    format!("unknown decorator `@{}`", name.text),
                    Label::new(name.span, "not a decorator of the language"),
                )
                .with_hint("the decorators are `@kernel` (a GPU kernel) and `@inline`"),
            );
        }
        ast::Decorator { name, span }
    }

    /// A parameter written as a bare name: only `self` may be.
    pub fn bare_param(&mut self, name: Name, span: Span) -> ast::Param {
        if name.text == "self" {
            return ast::Param { kind: ast::ParamKind::SelfValue, name, ty: None, default: None, span };
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
            return ast::Param { kind: ast::ParamKind::MutSelf, name, ty: None, default: None, span };
        }
        let (message, hint) = if modifier.text == "mut" {
            (
                format!("only `self` can be marked `mut`, not `{}`", name.text),
                "parameters are copied in: to change a copy, declare it inside with `var`".to_string(),
            )
        } else {
            (
                format!("unexpected `{}` before parameter `{}`", modifier.text, name.text),
                format!("write the parameter as `{}: {}` if `{}` is its type", name.text, modifier.text, modifier.text),
            )
        };
        self.diagnostics.push(
            Diagnostic::error(codes::INVALID_PARAMETER, message, Label::new(modifier.span, "not allowed here"))
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
        for (index, param) in params.iter().enumerate() {
            let is_self = param.kind != ast::ParamKind::Regular;
            if is_self && index > 0 {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_PARAMETER,
                        "`self` must be the first parameter",
                        Label::new(param.span, "the receiver is not first"),
                    )
                    .with_hint("move `self` (or `mut self`) to the front of the parameter list"),
                );
            }
            if param.default.is_some() {
                seen_default.get_or_insert(param.span);
            } else if let (Some(default_span), false) = (seen_default, is_self) {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_PARAMETER,
                        format!("parameter `{}` without a default follows one with a default", param.name.text),
                        Label::new(param.span, "this parameter needs a default value"),
                    )
                    .with_secondary(default_span, "the first parameter with a default")
                    .with_hint("move the parameters with defaults to the end, or give this one a default"),
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
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Bool(_) | ExprKind::None => "a literal",
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
        .with_note("only names, fields (`a.b`), indexing (`xs[i]`) and tuples of them can be assigned to");
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
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Index { .. } | ExprKind::Error => {
            None
        }
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
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end.max(first.span.start)),
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
            Member::Nothing => {}
        }
    }
    ast::Struct { name, generics, fields, methods, span: Span::new(header.start, end) }
}
