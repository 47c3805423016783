//! UI tests: what `mlc check` prints for each file of `tests/ui`, kept beside it.
//!
//! Each `tests/ui/NAME.ml` is checked in-process exactly as `mlc check --color=never
//! tests/ui/NAME.ml` would check it: as a program (needing `fn main()`), or as a library when
//! the file's first line is `# mode: lib`. `tests/ui/NAME.stderr` holds the command, its exit
//! code, the source and everything it printed, so a reviewer reads one file:
//!
//! ```text
//! $ mlc check --color=never tests/ui/unknown_name.ml
//! exit code: 1
//!
//! --- source
//! fn main():
//!     print(nme)
//!
//! --- stderr
//! error[E0100]: unknown name `nme`
//! ...
//! ```
//!
//! `UPDATE_EXPECT=1` rewrites the `.stderr` files that differ (and writes missing ones);
//! read every rewritten file before committing it.

use crate::expect::check_expected_file;
use mlc_diagnostics::render::ColorChoice;
use mlc_driver::cli::ErrorFormat;
use mlc_driver::{check_sources, CheckOptions, Verbosity};
use mlc_semantics::CheckMode;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A first line that makes the file a library: checked without requiring `fn main()`.
pub const LIBRARY_MODE_LINE: &str = "# mode: lib";

/// One `tests/ui/NAME.ml` and its expected output.
#[derive(Clone, Debug)]
pub struct UiCase {
    pub name: String,
    pub source_path: PathBuf,
    pub expected_path: PathBuf,
    /// The path as the rendering shows it: `tests/ui/NAME.ml`.
    pub display_path: String,
}

/// The `tests/ui` folder of this crate.
pub fn ui_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")
}

/// Every `.ml` file of `folder`, sorted by name.
pub fn ui_cases(folder: &Path) -> Vec<UiCase> {
    let mut cases: Vec<UiCase> = files_with_extension(folder, "ml")
        .into_iter()
        .map(|source_path| {
            let name = file_stem(&source_path);
            UiCase {
                expected_path: source_path.with_extension("stderr"),
                display_path: format!("tests/ui/{name}.ml"),
                name,
                source_path,
            }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// Every `.stderr` file of `folder`, sorted.
pub fn expected_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = files_with_extension(folder, "stderr");
    files.sort();
    files
}

/// Program mode, unless the first line is [`LIBRARY_MODE_LINE`].
pub fn mode_of(source: &str) -> CheckMode {
    match source.lines().next() {
        Some(line) if line.trim_end() == LIBRARY_MODE_LINE => CheckMode::Library,
        _ => CheckMode::Program,
    }
}

/// The contents a `.stderr` file must have for this source.
pub fn snapshot(display_path: &str, source: &str) -> String {
    let mode = mode_of(source);
    let options = CheckOptions {
        mode,
        error_format: ErrorFormat::Human,
        color: ColorChoice::Never,
        verbosity: Verbosity::Quiet,
    };
    let output = check_sources(&[(display_path, source)], &options);
    let lib_flag = match mode {
        CheckMode::Library => "--lib ",
        CheckMode::Program => "",
    };
    let mut text = format!(
        "$ mlc check {lib_flag}--color=never {display_path}\nexit code: {}\n\n--- source\n{source}",
        output.exit_code
    );
    if !source.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("\n--- stderr\n");
    text.push_str(&output.stderr);
    if !output.stdout.is_empty() {
        text.push_str("\n--- stdout\n");
        text.push_str(&output.stdout);
    }
    text
}

/// The codes of the diagnostics a snapshot shows (`error[E0100]`, `warning[W0503]`),
/// read from its output sections only, never from the source.
pub fn codes_in_snapshot(snapshot: &str) -> BTreeSet<String> {
    let output = snapshot.split_once("\n--- stderr\n").map_or("", |(_, output)| output);
    output
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("error[").or_else(|| line.strip_prefix("warning["))?;
            let (code, _) = rest.split_once("]:")?;
            Some(code.to_string())
        })
        .collect()
}

/// Checks every case of `folder` against its `.stderr` file; returns how many cases ran,
/// or one report naming every mismatch with its diff.
pub fn run_ui_suite(folder: &Path) -> Result<usize, String> {
    let cases = ui_cases(folder);
    let mut failures = Vec::new();
    for case in &cases {
        let source = match std::fs::read_to_string(&case.source_path) {
            Ok(source) => source,
            Err(error) => {
                failures.push(format!("{}: cannot read: {error}", case.display_path));
                continue;
            }
        };
        let actual = snapshot(&case.display_path, &source);
        if let Err(mismatch) = check_expected_file(&case.expected_path, &actual) {
            failures.push(format!("{}:\n{mismatch}", case.display_path));
        }
    }
    if failures.is_empty() {
        Ok(cases.len())
    } else {
        Err(format!(
            "{} of {} UI tests differ from their .stderr files \
             (UPDATE_EXPECT=1 rewrites them; read each one before committing):\n\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        ))
    }
}

fn files_with_extension(folder: &Path, extension: &str) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", folder.display()));
    entries
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|found| found == extension))
        .collect()
}

fn file_stem(path: &Path) -> String {
    path.file_stem().expect("a file name").to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_chooses_the_mode() {
        assert_eq!(mode_of("# mode: lib\nfn f():\n    pass\n"), CheckMode::Library);
        assert_eq!(mode_of("fn main():\n    pass\n# mode: lib\n"), CheckMode::Program);
        assert_eq!(mode_of(""), CheckMode::Program);
    }

    #[test]
    fn codes_are_read_from_the_output_only() {
        let snapshot = "\
$ mlc check --color=never tests/ui/x.ml
exit code: 1

--- source
# error[E9999]: this is source text
--- stderr
error[E0100]: unknown name `x`
   │ help: error[E0200]: not a header
warning[W0503]: unused variable `y`
error: could not check tests/ui/x.ml: 1 error, 1 warning
";
        let codes: Vec<String> = codes_in_snapshot(snapshot).into_iter().collect();
        assert_eq!(codes, ["E0100", "W0503"]);
    }
}
