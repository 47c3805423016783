//! The IR text tests of `tests/ir/dialects/` (run by `mlc-opt` and filecheck in the
//! workspace's lit runner), read here too so that this crate's tests check them against the
//! printer and the verifier directly: `<dialect>.ir` holds valid IR in printed form, and
//! `<dialect>-invalid.ir` one ill-formed module per `// -----` part, each with the exact
//! `error: ...` lines the verifier gives.
#![allow(dead_code)]

use std::path::PathBuf;

pub struct IrFile {
    /// `scf` or `scf-invalid`.
    pub name: String,
    pub text: String,
}

pub fn directory() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/ir/dialects")
}

/// Every `.ir` file of the directory, sorted by name.
pub fn files() -> Vec<IrFile> {
    let mut files: Vec<IrFile> = std::fs::read_dir(directory())
        .expect("tests/ir/dialects exists")
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ir"))
        .map(|path| IrFile {
            name: path.file_stem().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&path).expect("a readable file"),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

pub fn valid_files() -> Vec<IrFile> {
    files().into_iter().filter(|f| !f.name.ends_with("-invalid")).collect()
}

pub fn invalid_files() -> Vec<IrFile> {
    files().into_iter().filter(|f| f.name.ends_with("-invalid")).collect()
}

/// The IR without the comment lines (RUN, CHECK, notes) and blank lines.
pub fn without_comments(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//") && !line.trim().is_empty())
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The patterns of the `CHECK`, `CHECK-LABEL` and `CHECK-NEXT` lines, in order, with whether
/// each must match the line right after the previous match.
pub fn checks(text: &str) -> Vec<(String, bool)> {
    text.lines()
        .filter_map(|line| {
            let comment = line.trim_start().strip_prefix("//")?.trim_start();
            for (prefix, next) in
                [("CHECK-NEXT:", true), ("CHECK-LABEL:", false), ("CHECK:", false)]
            {
                if let Some(pattern) = comment.strip_prefix(prefix) {
                    let pattern = pattern.trim().to_string();
                    // Plain substrings only: filecheck would read these as regex or variables.
                    assert!(!pattern.contains("{{") && !pattern.contains("[["), "{pattern}");
                    return Some((pattern, next));
                }
            }
            None
        })
        .collect()
}

/// Matches the checks against `output` in order, as filecheck would (substrings, without
/// regexes); returns the first check that fails.
pub fn unmatched_check(output: &str, checks: &[(String, bool)]) -> Option<String> {
    let lines: Vec<&str> = output.lines().collect();
    let mut position = 0;
    for (pattern, next) in checks {
        let found = if *next {
            lines.get(position).filter(|line| line.contains(pattern.as_str())).map(|_| position)
        } else {
            (position..lines.len()).find(|&i| lines[i].contains(pattern.as_str()))
        };
        match found {
            Some(index) => position = index + 1,
            None => return Some(pattern.clone()),
        }
    }
    None
}

/// The parts of a `--split-input-file` file.
pub fn split_parts(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    for line in text.lines() {
        if line.trim() == "// -----" {
            parts.push(String::new());
        } else {
            let part = parts.last_mut().unwrap();
            part.push_str(line);
            part.push('\n');
        }
    }
    parts
}
