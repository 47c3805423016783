//! Byte ranges into a source text.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into one file's text.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn from_range(range: Range<usize>) -> Span {
        Span::new(range.start as u32, range.end as u32)
    }

    /// An empty span at `offset`, for "expected something here" diagnostics.
    pub fn at(offset: u32) -> Span {
        Span::new(offset, offset)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn shifted(self, delta: u32) -> Span {
        Span::new(self.start + delta, self.end + delta)
    }

    /// The inverse of [`Span::shifted`]: makes the span relative to `origin`.
    pub fn relative_to(self, origin: u32) -> Span {
        Span::new(self.start - origin, self.end - origin)
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
