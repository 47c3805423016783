//! An LLVM-lit-style runner for the IR text tests of `tests/ir/` (see `tests/ir/README.md`).
//!
//! Every `.ir` and `.ml` file under the folder is a test: its `RUN:` lines (in `//` comments
//! for `.ir`, `#` comments for `.ml`) name a tool and its arguments, optionally piped into
//! [`filecheck`](crate::filecheck) against the file's own `CHECK` lines. Tools run in
//! process: a [`Tools`] table maps each name (`mlc-opt`, `mlc`) to a function with the
//! tool's command-line contract, so the runner knows no compiler crate and a tool that does
//! not exist yet is declared unavailable and fails the RUN lines that use it.
//!
//! Nothing is skipped: a file with no `RUN:` line, an unknown tool, unsupported syntax, a
//! tool that panics, a wrong exit status and a filecheck failure all fail the test, and one
//! run reports every failure of every file.

pub mod run_line;

use crate::filecheck;
use run_line::{comment_marker, find_run_lines, parse_command, Command, RunLine};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// What a tool printed and its exit code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ToolOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// A tool run in process: its arguments (after the tool's name, substituted) and the text of
/// the test file when one argument is its path (the file the tool would read).
pub type ToolFunction = Box<dyn Fn(&[String], Option<&str>) -> ToolOutput>;

enum ToolEntry {
    Available(ToolFunction),
    /// Declared but not runnable yet; the reason is shown in each failure.
    Unavailable(String),
}

/// The tools RUN lines may name.
#[derive(Default)]
pub struct Tools {
    tools: BTreeMap<String, ToolEntry>,
}

impl Tools {
    pub fn new() -> Tools {
        Tools::default()
    }

    pub fn add(
        &mut self,
        name: &str,
        tool: impl Fn(&[String], Option<&str>) -> ToolOutput + 'static,
    ) -> &mut Tools {
        self.tools.insert(name.to_string(), ToolEntry::Available(Box::new(tool)));
        self
    }

    /// A tool RUN lines may name but that cannot run yet: every RUN line using it fails
    /// with `reason`.
    pub fn unavailable(&mut self, name: &str, reason: &str) -> &mut Tools {
        self.tools.insert(name.to_string(), ToolEntry::Unavailable(reason.to_string()));
        self
    }

    fn names(&self) -> String {
        self.tools.keys().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
    }
}

/// The `mlc` tool over an in-process `emit_ir(path, text, stage, opt_level)`: accepts
/// exactly `build FILE --emit STAGE` (or `--emit=STAGE`) for the stages `ir`, `ir-raw` and
/// `ir-low`, with an optional `-O N` (or `-ON`; 2 by default, as for `mlc build`); prints the
/// IR and exits 0, or prints the diagnostics on stderr and exits 1.
pub fn mlc_build_tool(
    emit_ir: impl Fn(&str, &str, &str, u8) -> Result<String, String> + 'static,
) -> impl Fn(&[String], Option<&str>) -> ToolOutput + 'static {
    move |args: &[String], file_text: Option<&str>| {
        let usage = |problem: String| {
            ToolOutput {
            stdout: String::new(),
            stderr: format!(
                "{problem}\nthe lit runner's `mlc` supports `mlc build FILE --emit ir|ir-raw|ir-low [-O N]`\n"
            ),
            exit_code: 2,
        }
        };
        let mut words: Vec<&str> = args
            .iter()
            .flat_map(|arg| match (arg.strip_prefix("--emit="), arg.strip_prefix("-O")) {
                (Some(value), _) => vec!["--emit", value],
                (None, Some(level)) if !level.is_empty() => vec!["-O", level],
                _ => vec![arg.as_str()],
            })
            .collect();
        let mut opt_level = 2;
        if let Some(position) = words.iter().position(|&word| word == "-O") {
            match words.get(position + 1).and_then(|level| level.parse::<u8>().ok()) {
                Some(level) if level <= 3 => opt_level = level,
                _ => return usage(format!("bad optimization level in: {}", args.join(" "))),
            }
            words.drain(position..position + 2);
        }
        let (path, emit) = match words.as_slice() {
            ["build", path, "--emit", emit] | ["build", "--emit", emit, path] => (*path, *emit),
            _ => return usage(format!("unsupported arguments: {}", args.join(" "))),
        };
        if !matches!(emit, "ir" | "ir-raw" | "ir-low") {
            return usage(format!("unsupported `--emit {emit}`"));
        }
        let Some(text) = file_text else {
            return usage(format!("`{path}` is not the test file: the runner has no other file"));
        };
        match emit_ir(path, text, emit, opt_level) {
            Ok(ir) => ToolOutput { stdout: ir, stderr: String::new(), exit_code: 0 },
            Err(diagnostics) => {
                ToolOutput { stdout: String::new(), stderr: diagnostics, exit_code: 1 }
            }
        }
    }
}

/// One test file.
#[derive(Clone, Debug)]
pub struct LitCase {
    pub path: PathBuf,
    /// The path RUN lines see as `%s`: `tests/ir/passes/cse.ir`.
    pub display_path: String,
}

/// Extensions of files under a lit folder that are documentation, not tests.
const DOCUMENTATION_EXTENSIONS: &[&str] = &["md"];

/// Every test file under `root`, recursively, sorted by path; `display_root` is how `root`
/// is shown (`tests/ir`). Files that are neither tests nor documentation are errors.
pub fn collect_cases(root: &Path, display_root: &str) -> Result<Vec<LitCase>, Vec<String>> {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) => {
                errors.push(format!("{}: cannot list: {error}", folder.display()));
                continue;
            }
        };
        for entry in entries {
            let path = match entry {
                Ok(entry) => entry.path(),
                Err(error) => {
                    errors.push(format!("{}: cannot list: {error}", folder.display()));
                    continue;
                }
            };
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path.strip_prefix(root).expect("listed under the root");
            let display_path = format!(
                "{display_root}/{}",
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            );
            let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
            match extension.as_deref() {
                Some(extension) if comment_marker(extension).is_some() => {
                    cases.push(LitCase { path, display_path })
                }
                Some(extension) if DOCUMENTATION_EXTENSIONS.contains(&extension) => {}
                _ => errors.push(format!(
                    "{display_path}: not a test (tests are `.ir` and `.ml` files) nor documentation \
                     (`.md`): rename or move it"
                )),
            }
        }
    }
    cases.sort_by(|a, b| a.display_path.cmp(&b.display_path));
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

/// Runs every RUN line of one file; returns how many passed, or every failure.
pub fn run_case(case: &LitCase, tools: &Tools) -> Result<usize, Vec<String>> {
    let text = std::fs::read_to_string(&case.path)
        .map_err(|error| vec![format!("{}: cannot read: {error}", case.display_path)])?;
    run_text(&case.display_path, &text, tools)
}

/// Runs every RUN line of a test file whose path is `display_path` and content `text`.
pub fn run_text(display_path: &str, text: &str, tools: &Tools) -> Result<usize, Vec<String>> {
    let extension = display_path.rsplit_once('.').map_or("", |(_, extension)| extension);
    let Some(marker) = comment_marker(extension) else {
        return Err(vec![format!("{display_path}: not a `.ir` or `.ml` file")]);
    };
    let run_lines = find_run_lines(text, marker).map_err(|errors| {
        errors.into_iter().map(|error| format!("{display_path}: {error}")).collect::<Vec<_>>()
    })?;
    if run_lines.is_empty() {
        return Err(vec![format!(
            "{display_path}: no RUN line: every test needs at least one `{marker} RUN: ...`"
        )]);
    }
    let failures: Vec<String> = run_lines
        .iter()
        .filter_map(|run_line| {
            run_one(display_path, text, run_line, tools).err().map(|message| {
                format!(
                    "{display_path}:{}: RUN: {}\n{}",
                    run_line.line_number,
                    run_line.text,
                    indent(message.trim_end())
                )
            })
        })
        .collect();
    if failures.is_empty() {
        Ok(run_lines.len())
    } else {
        Err(failures)
    }
}

fn run_one(
    display_path: &str,
    text: &str,
    run_line: &RunLine,
    tools: &Tools,
) -> Result<(), String> {
    let command = parse_command(&run_line.text, display_path)?;
    let tool = match tools.tools.get(&command.tool) {
        Some(ToolEntry::Available(tool)) => tool,
        Some(ToolEntry::Unavailable(reason)) => {
            return Err(format!("tool `{}` is not available: {reason}", command.tool))
        }
        None => return Err(format!("unknown tool `{}` (known: {})", command.tool, tools.names())),
    };
    // Check the filecheck arguments before running anything.
    let filecheck_options = match &command.filecheck_args {
        None => None,
        Some(args) => {
            let (options, positional) = filecheck::Options::from_args(args)?;
            if positional != [display_path] {
                return Err(format!(
                    "filecheck takes the test file itself as its check file: `filecheck %s`, \
                     found {positional:?}"
                ));
            }
            Some(options)
        }
    };
    let file_text = command.args.iter().any(|arg| arg == display_path).then_some(text);
    let output = run_tool(tool, &command, file_text)?;
    let failed = output.exit_code != 0;
    if failed != command.expect_failure {
        let expected = if command.expect_failure { "a non-zero exit code" } else { "exit code 0" };
        return Err(format!(
            "`{}` exited with code {}, expected {expected}\n{}",
            command.tool,
            output.exit_code,
            describe_output(&output)
        ));
    }
    let Some(options) = filecheck_options else { return Ok(()) };
    let mut input = output.stdout.clone();
    if command.merge_stderr {
        input.push_str(&output.stderr);
    }
    filecheck::check(display_path, text, &input, &options).map_err(|message| {
        if command.merge_stderr || output.stderr.is_empty() {
            message
        } else {
            format!(
                "{message}\n--- stderr (not checked: `2>&1` would check it)\n{}",
                output.stderr.trim_end()
            )
        }
    })
}

/// Calls the tool, turning a panic into a failure.
fn run_tool(
    tool: &ToolFunction,
    command: &Command,
    file_text: Option<&str>,
) -> Result<ToolOutput, String> {
    catch_unwind(AssertUnwindSafe(|| tool(&command.args, file_text))).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_string());
        format!("`{}` panicked: {message}", command.tool)
    })
}

fn describe_output(output: &ToolOutput) -> String {
    let mut text = String::new();
    for (name, content) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        if content.is_empty() {
            text.push_str(&format!("--- {name}: (empty)\n"));
        } else {
            text.push_str(&format!("--- {name}\n{}\n", content.trim_end()));
        }
    }
    text
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}")).collect::<Vec<_>>().join("\n")
}

/// What a suite run did.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub files: usize,
    pub run_lines: usize,
}

/// Runs every case under `root` whose display path contains `filter` (all without one).
/// `Err` is one report of every failure of every file.
pub fn run_suite(
    root: &Path,
    display_root: &str,
    tools: &Tools,
    filter: Option<&str>,
) -> Result<Summary, String> {
    let cases = collect_cases(root, display_root).map_err(|errors| errors.join("\n"))?;
    let selected: Vec<&LitCase> = cases
        .iter()
        .filter(|case| filter.is_none_or(|filter| case.display_path.contains(filter)))
        .collect();
    if selected.is_empty() {
        return Err(match filter {
            Some(filter) => {
                format!("no test file under {display_root} matches the filter `{filter}`")
            }
            None => format!("no test file under {display_root}"),
        });
    }
    let mut failures = Vec::new();
    let mut failed_files = 0;
    let mut run_lines = 0;
    for case in &selected {
        match run_case(case, tools) {
            Ok(count) => run_lines += count,
            Err(errors) => {
                failed_files += 1;
                failures.extend(errors);
            }
        }
    }
    if failures.is_empty() {
        Ok(Summary { files: selected.len(), run_lines })
    } else {
        Err(format!(
            "{failed_files} of {} test files failed ({} failures):\n\n{}",
            selected.len(),
            failures.len(),
            failures.join("\n\n")
        ))
    }
}

#[cfg(test)]
mod tests;
