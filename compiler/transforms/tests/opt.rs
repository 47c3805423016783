//! `mlc-opt` through `run_opt`: output, errors and exit codes of each option.

use expect_test::expect;
use mlc_transforms::{run_opt, OptOutput};

fn opt(args: &[&str], input: &str) -> OptOutput {
    let args: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
    run_opt(&args, Some(input))
}

const TWICE: &str = r#"builtin.module ({
  func.func {function_type = (i64) -> i64, sym_name = "twice"} ({
  ^entry(%x: i64):
    %a = arith.addi %x, %x : i64
    %b = arith.addi %x, %x : i64
    %c = arith.muli %a, %b : i64
    func.return %c : i64
  })
})
"#;

#[test]
fn runs_passes_in_order_and_prints_the_result() {
    let output = opt(&["twice.ir", "--pass", "cse", "--pass=dce"], TWICE);
    assert_eq!((output.exit_code, output.stderr.as_str()), (0, ""));
    expect![[r#"
        builtin.module ({
        ^bb0:
          func.func {function_type = (i64) -> i64, sym_name = "twice"} ({
          ^bb0(%0: i64):
            %1 = arith.addi %0, %0 : i64
            %2 = arith.muli %1, %1 : i64
            func.return %2 : i64
          })
        })
    "#]]
    .assert_eq(&output.stdout);
}

#[test]
fn without_passes_the_input_is_printed_back() {
    let output = opt(&["twice.ir"], TWICE);
    assert_eq!(output.exit_code, 0);
    assert_eq!(output.stdout.matches("arith.addi").count(), 2);
}

#[test]
fn print_ir_after_all_dumps_to_stderr() {
    let output =
        opt(&["twice.ir", "--pass", "cse", "--pass", "dce", "--print-ir-after-all"], TWICE);
    assert_eq!(output.exit_code, 0);
    let headers: Vec<&str> =
        output.stderr.lines().filter(|line| line.starts_with("// -----// IR Dump")).collect();
    assert_eq!(
        headers,
        ["// -----// IR Dump After cse //----- //", "// -----// IR Dump After dce //----- //"]
    );
    assert!(output.stderr.contains("builtin.module"));
}

#[test]
fn a_pipeline_expands_to_its_passes() {
    let output = opt(&["twice.ir", "--pipeline", "default", "--print-ir-after-all"], TWICE);
    assert_eq!(output.exit_code, 0, "{}", output.stderr);
    let passes: Vec<&str> = output
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("// -----// IR Dump After "))
        .map(|rest| rest.trim_end_matches(" //----- //"))
        .collect();
    let expected: Vec<&str> =
        mlc_transforms::pipeline("default").unwrap().iter().map(|pass| pass.name()).collect();
    assert_eq!(passes, expected);
    assert_eq!(passes.last(), Some(&"scf-to-cf"));
}

#[test]
fn parse_errors_name_the_file_line_and_column() {
    let output = opt(&["broken.ir"], "builtin.module ({\n  func.func ({\n    %x = \n");
    assert_eq!(output.exit_code, 1);
    assert_eq!(output.stdout, "");
    expect![[r#"
        broken.ir:4:1: error: unknown op ``
    "#]]
    .assert_eq(&output.stderr);
}

#[test]
fn verifier_errors_are_listed_unless_verification_is_off() {
    let input = r#"builtin.module ({
  func.func {function_type = (i64) -> i64, sym_name = "f"} ({
  ^entry(%x: i64):
    %a = arith.addi %x, %x : (i64, i64) -> i32 loc("f.ml":3:5)
    func.return %a : i32
  })
})
"#;
    let output = opt(&["f.ir"], input);
    assert_eq!(output.exit_code, 1);
    expect![[r#"
        error: f.ml:3:5: `arith.addi`: type mismatch: operands i64 and i64 and result i32 must have one type
        error: `func.return`: returns (i32) but the function returns (i64)
    "#]]
    .assert_eq(&output.stderr);
    let unchecked = opt(&["f.ir", "--no-verify"], input);
    assert_eq!(unchecked.exit_code, 0);
    assert!(unchecked.stdout.contains("-> i32"));
}

#[test]
fn split_input_file_processes_each_part() {
    let input =
        format!("// RUN: a comment-only part is skipped\n// -----\n{TWICE}// -----\n{TWICE}");
    let output = opt(&["two.ir", "--split-input-file", "--pass", "cse"], &input);
    assert_eq!(output.exit_code, 0, "{}", output.stderr);
    assert_eq!(output.stdout.matches("// -----\n").count(), 1);
    assert_eq!(output.stdout.matches("arith.addi").count(), 2);

    let with_error = format!("{TWICE}// -----\nbuiltin.module ({{\n  nope\n}})\n");
    let output = opt(&["two.ir", "--split-input-file"], &with_error);
    assert_eq!(output.exit_code, 1);
    assert!(output.stdout.contains("sym_name = \"twice\""));
    // The error's line is the file's, not the part's.
    assert!(output.stderr.starts_with("two.ir:12:"), "{}", output.stderr);
}

#[test]
fn command_line_mistakes_exit_with_2() {
    let unknown_pass = opt(&["f.ir", "--pass", "fold-everything"], TWICE);
    assert_eq!(unknown_pass.exit_code, 2);
    expect![[r#"
        error: unknown pass `fold-everything`; known passes: bounds-check-elim, canonicalize, cse, dce, drop-overflow-checks, inline, inline-recursive, licm, loop-versioning, py-fold-conversions, scf-to-cf, tail-recursion-elim, tensor-fusion, tensor-to-loops
    "#]]
    .assert_eq(&unknown_pass.stderr);
    let unknown_pipeline = opt(&["f.ir", "--pipeline", "fast"], TWICE);
    assert_eq!(unknown_pipeline.exit_code, 2);
    assert!(unknown_pipeline.stderr.contains("known pipelines: default, optimize"));
    assert_eq!(opt(&["f.ir", "--frobnicate"], TWICE).exit_code, 2);
    assert_eq!(opt(&["f.ir", "g.ir"], TWICE).exit_code, 2);
    assert_eq!(opt(&["--pass"], TWICE).exit_code, 2);
    assert_eq!(opt(&[], TWICE).exit_code, 2);
}

#[test]
fn list_passes_names_every_pass_and_pipeline() {
    let output = opt(&["--list-passes"], "");
    assert_eq!(output.exit_code, 0);
    for pass in mlc_transforms::all_passes() {
        assert!(output.stdout.contains(pass.name()), "{}", output.stdout);
    }
    assert!(output.stdout.contains("default") && output.stdout.contains("optimize"));
}

#[test]
fn a_missing_file_is_an_error() {
    let args = vec!["/nonexistent/mlc-opt-input.ir".to_string()];
    let output = run_opt(&args, None);
    assert_eq!(output.exit_code, 1);
    assert!(output.stderr.starts_with("error: cannot read `/nonexistent/mlc-opt-input.ir`"));
}
