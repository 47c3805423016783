//! `mlc check`: read files, run the front end's queries on each, print the diagnostics.
//!
//! Each file is checked on its own (as a program needing `fn main()`, or with `--lib` as a
//! library). Its diagnostics are written in the chosen format, syntax errors first and then
//! the rest, each group by position; a file with errors ends with a summary line. The exit
//! code is 1 if any file had an error or could not be read, 0 otherwise; warnings alone do
//! not fail a check.
//!
//! Where things go: human-readable diagnostics and every summary or read error on stderr;
//! with `--error-format json` the diagnostics go to stdout, one JSON object per line, so a
//! tool can read stdout alone.

use crate::cli::{resolve_color, CheckArgs, ErrorFormat, Terminal};
use crate::{exit_code, paint_level, Level, Streams};
use mlc_diagnostics::render::{render, ColorChoice};
use mlc_diagnostics::{json::json, Diagnostic};
use mlc_semantics::{check_file, CheckMode, Database};
use std::io;

/// How to check and how to report.
#[derive(Clone, Copy, Debug)]
pub struct CheckOptions {
    pub mode: CheckMode,
    pub error_format: ErrorFormat,
    pub color: ColorChoice,
    pub verbosity: Verbosity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbosity {
    /// Say nothing about a file without errors or warnings.
    Quiet,
    /// Also print a line for every file checked.
    Verbose,
}

/// One file named on the command line: its path as the user wrote it, and its text or the
/// reason it could not be read.
pub struct SourceInput {
    pub path: String,
    pub text: io::Result<String>,
}

/// Everything a check wrote, for callers that run it in-process (the UI tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// `mlc check` as the command line asks for it.
pub fn run_check(args: &CheckArgs, terminal: Terminal, streams: &mut Streams<'_>) -> i32 {
    let options = CheckOptions {
        mode: if args.lib { CheckMode::Library } else { CheckMode::Program },
        error_format: args.error_format,
        color: resolve_color(args.color, terminal),
        verbosity: if args.verbose { Verbosity::Verbose } else { Verbosity::Quiet },
    };
    let inputs = args
        .files
        .iter()
        .map(|path| SourceInput {
            path: path.display().to_string(),
            text: std::fs::read_to_string(path),
        })
        .collect();
    check_inputs(inputs, &options, streams)
}

/// Checks texts that are already in memory, as `mlc check` would check files with these
/// paths and contents, and returns what it would print.
pub fn check_sources(sources: &[(&str, &str)], options: &CheckOptions) -> CheckOutput {
    let inputs = sources
        .iter()
        .map(|(path, text)| SourceInput { path: path.to_string(), text: Ok(text.to_string()) })
        .collect();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit_code =
        check_inputs(inputs, options, &mut Streams { stdout: &mut stdout, stderr: &mut stderr });
    CheckOutput {
        stdout: String::from_utf8(stdout).expect("the output is built from strings"),
        stderr: String::from_utf8(stderr).expect("the output is built from strings"),
        exit_code,
    }
}

/// Checks every input in order and returns the exit code.
pub fn check_inputs(
    inputs: Vec<SourceInput>,
    options: &CheckOptions,
    streams: &mut Streams<'_>,
) -> i32 {
    let mut db = Database::new();
    let files: Vec<_> = inputs
        .iter()
        .map(|input| input.text.as_ref().ok().map(|text| db.add_file(&input.path, text)))
        .collect();

    let mut failed = false;
    for (input, file) in inputs.iter().zip(files) {
        let (Some(file), Ok(text)) = (file, &input.text) else {
            let reason = input.text.as_ref().err().map_or(String::new(), ToString::to_string);
            writeln!(
                streams.stderr,
                "{}: could not read {}: {reason}",
                paint_level(Level::Error, options.color),
                input.path
            )
            .ok();
            failed = true;
            continue;
        };
        let mut diagnostics = check_file(&db, file, options.mode);
        // Syntax errors (E00xx) first: they are the root causes, and what the checker says
        // after them may be their echo. Stable, so each group stays in the checker's order
        // (by position).
        diagnostics.sort_by_key(|diagnostic| !is_syntax_error(diagnostic));
        write_diagnostics(&diagnostics, &input.path, text, options, streams);
        failed |= diagnostics.iter().any(Diagnostic::is_error);
    }
    if failed {
        exit_code::FAILURE
    } else {
        exit_code::SUCCESS
    }
}

fn write_diagnostics(
    diagnostics: &[Diagnostic],
    path: &str,
    text: &str,
    options: &CheckOptions,
    streams: &mut Streams<'_>,
) {
    // Write errors (a closed pipe) are ignored: there is nobody left to tell.
    match options.error_format {
        ErrorFormat::Human if !diagnostics.is_empty() => {
            let rendered = render(diagnostics, path, text, options.color);
            writeln!(streams.stderr, "{rendered}").ok();
        }
        ErrorFormat::Human => {}
        ErrorFormat::Json => {
            write!(streams.stdout, "{}", json(diagnostics, path, text)).ok();
        }
    }

    let errors = diagnostics.iter().filter(|diagnostic| diagnostic.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let counts = match (errors, warnings) {
        (0, 0) => "no errors".to_string(),
        (errors, 0) => count(errors, "error"),
        (0, warnings) => count(warnings, "warning"),
        (errors, warnings) => format!("{}, {}", count(errors, "error"), count(warnings, "warning")),
    };
    if errors > 0 {
        let error = paint_level(Level::Error, options.color);
        writeln!(streams.stderr, "{error}: could not check {path}: {counts}").ok();
    } else if options.verbosity == Verbosity::Verbose {
        writeln!(streams.stderr, "checked {path}: {counts}").ok();
    }
}

/// E00xx, the lexing and parsing range of the registry.
fn is_syntax_error(diagnostic: &Diagnostic) -> bool {
    diagnostic.code.0.starts_with("E00")
}

/// `1 error`, `3 errors`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
