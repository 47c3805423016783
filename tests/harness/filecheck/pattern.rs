//! One check pattern: literal text with `{{regex}}` blocks, `[[NAME:regex]]` definitions and
//! `[[NAME]]` uses, parsed the way FileCheck's `Pattern::parsePattern` does, and matched with
//! the `regex` crate.
//!
//! A pattern becomes one regex: literal text escaped, each `{{...}}` in a non-capturing
//! group (so `a{{x|y}}b` means `a(x|y)b`), each definition a named group, and each use the
//! escaped value its variable has when the match is attempted. `^` and `$` match at line
//! boundaries and `.` never matches a newline.

use regex::{Regex, RegexBuilder};
use std::collections::HashMap;

/// The values of the variables defined so far, by name.
pub type Variables = HashMap<String, String>;

#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Literal(String),
    Regex(String),
    Define { name: String, regex: String },
    Use(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub pieces: Vec<Piece>,
}

/// A successful match: byte offsets into the searched text, and the variables it defined.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub definitions: Vec<(String, String)>,
}

impl Pattern {
    /// Parses the text after `CHECK:` (already trimmed). Errors name the problem; the caller
    /// adds the check line.
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let mut pieces = Vec::new();
        let mut defined_here: Vec<String> = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("{{") {
                let Some(end) = after.find("}}") else {
                    return Err("found start of regex string with no end '}}'".to_string());
                };
                let regex = &after[..end];
                if regex.is_empty() {
                    return Err("found empty regex string '{{}}'".to_string());
                }
                check_regex(regex)?;
                pieces.push(Piece::Regex(regex.to_string()));
                rest = &after[end + 2..];
            } else if let Some(after) = rest.strip_prefix("[[") {
                let end = variable_block_end(after)?;
                let block = &after[..end];
                rest = &after[end + 2..];
                if block.starts_with('#') {
                    return Err(format!(
                        "numeric substitution blocks ([[{block}]]) are not supported"
                    ));
                }
                let (name, regex) = match block.split_once(':') {
                    Some((name, regex)) => (name, Some(regex)),
                    None => (block, None),
                };
                check_variable_name(name)?;
                match regex {
                    Some(regex) => {
                        if defined_here.iter().any(|defined| defined == name) {
                            return Err(format!(
                                "variable '{name}' is defined twice in one pattern"
                            ));
                        }
                        check_regex(regex)?;
                        defined_here.push(name.to_string());
                        pieces.push(Piece::Define {
                            name: name.to_string(),
                            regex: regex.to_string(),
                        });
                    }
                    None => {
                        if defined_here.iter().any(|defined| defined == name) {
                            return Err(format!(
                                "variable '{name}' is used in the pattern that defines it: \
                                 this FileCheck does not support that (no backreferences); \
                                 split the check in two"
                            ));
                        }
                        pieces.push(Piece::Use(name.to_string()));
                    }
                }
            } else {
                let end = [rest.find("{{"), rest.find("[[")]
                    .into_iter()
                    .flatten()
                    .min()
                    .unwrap_or(rest.len());
                match pieces.last_mut() {
                    Some(Piece::Literal(literal)) => literal.push_str(&rest[..end]),
                    _ => pieces.push(Piece::Literal(rest[..end].to_string())),
                }
                rest = &rest[end..];
            }
        }
        Ok(Pattern { pieces })
    }

    pub fn defines_variables(&self) -> bool {
        self.pieces.iter().any(|piece| matches!(piece, Piece::Define { .. }))
    }

    /// The variables this pattern uses, in order, each once.
    pub fn uses(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for piece in &self.pieces {
            if let Piece::Use(name) = piece {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The regex this pattern means once `variables` are substituted. An `Err` names the
    /// undefined variables.
    fn to_regex(&self, variables: &Variables) -> Result<Regex, String> {
        let mut source = String::new();
        let mut undefined = Vec::new();
        for (index, piece) in self.pieces.iter().enumerate() {
            match piece {
                Piece::Literal(text) => source.push_str(&regex::escape(text)),
                Piece::Regex(regex) => source.push_str(&format!("(?:{regex})")),
                Piece::Define { regex, .. } => {
                    source.push_str(&format!("(?P<{}>{regex})", group_name(index)))
                }
                Piece::Use(name) => match variables.get(name) {
                    Some(value) => source.push_str(&regex::escape(value)),
                    None => undefined.push(format!("'{name}'")),
                },
            }
        }
        if !undefined.is_empty() {
            return Err(format!("uses undefined variable(s): {}", undefined.join(" ")));
        }
        build_regex(&source)
    }

    /// The first match starting at or after `from`, in `text[..end]` (so `$` also matches
    /// at `end`).
    pub fn find(
        &self,
        text: &str,
        from: usize,
        end: usize,
        variables: &Variables,
    ) -> Result<Option<Match>, String> {
        let regex = self.to_regex(variables)?;
        let Some(captures) = regex.captures_at(&text[..end], from) else {
            return Ok(None);
        };
        let whole = captures.get(0).expect("group 0 is the whole match");
        let definitions = self
            .pieces
            .iter()
            .enumerate()
            .filter_map(|(index, piece)| match piece {
                Piece::Define { name, .. } => {
                    let value = captures.name(&group_name(index)).map_or("", |m| m.as_str());
                    Some((name.clone(), value.to_string()))
                }
                _ => None,
            })
            .collect();
        Ok(Some(Match { start: whole.start(), end: whole.end(), definitions }))
    }

    /// The text a matching line would most resemble: the literal parts and the values of
    /// the variables used (regexes left out). For "possible intended match".
    pub fn example_text(&self, variables: &Variables) -> String {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(literal) => text.push_str(literal),
                Piece::Use(name) => text.push_str(variables.get(name).map_or("", String::as_str)),
                Piece::Regex(_) | Piece::Define { .. } => {}
            }
        }
        text
    }
}

fn group_name(piece_index: usize) -> String {
    format!("filecheck_variable_{piece_index}")
}

fn build_regex(source: &str) -> Result<Regex, String> {
    RegexBuilder::new(source)
        .multi_line(true)
        .build()
        .map_err(|error| format!("invalid regex: {error}"))
}

fn check_regex(regex: &str) -> Result<(), String> {
    build_regex(regex).map(|_| ())
}

/// `NAME` or `$NAME` (FileCheck's global variables), `NAME` an identifier.
fn check_variable_name(name: &str) -> Result<(), String> {
    let bare = name.strip_prefix('$').unwrap_or(name);
    let mut characters = bare.chars();
    let valid = characters.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && characters.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(format!("invalid variable name '{name}' in a [[...]] block"))
    }
}

/// Where the `]]` that closes a `[[` block is, in `text` (which starts after the `[[`):
/// FileCheck's `FindRegexVarEnd`, which skips brackets nested in the regex (`[[X:[a-z]]]`)
/// and escaped characters.
fn variable_block_end(text: &str) -> Result<usize, String> {
    let mut depth = 0usize;
    let mut characters = text.char_indices();
    while let Some((index, character)) = characters.next() {
        if depth == 0 && text[index..].starts_with("]]") {
            return Ok(index);
        }
        match character {
            '\\' => {
                characters.next();
            }
            '[' => depth += 1,
            ']' => {
                if depth == 0 {
                    return Err("missing closing \"]\" for regex variable".to_string());
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    Err("invalid substitution block, no ]] found".to_string())
}
