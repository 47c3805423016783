//! Every example program lowers to IR that verifies.

use mlc_semantics::{check_file, CheckMode, Database};

fn lower(path: &str, text: &str) -> String {
    let mut db = Database::new();
    let file = db.add_file(path, text);
    let errors: Vec<_> =
        check_file(&db, file, CheckMode::Program).into_iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{path} does not check: {errors:?}");
    let module = mlc_lower::lower_file(&db, file);
    let printed = mlc_ir::print_module(&module);
    if let Err(errors) = mlc_ir::verify(&module) {
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{path}: the IR does not verify:\n{}\n\n{printed}", messages.join("\n"));
    }
    printed
}

#[test]
fn every_example_lowers_and_verifies() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let printed = lower(&name, &text);
        if std::env::var_os("MLC_SHOW_IR").is_some() {
            println!("==== {name}\n{printed}");
        }
    }
}
