//! Shared by the test files: checking a source text and printing the outcome compactly.

#![allow(dead_code)]

use expect_test::Expect;
use mlc_diagnostics::Diagnostic;
use mlc_semantics::{check_file, infer_function, BindingKind, CheckMode, Database};

/// 1-based `line:column` of a byte offset.
pub fn line_column(text: &str, offset: u32) -> (usize, usize) {
    let before = &text[..offset as usize];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

pub fn render(text: &str, diagnostic: &Diagnostic) -> String {
    let (l1, c1) = line_column(text, diagnostic.primary.span.start);
    let (l2, c2) = line_column(text, diagnostic.primary.span.end);
    let mut out = format!("{} {l1}:{c1}..{l2}:{c2} {}\n", diagnostic.code, diagnostic.message);
    for hint in &diagnostic.hints {
        out.push_str(&format!("    hint: {hint}\n"));
    }
    out
}

/// The diagnostics of `text` checked in `mode`, or (when there are none) the types of the
/// `let`/`var` bindings of each function.
pub fn outcome(text: &str, mode: CheckMode) -> String {
    let mut db = Database::new();
    let file = db.add_file("test.ml", text);
    let diagnostics = check_file(&db, file, mode);
    if !diagnostics.is_empty() {
        return diagnostics.iter().map(|diagnostic| render(text, diagnostic)).collect();
    }
    let mut out = String::new();
    for function in mlc_semantics::file_functions(&db, file) {
        let result = infer_function(&db, function);
        let bindings: Vec<String> = result
            .bindings
            .iter()
            .filter(|binding| matches!(binding.kind, BindingKind::Let | BindingKind::Var))
            .map(|binding| format!("{}: {}", binding.name, binding.ty.display(&db)))
            .collect();
        if !bindings.is_empty() {
            out.push_str(&format!("{}: {}\n", function.display_name(&db), bindings.join(", ")));
        }
    }
    if out.is_empty() {
        out.push_str("ok\n");
    }
    out
}

/// Checks a library (no `main` needed).
pub fn check(text: &str, expect: Expect) {
    expect.assert_eq(&outcome(text, CheckMode::Library));
}

/// Checks a program (`main` required).
pub fn check_program(text: &str, expect: Expect) {
    expect.assert_eq(&outcome(text, CheckMode::Program));
}
