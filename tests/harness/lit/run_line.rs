//! `RUN:` lines: finding them in a test file and parsing each into a [`Command`].
//!
//! The grammar is deliberately small, and everything outside it is an error (never
//! skipped):
//!
//! ```text
//! [not] TOOL ARG... [2>&1] [| filecheck %s [FILECHECK-ARG...]]
//! ```
//!
//! Substitutions, made before the line is split into words: `%s` (the test file's path as
//! shown, `tests/ir/...`) and `%%` (a `%`). Words may be quoted with `'...'` or `"..."`.

/// The comment that starts `RUN:` and check lines in a test file, by its extension.
pub fn comment_marker(extension: &str) -> Option<&'static str> {
    match extension {
        "ir" => Some("//"),
        "ml" => Some("#"),
        _ => None,
    }
}

/// One `RUN:` command as written (continuations joined), with the line it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct RunLine {
    pub line_number: usize,
    pub text: String,
}

/// Every `RUN:` command of `text`, a file whose comments start with `marker`. A line that
/// ends in `\` continues on the next `RUN:` line. `Err` lists the malformed lines: a `RUN:`
/// not in a `marker` comment, a continuation with no `RUN:` line after it.
pub fn find_run_lines(text: &str, marker: &str) -> Result<Vec<RunLine>, Vec<String>> {
    let mut commands = Vec::new();
    let mut errors = Vec::new();
    let mut pending: Option<RunLine> = None;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let content = line
            .trim_start()
            .strip_prefix(marker)
            .and_then(|rest| rest.trim_start().strip_prefix("RUN:").map(|command| command.trim()));
        let Some(content) = content else {
            if contains_run_keyword(line) {
                errors.push(format!(
                    "line {line_number}: `RUN:` must start a `{marker}` comment in this file: {}",
                    line.trim()
                ));
            }
            if let Some(unfinished) = pending.take() {
                errors.push(format!(
                    "line {}: the RUN line ends in `\\` but line {line_number} is not a RUN line",
                    unfinished.line_number
                ));
            }
            continue;
        };
        let (piece, continues) = match content.strip_suffix('\\') {
            Some(piece) => (piece.trim_end(), true),
            None => (content, false),
        };
        let mut current = pending.take().unwrap_or(RunLine { line_number, text: String::new() });
        if !current.text.is_empty() && !piece.is_empty() {
            current.text.push(' ');
        }
        current.text.push_str(piece);
        if continues {
            pending = Some(current);
        } else if current.text.is_empty() {
            errors.push(format!("line {}: empty RUN line", current.line_number));
        } else {
            commands.push(current);
        }
    }
    if let Some(unfinished) = pending {
        errors.push(format!(
            "line {}: the RUN line ends in `\\` at the end of the file",
            unfinished.line_number
        ));
    }
    if errors.is_empty() {
        Ok(commands)
    } else {
        Err(errors)
    }
}

/// `RUN:` at the start of a word, anywhere in the line.
fn contains_run_keyword(line: &str) -> bool {
    line.match_indices("RUN:").any(|(at, _)| {
        line[..at].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    })
}

/// A parsed `RUN:` command.
#[derive(Clone, Debug, PartialEq)]
pub struct Command {
    /// `not TOOL`: the tool must exit with a non-zero code.
    pub expect_failure: bool,
    pub tool: String,
    pub args: Vec<String>,
    /// `2>&1`: filecheck reads stdout then stderr (otherwise stdout only).
    pub merge_stderr: bool,
    /// The arguments of `| filecheck`, the check file first; `None` without a pipe.
    pub filecheck_args: Option<Vec<String>>,
}

/// The name of the checker in RUN lines.
pub const FILECHECK: &str = "filecheck";

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Pipe,
    MergeStderr,
}

/// Substitutes and parses one command.
pub fn parse_command(text: &str, test_path: &str) -> Result<Command, String> {
    let substituted = substitute(text, test_path)?;
    let tokens = tokenize(&substituted)?;
    let mut stages = tokens.split(|token| *token == Token::Pipe);
    let first = stages.next().unwrap_or_default();
    let second = stages.next();
    if stages.next().is_some() {
        return Err("only one pipe is supported: `TOOL ... | filecheck %s ...`".to_string());
    }
    let mut words = Vec::new();
    let mut merge_stderr = false;
    for (index, token) in first.iter().enumerate() {
        match token {
            Token::Word(word) => words.push(word.clone()),
            Token::MergeStderr if index + 1 == first.len() => merge_stderr = true,
            Token::MergeStderr => {
                return Err("`2>&1` must come last, right before the pipe".to_string())
            }
            Token::Pipe => unreachable!("split at pipes"),
        }
    }
    let expect_failure = words.first().is_some_and(|word| word == "not");
    if expect_failure {
        words.remove(0);
    }
    if words.is_empty() {
        return Err("no tool to run".to_string());
    }
    let tool = words.remove(0);
    if tool == "not" {
        return Err("`not not` is not supported".to_string());
    }
    if tool == FILECHECK {
        return Err("filecheck needs input: `TOOL ... | filecheck %s`".to_string());
    }
    let filecheck_args = match second {
        None => None,
        Some(stage) => {
            let mut words = Vec::new();
            for token in stage {
                match token {
                    Token::Word(word) => words.push(word.clone()),
                    _ => {
                        return Err(
                            "`2>&1` is only supported on the tool, before the pipe".to_string()
                        )
                    }
                }
            }
            match words.first().map(String::as_str) {
                Some(FILECHECK) => {}
                Some(other) => {
                    return Err(format!(
                        "unknown tool after the pipe: `{other}` (only `{FILECHECK}`)"
                    ))
                }
                None => return Err("nothing after the pipe".to_string()),
            }
            words.remove(0);
            Some(words)
        }
    };
    Ok(Command { expect_failure, tool, args: words, merge_stderr, filecheck_args })
}

/// `%s` and `%%`; any other `%` sequence is an error.
fn substitute(text: &str, test_path: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut characters = text.chars();
    while let Some(character) = characters.next() {
        if character != '%' {
            out.push(character);
            continue;
        }
        match characters.next() {
            Some('s') => out.push_str(test_path),
            Some('%') => out.push('%'),
            Some(other) => {
                return Err(format!("unknown substitution `%{other}` (known: `%s`, `%%`)"))
            }
            None => return Err("a `%` ends the line: write `%%` for a percent sign".to_string()),
        }
    }
    Ok(out)
}

/// Splits into words, pipes and `2>&1`; quotes group; other shell syntax is an error.
fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Ok(tokens);
        }
        if let Some(after) = rest.strip_prefix('|') {
            if after.starts_with('|') {
                return Err("`||` is not supported".to_string());
            }
            tokens.push(Token::Pipe);
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("2>&1") {
            if after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || c == '|') {
                tokens.push(Token::MergeStderr);
                rest = after;
                continue;
            }
        }
        let (word, after) = read_word(rest)?;
        tokens.push(Token::Word(word));
        rest = after;
    }
}

/// One word at the start of `text` (which starts with no whitespace) and the rest.
fn read_word(text: &str) -> Result<(String, &str), String> {
    let mut word = String::new();
    let mut characters = text.char_indices();
    while let Some((at, character)) = characters.next() {
        if character.is_whitespace() || character == '|' {
            return Ok((word, &text[at..]));
        }
        match character {
            '\'' | '"' => loop {
                match characters.next() {
                    Some((_, c)) if c == character => break,
                    Some((_, '\\')) if character == '"' => match characters.next() {
                        Some((_, escaped)) => word.push(escaped),
                        None => return Err("unterminated quote".to_string()),
                    },
                    Some((_, c)) => word.push(c),
                    None => return Err("unterminated quote".to_string()),
                }
            },
            '<' | '>' | '&' | ';' | '`' | '$' | '(' | ')' | '*' | '?' | '\\' | '#' | '~' => {
                return Err(format!(
                    "unsupported shell syntax `{character}` (quote it if it is part of an argument)"
                ))
            }
            _ => word.push(character),
        }
    }
    Ok((word, ""))
}
