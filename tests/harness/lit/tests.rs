//! The runner over fake tools: RUN line syntax, exit statuses, filecheck, and that nothing
//! is skipped.

use super::run_line::{find_run_lines, parse_command, Command};
use super::*;

/// `echo-input`: prints the test file's text with its comment lines removed (so the checks
/// do not match themselves), and its arguments on stderr. `fail`: exits 1 with a message on
/// stderr. `panic`: panics. `later`: declared unavailable.
fn fake_tools() -> Tools {
    let mut tools = Tools::new();
    tools
        .add("echo-input", |args, text| ToolOutput {
            stdout: text
                .unwrap_or("")
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .map(|line| format!("{line}\n"))
                .collect(),
            stderr: format!("args: {}\n", args.join(" ")),
            exit_code: 0,
        })
        .add("fail", |_, _| ToolOutput {
            stdout: String::new(),
            stderr: "error: it went wrong\n".to_string(),
            exit_code: 1,
        })
        .add("panic", |_, _| panic!("a bug in the tool"))
        .unavailable("later", "it is written next week");
    tools
}

fn run(text: &str) -> Result<usize, Vec<String>> {
    run_text("tests/ir/case.ir", text, &fake_tools())
}

#[track_caller]
fn fails_with(text: &str, parts: &[&str]) {
    let failures = run(text).expect_err("the test should fail");
    let report = failures.join("\n");
    for part in parts {
        assert!(report.contains(part), "the report lacks {part:?}:\n{report}");
    }
}

const BODY: &str = "\
builtin.module ({
  %0 = arith.constant {value = 1 : i64} : i64
})
";

// ---- finding RUN lines ----

#[test]
fn run_lines_and_continuations() {
    let text = "// RUN: a b \\\n//   RUN: c\n// not a run line\n// RUN: d\n";
    let lines = find_run_lines(text, "//").unwrap();
    assert_eq!(
        lines,
        [
            RunLine { line_number: 1, text: "a b c".to_string() },
            RunLine { line_number: 4, text: "d".to_string() },
        ]
    );
    let ml = find_run_lines("# RUN: mlc build %s --emit ir\nfn main():\n    pass\n", "#").unwrap();
    assert_eq!(ml[0].text, "mlc build %s --emit ir");
}

#[test]
fn misplaced_and_unfinished_run_lines_are_errors() {
    let errors = find_run_lines("# RUN: x\n", "//").unwrap_err();
    assert!(errors[0].contains("`RUN:` must start a `//` comment"), "{errors:?}");
    let errors = find_run_lines("// RUN: x \\\nfoo\n", "//").unwrap_err();
    assert!(errors[0].contains("is not a RUN line"), "{errors:?}");
    let errors = find_run_lines("// RUN: x \\\n", "//").unwrap_err();
    assert!(errors[0].contains("at the end of the file"), "{errors:?}");
    let errors = find_run_lines("// RUN:\n", "//").unwrap_err();
    assert!(errors[0].contains("empty RUN line"), "{errors:?}");
}

// ---- parsing commands ----

#[test]
fn commands_parse() {
    let command = parse_command("not mlc-opt %s --pass cse 2>&1 | filecheck %s", "t.ir").unwrap();
    assert_eq!(
        command,
        Command {
            expect_failure: true,
            tool: "mlc-opt".to_string(),
            args: vec!["t.ir".to_string(), "--pass".to_string(), "cse".to_string()],
            merge_stderr: true,
            filecheck_args: Some(vec!["t.ir".to_string()]),
        }
    );
    let command = parse_command("mlc-opt %s '--pass=a b' \"x\\\"y\" 100%%", "t.ir").unwrap();
    assert_eq!(command.args, ["t.ir", "--pass=a b", "x\"y", "100%"]);
    assert_eq!(command.filecheck_args, None);
    assert!(!command.expect_failure && !command.merge_stderr);
}

#[test]
fn unsupported_syntax_is_an_error() {
    for (text, part) in [
        ("mlc-opt %t", "unknown substitution `%t`"),
        ("mlc-opt %s > out", "unsupported shell syntax `>`"),
        ("mlc-opt %s && true", "unsupported shell syntax `&`"),
        ("mlc-opt %s | filecheck %s | filecheck %s", "only one pipe"),
        ("mlc-opt %s | grep x", "unknown tool after the pipe: `grep`"),
        ("mlc-opt %s | not filecheck %s", "unknown tool after the pipe: `not`"),
        ("mlc-opt %s 2>&1 --pass x", "`2>&1` must come last"),
        ("not", "no tool to run"),
        ("not not mlc-opt", "`not not`"),
        ("filecheck %s", "filecheck needs input"),
        ("mlc-opt '%s", "unterminated quote"),
        ("mlc-opt %s |", "nothing after the pipe"),
    ] {
        let error = parse_command(text, "t.ir").expect_err(text);
        assert!(error.contains(part), "{text}: {error}");
    }
}

// ---- running ----

#[test]
fn a_passing_file() {
    let text = format!(
        "// RUN: echo-input %s | filecheck %s\n// RUN: echo-input %s\n// CHECK: arith.constant\n{BODY}"
    );
    assert_eq!(run(&text), Ok(2));
}

#[test]
fn a_failing_check_fails_and_the_report_names_the_run_line() {
    let text = format!("// RUN: echo-input %s | filecheck %s\n// CHECK: arith.muli\n{BODY}");
    fails_with(
        &text,
        &[
            "tests/ir/case.ir:1: RUN: echo-input %s | filecheck %s",
            "tests/ir/case.ir:2:11: error: CHECK: expected string not found in input",
            "scanning from here",
            // The unchecked stderr is shown, saying why it was not checked.
            "--- stderr (not checked: `2>&1` would check it)",
        ],
    );
}

#[test]
fn stderr_is_checked_only_with_the_redirect() {
    let checks = format!("// CHECK: args: tests/ir/case.ir --flag\n{BODY}");
    fails_with(&format!("// RUN: echo-input %s --flag | filecheck %s\n{checks}"), &["CHECK"]);
    let merged = format!("// RUN: echo-input %s --flag 2>&1 | filecheck %s\n{checks}");
    assert_eq!(run(&merged), Ok(1));
    // stdout comes first, then stderr.
    let order = format!(
        "// RUN: echo-input %s 2>&1 | filecheck %s\n// CHECK: arith.constant\n// CHECK: args:\n{BODY}"
    );
    assert_eq!(run(&order), Ok(1));
}

#[test]
fn exit_statuses() {
    // A failing tool without `not` fails, and the report shows its output.
    fails_with(
        &format!("// RUN: fail %s\n{BODY}"),
        &["`fail` exited with code 1, expected exit code 0", "error: it went wrong"],
    );
    assert_eq!(run(&format!("// RUN: not fail %s\n{BODY}")), Ok(1));
    // `not` on a tool that succeeds fails.
    fails_with(
        &format!("// RUN: not echo-input %s\n{BODY}"),
        &["`echo-input` exited with code 0, expected a non-zero exit code"],
    );
    // `not ... 2>&1 | filecheck` checks the error output.
    let checked =
        format!("// RUN: not fail %s 2>&1 | filecheck %s\n// CHECK: error: it went wrong\n{BODY}");
    assert_eq!(run(&checked), Ok(1));
    let wrong =
        format!("// RUN: not fail %s 2>&1 | filecheck %s\n// CHECK: error: something else\n{BODY}");
    fails_with(&wrong, &["CHECK: expected string not found"]);
}

#[test]
fn nothing_is_skipped() {
    fails_with(BODY, &["tests/ir/case.ir: no RUN line"]);
    fails_with(
        &format!("// RUN: mystery %s\n{BODY}"),
        &["unknown tool `mystery` (known: `echo-input`, `fail`, `later`, `panic`)"],
    );
    fails_with(
        &format!("// RUN: later %s\n{BODY}"),
        &["tool `later` is not available: it is written next week"],
    );
    fails_with(&format!("// RUN: panic %s\n{BODY}"), &["`panic` panicked: a bug in the tool"]);
    fails_with(
        &format!("// RUN: echo-input %s | filecheck other.ir\n// CHECK: x\n{BODY}"),
        &["filecheck takes the test file itself"],
    );
    fails_with(
        &format!("// RUN: echo-input %s | filecheck %s --bogus\n// CHECK: x\n{BODY}"),
        &["filecheck: unknown option `--bogus`"],
    );
}

#[test]
fn every_failing_run_line_is_reported() {
    let text = format!(
        "// RUN: fail %s\n// RUN: echo-input %s\n// RUN: mystery\n// RUN: echo-input %s | filecheck %s\n// CHECK: arith.constant\n{BODY}"
    );
    let failures = run(&text).unwrap_err();
    assert_eq!(failures.len(), 2, "{failures:#?}");
    assert!(failures[0].starts_with("tests/ir/case.ir:1:"), "{failures:#?}");
    assert!(failures[1].starts_with("tests/ir/case.ir:3:"), "{failures:#?}");
}

#[test]
fn the_tool_gets_the_file_text_only_when_the_file_is_an_argument() {
    let mut tools = Tools::new();
    tools.add("show", |_, text| ToolOutput {
        stdout: format!("text given: {}\n", text.is_some()),
        stderr: String::new(),
        exit_code: 0,
    });
    let text = "// RUN: show %s | filecheck %s\n// CHECK: text given: true\n";
    assert_eq!(run_text("tests/ir/a.ir", text, &tools), Ok(1));
    let text = "// RUN: show --list | filecheck %s\n// CHECK: text given: false\n";
    assert_eq!(run_text("tests/ir/a.ir", text, &tools), Ok(1));
}

#[test]
fn the_mlc_tool_calls_emit_ir() {
    let mut tools = Tools::new();
    tools.add(
        "mlc",
        mlc_build_tool(|path, text, stage, opt_level| {
            if text.contains("bad") {
                Err(format!("error[E0100]: in {path}"))
            } else {
                Ok(format!("ir of {path}, raw = {}, -O{opt_level}\n", stage == "ir-raw"))
            }
        }),
    );
    let good = "# RUN: mlc build %s --emit ir | filecheck %s\n# RUN: mlc build %s --emit=ir-raw | filecheck %s --check-prefix=RAW\n# CHECK: ir of tests/ir/a.ml, raw = false, -O2\n# RAW: raw = true\n";
    assert_eq!(run_text("tests/ir/a.ml", good, &tools), Ok(2));
    let levels = "# RUN: mlc build %s --emit ir -O0 | filecheck %s\n# RUN: mlc build -O 1 %s --emit ir | filecheck %s --check-prefix=ONE\n# CHECK: raw = false, -O0\n# ONE: raw = false, -O1\n";
    assert_eq!(run_text("tests/ir/a.ml", levels, &tools), Ok(2));
    let bad_level = "# RUN: mlc build %s --emit ir -O7\n";
    let failures = run_text("tests/ir/a.ml", bad_level, &tools).unwrap_err();
    assert!(failures[0].contains("bad optimization level"), "{failures:?}");
    let bad = "# RUN: not mlc build %s --emit ir 2>&1 | filecheck %s\n# CHECK: error[E0100]: in tests/ir/a.ml\nbad\n";
    assert_eq!(run_text("tests/ir/a.ml", bad, &tools), Ok(1));
    let unsupported = "# RUN: mlc run %s\n";
    let failures = run_text("tests/ir/a.ml", unsupported, &tools).unwrap_err();
    assert!(failures[0].contains("exited with code 2"), "{failures:?}");
    assert!(
        failures[0].contains("supports `mlc build FILE --emit ir|ir-raw|ir-low [-O N]`"),
        "{failures:?}"
    );
}

// ---- the suite over a folder ----

/// A fresh folder under the system's temporary folder, removed at the end.
struct TemporaryFolder(PathBuf);

impl TemporaryFolder {
    fn new(name: &str) -> TemporaryFolder {
        let path = std::env::temp_dir().join(format!("mlc-lit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(path.join("nested")).unwrap();
        TemporaryFolder(path)
    }

    fn write(&self, relative: &str, text: &str) {
        std::fs::write(self.0.join(relative), text).unwrap();
    }
}

impl Drop for TemporaryFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_suite_runs_every_file_recursively_and_reports_all_failures() {
    let folder = TemporaryFolder::new("suite");
    let passing = format!("// RUN: echo-input %s | filecheck %s\n// CHECK: arith.constant\n{BODY}");
    folder.write("a.ir", &passing);
    folder.write("nested/b.ir", &passing);
    folder.write("nested/c.ir", BODY);
    folder.write("nested/d.ml", "# RUN: fail %s\n");
    folder.write("README.md", "documentation");
    let tools = fake_tools();

    let report = run_suite(&folder.0, "tests/ir", &tools, None).unwrap_err();
    assert!(report.starts_with("2 of 4 test files failed (2 failures)"), "{report}");
    assert!(report.contains("tests/ir/nested/c.ir: no RUN line"), "{report}");
    assert!(report.contains("tests/ir/nested/d.ml:1: RUN: fail %s"), "{report}");

    let summary = run_suite(&folder.0, "tests/ir", &tools, Some("b.ir")).unwrap();
    assert_eq!(summary, Summary { files: 1, run_lines: 1 });
    let report = run_suite(&folder.0, "tests/ir", &tools, Some("zzz")).unwrap_err();
    assert!(report.contains("no test file under tests/ir matches the filter `zzz`"), "{report}");

    folder.write("nested/e.mlir", "");
    let report = run_suite(&folder.0, "tests/ir", &tools, None).unwrap_err();
    assert!(report.contains("tests/ir/nested/e.mlir: not a test"), "{report}");
}
