//! Editing keeps a file's chunks exactly as a fresh split of its text would make them, and
//! checking after any sequence of edits gives what checking the final text from scratch
//! gives. Random edits, seeded: the kinds of text that merge and split chunks (column-0
//! lines, brackets, quotes, comments, decorators, line continuations) are inserted and
//! deleted anywhere.

use mlc_semantics::source_chunks::{chunk_starts, ChunkItems, ChunkParse};
use mlc_semantics::{check_file, CheckMode, Database, SourceFile};

const PROGRAM: &str = "\
import math
from math import sqrt

# A point.
struct Point:
    x: f64
    y: f64

    fn norm(self) -> f64:
        return sqrt(self.x * self.x + self.y * self.y)

@inline
fn twice(n: i64) -> i64:
    return n * 2

const LIMIT: i64 = (1 +
    2)

fn main():
    let p = Point(3.0, 4.0)
    print(p.norm(), twice(LIMIT), \"(\", ')')
";

/// What edits insert.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "    ",
    "x",
    "fn f():\n    pass\n",
    "fn main",
    "struct S:\n    a: i64\n",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "'",
    "# (",
    "#",
    "@kernel\n",
    "@",
    "\\\n",
    "import math\n",
    "return 1\n",
    "let q = twice(2)\n",
    "é",
];

/// A small deterministic xorshift generator.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    /// A char boundary of `text`.
    fn position(&mut self, text: &str) -> usize {
        let mut at = self.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

fn edit(random: &mut Random, text: &str) -> String {
    let start = random.position(text);
    let mut end = (start + random.below(30)).min(text.len());
    if random.below(3) == 0 {
        end = start;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let inserted = if random.below(4) == 0 { "" } else { PIECES[random.below(PIECES.len())] };
    format!("{}{inserted}{}", &text[..start], &text[end..])
}

fn assert_chunks_match_a_fresh_split(db: &Database, file: SourceFile, text: &str) {
    let starts = chunk_starts(text);
    let expected: Vec<&str> = starts.windows(2).map(|bounds| &text[bounds[0]..bounds[1]]).collect();
    let chunks: Vec<&str> = file.chunks(db).iter().map(|chunk| chunk.text(db).as_str()).collect();
    assert_eq!(chunks, expected, "chunks of {text:?}");
    let offsets: Vec<usize> =
        file.chunk_offsets(db).iter().map(|&offset| offset as usize).collect();
    assert_eq!(offsets, starts[..starts.len() - 1], "offsets of {text:?}");
    for chunk in file.chunks(db) {
        if let Some(items) = chunk.items(db) {
            assert_eq!(
                **items,
                ChunkItems::of(&ChunkParse::of(chunk.text(db))),
                "declarations of {:?}",
                chunk.text(db)
            );
        }
    }
}

#[test]
fn random_edits_keep_chunks_and_diagnostics_as_from_scratch() {
    for seed in 1..=12u64 {
        let mut random = Random(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut db = Database::new();
        let file = db.add_file("edited.ml", PROGRAM);
        assert_eq!(check_file(&db, file, CheckMode::Program), Vec::new());
        let mut text = PROGRAM.to_string();
        for step in 0..40 {
            // Now and then go back to the clean program, as undo does.
            text = if step % 10 == 9 { PROGRAM.to_string() } else { edit(&mut random, &text) };
            db.set_file_text(file, &text);
            assert_chunks_match_a_fresh_split(&db, file, &text);
            let incremental = check_file(&db, file, CheckMode::Program);
            let mut fresh = Database::new();
            let fresh_file = fresh.add_file("edited.ml", &text);
            assert_eq!(
                incremental,
                check_file(&fresh, fresh_file, CheckMode::Program),
                "seed {seed}, step {step}: {text:?}"
            );
        }
    }
}

#[test]
fn emptying_and_refilling_a_file() {
    let mut db = Database::new();
    let file = db.add_file("edited.ml", PROGRAM);
    check_file(&db, file, CheckMode::Program);
    for text in ["", PROGRAM, "fn main():\n    pass\n", "", "# only a comment\n", PROGRAM] {
        db.set_file_text(file, text);
        assert_chunks_match_a_fresh_split(&db, file, text);
        let mut fresh = Database::new();
        let fresh_file = fresh.add_file("edited.ml", text);
        assert_eq!(
            check_file(&db, file, CheckMode::Program),
            check_file(&fresh, fresh_file, CheckMode::Program),
            "{text:?}"
        );
    }
}
