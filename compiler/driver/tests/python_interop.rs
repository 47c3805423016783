//! The Python interop suite: every program of `tests/python/` (same format as `tests/run/`,
//! with `# Stderr:` and `# Env:` headers) runs through both back ends, Cranelift (`mlc run`)
//! and LLVM (`mlc build -O2`), against the numpy and torch of the project's environment,
//! with the leak check on. The programs cover each feature of LANGUAGE.md's Python section,
//! the conversions of each native type, zero-copy tensors in both directions and the error
//! cases.
//!
//! `MLC_RUN_FILTER=substring` runs only the programs whose name contains it.

mod programs;

use programs::{programs, run_all, Way};

const WAYS: &[Way] = &[Way::Cranelift { optimize: false }, Way::Llvm { opt_level: 2 }];

#[test]
fn every_interop_program_runs_the_same_through_both_back_ends() {
    let programs = programs("tests/python", &[]);
    assert!(
        programs.len() >= 30 || std::env::var("MLC_RUN_FILTER").is_ok(),
        "expected at least 30 interop programs, found {}",
        programs.len()
    );
    let (runs, failures) = run_all(&programs, WAYS, "mlc-python-interop");
    assert!(
        failures.is_empty(),
        "{} of {runs} runs failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
