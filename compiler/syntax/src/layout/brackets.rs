//! Repairs of brackets that do not match, so that the parser always sees balanced ones and
//! one mistake gives one diagnostic.
//!
//! - A closer that does not match the innermost opener (E0011) closes the brackets inside
//!   the one it matches, or stands for the closer the innermost one needs.
//! - A bracket left open (E0010) in a block header followed by its indented body gets the
//!   closers it lacks where they belong, so that the header parses whole and the body is the
//!   body: before a `->` met inside it (a return type only follows a parameter list:
//!   `fn f(x: i64 -> i64:`), or else before the header's final `:` (`if f(x > 0:`).
//! - Elsewhere a bracket left open is closed at a line that starts a new statement, or at
//!   EOF, with an error token that makes the parser skip the broken statement.

use super::{Layout, OpenBracket, Skip};
use crate::token::{Token, TokenKind, TokenValue};
use mlc_diagnostics::{codes, Diagnostic, Label, Span};

impl Layout<'_> {
    /// A closer that does not match the innermost open bracket. If it matches one further
    /// out, the brackets inside that one are closed with synthetic closers; otherwise it is
    /// read as the closer the innermost bracket needs. Either way the parser sees balanced
    /// brackets, and only this diagnostic is reported. With nothing open, it is dropped.
    pub(super) fn mismatched_closer(&mut self, token: &Token) {
        let found = token.kind.text().unwrap_or("?");
        let Some(innermost) = self.brackets.last() else {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::MISMATCHED_DELIMITER,
                    format!("unmatched closing delimiter `{found}`"),
                    Label::new(token.span, "nothing is open here"),
                )
                .with_hint(format!("remove the `{found}`, or add the opening delimiter it closes")),
            );
            self.push(Token { kind: TokenKind::Error, span: token.span, value: TokenValue::None });
            return;
        };
        let expected = closer_of(innermost.kind).text().unwrap_or("?");
        let diagnostic = Diagnostic::error(
            codes::MISMATCHED_DELIMITER,
            format!("mismatched closing delimiter `{found}`"),
            Label::new(token.span, format!("expected `{expected}` here")),
        )
        .with_secondary(
            innermost.span,
            format!("to close this `{}`", innermost.kind.text().unwrap_or("?")),
        )
        .with_hint(format!("close with `{expected}`, or remove the `{found}`"));
        self.diagnostics.push(diagnostic);
        let opener = opener_of(token.kind);
        match self.brackets.iter().rposition(|open| open.kind == opener) {
            Some(position) => {
                while self.brackets.len() > position + 1 {
                    let inner = self.brackets.pop().expect("checked above");
                    self.depth.close();
                    self.push(Token {
                        kind: closer_of(inner.kind),
                        span: Span::at(token.span.start),
                        value: TokenValue::None,
                    });
                }
                self.brackets.pop();
                self.depth.close();
                self.push(token.clone());
            }
            None => {
                let inner = self.brackets.pop().expect("checked above");
                self.depth.close();
                self.push(Token {
                    kind: closer_of(inner.kind),
                    span: token.span,
                    value: TokenValue::None,
                });
            }
        }
    }

    /// Reports the innermost bracket that is still open and closes them all with an error
    /// token, so the parser skips the broken statement.
    pub(super) fn close_unclosed_brackets(&mut self, at: Span) {
        if matches!(self.skip, Skip::None) && self.report_unclosed(None) {
            self.push(Token { kind: TokenKind::Error, span: at, value: TokenValue::None });
        }
        self.brackets.clear();
        self.newline_in_brackets = false;
        self.arrow_in_brackets = None;
    }

    /// Whether the line so far is a block header (`if`, `fn`, ...) that ended with its `:`
    /// while brackets are still open: called at the first token of the next physical line,
    /// which is indented deeper, so the body starts there. That is certain after a `->` inside
    /// the brackets, and taken to be so when the innermost one is a `(`, unless the `:` is a
    /// parameter's with its type on the next line (`fn f(x:`).
    pub(super) fn header_ended_inside_brackets(&self) -> bool {
        let kind_before =
            |back: usize| self.out.len().checked_sub(back).map(|index| self.out[index].kind);
        if !self.line_first.is_some_and(super::opens_a_block)
            || kind_before(1) != Some(TokenKind::Colon)
        {
            return false;
        }
        let parameter_annotation = self.line_first == Some(TokenKind::Fn)
            && kind_before(2) == Some(TokenKind::Name)
            && matches!(kind_before(3), Some(TokenKind::LParen | TokenKind::Comma));
        self.arrow_in_brackets.is_some()
            || (self.brackets.last().is_some_and(|open| open.kind == TokenKind::LParen)
                && !parameter_annotation)
    }

    /// Closes the brackets of a header that [`Self::header_ended_inside_brackets`]: those
    /// open at a `->` before it, the others before the final `:`.
    pub(super) fn close_header_brackets(&mut self) {
        let colon = self.out.len() - 1;
        let arrow = self.arrow_in_brackets.take();
        let before_arrow = arrow.as_ref().map_or(0, |arrow| arrow.depth);
        let innermost_place =
            if self.brackets.len() > before_arrow { "the `:` that ends the line" } else { "`->`" };
        self.report_unclosed(Some(innermost_place));
        let after_arrow = self.brackets.split_off(before_arrow);
        self.insert_closers(colon, after_arrow);
        if let Some(arrow) = arrow {
            let open = std::mem::take(&mut self.brackets);
            self.insert_closers(arrow.index, open);
        }
        self.brackets.clear();
        self.newline_in_brackets = false;
    }

    /// Inserts the closers of `open` (innermost first) before the token at `index`.
    fn insert_closers(&mut self, index: usize, open: Vec<OpenBracket>) {
        let at = Span::at(self.out[index].span.start);
        let closers = open.into_iter().rev().map(|open| Token {
            kind: closer_of(open.kind),
            span: at,
            value: TokenValue::None,
        });
        self.out.splice(index..index, closers);
    }

    /// Reports the innermost bracket still open (E0010), saying where its closer belongs when
    /// that is known. An error token inside the brackets (such as a string that swallowed the
    /// closer) already explains the problem: then nothing is reported, and `false` returned.
    fn report_unclosed(&mut self, closer_goes_before: Option<&str>) -> bool {
        let Some(open) = self.brackets.last() else {
            return false;
        };
        let explained =
            self.last_error_start.is_some_and(|start| start >= self.brackets[0].span.start);
        if explained {
            return false;
        }
        let kind = open.kind.text().unwrap_or("?");
        let closer = closer_of(open.kind).text().unwrap_or("?");
        let hint = match closer_goes_before {
            Some(place) => format!("add the matching `{closer}` before {place}"),
            None => format!("add the matching `{closer}`"),
        };
        let mut diagnostic = Diagnostic::error(
            codes::UNCLOSED_DELIMITER,
            format!("unclosed delimiter `{kind}`"),
            Label::new(open.span, format!("this `{kind}` is never closed")),
        )
        .with_hint(hint);
        if self.brackets.len() > 1 {
            diagnostic = diagnostic
                .with_note(format!("{} delimiters are open at this point", self.brackets.len()));
        }
        self.diagnostics.push(diagnostic);
        true
    }
}

pub(super) fn opener_of(closer: TokenKind) -> TokenKind {
    match closer {
        TokenKind::RParen => TokenKind::LParen,
        TokenKind::RBracket => TokenKind::LBracket,
        _ => TokenKind::LBrace,
    }
}

fn closer_of(opener: TokenKind) -> TokenKind {
    match opener {
        TokenKind::LParen => TokenKind::RParen,
        TokenKind::LBracket => TokenKind::RBracket,
        _ => TokenKind::RBrace,
    }
}
