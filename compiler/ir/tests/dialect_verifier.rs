//! The verifier's messages for every dialect: each part of a `tests/ir/dialects/*-invalid.ir`
//! file is one ill-formed module, and its `CHECK` lines are exactly the `error: ...` lines the
//! verifier gives for it (what `mlc-opt --split-input-file` prints), nothing more or less.

#[path = "common/ir_files.rs"]
mod ir_files;

use mlc_ir::{parse_module, verify, Registry};

/// The `error: ...` lines of one module, or why there are none.
fn errors(text: &str) -> Vec<String> {
    match parse_module(text, &Registry::with_all_dialects()) {
        Err(error) => vec![format!("parse error: {error}")],
        Ok(module) => match verify(&module) {
            Ok(()) => vec!["(verifies)".to_string()],
            Err(errors) => errors.iter().map(|e| format!("error: {e}")).collect(),
        },
    }
}

#[test]
fn every_invalid_case_gives_exactly_its_checked_errors() {
    let files = ir_files::invalid_files();
    assert!(!files.is_empty(), "no files in {}", ir_files::directory().display());
    let mut mismatches = String::new();
    for file in files {
        for (index, part) in ir_files::split_parts(&file.text).iter().enumerate() {
            let expected: Vec<String> =
                ir_files::checks(part).into_iter().map(|(pattern, _)| pattern).collect();
            let found = errors(part);
            if found != expected {
                mismatches.push_str(&format!(
                    "{}.ir, part {}:\n  expected: {expected:#?}\n  found: {found:#?}\n",
                    file.name,
                    index + 1
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{mismatches}");
}
