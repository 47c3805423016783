//! Expected-output files: compare, or re-bless with `UPDATE_EXPECT=1`.
//!
//! Every data-driven suite keeps its expected output in a file beside the input. On a
//! mismatch the failure shows a line diff (`-` expected, `+` actual); running the suite with
//! `UPDATE_EXPECT=1` rewrites the files instead, to be reviewed like code.

use std::path::Path;

/// Whether this run rewrites expected files instead of comparing.
pub fn updating() -> bool {
    std::env::var("UPDATE_EXPECT").is_ok_and(|value| value == "1")
}

/// Compares `actual` with the content of `path` (a missing file counts as empty). Returns a
/// readable failure, or rewrites the file when `UPDATE_EXPECT=1`.
pub fn check_expected_file(path: &Path, actual: &str) -> Result<(), String> {
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return Ok(());
    }
    if updating() {
        return std::fs::write(path, actual)
            .map_err(|error| format!("{}: cannot write: {error}", path.display()));
    }
    Err(format!(
        "{} does not match (rerun with UPDATE_EXPECT=1 to accept the new output):\n{}",
        path.display(),
        diff(&expected, actual)
    ))
}

/// A line diff of two texts: unchanged lines with two spaces, removed with `-`, added with
/// `+`; long runs of unchanged lines are elided.
pub fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    // Longest common subsequence table, from the ends (files here are small).
    let mut table = vec![vec![0u32; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            table[i][j] = if old[i] == new[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            lines.push((' ', old[i]));
            i += 1;
            j += 1;
        } else if i < old.len() && (j == new.len() || table[i + 1][j] >= table[i][j + 1]) {
            lines.push(('-', old[i]));
            i += 1;
        } else {
            lines.push(('+', new[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let near_change = |index: usize| {
        let low = index.saturating_sub(CONTEXT);
        let high = (index + CONTEXT + 1).min(lines.len());
        lines[low..high].iter().any(|(mark, _)| *mark != ' ')
    };
    let mut out = String::new();
    let mut elided = false;
    for (index, (mark, line)) in lines.iter().enumerate() {
        if *mark == ' ' && !near_change(index) {
            if !elided {
                out.push_str("  ...\n");
                elided = true;
            }
            continue;
        }
        elided = false;
        out.push(*mark);
        out.push(' ');
        out.push_str(line);
        out.push('\n');
    }
    out
}
