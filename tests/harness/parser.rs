//! The parser snapshot suite: `tests/parser/ok/*.ml` and `tests/parser/err/*.ml`, and the
//! programs of `examples/` (whose trees are kept in `tests/parser/examples/`).
//!
//! Each `.ml` file has its expected output beside it as `.ast`: the tree as
//! [`mlc_syntax::dump`] prints it and, for `err/` files, a `--- errors ---` section with each
//! diagnostic (code, span, message, label, notes, hints). An `ok/` file must parse with no
//! error and an `err/` file with at least one; the `.ast` files are the parser's spec.

use crate::expect::check_expected_file;
use std::path::{Path, PathBuf};

/// Whether a folder's files must parse cleanly or must report errors.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    Clean,
    Errors,
}

/// The text stored in a `.ast` file for `source`.
pub fn snapshot(source: &str) -> String {
    let parse = mlc_syntax::parse(source);
    let mut out = mlc_syntax::dump(&parse.module);
    if !parse.errors.is_empty() {
        out.push_str("--- errors ---\n");
        out.push_str(&mlc_syntax::dump_diagnostics(&parse.errors));
    }
    out
}

/// The `.ml` files of a folder, sorted.
pub fn sources(folder: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|extension| extension == "ml"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// Checks every file of `folder` against the `.ast` beside it; one message per failing file.
pub fn check_folder(folder: &Path, expectation: Expectation) -> Vec<String> {
    check_folder_against(folder, folder, expectation)
}

/// Checks every `.ml` file of `folder` against the `.ast` of the same name in `expected`
/// (for sources that live elsewhere, such as `examples/`).
pub fn check_folder_against(
    folder: &Path,
    expected: &Path,
    expectation: Expectation,
) -> Vec<String> {
    let mut failures = Vec::new();
    let paths = sources(folder);
    if paths.is_empty() {
        failures.push(format!("{}: no .ml files found", folder.display()));
    }
    for path in paths {
        let source = match std::fs::read_to_string(&path) {
            Ok(source) => source,
            Err(error) => {
                failures.push(format!("{}: cannot read: {error}", path.display()));
                continue;
            }
        };
        let parse = mlc_syntax::parse(&source);
        match (expectation, parse.errors.is_empty()) {
            (Expectation::Clean, false) => failures.push(format!(
                "{}: expected no syntax error, got:\n{}",
                path.display(),
                mlc_syntax::dump_diagnostics(&parse.errors)
            )),
            (Expectation::Errors, true) => {
                failures.push(format!("{}: expected syntax errors, got none", path.display()))
            }
            _ => {}
        }
        let expected_path = expected.join(path.file_name().unwrap()).with_extension("ast");
        if let Err(failure) = check_expected_file(&expected_path, &snapshot(&source)) {
            failures.push(failure);
        }
    }
    failures
}
