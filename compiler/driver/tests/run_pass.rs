//! The run-pass suite: every program of `tests/run/` (see its README) is compiled and run
//! four ways — Cranelift (`mlc run`) unoptimized and optimized, LLVM (`mlc build`) at `-O0`
//! and `-O2` — and each way must write exactly the `.out` file to stdout and exit with the
//! header's `# Exit:` code. A panic's message (stderr) must name the program's file, a line
//! and a column. Every run has `MLC_CHECK_LEAKS` set: a program that ends with a runtime
//! object still allocated fails (reference counting releases everything `main` made).
//!
//! `MLC_RUN_FILTER=substring` runs only the programs whose name contains it.

mod programs;

use std::process::Command;

use programs::{check_suite, repository, Way};

/// Programs that cannot run yet, each with the reason. Keep this list short and honest.
const NOT_YET: &[(&str, &str)] = &[];

const WAYS: &[Way] = &[
    Way::Cranelift { optimize: false },
    Way::Cranelift { optimize: true },
    Way::Llvm { opt_level: 0 },
    Way::Llvm { opt_level: 2 },
];

#[test]
fn every_program_runs_the_same_through_both_back_ends_at_both_levels() {
    check_suite("tests/run", NOT_YET, 80, WAYS);
}

/// The differential half: the expected outputs of the programs that mean the same in Python
/// are CPython's. `to_python.py --check` translates each of them, runs it with `python3` and
/// compares with its `.out` and `# Exit:`; the test above compares mlc with the same files.
#[test]
fn the_expected_outputs_are_what_cpython_prints() {
    let output = Command::new("python3")
        .arg(repository().join("tests/run/to_python.py"))
        .arg("--check")
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("0 problem(s)"), "{stdout}");
}
