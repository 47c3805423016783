//! The Python interop suite: every program of `tests/python/` (same format as `tests/run/`,
//! with `# Stderr:` and `# Env:` headers) runs through both back ends, Cranelift (`mlc run`)
//! and LLVM (`mlc build -O2`), against the numpy and torch of the project's environment,
//! with the leak check on. The programs cover each feature of LANGUAGE.md's Python section,
//! the conversions of each native type, zero-copy tensors in both directions and the error
//! cases.
//!
//! `MLC_RUN_FILTER=substring` runs only the programs whose name contains it.

mod programs;

use programs::{check_suite, Way};

const WAYS: &[Way] = &[Way::Cranelift { optimize: false }, Way::Llvm { opt_level: 2 }];

#[test]
fn every_interop_program_runs_the_same_through_both_back_ends() {
    check_suite("tests/python", &[], 30, WAYS);
}

/// The leak test: a million calls into Python (arguments converted in, results cast out)
/// leave the peak memory where it was after the first 100,000, through both back ends.
/// Every `PyObject` the loop makes is released exactly once: a leak of one object per call
/// would add tens of MiB.
#[test]
fn a_million_python_calls_keep_the_peak_memory_flat() {
    let program = "tests/python/memory/million_calls.ml";
    let scratch = std::env::temp_dir().join(format!("mlc-million-calls-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let executable = scratch.join("million_calls");
    let mlc = || std::process::Command::new(env!("CARGO_BIN_EXE_mlc"));
    let build = mlc()
        .current_dir(programs::repository())
        .args(["build", "-O2", "-o"])
        .arg(&executable)
        .arg(program)
        .output()
        .expect("mlc runs");
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let jit = mlc().current_dir(programs::repository()).args(["run", program]).output();
    let built = std::process::Command::new(&executable).output();
    std::fs::remove_dir_all(&scratch).ok();
    for (way, output) in [("mlc run", jit), ("mlc build", built)] {
        let output = output.expect("the program runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{way}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let figures: Vec<i64> =
            stdout.split_whitespace().map(|n| n.parse().expect("a number")).collect();
        let [checksum, early, late] = figures[..] else { panic!("{way}: {stdout}") };
        // What CPython gives for the same two loops.
        assert_eq!(checksum, 409_999_500_056, "{way}: the loop's checksum");
        assert!(
            late - early <= 1024,
            "{way}: the peak memory grew from {early} KiB to {late} KiB over 900,000 calls"
        );
    }
}
