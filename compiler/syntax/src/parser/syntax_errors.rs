//! lalrpop's errors as diagnostics a person can act on.
//!
//! Terminals are named as a person would (`` `:` ``, "a name", "end of line"); when most of
//! the terminals that start an expression are expected they collapse into "an expression",
//! those that start a type into "a type", and the operators that continue an expression into
//! "an operator"; a closer that the layout pass added for a bracket left open is "end of the
//! brackets". A keyword where a name belongs is E0015; a line that starts like Python but not
//! like mlc (`def`, `class`, `with`) gets a hint saying what to write instead.

use super::{NoError, Tok};
use crate::ast::Span;
use crate::token::{Token, TokenKind};
use lalrpop_util::ParseError;
use mlc_diagnostics::{codes, Diagnostic, Label};

/// Where logical lines start, and a hint for lines that start like Python but not like mlc.
#[derive(Default)]
pub struct Lines {
    starts: Vec<u32>,
    hints: Vec<Option<&'static str>>,
}

impl Lines {
    pub(super) fn new(text: &str, tokens: &[Token]) -> Lines {
        let mut lines = Lines::default();
        let mut at_start = true;
        for token in tokens {
            match token.kind {
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent => at_start = true,
                _ => {
                    if at_start {
                        lines.starts.push(token.span.start);
                        let hint = match (token.kind, &text[token.span.range()]) {
                            (TokenKind::Name, "def") => Some("functions are declared with `fn`, as in `fn name(x: i64) -> i64:`"),
                            (TokenKind::Name, "class") => Some("types are declared with `struct`, with fields `x: f64` and methods `fn`"),
                            (TokenKind::Name, "lambda") => Some("there are no lambdas; declare a function with `fn`"),
                            (TokenKind::Name, "with" | "del" | "global" | "nonlocal" | "match" | "yield") => {
                                Some("this Python statement does not exist in mlc")
                            }
                            _ => None,
                        };
                        lines.hints.push(hint);
                    }
                    at_start = false;
                }
            }
        }
        lines
    }

    fn starts_line(&self, offset: u32) -> bool {
        self.starts.binary_search(&offset).is_ok()
    }

    /// The hint for the line holding `offset`, if it has one.
    fn hint_at(&self, offset: u32) -> Option<&'static str> {
        let index = match self.starts.binary_search(&offset) {
            Ok(index) => index,
            Err(0) => return None,
            Err(index) => index - 1,
        };
        self.hints.get(index).copied().flatten()
    }
}

/// Terminals that can start an expression: when most of them are expected, say "an expression".
const EXPRESSION_STARTS: &[&str] = &[
    "Name",
    "Int",
    "Float",
    "Str",
    "FString",
    "\"True\"",
    "\"False\"",
    "\"None\"",
    "\"(\"",
    "\"[\"",
    "\"{\"",
    "\"-\"",
    "\"+\"",
    "\"~\"",
    "\"not\"",
];

fn describe_terminal(terminal: &str) -> String {
    match terminal {
        "Name" => "a name".to_string(),
        "Int" => "an integer".to_string(),
        "Float" => "a float".to_string(),
        "Str" => "a string".to_string(),
        "FString" => "an f-string".to_string(),
        "NEWLINE" => "end of line".to_string(),
        "INDENT" => "an indented block".to_string(),
        "DEDENT" => "end of block".to_string(),
        quoted => format!("`{}`", quoted.trim_matches('"')),
    }
}

/// Terminals that continue an expression: when most of them are expected, say "an operator".
const OPERATORS: &[&str] = &[
    "\"if\"", "\"in\"", "\"and\"", "\"or\"", "\"not\"", "\"is\"", "\"(\"", "\"[\"", "\".\"",
    "\"@\"", "\"=\"", "\"+\"", "\"-\"", "\"*\"", "\"/\"", "\"//\"", "\"%\"", "\"**\"", "\"&\"",
    "\"|\"", "\"^\"", "\"<<\"", "\">>\"", "\"==\"", "\"!=\"", "\"<\"", "\"<=\"", "\">\"", "\">=\"",
    "\"+=\"", "\"-=\"", "\"*=\"", "\"/=\"", "\"//=\"", "\"%=\"", "\"**=\"", "\"&=\"", "\"|=\"",
    "\"^=\"", "\"<<=\"", "\">>=\"",
];

/// The keywords, which are also names after `.` and in import paths.
const KEYWORDS: &[&str] = &[
    "\"fn\"",
    "\"let\"",
    "\"var\"",
    "\"const\"",
    "\"struct\"",
    "\"import\"",
    "\"from\"",
    "\"as\"",
    "\"if\"",
    "\"elif\"",
    "\"else\"",
    "\"for\"",
    "\"in\"",
    "\"while\"",
    "\"break\"",
    "\"continue\"",
    "\"return\"",
    "\"pass\"",
    "\"and\"",
    "\"or\"",
    "\"not\"",
    "\"is\"",
    "\"True\"",
    "\"False\"",
    "\"None\"",
    "\"try\"",
    "\"except\"",
    "\"finally\"",
    "\"raise\"",
    "\"assert\"",
    "\"extern\"",
];

fn readable_expected(expected: &[String]) -> Vec<String> {
    let has = |terminal: &str| expected.iter().any(|candidate| candidate == terminal);
    // Where any keyword is a name too (an import path, after `.`), just "a name".
    let is_any_name_position = has("Name") && KEYWORDS.iter().all(|keyword| has(keyword));
    let is_expression_position = has("Name") && has("Int") && has("\"(\"");
    let is_operator_position =
        !is_expression_position && has("\"+\"") && has("\"*\"") && has("\".\"");
    // What starts a type: a name, `None` or `(`.
    let is_type_position = !is_expression_position
        && expected.len() == 3
        && has("Name")
        && has("\"None\"")
        && has("\"(\"");
    if is_type_position {
        return vec!["a type".to_string()];
    }
    let mut names = Vec::new();
    if is_expression_position {
        names.push("an expression".to_string());
    }
    if is_operator_position {
        names.push("an operator".to_string());
    }
    for terminal in expected {
        if is_any_name_position && KEYWORDS.contains(&terminal.as_str()) {
            continue;
        }
        if is_expression_position && EXPRESSION_STARTS.contains(&terminal.as_str()) {
            continue;
        }
        if is_operator_position && OPERATORS.contains(&terminal.as_str()) {
            continue;
        }
        let name = describe_terminal(terminal);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn join_expected(names: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut text = names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(", ... ({} more)", names.len() - SHOWN));
    }
    text
}

/// The hint of a token that is simply out of place, where recovery skips to the end of line.
pub(super) const SKIPS_THE_REST_OF_THE_LINE: &str =
    "remove or fix this token; the rest of the line is skipped";

/// Converts one lalrpop error; `None` for an error token (its diagnostic exists already).
pub(crate) fn syntax_error(
    error: ParseError<u32, Tok, NoError>,
    lines: &Lines,
) -> Option<Diagnostic> {
    match error {
        ParseError::UnrecognizedToken { token: (start, tok, end), expected } => {
            if tok == Tok::Punct(TokenKind::Error) {
                return None;
            }
            let mut diagnostic =
                unexpected_token(start, &tok, end, &expected, lines.starts_line(start));
            if let Some(hint) = lines.hint_at(start) {
                diagnostic.hints = vec![hint.to_string()];
            }
            Some(diagnostic)
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let names = readable_expected(&expected);
            let mut diagnostic = Diagnostic::error(
                codes::UNEXPECTED_EOF,
                "unexpected end of file",
                Label::new(Span::at(location), "the file ends here"),
            );
            if !names.is_empty() {
                diagnostic =
                    diagnostic.with_note(format!("expected one of: {}", join_expected(&names)));
            }
            Some(diagnostic.with_hint("complete the construct, or remove its unfinished beginning"))
        }
        ParseError::ExtraToken { token: (start, tok, end) } => Some(
            Diagnostic::error(
                codes::UNEXPECTED_TOKEN,
                format!("unexpected {tok}"),
                Label::new(Span::new(start, end), "nothing more was expected here"),
            )
            .with_hint("remove it"),
        ),
        ParseError::InvalidToken { location } => Some(Diagnostic::error(
            codes::UNEXPECTED_CHARACTER,
            "invalid token",
            Label::new(Span::at(location), "not a token"),
        )),
        ParseError::User { .. } => None,
    }
}

fn unexpected_token(
    start: u32,
    tok: &Tok,
    end: u32,
    expected: &[String],
    starts_line: bool,
) -> Diagnostic {
    let names = readable_expected(expected);
    let layout_token =
        matches!(tok, Tok::Punct(TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent));
    // The layout pass closes brackets left open (reported) with closers of no width.
    let missing_closer = start == end
        && matches!(tok, Tok::Punct(TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace));
    let span = if layout_token { Span::at(start) } else { Span::new(start, end) };
    let expects = |terminal: &str| expected.iter().any(|candidate| candidate == terminal);

    if let Tok::Punct(kind) = tok {
        if kind.is_keyword() && expects("Name") && !starts_line {
            let word = kind.text().unwrap_or_default();
            return Diagnostic::error(
                codes::KEYWORD_AS_NAME,
                format!("keyword `{word}` used as a name"),
                Label::new(span, "a name is expected here"),
            )
            .with_note(format!("`{word}` is a reserved word of the language"))
            .with_hint(format!("choose another name, such as `{word}_`"));
        }
    }
    if expected.len() == 1 && expects("INDENT") {
        return Diagnostic::error(
            codes::UNEXPECTED_TOKEN,
            "expected an indented block",
            Label::new(span, format!("found {tok} instead of an indented block")),
        )
        .with_hint("indent the body of the block (4 spaces), or write `pass` for an empty block");
    }

    let found = match tok {
        Tok::Punct(TokenKind::Newline) => "end of line".to_string(),
        _ if missing_closer => "end of the brackets".to_string(),
        other => other.to_string(),
    };
    let mut diagnostic = if names.len() == 1 {
        Diagnostic::error(
            codes::UNEXPECTED_TOKEN,
            format!("expected {}, found {found}", names[0]),
            Label::new(span, format!("expected {} here", names[0])),
        )
    } else {
        let mut diagnostic = Diagnostic::error(
            codes::UNEXPECTED_TOKEN,
            format!("unexpected {found}"),
            Label::new(span, "unexpected here"),
        );
        if !names.is_empty() {
            diagnostic =
                diagnostic.with_note(format!("expected one of: {}", join_expected(&names)));
        }
        diagnostic
    };
    let struct_body = expects("\"fn\"")
        && expects("\"pass\"")
        && !expects("\"let\"")
        && !names.iter().any(|name| name == "an expression");
    diagnostic = match tok {
        _ if struct_body => diagnostic.with_hint(
            "a struct body holds fields (`x: f64`, `x: f64 = 0.0`), methods (`fn ...`) and `pass`",
        ),
        _ if expects("\":\"") && names.len() <= 3 => diagnostic.with_hint(
            "a line that opens a block ends with `:`; a field or parameter is written `name: Type`",
        ),
        Tok::Punct(TokenKind::Newline) if names.iter().any(|name| name == "an expression") => {
            diagnostic.with_hint("the line ends too early: complete the expression")
        }
        // There is no token to remove at the end of a line: something is missing before it.
        Tok::Punct(TokenKind::Newline) => match names.as_slice() {
            [only] => diagnostic.with_hint(format!(
                "the line ends too early: add {only}, or remove the unfinished part before it"
            )),
            _ => diagnostic.with_hint(
                "the line ends too early: complete it, or remove the unfinished part at its end",
            ),
        },
        Tok::Punct(TokenKind::Indent) => diagnostic.with_hint(
            "indent only the block after a line that ends with `:`; remove the extra indentation",
        ),
        Tok::Punct(TokenKind::Assign) if expects("\"==\"") || expects("\")\"") => {
            diagnostic.with_hint("`=` assigns and is only a statement; to compare, write `==`")
        }
        Tok::Punct(TokenKind::Dedent) => {
            diagnostic.with_hint("the block ended before the construct was complete")
        }
        _ if missing_closer => diagnostic
            .with_hint("complete what the brackets hold, up to where their closer is missing"),
        Tok::Name(_) | Tok::Int(_) | Tok::Float(_) | Tok::Str(_) | Tok::FString(_)
            if names.iter().any(|name| name == "an operator") =>
        {
            diagnostic.with_hint(
                "two expressions in a row: join them with an operator, or separate them with `,`",
            )
        }
        _ => diagnostic.with_hint(SKIPS_THE_REST_OF_THE_LINE),
    };
    diagnostic
}
