//! A faithful subset of LLVM's FileCheck: checks a tool's output against the `CHECK` lines of
//! a test file.
//!
//! Directives (for each prefix `P`, `CHECK` by default):
//! - `P:` the pattern occurs after the previous match;
//! - `P-NEXT:` on the line right after the previous match's line; `P-SAME:` on the same line;
//!   `P-EMPTY:` (no pattern) the line right after the previous match's line is empty;
//! - `P-NOT:` the pattern does not occur between the matches of the positive directives
//!   around it (the start or the end of the input where there is none);
//! - `P-DAG:` a run of them match in any order, without overlapping, after the previous
//!   match; a `P-NOT:` between two runs looks between them;
//! - `P-LABEL:` first, every label is found in order; the input is cut at them, and the
//!   directives between two labels only see the text between those labels' matches (a
//!   failure in one block does not stop the next ones);
//! - `P-COUNT-n:` the pattern occurs `n` times, one after the other.
//!
//! Patterns are substrings, with `{{regex}}` blocks, `[[NAME:regex]]` definitions and
//! `[[NAME]]` uses (see [`pattern`]). As in FileCheck without `--strict-whitespace`, every run
//! of spaces and tabs counts as one space, in the input and in the check lines, and a
//! pattern's leading and trailing whitespace is dropped. `RUN:` and `COM:` lines are not
//! checks. Options: `--check-prefix=P` (repeatable), `--check-prefixes=P,Q`,
//! `--allow-unused-prefixes`, `--allow-empty`.
//!
//! Differences from FileCheck, all errors rather than silent changes: no `--strict-whitespace`,
//! `--implicit-check-not` or other options; no `[[#numeric]]` blocks; a variable cannot be
//! used in the pattern that defines it; regexes are the `regex` crate's syntax (`^`/`$` are
//! line anchors, `.` never matches a newline). Stricter than FileCheck: a `P-WORD:` with an
//! unknown `WORD` and a `P-NEXT` without its colon are errors, not ignored.

pub mod matcher;
pub mod pattern;

use pattern::Pattern;
use std::fmt;

/// What the command line of `filecheck` chose.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub prefixes: Vec<String>,
    pub allow_unused_prefixes: bool,
    pub allow_empty_input: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            prefixes: vec!["CHECK".to_string()],
            allow_unused_prefixes: false,
            allow_empty_input: false,
        }
    }
}

impl Options {
    /// Parses `filecheck`'s arguments; returns the options and the positional arguments
    /// (the check file).
    pub fn from_args(args: &[String]) -> Result<(Options, Vec<String>), String> {
        let mut options = Options { prefixes: Vec::new(), ..Options::default() };
        let mut positional = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(flag) = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-')) else {
                positional.push(arg.clone());
                continue;
            };
            let (name, inline_value) = match flag.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (flag, None),
            };
            let mut value = || {
                inline_value
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or_else(|| format!("filecheck: option `{arg}` expects a value"))
            };
            match name {
                "check-prefix" => options.prefixes.push(value()?),
                "check-prefixes" => {
                    options.prefixes.extend(value()?.split(',').map(str::to_string))
                }
                "allow-unused-prefixes" => options.allow_unused_prefixes = true,
                "allow-empty" => options.allow_empty_input = true,
                _ => return Err(format!("filecheck: unknown option `{arg}`")),
            }
        }
        if options.prefixes.is_empty() {
            options.prefixes.push("CHECK".to_string());
        }
        for (index, prefix) in options.prefixes.iter().enumerate() {
            let valid = prefix.starts_with(|c: char| c.is_ascii_alphabetic())
                && prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid {
                return Err(format!(
                    "filecheck: supplied check prefix must start with a letter and contain \
                     only alphanumeric characters, hyphens, and underscores: '{prefix}'"
                ));
            }
            if options.prefixes[..index].contains(prefix) {
                return Err(format!("filecheck: supplied check prefix must be unique: '{prefix}'"));
            }
        }
        Ok((options, positional))
    }
}

/// The kind of a directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Check,
    Next,
    Same,
    Empty,
    Not,
    Dag,
    Label,
    Count(usize),
}

impl Kind {
    fn suffix(self) -> String {
        match self {
            Kind::Check => String::new(),
            Kind::Next => "-NEXT".to_string(),
            Kind::Same => "-SAME".to_string(),
            Kind::Empty => "-EMPTY".to_string(),
            Kind::Not => "-NOT".to_string(),
            Kind::Dag => "-DAG".to_string(),
            Kind::Label => "-LABEL".to_string(),
            Kind::Count(count) => format!("-COUNT-{count}"),
        }
    }
}

/// One check line.
#[derive(Clone, Debug)]
pub struct Directive {
    pub kind: Kind,
    pub prefix: String,
    pub pattern: Pattern,
    /// 1-based line of the check file.
    pub line_number: usize,
    /// 1-based column (in characters) where the pattern starts.
    pub column: usize,
    /// The check line, its whitespace runs made single spaces (as matched).
    pub line_text: String,
}

impl Directive {
    /// `CHECK-NEXT`, `FOO-DAG`.
    pub fn spelling(&self) -> String {
        format!("{}{}", self.prefix, self.kind.suffix())
    }
}

/// A check file that cannot be used: the message is FileCheck-like and names the line.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckFileError(pub String);

impl fmt::Display for CheckFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks `input` (a tool's output) against the directives of `check_text` (the file at
/// `check_path`). `Err` holds FileCheck-style messages: each failing check line with its
/// `file:line:column`, what was expected, and the input near where the search started.
pub fn check(
    check_path: &str,
    check_text: &str,
    input: &str,
    options: &Options,
) -> Result<(), String> {
    let directives = parse_check_file(check_path, check_text, options).map_err(|e| e.0)?;
    if input.is_empty() && !options.allow_empty_input {
        return Err("filecheck error: '<stdin>' is empty.".to_string());
    }
    let input = canonicalize_horizontal_whitespace(input);
    matcher::run(check_path, &directives, &input)
}

/// Every run of spaces and tabs becomes one space (FileCheck's `CanonicalizeFile`).
pub fn canonicalize_horizontal_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_run = false;
    for character in text.chars() {
        if character == ' ' || character == '\t' {
            if !in_run {
                out.push(' ');
            }
            in_run = true;
        } else {
            out.push(character);
            in_run = false;
        }
    }
    out
}

/// The prefixes that make a line a comment rather than a check.
const COMMENT_PREFIXES: &[&str] = &["RUN", "COM"];

/// Reads the directives of a check file, in order.
pub fn parse_check_file(
    path: &str,
    text: &str,
    options: &Options,
) -> Result<Vec<Directive>, CheckFileError> {
    let mut directives: Vec<Directive> = Vec::new();
    let mut errors = Vec::new();
    for (index, original_line) in text.lines().enumerate() {
        let line_number = index + 1;
        let line = canonicalize_horizontal_whitespace(original_line);
        let location = |column: usize| format!("{path}:{line_number}:{column}");
        let found = match find_directive(&line, &options.prefixes) {
            Ok(found) => found,
            Err((byte, message)) => {
                errors.push(error_at(&location(column_of(&line, byte)), &message, &line, byte));
                continue;
            }
        };
        let Some(found) = found else { continue };
        let DirectiveStart::Check { prefix, kind, pattern_start } = found else { continue };
        let pattern_text = line[pattern_start..].trim_matches(' ');
        let pattern_byte = pattern_start
            + (line[pattern_start..].len() - line[pattern_start..].trim_start_matches(' ').len());
        let spelling = format!("{prefix}{}", kind.suffix());
        let problem = if kind == Kind::Empty {
            (!pattern_text.is_empty()).then(|| {
                format!("found non-empty check string for empty check with prefix '{spelling}:'")
            })
        } else if pattern_text.is_empty() {
            Some(format!("found empty check string with prefix '{spelling}:'"))
        } else {
            None
        };
        if let Some(problem) = problem {
            errors.push(error_at(
                &location(column_of(&line, pattern_byte)),
                &problem,
                &line,
                pattern_byte,
            ));
            continue;
        }
        let pattern = match Pattern::parse(pattern_text) {
            Ok(pattern) => pattern,
            Err(problem) => {
                errors.push(error_at(
                    &location(column_of(&line, pattern_byte)),
                    &problem,
                    &line,
                    pattern_byte,
                ));
                continue;
            }
        };
        if kind == Kind::Not && pattern.defines_variables() {
            errors.push(error_at(
                &location(column_of(&line, pattern_byte)),
                &format!("'{spelling}:' cannot define variables: nothing matches it"),
                &line,
                pattern_byte,
            ));
            continue;
        }
        let after_nothing = !directives.iter().any(|d| !matches!(d.kind, Kind::Not | Kind::Dag));
        if matches!(kind, Kind::Next | Kind::Same | Kind::Empty) && after_nothing {
            errors.push(error_at(
                &location(column_of(&line, pattern_byte)),
                &format!("found '{spelling}' without previous '{prefix}: line'"),
                &line,
                pattern_byte,
            ));
            continue;
        }
        directives.push(Directive {
            kind,
            prefix,
            pattern,
            line_number,
            column: column_of(&line, pattern_byte),
            line_text: line.clone(),
        });
    }
    let unused: Vec<&String> = options
        .prefixes
        .iter()
        .filter(|prefix| !directives.iter().any(|directive| &directive.prefix == *prefix))
        .collect();
    if !options.allow_unused_prefixes {
        for prefix in &unused {
            errors.push(format!("{path}: error: no check strings found with prefix '{prefix}:'"));
        }
    } else if unused.len() == options.prefixes.len() {
        let all: Vec<String> = unused.iter().map(|prefix| format!("'{prefix}:'")).collect();
        errors.push(format!(
            "{path}: error: no check strings found with prefixes {}",
            all.join(", ")
        ));
    }
    if errors.is_empty() {
        Ok(directives)
    } else {
        Err(CheckFileError(errors.join("\n")))
    }
}

enum DirectiveStart {
    /// A check directive; the pattern starts at `pattern_start` (a byte offset).
    Check { prefix: String, kind: Kind, pattern_start: usize },
    /// A `RUN:` or `COM:` line: not a check.
    Comment,
}

/// The first directive of a line, if any: a prefix that starts a word (not preceded by a
/// letter, digit, `-` or `_`), then `:` or `-KIND:`. `Err` holds the byte offset and the
/// message of a malformed directive.
fn find_directive(
    line: &str,
    prefixes: &[String],
) -> Result<Option<DirectiveStart>, (usize, String)> {
    let mut candidates: Vec<&str> = prefixes.iter().map(String::as_str).collect();
    candidates.extend(COMMENT_PREFIXES);
    // Longest first, so `CHECK-A` wins over `CHECK` where both are prefixes.
    candidates.sort_by_key(|prefix| std::cmp::Reverse(prefix.len()));
    for (position, _) in line.char_indices() {
        let starts_word = line[..position]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        if !starts_word {
            continue;
        }
        let mut unknown = None;
        for prefix in &candidates {
            let Some(rest) = line[position..].strip_prefix(prefix) else { continue };
            let after_prefix = position + prefix.len();
            if COMMENT_PREFIXES.contains(prefix) {
                if rest.starts_with(':') {
                    return Ok(Some(DirectiveStart::Comment));
                }
                continue;
            }
            match directive_kind(rest) {
                KindParse::Found(kind, length) => {
                    return Ok(Some(DirectiveStart::Check {
                        prefix: prefix.to_string(),
                        kind,
                        pattern_start: after_prefix + length,
                    }));
                }
                KindParse::Malformed(message) => {
                    unknown.get_or_insert((position, format!("{prefix}{message}")));
                }
                KindParse::NotADirective => {}
            }
        }
        if let Some(unknown) = unknown {
            return Err(unknown);
        }
    }
    Ok(None)
}

enum KindParse {
    /// The kind and the length of its spelling after the prefix, colon included.
    Found(Kind, usize),
    /// The rest of the message after the prefix.
    Malformed(String),
    NotADirective,
}

const SUFFIXES: &[(&str, Kind)] = &[
    ("NEXT", Kind::Next),
    ("SAME", Kind::Same),
    ("EMPTY", Kind::Empty),
    ("NOT", Kind::Not),
    ("DAG", Kind::Dag),
    ("LABEL", Kind::Label),
];

/// What follows a prefix: `:`, `-NEXT:`, `-COUNT-3:`, ...
fn directive_kind(rest: &str) -> KindParse {
    if rest.starts_with(':') {
        return KindParse::Found(Kind::Check, 1);
    }
    let Some(after_dash) = rest.strip_prefix('-') else { return KindParse::NotADirective };
    let word_length = after_dash
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(after_dash.len());
    let word = &after_dash[..word_length];
    let has_colon = after_dash[word_length..].starts_with(':');
    let kind = if let Some(count) = word.strip_prefix("COUNT-") {
        match count.parse::<usize>() {
            Ok(count) if count > 0 => Some(Kind::Count(count)),
            _ => {
                return KindParse::Malformed(format!(
                    "-{word}: invalid count in -COUNT specification"
                ))
            }
        }
    } else {
        SUFFIXES.iter().find(|(name, _)| *name == word).map(|(_, kind)| *kind)
    };
    match (kind, has_colon) {
        (Some(kind), true) => KindParse::Found(kind, 1 + word_length + 1),
        (Some(_), false) => KindParse::Malformed(format!("-{word}: directive without its ':'")),
        (None, true) => KindParse::Malformed(format!(
            "-{word}: unknown directive (known: -NEXT -SAME -EMPTY -NOT -DAG -LABEL -COUNT-n)"
        )),
        (None, false) => KindParse::NotADirective,
    }
}

/// The 1-based column (in characters) of byte `byte` of `line`.
fn column_of(line: &str, byte: usize) -> usize {
    line[..byte].chars().count() + 1
}

/// `location: error: message`, the line, and a caret under byte `byte`.
fn error_at(location: &str, message: &str, line: &str, byte: usize) -> String {
    format!("{location}: error: {message}\n{line}\n{}^", " ".repeat(column_of(line, byte) - 1))
}
