//! Parser snapshots: every file of `parser/ok` and `parser/err` against its `.ast`, and every
//! example (LANGUAGE.md's code blocks among them) against `parser/examples/NAME.ast`.

use mlc_tests::parser::{check_folder, check_folder_against, Expectation};
use std::path::Path;

#[test]
fn parser_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("parser");
    let mut failures = check_folder(&root.join("ok"), Expectation::Clean);
    failures.extend(check_folder(&root.join("err"), Expectation::Errors));
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    failures.extend(check_folder_against(&examples, &root.join("examples"), Expectation::Clean));
    assert!(
        failures.is_empty(),
        "{} failing file(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
