//! Every program under the repository's `examples/` checks with zero diagnostics.

mod support;

use mlc_semantics::{check_file, CheckMode, Database};

#[test]
fn examples_check_clean() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.retain(|path| path.extension().is_some_and(|extension| extension == "ml"));
    paths.sort();
    let mut failures = String::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("readable example");
        let mut db = Database::new();
        let file = db.add_file(&path.display().to_string(), &text);
        for diagnostic in check_file(&db, file, CheckMode::Program) {
            failures.push_str(&format!(
                "{}: {}",
                path.display(),
                support::render(&text, &diagnostic)
            ));
        }
    }
    assert!(failures.is_empty(), "{failures}");
    println!("{} examples checked", paths.len());
}
