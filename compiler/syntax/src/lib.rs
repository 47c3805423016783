//! Text to syntax tree: the logos lexer, the layout pass (INDENT/DEDENT/NEWLINE) and the
//! lalrpop parser with error recovery.
//!
//! [`parse`] never fails, never panics and never recurses without bound: it returns a tree,
//! with `Error` nodes where the text was broken, and every syntax error as a diagnostic.
//! The stages, one file each: [`token`] (the token kinds), `lexer` (logos plus literal
//! decoding), `layout` (logical lines and blocks), `grammar.lalrpop` and `parser` (the LR
//! parser, its recovery and its diagnostics), `dump` (the snapshot text of a tree) and
//! `map_spans` (span rewriting for item-relative trees).
//!
//! This crate knows nothing about names, types, salsa or the file system.

pub mod ast;
mod dump;
mod layout;
mod lexer;
mod map_spans;
mod parser;
pub mod token;

pub use dump::{dump, dump_diagnostics, dump_tokens};
pub use layout::{MAX_BLOCK_DEPTH, MAX_EXPRESSION_DEPTH};
pub use map_spans::MapSpans;
pub use mlc_diagnostics::{Diagnostic, Span};
pub use token::{FStringPiece, Token, TokenKind, TokenValue};

/// The result of parsing one file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Parse {
    pub module: ast::Module,
    /// Every syntax error, ordered by position.
    pub errors: Vec<Diagnostic>,
    /// The spans of all `#` comments, in order.
    pub comments: Vec<Span>,
}

/// Parses a whole file.
pub fn parse(text: &str) -> Parse {
    parser::parse(text)
}

/// The tokens the parser reads (after the layout pass), and the lexing and layout errors.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let (tokens, diagnostics, _comments) = lex_and_layout(text);
    (tokens, diagnostics)
}

/// Lexes and runs the layout pass: tokens, diagnostics and comment spans.
pub(crate) fn lex_and_layout(text: &str) -> (Vec<Token>, Vec<Diagnostic>, Vec<Span>) {
    let mut diagnostics = Vec::new();
    let raw = lexer::lex(text, &mut diagnostics);
    let (tokens, comments) = layout::layout(text, raw, &mut diagnostics);
    (tokens, diagnostics, comments)
}

#[cfg(test)]
mod tests;
