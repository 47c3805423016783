//! Byte offsets to 1-based line and column numbers.
//!
//! Spans are byte offsets (see [`crate::Span`]); people and editors want lines and columns.
//! A [`LineIndex`] is built once per text and answers each lookup with a binary search.
//!
//! Conventions, shared by the JSON form and the text renderer's `file:line:column` header:
//! - lines and columns are 1-based;
//! - a column counts Unicode scalar values (`char`s), not bytes: in `let é = x` the `=` is
//!   at column 7 although 7 bytes precede it;
//! - lines end at `\n`, `\r\n` or a lone `\r` (the three line ends of the language server
//!   protocol); the line end belongs to the line it ends;
//! - an offset past the end of the text is clamped to the end, and an offset inside a
//!   multi-byte character is moved back to that character's start, so a lookup never
//!   panics on a slightly wrong span.

use serde::{Deserialize, Serialize};

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

/// The start offset of every line of one text.
#[derive(Clone, Debug)]
pub struct LineIndex<'text> {
    text: &'text str,
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl<'text> LineIndex<'text> {
    pub fn new(text: &'text str) -> LineIndex<'text> {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        let mut position = 0;
        while position < bytes.len() {
            match bytes[position] {
                b'\n' => line_starts.push(position as u32 + 1),
                b'\r' if bytes.get(position + 1) == Some(&b'\n') => {
                    line_starts.push(position as u32 + 2);
                    position += 1;
                }
                b'\r' => line_starts.push(position as u32 + 1),
                _ => {}
            }
            position += 1;
        }
        LineIndex { text, line_starts }
    }

    /// Number of lines; a text ending with a line end has an empty last line.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The line and column of a byte offset.
    pub fn line_column(&self, offset: u32) -> LineColumn {
        let offset = self.clamp(offset);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next_line) => next_line - 1,
        };
        let line_start = self.line_starts[line] as usize;
        let column = self.text[line_start..offset as usize].chars().count();
        LineColumn { line: line as u32 + 1, column: column as u32 + 1 }
    }

    /// `offset`, moved inside the text and onto a character boundary.
    pub fn clamp(&self, offset: u32) -> u32 {
        let mut offset = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(text: &str, offsets: &[u32]) -> Vec<(u32, u32)> {
        let index = LineIndex::new(text);
        offsets
            .iter()
            .map(|&offset| {
                let position = index.line_column(offset);
                (position.line, position.column)
            })
            .collect()
    }

    #[test]
    fn counts_lines_and_columns_from_one() {
        let text = "fn main():\n    pass\n";
        assert_eq!(
            positions(text, &[0, 3, 10, 11, 15, 20]),
            [(1, 1), (1, 4), (1, 11), (2, 1), (2, 5), (3, 1)]
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // `é` is 2 bytes and `→` 3 bytes, but one column each.
        let text = "let é = \"→\" + x";
        let offsets = [text.find('=').unwrap(), text.find('+').unwrap(), text.find('x').unwrap()];
        assert_eq!(offsets, [7, 15, 17]);
        let offsets = offsets.map(|offset| offset as u32);
        assert_eq!(positions(text, &offsets), [(1, 7), (1, 13), (1, 15)]);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "é\nb";
        // Offset 1 is inside `é`: it snaps back to its start.
        assert_eq!(positions(text, &[1, 99]), [(1, 1), (2, 2)]);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "a\r\nb\rc";
        assert_eq!(LineIndex::new(text).line_count(), 3);
        assert_eq!(positions(text, &[1, 3, 5]), [(1, 2), (2, 1), (3, 1)]);
    }
}
