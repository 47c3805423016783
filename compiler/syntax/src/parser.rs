//! Drives the generated LR parser and turns its errors into diagnostics.
//!
//! The grammar (`grammar.lalrpop`) reads [`Tok`]s: the layout pass's tokens with their
//! literal values attached, f-string fields already parsed (each field's text goes back
//! through the lexer and the `FieldExpression` entry point, and its spans are moved into the
//! file). Grammar actions build nodes with the helpers of `parser/actions.rs` and report to
//! its [`Sink`]; `parser/syntax_errors.rs` turns lalrpop's errors, recovered by `!` or not,
//! into diagnostics.

use crate::ast::{self, Expr, ExprKind, Span};
use crate::map_spans::MapSpans;
use crate::token::{FStringPiece, Token, TokenKind, TokenValue};
use crate::Parse;
use mlc_diagnostics::{codes, Diagnostic, Label};
use std::fmt;

mod actions;
mod syntax_errors;

pub use actions::*;
use syntax_errors::{syntax_error, Lines};

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
            Tok::Int(_) => f.write_str("integer literal"),
            Tok::Float(_) => f.write_str("float literal"),
            Tok::Str(_) => f.write_str("string literal"),
            Tok::FString(_) => f.write_str("f-string"),
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

pub fn parse(text: &str) -> Parse {
    let (tokens, mut errors, comments) = crate::lex_and_layout(text);
    let lines = Lines::new(text, &tokens);
    let stream = to_grammar_tokens(text, tokens, &mut errors);
    let mut sink = Sink { diagnostics: Vec::new(), lines };
    let result = grammar::ModuleParser::new().parse(&mut sink, stream.into_iter().map(Ok));
    let items = match result {
        Ok(items) => items,
        Err(error) => {
            // Recovery at module level accepts any input, so this is a safety net only.
            let fallback = Diagnostic::error(
                codes::UNEXPECTED_TOKEN,
                "the parser could not recover from a syntax error",
                Label::new(Span::at(0), format!("{error:?}")),
            );
            sink.diagnostics.push(syntax_error(error, &sink.lines).unwrap_or(fallback));
            vec![ast::Item::Error(Span::new(0, text.len() as u32))]
        }
    };
    errors.append(&mut sink.diagnostics);
    errors.sort_by_key(|diagnostic| (diagnostic.primary.span.start, diagnostic.primary.span.end));
    errors.dedup_by(|a, b| a.code == b.code && a.primary.span == b.primary.span);
    Parse { module: ast::Module { items, span: Span::new(0, text.len() as u32) }, errors, comments }
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
            if let Some(diagnostic) = syntax_error(error, &sink.lines) {
                field_errors.push(diagnostic);
            }
            Expr { kind: ExprKind::Error, span: Span::new(0, trimmed.len() as u32).shifted(base) }
        }
    };
    for diagnostic in field_errors {
        let mut diagnostic = diagnostic.shifted(base);
        if diagnostic.code == codes::UNEXPECTED_TOKEN || diagnostic.code == codes::UNEXPECTED_EOF {
            let detail = diagnostic.message.replace("end of line", "the end of the field");
            diagnostic.code = codes::INVALID_FSTRING;
            diagnostic.message = "invalid expression in f-string field".to_string();
            diagnostic.primary.message =
                diagnostic.primary.message.replace("end of line", "the end of the field");
            diagnostic.notes.insert(0, detail);
            diagnostic.hints = vec!["fix the expression between `{` and `}`".to_string()];
        }
        errors.push(diagnostic);
    }
    expr
}
