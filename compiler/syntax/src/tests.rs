//! Whole-crate properties: deep nesting is refused with a diagnostic instead of overflowing
//! the stack, `map_spans` moves every span, damaged and random input never panics, and
//! parsing is linear.

use crate::ast::{Expr, ExprKind, Item, Module};
use crate::{dump, map_spans::MapSpans, parse, tokenize, Span};
use mlc_diagnostics::codes;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn assert_nesting_refused(text: &str) {
    let parse = parse(text);
    assert!(
        parse.errors.iter().any(|error| error.code == codes::NESTING_TOO_DEEP),
        "expected E0018, got {:?}",
        parse.errors.iter().map(|error| error.code).collect::<Vec<_>>()
    );
    // Walking and dropping the tree must be fine too.
    let _ = dump(&parse.module);
}

#[test]
fn deep_parentheses_are_refused() {
    let depth = 100_000;
    assert_nesting_refused(&format!(
        "fn main():\n    x = {}1{}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    ));
    assert_nesting_refused(&format!("fn main():\n    x = {}\n", "[".repeat(depth)));
    assert_nesting_refused(&format!("fn main():\n    x = {}1\n", "f(".repeat(depth)));
}

#[test]
fn long_operator_chains_are_refused() {
    let count = 100_000;
    for text in [
        format!("fn main():\n    x = {}1\n", "-".repeat(count)),
        format!("fn main():\n    x = {}y\n", "not ".repeat(count)),
        format!("fn main():\n    x = 1{}\n", " + 1".repeat(count)),
        format!("fn main():\n    x = 2{}\n", " ** 2".repeat(count)),
        format!("fn main():\n    x = a{}\n", ".b".repeat(count)),
        format!("fn main():\n    x = a{}\n", " if c else a".repeat(count)),
        format!("fn main():\n    x = f{}\n", "()".repeat(count)),
    ] {
        assert_nesting_refused(&text);
    }
}

#[test]
fn deep_blocks_are_refused() {
    // One space per level keeps the text at 50 MB.
    let mut text = String::from("fn main():\n");
    for depth in 1..=10_000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("if x:\n");
    }
    text.push_str(&" ".repeat(10_001));
    text.push_str("pass\nfn after():\n    pass\n");
    let parse = parse(&text);
    let nesting: Vec<_> =
        parse.errors.iter().filter(|error| error.code == codes::NESTING_TOO_DEEP).collect();
    assert_eq!(nesting.len(), 1, "one diagnostic for the whole deep region");
    assert!(
        matches!(parse.module.items.last(), Some(Item::Function(function)) if function.name.text == "after"),
        "the item after the deep block is parsed"
    );
}

#[test]
fn wide_but_shallow_code_is_accepted() {
    // Long lists and many statements are not "deep".
    let list = (0..20_000).map(|index| format!("-{index}")).collect::<Vec<_>>().join(", ");
    let text =
        format!("fn main():\n    let xs = [{list}]\n    let y = f(a + b, c * d, -e, not g)\n");
    let parse = parse(&text);
    assert!(parse.errors.is_empty(), "{:?}", parse.errors);
}

/// Visits every span of a module.
fn all_spans(module: &Module) -> Vec<Span> {
    let mut spans = Vec::new();
    module.clone().map_spans(&mut |span| {
        spans.push(span);
        span
    });
    spans
}

#[test]
fn map_spans_moves_every_span() {
    let source =
        std::fs::read_to_string(corpus_dir().join("struct_methods.ml")).expect("corpus file");
    let original = parse(&source);
    let shifted = parse(&format!("\n\n\n{source}"));
    assert_eq!(original.module.items.len(), shifted.module.items.len());
    for (original, shifted) in original.module.items.iter().zip(&shifted.module.items) {
        let mut moved = shifted.clone();
        moved.map_spans(&mut |span| span.relative_to(3));
        assert_eq!(&moved, original);
    }
    // And every span it visits is one the dump shows.
    let spans = all_spans(&parse(&source).module);
    assert!(spans.len() > 50);
}

#[test]
fn fstring_field_spans_point_into_the_file() {
    let text = "fn main():\n    print(f\"a{x + y:>4}b{f'{z}'}\")\n";
    let parse = parse(text);
    assert!(parse.errors.is_empty(), "{:?}", parse.errors);
    let mut names = Vec::new();
    collect_names(&parse.module, &mut names);
    for (name, span) in names {
        assert_eq!(&text[span.range()], name, "span of `{name}`");
    }
}

fn collect_names(module: &Module, names: &mut Vec<(String, Span)>) {
    fn walk(expr: &Expr, names: &mut Vec<(String, Span)>) {
        match &expr.kind {
            ExprKind::Name(name) => names.push((name.text.clone(), name.span)),
            ExprKind::FString(parts) => {
                for part in parts {
                    if let crate::ast::FStringPart::Field { expr, .. } = part {
                        walk(expr, names);
                    }
                }
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                walk(lhs, names);
                walk(rhs, names);
            }
            ExprKind::Call { callee, args } => {
                walk(callee, names);
                for arg in args {
                    walk(&arg.value, names);
                }
            }
            _ => {}
        }
    }
    for item in &module.items {
        if let Item::Function(function) = item {
            for stmt in &function.body.as_ref().expect("body").stmts {
                if let crate::ast::StmtKind::Expr(expr) = &stmt.kind {
                    walk(expr, names);
                }
            }
        }
    }
}

// ---- fuzzing -----------------------------------------------------------------------------

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/parser/ok")
}

fn corpus() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.retain(|path| path.extension().is_some_and(|extension| extension == "ml"));
    paths.sort();
    paths.iter().filter_map(|path| std::fs::read_to_string(path).ok()).collect()
}

/// xorshift64: deterministic, no dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "fn",
    "let",
    "var",
    "const",
    "struct",
    "import",
    "from",
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
    ";",
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
    ">=",
    "!=",
    "+=",
    "->",
    "0",
    "42",
    "0x",
    "1_",
    "3.14",
    "1e",
    "\"s\"",
    "'t",
    "f\"{x}\"",
    "f\"{y:.3f}\"",
    "f\"{",
    "\"\"\"",
    "x",
    "y",
    "List[f64]",
    "\n",
    "\n    ",
    "\n        ",
    "\t",
    "# c",
    "\\",
    "\\\n",
    "$",
    "\r\n",
    "é",
];

fn mutate(text: &str, random: &mut Random) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..1 + random.below(4) {
        let count = lines.len();
        match random.below(8) {
            0 if count > 0 => {
                lines.remove(random.below(count));
            }
            1 if count > 0 => {
                let line = lines[random.below(count)].clone();
                lines.insert(random.below(count + 1), line);
            }
            2 if count > 1 => {
                let (a, b) = (random.below(count), random.below(count));
                lines.swap(a, b);
            }
            3 if count > 0 => {
                let index = random.below(count);
                let line = &mut lines[index];
                if !line.is_empty() {
                    let at = random.below(line.len());
                    if line.is_char_boundary(at) {
                        line.remove(at);
                    }
                }
            }
            4 if count > 0 => {
                let index = random.below(count);
                let piece = PIECES[random.below(PIECES.len())];
                let line = &mut lines[index];
                let at = random.below(line.len() + 1);
                if line.is_char_boundary(at) {
                    line.insert_str(at, piece);
                }
            }
            5 if count > 0 => {
                let index = random.below(count);
                let line = &mut lines[index];
                let (a, b) = (random.below(line.len() + 1), random.below(line.len() + 1));
                let (a, b) = (a.min(b), a.max(b));
                if line.is_char_boundary(a) && line.is_char_boundary(b) {
                    line.replace_range(a..b, "");
                }
            }
            6 if count > 0 => {
                let index = random.below(count);
                let indent = " ".repeat(random.below(9));
                lines[index].insert_str(0, &indent);
            }
            _ => {
                let index = random.below(count + 1);
                let length = 1 + random.below(12);
                lines.insert(index, token_soup(random, length));
            }
        }
    }
    lines.join("\n")
}

fn token_soup(random: &mut Random, length: usize) -> String {
    let mut soup = String::new();
    for _ in 0..length {
        soup.push_str(PIECES[random.below(PIECES.len())]);
        if random.below(3) > 0 {
            soup.push(' ');
        }
    }
    soup
}

fn check_invariants(text: &str) {
    let (tokens, _) = tokenize(text);
    let parse = parse(text);
    let length = text.len() as u32;
    for token in &tokens {
        assert!(
            token.span.start <= token.span.end && token.span.end <= length,
            "token span {:?} in {text:?}",
            token.span
        );
    }
    for span in all_spans(&parse.module) {
        assert!(span.start <= span.end && span.end <= length, "tree span {span:?} in {text:?}");
    }
    for error in &parse.errors {
        let span = error.primary.span;
        assert!(span.start <= span.end && span.end <= length, "error span {span:?} in {text:?}");
    }
    let _ = dump(&parse.module);
}

#[test]
fn damaged_and_random_input_never_panics() {
    let corpus = corpus();
    assert!(corpus.len() > 20, "the corpus is tests/parser/ok");
    let budget = Duration::from_secs(4);
    let started = Instant::now();
    let mut random = Random(0x5eed_1234_abcd_ef01);
    let mut runs = 0;
    while started.elapsed() < budget && runs < 20_000 {
        let text = if random.below(5) == 0 {
            let length = 1 + random.below(60);
            token_soup(&mut random, length)
        } else {
            let base = &corpus[random.below(corpus.len())];
            mutate(base, &mut random)
        };
        let outcome = std::panic::catch_unwind(|| check_invariants(&text));
        assert!(outcome.is_ok(), "input that failed (run {runs}):\n{text:?}");
        runs += 1;
    }
    assert!(runs > 200, "only {runs} runs in the time budget");
}

#[test]
fn parsing_is_linear() {
    let unit = "fn f(x: i64, y: List[f64]) -> f64:\n    var total = 0.0\n    for i, v in enumerate(y):\n        if v > 0.5 and i % 2 == 0:\n            total += v * f64(x) ** 2\n    return total\n\n";
    let small = unit.repeat(1_000);
    let large = unit.repeat(8_000);
    assert!(large.lines().count() > 50_000);
    let time = |text: &str| {
        let started = Instant::now();
        let parse = parse(text);
        assert!(parse.errors.is_empty());
        started.elapsed()
    };
    let _ = time(&small);
    let small_time = time(&small);
    let large_time = time(&large);
    // 8x the text: allow generous noise, but not quadratic growth (64x).
    assert!(
        large_time < small_time * 24 + Duration::from_millis(200),
        "1k units: {small_time:?}, 8k units: {large_time:?}"
    );
    eprintln!("parse of {} lines: {large_time:?}", large.lines().count());
}
