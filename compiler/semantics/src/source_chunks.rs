//! Splitting a file into top-level item chunks, and parsing each chunk on its own.
//!
//! This is what makes re-checking after an edit cheap. A linear byte scan finds where each
//! top-level item starts: a line that begins at column 0, is not blank, not a comment, and
//! not inside brackets (or a string); decorator lines stay with the item they decorate.
//! Each chunk's text is interned ([`ChunkText`]) and parsed by [`parse_chunk`], so its
//! spans are chunk-relative and a chunk whose text did not change is never parsed again,
//! even when an edit above it moved it. Only [`file_chunks`] knows the offsets; diagnostics
//! become absolute when `check_file` reports them.

use std::sync::Arc;

use mlc_syntax::Parse;

use crate::db::{Db, SourceFile};

/// The text of one top-level chunk. Interned and never collected (`revisions = usize::MAX`),
/// so that identical text is the same key in every revision and results keyed by it live on.
#[salsa::interned(unsafe(no_lifetime), revisions = usize::MAX, debug)]
pub struct ChunkText {
    #[returns(ref)]
    pub text: String,
}

impl ChunkText {
    /// The first code line, shortened: how query logs name a chunk.
    pub fn summary(self, db: &dyn Db) -> String {
        let text = self.text(db);
        let line = text
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with('#') && !line.starts_with('@'))
            .unwrap_or("");
        let head = line.split(['(', ':', '[']).next().unwrap_or(line).trim();
        head.to_string()
    }
}

/// One chunk of a file and where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chunk {
    pub text: ChunkText,
    pub offset: u32,
}

/// The chunks of `file`, in order, covering the whole text.
///
/// Equality: changes on every edit (offsets move); nothing expensive depends on it directly.
/// Its dependents (`item_tree`, `check_file`) re-run on every edit and are linear but cheap.
#[salsa::tracked(returns(clone))]
pub fn file_chunks(db: &dyn Db, file: SourceFile) -> Arc<[Chunk]> {
    let text = file.text(db);
    chunk_starts(text)
        .windows(2)
        .map(|bounds| {
            let (start, end) = (bounds[0], bounds[1]);
            Chunk {
                text: ChunkText::new(db, &text[start..end]),
                offset: start as u32,
            }
        })
        .collect()
}

/// The parse of one chunk, with chunk-relative spans.
///
/// Firewall: keyed by the interned text, so it runs once per distinct chunk text and never
/// again (its only input never changes). `no_eq`: there is nothing to backdate.
#[salsa::tracked(returns(clone), no_eq)]
pub fn parse_chunk(db: &dyn Db, chunk: ChunkText) -> Arc<Parse> {
    Arc::new(mlc_syntax::parse(chunk.text(db)))
}

/// Byte offsets where chunks start, followed by the text's length. The first chunk always
/// starts at 0 (with any leading comments); comments between items end the chunk before.
///
/// Works line by line with `memchr` (vectorized): a line without quotes, `#` or `\\` only
/// changes the bracket depth by its count of openers minus closers, so only lines holding
/// strings or comments are scanned byte by byte.
pub fn chunk_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut depth: u32 = 0;
    // The chunk being built so far holds only decorator lines (and comments/blank lines);
    // leading comments before the first code line join the first chunk.
    let mut only_decorators = true;
    let mut continued = false;
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |at| line_start + at);
        let line = &bytes[line_start..line_end];
        if let Some(&first) = line.first() {
            let starts_item = !matches!(first, b' ' | b'\t' | b'\r' | b'#');
            if depth == 0 && !continued && starts_item {
                if line_start != 0 && !only_decorators {
                    starts.push(line_start);
                }
                only_decorators = first == b'@';
            }
        }
        continued = false;
        let plain = memchr::memchr3(b'"', b'\'', b'#', line).is_none()
            && memchr::memchr(b'\\', line).is_none();
        if plain {
            let opened = memchr::memchr3_iter(b'(', b'[', b'{', line).count() as u32;
            let closed = memchr::memchr3_iter(b')', b']', b'}', line).count() as u32;
            depth = (depth + opened).saturating_sub(closed);
        } else {
            scan_line(line, &mut depth, &mut continued);
        }
        line_start = line_end + 1;
    }
    starts.push(bytes.len());
    starts.dedup();
    starts
}

/// Updates the bracket depth over one line that holds strings, comments or backslashes.
fn scan_line(line: &[u8], depth: &mut u32, continued: &mut bool) {
    let mut quote: u8 = 0;
    let mut index = 0;
    while index < line.len() {
        let byte = line[index];
        if quote != 0 {
            if byte == b'\\' {
                index += 1;
            } else if byte == quote {
                quote = 0;
            }
        } else {
            match byte {
                b'"' | b'\'' => quote = byte,
                b'(' | b'[' | b'{' => *depth += 1,
                b')' | b']' | b'}' => *depth = depth.saturating_sub(1),
                b'#' => return,
                b'\\' if line[index + 1..].iter().all(|&rest| rest == b'\r') => *continued = true,
                _ => {}
            }
        }
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::chunk_starts;

    fn chunks(text: &str) -> Vec<&str> {
        chunk_starts(text)
            .windows(2)
            .map(|bounds| &text[bounds[0]..bounds[1]])
            .collect()
    }

    #[test]
    fn splits_at_column_zero_items() {
        let text = "# header\n\nfn a():\n    pass\n\n# about b\n@kernel\n# note\nfn b(\nx: i64):\n    pass\nconst N = (1,\n2)\n";
        assert_eq!(
            chunks(text),
            vec![
                "# header\n\nfn a():\n    pass\n\n# about b\n",
                "@kernel\n# note\nfn b(\nx: i64):\n    pass\n",
                "const N = (1,\n2)\n"
            ]
        );
    }

    #[test]
    fn strings_and_comments_hide_brackets() {
        let text = "fn a():\n    print(\"(\", ')', \"\\\"(\")  # (\nfn b():\n    pass";
        assert_eq!(
            chunks(text),
            vec![
                "fn a():\n    print(\"(\", ')', \"\\\"(\")  # (\n",
                "fn b():\n    pass"
            ]
        );
    }

    #[test]
    fn backslash_continues_a_line() {
        let text = "const A = 1 + \\\n2\nfn b():\n    pass\n";
        assert_eq!(
            chunks(text),
            vec!["const A = 1 + \\\n2\n", "fn b():\n    pass\n"]
        );
    }

    #[test]
    fn empty_and_single() {
        assert_eq!(chunk_starts(""), vec![0]);
        assert_eq!(
            chunks("fn main():\n    pass\n"),
            vec!["fn main():\n    pass\n"]
        );
    }
}
