//! An upper bound on the depth of the expression trees of one logical line, kept as tokens
//! arrive, so that the layout pass can refuse a line before the parser builds a tree deeper
//! than later recursive passes can walk.
//!
//! Every operator, and every bracket, can add at most one level to a tree. Within one
//! comma-separated segment of one bracket level, a tree path crosses at most all of the
//! segment's operators and one bracketed child; so the depth of a segment is at most its
//! operator count plus the deepest child bracket (plus one for the bracket itself). Keeping
//! that per open bracket, and the sum over the open ones, bounds the final depth from below
//! at every step, so the line is refused as soon as the bound passes the limit.

use crate::token::TokenKind;

/// One bracket level: operators in the current segment, the deepest bracketed child in it,
/// and the deepest finished segment.
#[derive(Default, Clone, Copy)]
struct Frame {
    ops: u32,
    child: u32,
    best: u32,
}

pub(super) struct ExpressionDepth {
    frames: Vec<Frame>,
    /// The bound implied by `frames`, kept incrementally.
    total: u32,
}

impl ExpressionDepth {
    pub(super) fn new() -> ExpressionDepth {
        ExpressionDepth { frames: vec![Frame::default()], total: 0 }
    }

    /// The current lower bound of the line's final tree depth.
    pub(super) fn bound(&self) -> u32 {
        self.total
    }

    /// How many brackets are open. Each counts two levels in [`Self::bound`]: the bracket,
    /// and the call or index it may be.
    pub(super) fn open_brackets(&self) -> u32 {
        self.frames.len() as u32 - 1
    }

    /// Accounts for one token (brackets are reported with [`Self::open`] and [`Self::close`]).
    pub(super) fn token(&mut self, kind: TokenKind) {
        if is_operator(kind) {
            self.operator();
        } else if is_separator(kind) {
            self.end_segment();
        }
    }

    /// An opening bracket: it may also be a postfix operator (`f()()`, `xs[0][1]`), so it
    /// counts in the enclosing segment as well as opening a level.
    pub(super) fn open(&mut self) {
        self.operator();
        self.frames.push(Frame::default());
        self.total += 1;
    }

    pub(super) fn close(&mut self) {
        if self.frames.len() < 2 {
            return;
        }
        let frame = self.frames.pop().unwrap_or_default();
        self.total -= frame.ops + frame.child + 1;
        let depth = frame.best.max(frame.ops + frame.child) + 1;
        if let Some(parent) = self.frames.last_mut() {
            if depth > parent.child {
                self.total += depth - parent.child;
                parent.child = depth;
            }
        }
    }

    /// A new logical line.
    pub(super) fn reset(&mut self) {
        self.frames.clear();
        self.frames.push(Frame::default());
        self.total = 0;
    }

    fn operator(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.ops += 1;
            self.total += 1;
        }
    }

    fn end_segment(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.best = frame.best.max(frame.ops + frame.child);
            self.total -= frame.ops + frame.child;
            frame.ops = 0;
            frame.child = 0;
        }
    }
}

/// Operators that can add a level to an expression tree.
fn is_operator(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Plus | Minus
            | Star
            | Slash
            | DoubleSlash
            | Percent
            | DoubleStar
            | At
            | Amper
            | Pipe
            | Caret
            | Tilde
            | LeftShift
            | RightShift
            | EqEq
            | NotEq
            | Less
            | LessEq
            | Greater
            | GreaterEq
            | Dot
            | Not
            | And
            | Or
            | In
            | Is
            | If
            | Else
    )
}

/// Tokens between independent expressions: commas, colons, `;`, `=`, `->` and `op=`.
fn is_separator(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Comma
            | Colon
            | Semicolon
            | Assign
            | Arrow
            | PlusEq
            | MinusEq
            | StarEq
            | SlashEq
            | DoubleSlashEq
            | PercentEq
            | DoubleStarEq
            | AmperEq
            | PipeEq
            | CaretEq
            | LeftShiftEq
            | RightShiftEq
    )
}
