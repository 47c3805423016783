//! Properties over every IR test input of the repository (`tests/ir/**/*.ir`, each part of
//! a `--split-input-file` file on its own): every pass alone, every pass after `scf-to-cf`
//! (the unstructured form) and both pipelines leave IR that verifies, and
//! `canonicalize`, `cse` and `dce` reach a fixed point (a second run changes nothing).

#[path = "common/check.rs"]
mod common;

use std::path::{Path, PathBuf};

use mlc_ir::{parse_module, print_module, verify, Module, Registry};
use mlc_transforms::{all_passes, pipeline};

fn ir_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ir_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "ir") {
            files.push(path);
        }
    }
}

/// Every part of every test file that parses and verifies (error tests are skipped: their
/// point is to be invalid), named by file and part.
fn inputs() -> Vec<(String, Module)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/ir");
    let mut files = Vec::new();
    ir_files(&root, &mut files);
    let registry = Registry::with_all_dialects();
    let mut inputs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable test file");
        for (index, part) in text.split("\n// -----\n").enumerate() {
            let Ok(module) = parse_module(part, &registry) else { continue };
            if verify(&module).is_ok() {
                inputs.push((format!("{} part {index}", file.display()), module));
            }
        }
    }
    inputs
}

#[test]
fn the_test_inputs_are_found() {
    let names: Vec<String> = inputs().into_iter().map(|(name, _)| name).collect();
    for pass in ["canonicalize", "cse", "dce", "inline", "licm", "scf-to-cf", "pipeline"] {
        let file = format!("passes/{pass}.ir");
        assert!(names.iter().any(|name| name.contains(&file)), "no input from {file}: {names:?}");
    }
}

#[test]
fn every_pass_leaves_verifying_ir() {
    for (name, input) in inputs() {
        for pass in all_passes() {
            let mut module = input.clone();
            pass.run(&mut module)
                .unwrap_or_else(|error| panic!("{name}: {}: {error}", pass.name()));
            common::assert_verifies(&module, &format!("{name} after {}", pass.name()));
        }
    }
}

#[test]
fn every_pass_leaves_verifying_ir_after_scf_to_cf() {
    for (name, input) in inputs() {
        let mut lowered = input.clone();
        common::run(&mut lowered, &["scf-to-cf"]);
        for pass in all_passes() {
            let mut module = lowered.clone();
            pass.run(&mut module)
                .unwrap_or_else(|error| panic!("{name}: {}: {error}", pass.name()));
            common::assert_verifies(&module, &format!("{name} after scf-to-cf, {}", pass.name()));
        }
    }
}

#[test]
fn the_pipelines_leave_verifying_ir() {
    for (name, input) in inputs() {
        for pipeline_name in ["default", "optimize"] {
            let mut module = input.clone();
            for pass in pipeline(pipeline_name).expect("a known pipeline") {
                pass.run(&mut module)
                    .unwrap_or_else(|error| panic!("{name}: {}: {error}", pass.name()));
                let stage = format!("{name} after {} ({pipeline_name})", pass.name());
                common::assert_verifies(&module, &stage);
            }
        }
    }
}

#[test]
fn cleanups_reach_a_fixed_point() {
    for (name, input) in inputs() {
        for pass in ["canonicalize", "cse", "dce"] {
            let mut once = input.clone();
            common::run(&mut once, &[pass]);
            let mut twice = once.clone();
            common::run(&mut twice, &[pass]);
            assert_eq!(print_module(&once), print_module(&twice), "{name}: {pass} twice");
        }
    }
}
