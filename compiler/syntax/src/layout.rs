//! The layout pass: turns physical lines into logical ones and indentation into blocks.
//!
//! Input: the raw tokens of [`crate::lexer`], with comments and physical newlines. Output:
//! the tokens the parser reads, where
//! - comments are gone (their spans are collected for `Parse::comments`);
//! - a [`TokenKind::Newline`] ends each logical line; blank and comment-only lines, and
//!   newlines inside `()`, `[]` and `{}`, produce nothing;
//! - a deeper indentation after a line ending in `:` gives [`TokenKind::Indent`], and a
//!   shallower one a [`TokenKind::Dedent`] per closed block (the model is RustPython's
//!   lexer: an indentation stack, a bracket stack and EOF flushing of NEWLINE + DEDENTs).
//!
//! It also repairs what it can, so that one mistake gives one diagnostic:
//! - a tab in indentation is reported once (E0004) and counts as up to the next multiple
//!   of 8 columns; a line indented with a tab gets no other indentation diagnostic (E0005,
//!   E0006), since its width is a guess;
//! - an indented line after a line that opens no block is reported (E0006) and kept at the
//!   block it belongs to (a "phantom" level that emits no INDENT/DEDENT);
//! - a line opening a block (`if`, `fn`, ...) without its final `:` but followed by an
//!   indented body gets the `:` inserted (E0019);
//! - a dedent to an unknown column (E0005) is treated as the enclosing level;
//! - an unclosed bracket (E0010) in a block header followed by its body is closed before
//!   the header's `->` (`fn f(x: i64 -> i64:`) or final `:`; elsewhere it is closed at a line
//!   that starts a new statement, or at EOF; a mismatched closer (E0011) is read as the closer
//!   it should be (see `layout/brackets.rs`);
//! - nesting is capped (E0018) so that no later recursive pass can overflow the stack:
//!   blocks at [`MAX_BLOCK_DEPTH`] levels, expressions at [`MAX_EXPRESSION_DEPTH`] (an upper
//!   bound of the tree depth, estimated from operators and brackets). The rest of the
//!   offending line or block is replaced by one error token.

use crate::token::{Token, TokenKind, TokenValue};
use brackets::opener_of;
use depth::ExpressionDepth;
use mlc_diagnostics::{codes, Diagnostic, Label, Span};

mod brackets;
mod depth;

/// The deepest block nesting accepted (as CPython).
pub const MAX_BLOCK_DEPTH: usize = 100;
/// An upper bound on the depth of one statement's expression trees.
pub const MAX_EXPRESSION_DEPTH: u32 = 200;

struct Level {
    width: u32,
    /// False for an indentation that was reported as unexpected: it emits no INDENT/DEDENT.
    real: bool,
}

struct OpenBracket {
    kind: TokenKind,
    span: Span,
    /// Indentation of the line where it was opened.
    line_indent: u32,
}

enum Skip {
    None,
    /// Skipping to the end of the logical line; the error token is at this index.
    Line {
        error: usize,
    },
    /// Skipping every line indented deeper than `width`.
    Block {
        width: u32,
        error: usize,
    },
}

struct Layout<'a> {
    text: &'a str,
    out: Vec<Token>,
    comments: Vec<Span>,
    diagnostics: &'a mut Vec<Diagnostic>,
    levels: Vec<Level>,
    brackets: Vec<OpenBracket>,
    depth: ExpressionDepth,
    line_start: u32,
    at_line_start: bool,
    newline_in_brackets: bool,
    line_has_tokens: bool,
    line_indent: u32,
    line_first: Option<TokenKind>,
    last_kind: Option<TokenKind>,
    last_end: u32,
    previous_line_first: Option<TokenKind>,
    previous_line_last: Option<TokenKind>,
    previous_line_end: u32,
    tab_reported: bool,
    /// The current line is indented with a tab (reported once per file, E0004): its width is
    /// a guess, so it gets no indentation diagnostic of its own.
    line_indented_with_tab: bool,
    skip: Skip,
    /// Where the last error token starts.
    last_error_start: Option<u32>,
    /// The first `->` of the logical line inside brackets, while they are open.
    arrow_in_brackets: Option<ArrowInBrackets>,
}

/// A `->` met inside brackets: a return type only follows a parameter list, so if the line
/// ends as a block header with those brackets still open, their closers belong before it.
struct ArrowInBrackets {
    /// Its position in the output.
    index: usize,
    /// How many brackets were open.
    depth: usize,
}

/// Runs the layout pass over raw tokens; returns the parser's tokens and the comments.
pub(crate) fn layout(
    text: &str,
    raw: Vec<Token>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Token>, Vec<Span>) {
    let mut layout = Layout {
        text,
        out: Vec::with_capacity(raw.len() + raw.len() / 8 + 4),
        comments: Vec::new(),
        diagnostics,
        levels: vec![Level { width: 0, real: true }],
        brackets: Vec::new(),
        depth: ExpressionDepth::new(),
        line_start: 0,
        at_line_start: true,
        newline_in_brackets: false,
        line_has_tokens: false,
        line_indent: 0,
        line_first: None,
        last_kind: None,
        last_end: 0,
        previous_line_first: None,
        previous_line_last: None,
        previous_line_end: 0,
        tab_reported: false,
        line_indented_with_tab: false,
        skip: Skip::None,
        last_error_start: None,
        arrow_in_brackets: None,
    };
    for token in raw {
        layout.token(token);
    }
    layout.finish();
    (layout.out, layout.comments)
}

impl Layout<'_> {
    fn token(&mut self, token: Token) {
        match token.kind {
            TokenKind::Comment => {
                self.comments.push(token.span);
                return;
            }
            TokenKind::Newline => {
                self.line_start = token.span.end;
                if self.brackets.is_empty() {
                    self.end_logical_line(token.span);
                } else {
                    self.newline_in_brackets = true;
                }
                return;
            }
            _ => {}
        }
        if self.at_line_start {
            self.at_line_start = false;
            self.start_line(&token);
        } else if self.newline_in_brackets {
            self.newline_in_brackets = false;
            let opened_at = self.brackets.first().map_or(0, |open| open.line_indent);
            let width = self.indentation_width(token.span.start, false);
            let closes = if starts_statement(token.kind) && width <= opened_at {
                self.close_unclosed_brackets(Span::at(self.last_end));
                true
            } else if width > opened_at && self.header_ended_inside_brackets() {
                self.close_header_brackets();
                true
            } else {
                false
            };
            if closes {
                self.end_logical_line(Span::at(self.last_end));
                self.at_line_start = false;
                self.start_line(&token);
            }
        }
        match self.skip {
            Skip::None => {}
            Skip::Line { .. } | Skip::Block { .. } => {
                self.track_brackets_silently(token.kind);
                self.last_end = token.span.end;
                return;
            }
        }
        self.significant(token);
    }

    /// A token that is neither a comment nor a newline, on a line that is not skipped.
    fn significant(&mut self, token: Token) {
        let kind = token.kind;
        match kind {
            TokenKind::LParen | TokenKind::LBracket | TokenKind::LBrace => {
                self.brackets.push(OpenBracket {
                    kind,
                    span: token.span,
                    line_indent: self.line_indent,
                });
                self.depth.open();
            }
            TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace => {
                let expected = opener_of(kind);
                let matched = self.brackets.last().map(|open| open.kind) == Some(expected);
                if matched {
                    self.brackets.pop();
                    self.depth.close();
                } else {
                    self.mismatched_closer(&token);
                }
                let depth = self.brackets.len();
                if self.arrow_in_brackets.as_ref().is_some_and(|arrow| depth < arrow.depth) {
                    self.arrow_in_brackets = None;
                }
                if !matched {
                    return;
                }
            }
            TokenKind::Arrow if !self.brackets.is_empty() && self.arrow_in_brackets.is_none() => {
                let arrow = ArrowInBrackets { index: self.out.len(), depth: self.brackets.len() };
                self.arrow_in_brackets = Some(arrow);
                self.depth.token(kind);
            }
            _ => self.depth.token(kind),
        }
        if self.depth.bound() > MAX_EXPRESSION_DEPTH {
            self.start_line_skip(&token);
            return;
        }
        self.push(token);
    }

    fn push(&mut self, token: Token) {
        if token.kind == TokenKind::Error {
            self.last_error_start = Some(token.span.start);
        }
        if self.line_first.is_none() {
            self.line_first = Some(token.kind);
        }
        self.line_has_tokens = true;
        self.last_kind = Some(token.kind);
        self.last_end = token.span.end;
        self.out.push(token);
    }

    fn push_synthetic(&mut self, kind: TokenKind, span: Span) {
        self.out.push(Token { kind, span, value: TokenValue::None });
    }

    /// A physical newline outside brackets (or a forced end of line).
    fn end_logical_line(&mut self, newline: Span) {
        self.finish_line_skip();
        if self.line_has_tokens {
            self.push_synthetic(TokenKind::Newline, newline);
            self.previous_line_first = self.line_first;
            self.previous_line_last = self.last_kind;
            self.previous_line_end = self.last_end;
        }
        self.line_has_tokens = false;
        self.line_first = None;
        self.last_kind = None;
        self.at_line_start = true;
        self.newline_in_brackets = false;
        self.arrow_in_brackets = None;
        self.depth.reset();
    }

    /// Measures the indentation before `first` (the first token of a line).
    fn indentation_width(&mut self, first: u32, report_tabs: bool) -> u32 {
        let start = (self.line_start as usize).min(first as usize);
        let indentation = &self.text[start..first as usize];
        let mut width = 0u32;
        for (offset, byte) in indentation.bytes().enumerate() {
            match byte {
                b' ' => width += 1,
                b'\t' => {
                    width = (width / 8 + 1) * 8;
                    if report_tabs {
                        self.line_indented_with_tab = true;
                    }
                    if report_tabs && !self.tab_reported {
                        self.tab_reported = true;
                        let at = start as u32 + offset as u32;
                        self.diagnostics.push(
                            Diagnostic::error(
                                codes::TAB_INDENTATION,
                                "tab used for indentation",
                                Label::new(Span::new(at, at + 1), "this is a tab"),
                            )
                            .with_note("blocks are indented with spaces only; tabs make the indentation ambiguous")
                            .with_hint("replace the tabs with spaces (4 per level); most editors can convert them"),
                        );
                    }
                }
                b'\x0C' => width = 0,
                _ => {}
            }
        }
        width
    }

    /// Handles the indentation of a line whose first token is `first`.
    fn start_line(&mut self, first: &Token) {
        self.line_indented_with_tab = false;
        let width = self.indentation_width(first.span.start, true);
        self.line_indent = width;
        if let Skip::Block { width: limit, .. } = self.skip {
            if width > limit {
                return;
            }
            self.finish_block_skip();
        }
        let top = self.levels.last().map_or(0, |level| level.width);
        let indentation = Span::new(self.line_start.min(first.span.start), first.span.start);
        if width <= top && self.previous_line_last == Some(TokenKind::Colon) {
            self.missing_block();
        }
        if width > top {
            let opens_block = self.previous_line_last == Some(TokenKind::Colon);
            let missing_colon = !opens_block
                && self.previous_line_first.is_some_and(opens_a_block)
                && self.out.last().map(|token| token.kind) == Some(TokenKind::Newline);
            if missing_colon {
                let at = Span::at(self.previous_line_end);
                let keyword =
                    self.previous_line_first.map(|kind| kind.describe()).unwrap_or_default();
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::MISSING_COLON,
                        format!("expected `:` at the end of the {keyword} line"),
                        Label::new(at, "a `:` is missing here"),
                    )
                    .with_note("a line that opens an indented block ends with `:`")
                    .with_hint("add `:` at the end of the line"),
                );
                let newline = self.out.len() - 1;
                self.out.insert(
                    newline,
                    Token { kind: TokenKind::Colon, span: at, value: TokenValue::None },
                );
            }
            if opens_block || missing_colon {
                if self.levels.len() > MAX_BLOCK_DEPTH {
                    self.start_block_skip(first, top, indentation);
                    return;
                }
                self.levels.push(Level { width, real: true });
                self.push_synthetic(TokenKind::Indent, indentation);
            } else {
                let phantom_already = self.levels.last().is_some_and(|level| !level.real);
                if (!phantom_already || width > top) && !self.line_indented_with_tab {
                    self.diagnostics.push(
                        Diagnostic::error(
                            codes::UNEXPECTED_INDENT,
                            "unexpected indentation",
                            Label::new(indentation, "this line is indented more than the block it is in"),
                        )
                        .with_note("only a line ending in `:` (`if`, `for`, `fn`, ...) opens an indented block")
                        .with_hint("remove the extra indentation, or end the line before with `:` to open a block"),
                    );
                }
                self.levels.push(Level { width, real: false });
            }
        } else if width < top {
            // The levels this line closes; on a mismatch, the nearest level wins (the inner
            // one on a tie), so a slightly wrong dedent does not end the enclosing block.
            let mut keep = self
                .levels
                .iter()
                .rposition(|level| level.width <= width)
                .map_or(1, |index| index + 1);
            let below = self.levels[keep - 1].width;
            let above = self.levels.get(keep).map_or(top, |level| level.width);
            if below < width && above - width <= width - below {
                keep += 1;
            }
            while self.levels.len() > keep {
                let level = self.levels.pop().expect("checked above");
                if level.real {
                    self.push_synthetic(TokenKind::Dedent, Span::at(first.span.start));
                }
            }
            if below < width && !self.line_indented_with_tab {
                let chosen = self.levels.last().map_or(0, |level| level.width);
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INCONSISTENT_DEDENT,
                        "dedent does not match any outer indentation level",
                        Label::new(indentation, format!("indented by {width} columns")),
                    )
                    .with_note(format!(
                        "the surrounding blocks are indented by {below} and {above} columns; this line is read as part of the one at {chosen}"
                    ))
                    .with_hint("line this up with the block it belongs to"),
                );
            }
        }
    }

    /// The block nesting limit is reached: emit INDENT, one error token for the whole deeper
    /// region, and skip it.
    fn start_block_skip(&mut self, first: &Token, top: u32, indentation: Span) {
        self.diagnostics.push(
            Diagnostic::error(
                codes::NESTING_TOO_DEEP,
                format!("blocks are nested more than {MAX_BLOCK_DEPTH} levels deep"),
                Label::new(first.span, "this block is too deep"),
            )
            .with_hint("move the inner code into a separate function"),
        );
        self.levels.push(Level { width: top + 1, real: true });
        self.push_synthetic(TokenKind::Indent, indentation);
        let error = self.out.len();
        self.push(Token { kind: TokenKind::Error, span: first.span, value: TokenValue::None });
        self.skip = Skip::Block { width: top, error };
    }

    fn finish_block_skip(&mut self) {
        if let Skip::Block { error, .. } = self.skip {
            self.out[error].span.end = self.out[error].span.end.max(self.last_end);
            self.skip = Skip::None;
            self.brackets.clear();
            if self.line_has_tokens {
                let at = Span::at(self.last_end);
                self.end_logical_line(at);
            }
        }
    }

    /// The expression depth limit is reached: the rest of the logical line becomes one
    /// error token.
    fn start_line_skip(&mut self, token: &Token) {
        // State the limit as the user sees it: a bracket counts two levels, so brackets alone
        // reach it at half the depth that operators alone do.
        let brackets = self.depth.open_brackets();
        let message = if self.depth.bound() <= 2 * brackets + 1 {
            format!(
                "brackets are nested too deeply (more than {} levels)",
                MAX_EXPRESSION_DEPTH / 2
            )
        } else {
            format!(
                "expression is nested too deeply (more than {MAX_EXPRESSION_DEPTH} levels, counting each operator as one and each bracket as two)"
            )
        };
        self.diagnostics.push(
            Diagnostic::error(
                codes::NESTING_TOO_DEEP,
                message,
                Label::new(token.span, "the limit is reached here"),
            )
            .with_hint("split the expression into several statements with `let`"),
        );
        let error = self.out.len();
        self.push(Token { kind: TokenKind::Error, span: token.span, value: TokenValue::None });
        self.skip = Skip::Line { error };
    }

    fn finish_line_skip(&mut self) {
        if let Skip::Line { error } = self.skip {
            self.out[error].span.end = self.out[error].span.end.max(self.last_end);
            self.skip = Skip::None;
            self.brackets.clear();
        }
    }

    /// While skipping, brackets still decide where the logical line ends.
    fn track_brackets_silently(&mut self, kind: TokenKind) {
        match kind {
            TokenKind::LParen | TokenKind::LBracket | TokenKind::LBrace => self
                .brackets
                .push(OpenBracket { kind, span: Span::default(), line_indent: self.line_indent }),
            TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace => {
                self.brackets.pop();
            }
            _ => {}
        }
    }

    /// A line ending in `:` is not followed by an indented line: give the parser an
    /// indented block holding one error token, so the statement around it stays intact.
    fn missing_block(&mut self) {
        let at = Span::at(self.previous_line_end);
        let opener = self
            .previous_line_first
            .map(|kind| format!(" after the {} line", kind.describe()))
            .unwrap_or_default();
        self.diagnostics.push(
            Diagnostic::error(
                codes::MISSING_BLOCK,
                format!("expected an indented block{opener}"),
                Label::new(at, "the block should start on the next line"),
            )
            .with_hint("indent the body by 4 spaces more than this line, or write `pass` for an empty block"),
        );
        self.push_synthetic(TokenKind::Indent, at);
        self.push_synthetic(TokenKind::Error, at);
        self.push_synthetic(TokenKind::Newline, at);
        self.push_synthetic(TokenKind::Dedent, at);
        self.previous_line_last = Some(TokenKind::Newline);
    }

    fn finish(&mut self) {
        let end = Span::at(self.text.len() as u32);
        if !self.brackets.is_empty() {
            self.close_unclosed_brackets(end);
        }
        if let Skip::Block { .. } = self.skip {
            self.finish_block_skip();
        }
        self.end_logical_line(end);
        if self.previous_line_last == Some(TokenKind::Colon) {
            self.missing_block();
        }
        while self.levels.len() > 1 {
            let level = self.levels.pop().expect("checked above");
            if level.real {
                self.push_synthetic(TokenKind::Dedent, end);
            }
        }
    }
}

/// Keywords that never appear inside an expression: seeing one at the start of a line
/// inside brackets means a bracket was left open.
fn starts_statement(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Fn | Let
            | Var
            | Const
            | Struct
            | Import
            | From
            | Return
            | Raise
            | Assert
            | Break
            | Continue
            | Pass
            | Extern
            | While
            | Try
            | Except
            | Finally
            | Elif
    )
}

/// Keywords that start a line opening a block.
fn opens_a_block(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(kind, If | Elif | Else | While | For | Fn | Struct | Try | Except | Finally)
}

#[cfg(test)]
mod tests;
