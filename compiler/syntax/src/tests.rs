//! Whole-crate properties: deep nesting is refused with a diagnostic instead of overflowing
//! the stack, and `map_spans` moves every span. (Damaged and random input are fuzzed through
//! the whole front end in `tests/fuzz.rs`; parse speed is measured by `scripts/bench.sh`.)

use crate::ast::{Expr, ExprKind, Item, Module};
use crate::{dump, map_spans::MapSpans, parse, Span};
use mlc_diagnostics::codes;

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
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/parser/ok/struct_methods.ml"
    ))
    .expect("corpus file");
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
