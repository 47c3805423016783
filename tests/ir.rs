//! The IR text tests: every `.ir` and `.ml` file under `tests/ir/`, run by the lit-style
//! runner of `harness/lit.rs` with the tools below (see `tests/ir/README.md`).
//!
//! `MLC_LIT_FILTER=substring` runs only the files whose path contains it.

use mlc_tests::lit::{mlc_build_tool, run_suite, ToolOutput, Tools};
use std::path::Path;

/// The tools RUN lines may name, each in process.
fn tools() -> Tools {
    let mut tools = Tools::new();
    tools
        .add("mlc-opt", |args, input| {
            let output = mlc_transforms::opt::run_opt(args, input);
            ToolOutput { stdout: output.stdout, stderr: output.stderr, exit_code: output.exit_code }
        })
        .add("mlc", mlc_build_tool(mlc_driver::build::emit_named_stage));
    tools
}

#[test]
fn ir_text_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("ir");
    let filter = std::env::var("MLC_LIT_FILTER").ok().filter(|filter| !filter.is_empty());
    match run_suite(&root, "tests/ir", &tools(), filter.as_deref()) {
        Ok(summary) => println!(
            "{} IR test files passed ({} RUN lines){}",
            summary.files,
            summary.run_lines,
            filter.map_or(String::new(), |filter| format!(", MLC_LIT_FILTER={filter}"))
        ),
        Err(report) => panic!("{report}"),
    }
}
