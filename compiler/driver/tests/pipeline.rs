//! Every program of the repository that should compile (the examples, the run-pass corpus,
//! the lowering tests) lowers to IR that verifies, and still verifies after every pass of
//! both pipelines, `default` (`-O0`) and `optimize` (`-O2`) (`emit_ir` verifies between
//! passes and panics, failing this test, on the first pass that breaks the IR).

use std::path::{Path, PathBuf};

fn programs(folder: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(folder);
    let Ok(entries) = std::fs::read_dir(&root) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "ml"))
        .collect();
    paths.sort();
    paths
}

fn lower_all(folder: &str, minimum: usize) {
    let paths = programs(folder);
    assert!(paths.len() >= minimum, "expected at least {minimum} programs in {folder}");
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("a readable program");
        let name = path.display().to_string();
        for (raw, opt_level) in [(true, 0), (false, 0), (false, 2)] {
            let result = std::panic::catch_unwind(|| {
                mlc_driver::build::emit_ir(&name, &text, raw, opt_level)
            });
            match result {
                Ok(Ok(ir)) => assert!(ir.contains("builtin.module")),
                Ok(Err(diagnostics)) => {
                    failures.push(format!("{name}: does not check:\n{diagnostics}"))
                }
                Err(panic) => {
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    failures.push(format!("{name} (raw: {raw}, -O{opt_level}): {message}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn examples_lower_and_verify_after_every_pass() {
    lower_all("examples", 4);
}

#[test]
fn lowering_tests_lower_and_verify_after_every_pass() {
    lower_all("tests/ir/lowering", 4);
}

#[test]
fn run_pass_programs_lower_and_verify_after_every_pass() {
    lower_all("tests/run", 60);
}
