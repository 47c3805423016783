//! The real `mlc` executable, run as a user would: exit codes, streams, formats.

use std::path::PathBuf;
use std::process::{Command, Output};

const CLEAN_PROGRAM: &str = "fn main():\n    let n = 40 + 2\n    print(n)\n";
/// One unknown name: an error with a code and a label.
const BROKEN_PROGRAM: &str = "fn main():\n    print(nme)\n";

fn mlc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mlc"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("MLC_INTERNAL_TEST_ICE")
        .output()
        .expect("the mlc executable runs")
}

/// Writes `text` to a file of its own under the target folder's scratch space.
fn source_file(name: &str, text: &str) -> String {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mlc-cli-tests");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("mlc writes UTF-8")
}

#[test]
fn a_clean_file_exits_0_and_prints_nothing() {
    let path = source_file("clean.ml", CLEAN_PROGRAM);
    let output = mlc(&["check", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "");
    assert_eq!(text(&output.stderr), "");

    let output = mlc(&["check", "-v", &path]);
    assert_eq!(text(&output.stderr), format!("checked {path}: no errors\n"));
}

#[test]
fn errors_exit_1_with_the_rendering_and_a_summary_on_stderr() {
    let path = source_file("broken.ml", BROKEN_PROGRAM);
    let output = mlc(&["check", "--color", "never", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("error[E0100]: "), "{stderr}");
    assert!(stderr.contains(&format!("{path}:2:11")), "{stderr}");
    assert!(stderr.ends_with(&format!("error: could not check {path}: 1 error\n")), "{stderr}");
}

#[test]
fn color_never_and_no_color_write_no_escapes_and_always_does() {
    let path = source_file("colors.ml", BROKEN_PROGRAM);
    let never = mlc(&["check", "--color=never", &path]);
    assert!(!text(&never.stderr).contains('\x1b'));
    // Not a terminal here, so `auto` means plain text too.
    let auto = mlc(&["check", &path]);
    assert!(!text(&auto.stderr).contains('\x1b'));
    let always = mlc(&["check", "--color=always", &path]);
    assert!(text(&always.stderr).contains("\x1b[1;31merror[E0100]"), "{}", text(&always.stderr));
    let always_despite_no_color = Command::new(env!("CARGO_BIN_EXE_mlc"))
        .args(["check", "--color=always", &path])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(text(&always_despite_no_color.stderr).contains('\x1b'), "`always` wins over NO_COLOR");
}

#[test]
fn json_goes_to_stdout_one_object_per_diagnostic() {
    let path = source_file("json.ml", BROKEN_PROGRAM);
    let output = mlc(&["check", "--error-format=json", &path]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let diagnostic: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(diagnostic["code"], "E0100");
    assert_eq!(diagnostic["severity"], "error");
    assert_eq!(diagnostic["file"], path.as_str());
    assert!(diagnostic["message"].as_str().unwrap().contains("nme"), "{diagnostic}");
    let start = &diagnostic["primary"]["start"];
    assert_eq!((start["line"].as_u64(), start["column"].as_u64()), (Some(2), Some(11)));
    assert_eq!(start["offset"].as_u64(), Some(BROKEN_PROGRAM.find("nme").unwrap() as u64));
    assert_eq!(diagnostic["primary"]["end"]["column"].as_u64(), Some(14));
    for field in ["secondary", "notes", "hints"] {
        assert!(diagnostic[field].is_array(), "{field} in {diagnostic}");
    }
    // The summary stays on stderr, so stdout is pure JSON Lines.
    assert!(text(&output.stderr).starts_with("error: could not check"));
}

#[test]
fn lib_mode_does_not_require_main() {
    let path = source_file("library.ml", "fn double(x: i64) -> i64:\n    return 2 * x\n");
    let as_library = mlc(&["check", "--lib", &path]);
    assert_eq!(as_library.status.code(), Some(0), "{}", text(&as_library.stderr));
    let as_program = mlc(&["check", "--color=never", &path]);
    assert_eq!(as_program.status.code(), Some(1));
    assert!(text(&as_program.stderr).starts_with("error[E0400]"), "{}", text(&as_program.stderr));
}

#[test]
fn explain_prints_the_registry_entry() {
    let output = mlc(&["explain", "E0201"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with("E0201: no implicit conversion between numeric types\n"),
        "{stdout}"
    );
    assert!(stdout.contains("f64(n)"), "{stdout}");

    let unknown = mlc(&["explain", "E9999"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("`E9999` is not a diagnostic code"));
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let clean = source_file("clean_beside_missing.ml", CLEAN_PROGRAM);
    let output = mlc(&["check", "--color=never", "no/such/file.ml", &clean]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("error: could not read no/such/file.ml: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_internal_compiler_error_exits_101_with_a_report() {
    let path = source_file("ice.ml", CLEAN_PROGRAM);
    let output = Command::new(env!("CARGO_BIN_EXE_mlc"))
        .args(["check", &path])
        .env("MLC_INTERNAL_TEST_ICE", "1")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(101));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("error: internal compiler error: "), "{stderr}");
    assert!(stderr.contains("MLC_INTERNAL_TEST_ICE=1"), "the panic message: {stderr}");
    assert!(
        stderr.contains("--> panicked at ") && stderr.contains("src/ice.rs:"),
        "where: {stderr}"
    );
    assert!(stderr.contains("this is a bug in mlc"), "{stderr}");
    assert!(!stderr.contains("thread 'main' panicked"), "Rust's own hook is replaced: {stderr}");
}

#[test]
fn version_and_usage_errors() {
    let output = mlc(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), format!("mlc {}\n", env!("CARGO_PKG_VERSION")));
    // A command line clap rejects exits with 2.
    assert_eq!(mlc(&["check"]).status.code(), Some(2));
    assert_eq!(mlc(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn output_dash_writes_text_emits_to_stdout() {
    let file = source_file("dash.ml", "fn main():\n    print(1)\n");
    for emit in ["ir-low", "llvm"] {
        let output = mlc(&["build", &file, "--emit", emit, "-o", "-"]);
        assert!(output.status.success(), "{emit}: {}", text(&output.stderr));
        assert!(text(&output.stdout).contains("main"), "{emit}: {}", text(&output.stdout));
    }
    assert!(!std::path::Path::new("-").exists(), "`-o -` wrote a file named `-`");
}
