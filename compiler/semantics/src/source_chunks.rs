//! Chunks: the top-level pieces a file is split into, each an input parsed on its own.
//!
//! This is what makes re-checking after an edit cheap. A linear byte scan ([`chunk_starts`])
//! finds where each top-level item starts: a line that begins at column 0, is not blank, not
//! a comment, and not inside brackets (or a string); decorator lines stay with the item they
//! decorate. Each chunk is a salsa input ([`Chunk`]) whose identity survives edits elsewhere
//! in the file (see `resplit` and `Database::set_file_text`), and everything below is keyed
//! by it: [`parse_chunk`] (the trees, chunk-relative spans), [`chunk_items`] (what the chunk
//! declares, without bodies). Where a chunk starts in its file is known only to `check_file`,
//! which makes spans absolute; no query reads offsets or the file's whole text.

use std::sync::Arc;

use mlc_diagnostics::{Diagnostic, Span};
use mlc_syntax::ast;

use crate::db::{Db, SourceFile};

/// One top-level chunk of a file. An input: `Database` creates and edits chunks (it is their
/// only writer), keeping each one's identity as long as its place in the file survives, so
/// results keyed by it (its parse, its diagnostics) are reused when an edit elsewhere moves
/// it.
#[salsa::input(debug)]
pub struct Chunk {
    #[returns(copy)]
    pub file: SourceFile,
    #[returns(ref)]
    pub text: String,
    /// What the chunk declares, as of its current text: set by `Database::set_file_text` on
    /// every chunk it writes, `None` on the chunks `Database::add_file` made and nothing
    /// edited since (then [`chunk_items`] reads the parse).
    ///
    /// Why it is an input: salsa skips re-verifying a result when no input of its durability
    /// changed. An edited chunk's text becomes `Durability::LOW`, while its declarations and
    /// the other chunks' texts stay `MEDIUM`; reading the declarations from here rather than
    /// from the parse of the text keeps the item tree, the module scope and every result that
    /// depends only on them `MEDIUM`, so typing in a body re-verifies only what depends on
    /// that body.
    #[returns(ref)]
    pub items: Option<Arc<ChunkItems>>,
}

impl Chunk {
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

/// A top-level item of a chunk's parse, its AST shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChunkItem {
    Function(Arc<ast::Function>),
    /// The struct without its methods (`methods` is empty); those are beside it.
    Struct {
        ast: Arc<ast::Struct>,
        methods: Vec<Arc<ast::Function>>,
    },
    Const(Arc<ast::Const>),
    Import(Arc<ast::Import>),
    Error,
}

/// The parse of one chunk: its items and its syntax errors (chunk-relative spans).
#[derive(Debug, PartialEq, Eq)]
pub struct ChunkParse {
    pub items: Vec<ChunkItem>,
    pub syntax_errors: Vec<Diagnostic>,
}

impl ChunkParse {
    /// Parses a chunk's text; the trees move into `Arc`s (no copy).
    pub fn of(text: &str) -> ChunkParse {
        let parse = mlc_syntax::parse(text);
        let items = parse
            .module
            .items
            .into_iter()
            .map(|item| match item {
                ast::Item::Function(function) => ChunkItem::Function(Arc::new(function)),
                ast::Item::Struct(mut strukt) => {
                    let methods =
                        std::mem::take(&mut strukt.methods).into_iter().map(Arc::new).collect();
                    ChunkItem::Struct { ast: Arc::new(strukt), methods }
                }
                ast::Item::Const(konst) => ChunkItem::Const(Arc::new(konst)),
                ast::Item::Import(import) => ChunkItem::Import(Arc::new(import)),
                ast::Item::Error(_) => ChunkItem::Error,
            })
            .collect();
        ChunkParse { items, syntax_errors: parse.errors }
    }
}

/// What a chunk declares: its items without their bodies, parallel to
/// [`ChunkParse::items`]. The item tree, the module scope and the signatures of top-level
/// functions, structs and constants are computed from it alone.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ChunkItems {
    pub items: Vec<DeclaredItem>,
}

/// One declared item: what other code sees of it, with chunk-relative spans. A body edit
/// changes none of it, since a function's or struct's header comes before its body (spans
/// of items are cut to end at their names, so that a body's length is not part of them).
#[derive(Debug, PartialEq, Eq)]
pub enum DeclaredItem {
    /// The function without its body: the input of its signature.
    Function(Arc<ast::Function>),
    /// The struct with its fields, and the names of its methods (their headers move when an
    /// earlier method's body changes length, so they are not declarations).
    Struct {
        ast: Arc<ast::Struct>,
        methods: Vec<String>,
    },
    Const(Arc<ast::Const>),
    Import(Arc<ast::Import>),
    Error,
}

impl DeclaredItem {
    /// The module-level name it defines (imports bind theirs elsewhere).
    pub fn name(&self) -> Option<&ast::Name> {
        match self {
            DeclaredItem::Function(header) => Some(&header.name),
            DeclaredItem::Struct { ast, .. } => Some(&ast.name),
            DeclaredItem::Const(konst) => Some(&konst.name),
            DeclaredItem::Import(_) | DeclaredItem::Error => None,
        }
    }
}

impl ChunkItems {
    pub fn of(parse: &ChunkParse) -> ChunkItems {
        let items = parse
            .items
            .iter()
            .map(|item| match item {
                ChunkItem::Function(function) => DeclaredItem::Function(Arc::new(header(function))),
                ChunkItem::Struct { ast, methods } => DeclaredItem::Struct {
                    ast: Arc::new(ast::Struct {
                        name: ast.name.clone(),
                        generics: ast.generics.clone(),
                        fields: ast.fields.clone(),
                        fields_broken: ast.fields_broken,
                        methods: Vec::new(),
                        span: Span::new(ast.span.start, ast.name.span.end),
                    }),
                    methods: methods.iter().map(|method| method.name.text.clone()).collect(),
                },
                ChunkItem::Const(konst) => DeclaredItem::Const(konst.clone()),
                ChunkItem::Import(import) => DeclaredItem::Import(import.clone()),
                ChunkItem::Error => DeclaredItem::Error,
            })
            .collect();
        ChunkItems { items }
    }
}

/// A function without its body, its span cut to end at its name.
fn header(function: &ast::Function) -> ast::Function {
    ast::Function {
        decorators: function.decorators.clone(),
        is_extern: function.is_extern,
        name: function.name.clone(),
        generics: function.generics.clone(),
        params: function.params.clone(),
        params_broken: function.params_broken,
        return_type: function.return_type.clone(),
        body: None,
        span: Span::new(function.span.start, function.name.span.end),
    }
}

/// The parse of one chunk, with chunk-relative spans.
///
/// Firewall: keyed by the chunk, so a chunk whose text did not change is never parsed again,
/// however far an edit above it moved it. `no_eq`: a re-parse means the text changed; the
/// queries that pick items out of it ([`chunk_items`], `function_body`) compare instead.
#[salsa::tracked(returns(clone), no_eq)]
pub fn parse_chunk(db: &dyn Db, chunk: Chunk) -> Arc<ChunkParse> {
    Arc::new(ChunkParse::of(chunk.text(db)))
}

/// What one chunk declares.
///
/// Equality: declarations only, so it backdates after an edit inside a body. It reads
/// [`Chunk::items`] when set (see there for why) and the parse otherwise.
#[salsa::tracked(returns(clone))]
pub fn chunk_items(db: &dyn Db, chunk: Chunk) -> Arc<ChunkItems> {
    match chunk.items(db) {
        Some(items) => items.clone(),
        None => Arc::new(ChunkItems::of(&parse_chunk(db, chunk))),
    }
}

/// Byte offsets where chunks start, followed by the text's length (just `[0]` for an empty
/// text: no chunk). The first chunk always starts at 0 (with any leading comments); comments
/// between items end the chunk before.
pub fn chunk_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(ChunkScanner::new(text, 0));
    starts.push(text.len());
    starts.dedup();
    starts
}

/// The splitting scan, resumable at any chunk start: it yields the chunk starts after
/// `start`. At a chunk start the scan's state is always the same (outside brackets, no line
/// continuation, a new chunk), so scanning from a chunk start finds exactly the starts a scan
/// of the whole text finds after it; re-splitting after an edit relies on this.
///
/// Works line by line with `memchr` (vectorized): a line without quotes, `#` or `\\` only
/// changes the bracket depth by its count of openers minus closers, so only lines holding
/// strings or comments are scanned byte by byte.
pub struct ChunkScanner<'a> {
    bytes: &'a [u8],
    start: usize,
    line_start: usize,
    depth: u32,
    /// The previous line ended with a backslash.
    continued: bool,
    /// The quote byte of a triple-quoted string still open at the end of the previous line
    /// (0: none): its lines are text, never item starts, and their brackets do not count.
    open_triple: u8,
    /// The chunk being built so far holds only decorator lines (and comments/blank lines);
    /// leading comments before the first code line join the first chunk.
    only_decorators: bool,
}

impl<'a> ChunkScanner<'a> {
    /// A scan from `start`, which is 0 or a chunk start of `text`.
    pub fn new(text: &'a str, start: usize) -> ChunkScanner<'a> {
        ChunkScanner {
            bytes: text.as_bytes(),
            start,
            line_start: start,
            depth: 0,
            continued: false,
            open_triple: 0,
            only_decorators: true,
        }
    }
}

impl Iterator for ChunkScanner<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.line_start < self.bytes.len() {
            let line_start = self.line_start;
            let line_end = memchr::memchr(b'\n', &self.bytes[line_start..])
                .map_or(self.bytes.len(), |at| line_start + at);
            let line = &self.bytes[line_start..line_end];
            let mut chunk_start = None;
            if let Some(&first) = line.first() {
                let starts_item = !matches!(first, b' ' | b'\t' | b'\r' | b'#');
                if self.depth == 0 && !self.continued && self.open_triple == 0 && starts_item {
                    if line_start != self.start && !self.only_decorators {
                        chunk_start = Some(line_start);
                    }
                    self.only_decorators = first == b'@';
                }
            }
            self.continued = false;
            let plain = self.open_triple == 0
                && memchr::memchr3(b'"', b'\'', b'#', line).is_none()
                && memchr::memchr(b'\\', line).is_none();
            if plain {
                let opened = memchr::memchr3_iter(b'(', b'[', b'{', line).count() as u32;
                let closed = memchr::memchr3_iter(b')', b']', b'}', line).count() as u32;
                self.depth = (self.depth + opened).saturating_sub(closed);
            } else {
                scan_line(line, &mut self.depth, &mut self.continued, &mut self.open_triple);
            }
            self.line_start = line_end + 1;
            if chunk_start.is_some() {
                return chunk_start;
            }
        }
        None
    }
}

/// Updates the bracket depth over one line that holds strings, comments or backslashes (or
/// continues a triple-quoted string, whose quote byte `open_triple` carries to the next line).
fn scan_line(line: &[u8], depth: &mut u32, continued: &mut bool, open_triple: &mut u8) {
    let mut quote: u8 = 0;
    let mut index = 0;
    let triple_at = |index: usize, byte: u8| line[index..].starts_with(&[byte, byte, byte]);
    while index < line.len() {
        let byte = line[index];
        if *open_triple != 0 {
            if byte == b'\\' {
                index += 1;
            } else if triple_at(index, *open_triple) {
                index += 2;
                *open_triple = 0;
            }
        } else if quote != 0 {
            if byte == b'\\' {
                index += 1;
            } else if byte == quote {
                quote = 0;
            }
        } else {
            match byte {
                b'"' | b'\'' if triple_at(index, byte) => {
                    *open_triple = byte;
                    index += 2;
                }
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
    use super::{chunk_starts, ChunkScanner};

    fn chunks(text: &str) -> Vec<&str> {
        chunk_starts(text).windows(2).map(|bounds| &text[bounds[0]..bounds[1]]).collect()
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
            vec!["fn a():\n    print(\"(\", ')', \"\\\"(\")  # (\n", "fn b():\n    pass"]
        );
    }

    #[test]
    fn a_triple_quoted_string_spans_lines_that_start_at_column_zero() {
        let text = "const T: str = \"\"\"a (b\nc d\nfn x\"\"\"\nfn b():\n    pass\n";
        assert_eq!(
            chunks(text),
            vec!["const T: str = \"\"\"a (b\nc d\nfn x\"\"\"\n", "fn b():\n    pass\n"]
        );
        let text = "fn a():\n    s = '''x\n''' + \"(\"\nfn b():\n    pass\n";
        assert_eq!(
            chunks(text),
            vec!["fn a():\n    s = '''x\n''' + \"(\"\n", "fn b():\n    pass\n"]
        );
    }

    #[test]
    fn backslash_continues_a_line() {
        let text = "const A = 1 + \\\n2\nfn b():\n    pass\n";
        assert_eq!(chunks(text), vec!["const A = 1 + \\\n2\n", "fn b():\n    pass\n"]);
    }

    #[test]
    fn empty_and_single() {
        assert_eq!(chunk_starts(""), vec![0]);
        assert_eq!(chunks("fn main():\n    pass\n"), vec!["fn main():\n    pass\n"]);
    }

    #[test]
    fn a_scan_from_a_chunk_start_finds_the_same_later_starts() {
        let text = "# c\n@kernel\nfn a(\n):\n    pass\nfn b():\n    pass\n\
            @inline\nfn c():\n    pass\nconst D = 1\n";
        let starts = chunk_starts(text);
        for (index, &start) in starts[..starts.len() - 1].iter().enumerate() {
            let resumed: Vec<usize> = ChunkScanner::new(text, start).collect();
            assert_eq!(resumed, starts[index + 1..starts.len() - 1], "from {start}");
        }
    }
}
