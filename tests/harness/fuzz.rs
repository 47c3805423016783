//! Inputs for the front-end fuzz test: a corpus of valid programs from the repository, and a
//! seeded mutator that damages them the ways editing does (and worse).

use std::path::Path;

/// Every `.ml` file under `examples/`, `tests/parser/ok/` and `tests/ui/`.
pub fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut texts = Vec::new();
    for folder in ["examples", "tests/parser/ok", "tests/ui"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else { continue };
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ml"))
            .collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    texts
}

/// FNV-1a, to name saved failures.
pub fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

/// Pieces of the language a mutation can insert: tokens, keywords and half-constructs.
const VOCABULARY: &[&str] = &[
    "fn",
    "let",
    "var",
    "const",
    "struct",
    "import",
    "from",
    "python",
    "as",
    "if",
    "elif",
    "else",
    "for",
    "in",
    "while",
    "break",
    "continue",
    "return",
    "pass",
    "and",
    "or",
    "not",
    "is",
    "True",
    "False",
    "None",
    "try",
    "except",
    "finally",
    "raise",
    "assert",
    "extern",
    "@kernel",
    "self",
    "mut",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "@",
    "&",
    "|",
    "^",
    "<<",
    ">>",
    "~",
    "<",
    "<=",
    ">",
    ">=",
    "!=",
    "+=",
    "->",
    "0",
    "42",
    "0xff",
    "1_000",
    "3.14",
    "1e-9",
    "\"s\"",
    "'t'",
    "f\"{x}\"",
    "f\"{y:.3f}\"",
    "x",
    "y",
    "main",
    "print",
    "range",
    "len",
    "List[f64]()",
    "Dict[str, i64]()",
    "i64",
    "f32",
    "Tensor[f32]",
    "PyObject",
    "T",
    "Numeric",
    "\n",
    "\n    ",
    "\n        ",
    "\t",
    "#c",
    "\"",
    "f\"{",
    "\\",
    "0b",
    "9999999999999999999999",
    "$",
    "?",
];

/// A small deterministic xorshift generator; no dependency, same sequence on every machine.
pub struct Mutator {
    state: u64,
}

impl Mutator {
    pub fn new(seed: u64) -> Mutator {
        Mutator { state: seed.max(1) }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn word(&mut self) -> &'static str {
        VOCABULARY[self.below(VOCABULARY.len())]
    }

    /// A random sequence of the vocabulary's pieces.
    pub fn token_soup(&mut self) -> String {
        let count = 1 + self.below(120);
        let mut text = String::new();
        for _ in 0..count {
            text.push_str(self.word());
            if self.below(3) > 0 {
                text.push(' ');
            }
        }
        text
    }

    /// One to four mutations of `source`, each on whole lines or on characters.
    pub fn mutate(&mut self, source: &str) -> String {
        let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
        for _ in 0..1 + self.below(4) {
            if lines.is_empty() {
                lines.push(self.token_soup());
            }
            let at = self.below(lines.len());
            match self.below(9) {
                0 => {
                    lines.remove(at);
                }
                1 => {
                    let copy = lines[at].clone();
                    lines.insert(self.below(lines.len() + 1), copy);
                }
                2 => {
                    let other = self.below(lines.len());
                    lines.swap(at, other);
                }
                3 => {
                    let word = self.word();
                    let line = &mut lines[at];
                    let cut = floor_char_boundary(line, self.next() as usize % (line.len() + 1));
                    line.insert_str(cut, word);
                }
                4 => {
                    let line = &mut lines[at];
                    let start = floor_char_boundary(line, self.next() as usize % (line.len() + 1));
                    let end = floor_char_boundary(line, start + (self.next() as usize % 6));
                    line.replace_range(start..end.max(start), "");
                }
                5 => lines[at].insert_str(0, ["  ", "    ", "\t", " "][self.below(4)]),
                6 => {
                    let trimmed = lines[at].trim_start().to_string();
                    lines[at] = trimmed;
                }
                7 => lines.truncate(at),
                _ => {
                    let soup = self.token_soup();
                    lines.insert(at, soup);
                }
            }
        }
        let mut text = lines.join("\n");
        if self.below(2) == 0 {
            text.push('\n');
        }
        text
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
