//! Diagnostics as plain data, shared by every stage of the compiler.
//!
//! A [`Diagnostic`] is what a stage *found*: a stable [`Code`], a one-line message, a primary
//! [`Label`] on the cause, optional secondary labels, notes and hints. Stages never format
//! text for the terminal themselves; they build these values, and the driver or the language
//! server decides how to show them ([`render`] for people, [`json`] for tools).
//!
//! Invariants:
//! - spans are byte offsets into the text of the file the diagnostic belongs to;
//! - every code used anywhere is declared once in [`codes`], with a title and an explanation.

pub mod codes;
pub mod json;
pub mod line_index;
pub mod render;
mod span;

pub use codes::Code;
pub use span::Span;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A span of source with a short message pointing at it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Label {
        Label { span, message: message.into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// The title: what is wrong, in one line, without a trailing period.
    pub message: String,
    /// Where it is wrong.
    pub primary: Label,
    /// Related places (the definition that conflicts, the expected type's origin...).
    pub secondary: Vec<Label>,
    /// Background facts ("`i64 + f64` has no implicit conversion").
    pub notes: Vec<String>,
    /// What to do about it ("write `f64(n)`").
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>, primary: Label) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            hints: Vec::new(),
        }
    }

    pub fn warning(code: Code, message: impl Into<String>, primary: Label) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message, primary) }
    }

    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label::new(span, message));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    /// Moves every span by `delta` bytes: stages that work on item-relative spans
    /// (for incrementality) report through this once they know where the item starts.
    pub fn shifted(mut self, delta: u32) -> Diagnostic {
        self.primary.span = self.primary.span.shifted(delta);
        for label in &mut self.secondary {
            label.span = label.span.shifted(delta);
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
