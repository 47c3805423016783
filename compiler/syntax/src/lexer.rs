//! Raw lexing: runs the logos state machine and decodes literals.
//!
//! Numbers (`1_000`, `0xff`, `0b1010`, `0o17`, `3.14`, `1e-9`, `1.`), strings with their
//! escapes (`\n \t \r \0 \\ \" \' \{ \}` and `\u{...}`) and f-strings (split into literal
//! pieces and replacement fields whose expression text the parser parses later) are decoded
//! here, once. Anything malformed is reported and becomes a [`TokenKind::Error`] token, so
//! lexing never stops early. Comments and physical newlines are still in the output: the
//! layout pass consumes them.

use crate::token::{FStringPiece, Token, TokenKind, TokenValue};
use logos::Logos;
use mlc_diagnostics::{codes, Diagnostic, Label, Span};

/// Lexes `text` into raw tokens (with comments and physical newlines).
pub(crate) fn lex(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    let mut lexer = TokenKind::lexer(text);
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let span = Span::from_range(range.clone());
        let kind = match result {
            Ok(kind) => kind,
            Err(()) => {
                // Merge a run of unexpected characters into one token and one diagnostic.
                if let Some(last) = tokens.last_mut() {
                    if last.kind == TokenKind::Error && last.span.end == span.start {
                        if let Some(diagnostic) = diagnostics.last_mut() {
                            if diagnostic.code == codes::UNEXPECTED_CHARACTER
                                && diagnostic.primary.span.end == span.start
                            {
                                last.span.end = span.end;
                                diagnostic.primary.span.end = span.end;
                                diagnostic.message = format!(
                                    "unexpected characters `{}`",
                                    &text[diagnostic.primary.span.range()]
                                );
                                continue;
                            }
                        }
                    }
                }
                diagnostics.push(unexpected_character(&text[range], span));
                tokens.push(Token { kind: TokenKind::Error, span, value: TokenValue::None });
                continue;
            }
        };
        let slice = &text[range];
        let token = match kind {
            TokenKind::Int | TokenKind::Float => {
                // `123abc` is one malformed number, not a number and a name.
                let rest = &text[span.end as usize..];
                let extra = rest
                    .bytes()
                    .take_while(|byte| byte.is_ascii_alphanumeric() || *byte == b'_')
                    .count();
                if extra > 0 && !(kind == TokenKind::Float && slice.ends_with('.')) {
                    lexer.bump(extra);
                    let span = Span::new(span.start, span.end + extra as u32);
                    diagnostics.push(
                        Diagnostic::error(
                            codes::INVALID_NUMBER,
                            format!("invalid number literal `{}`", &text[span.range()]),
                            Label::new(span, "not a number"),
                        )
                        .with_hint("a name cannot start with a digit; numbers are written like `42`, `0xff`, `3.14` or `1e-9`"),
                    );
                    Token { kind: TokenKind::Error, span, value: TokenValue::None }
                } else if kind == TokenKind::Int {
                    number_token(decode_int(slice), slice, TokenKind::Int, span, diagnostics)
                } else {
                    number_token(decode_float(slice), slice, TokenKind::Float, span, diagnostics)
                }
            }
            TokenKind::Str => {
                let quote_len =
                    if slice.starts_with("\"\"\"") || slice.starts_with("'''") { 3 } else { 1 };
                let body = Span::new(span.start + quote_len, span.end - quote_len);
                let value = decode_string(text, body, diagnostics);
                Token { kind, span, value: TokenValue::Str(value) }
            }
            TokenKind::FString => {
                let body = Span::new(span.start + 2, span.end - 1);
                let pieces = scan_fstring(text, body, diagnostics);
                Token { kind, span, value: TokenValue::FString(pieces) }
            }
            TokenKind::UnterminatedStr => {
                let triple = slice.contains("\"\"\"") || slice.contains("'''");
                let (quote, hint) = if triple {
                    (
                        "triple-quoted string",
                        "close the string with the same three quotes it opens with",
                    )
                } else {
                    (
                        "string",
                        "close the string with the same quote it opens with, on the same line",
                    )
                };
                let first_line = Span::new(
                    span.start,
                    span.start + slice.find('\n').unwrap_or(slice.len()) as u32,
                );
                diagnostics.push(
                    Diagnostic::error(
                        codes::UNTERMINATED_STRING,
                        format!("unterminated {quote} literal"),
                        Label::new(first_line, "this string is never closed"),
                    )
                    .with_hint(hint),
                );
                Token { kind: TokenKind::Error, span, value: TokenValue::None }
            }
            _ => Token { kind, span, value: TokenValue::None },
        };
        tokens.push(token);
    }
    tokens
}

fn unexpected_character(slice: &str, span: Span) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(
        codes::UNEXPECTED_CHARACTER,
        format!("unexpected character `{}`", slice.escape_debug()),
        Label::new(span, "not part of any token"),
    );
    diagnostic = match slice {
        "!" => diagnostic.with_hint("negation is written `not x`; inequality is `!=`"),
        "$" | "?" | "`" => diagnostic.with_hint("remove this character"),
        _ if !slice.is_ascii() => diagnostic.with_hint(
            "names and operators are ASCII; non-ASCII text belongs in strings or comments",
        ),
        _ => diagnostic.with_hint("remove this character"),
    };
    diagnostic
}

fn number_token(
    decoded: Result<u64, &'static str>,
    slice: &str,
    kind: TokenKind,
    span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Token {
    match decoded {
        Ok(bits) => {
            let value = if kind == TokenKind::Int {
                TokenValue::Int(bits)
            } else {
                TokenValue::Float(bits)
            };
            Token { kind, span, value }
        }
        Err(problem) => {
            diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_NUMBER,
                    format!("invalid number literal `{slice}`"),
                    Label::new(span, problem),
                )
                .with_hint("write integers like `42`, `1_000`, `0xff`, `0o17`, `0b1010` and floats like `3.14` or `1e-9`"),
            );
            Token { kind: TokenKind::Error, span, value: TokenValue::None }
        }
    }
}

/// Decodes an integer literal: decimal, `0x`, `0o`, `0b`, with `_` separators.
pub(crate) fn decode_int(slice: &str) -> Result<u64, &'static str> {
    let (radix, digits) = match slice.get(..2) {
        Some("0x" | "0X") => (16, &slice[2..]),
        Some("0o" | "0O") => (8, &slice[2..]),
        Some("0b" | "0B") => (2, &slice[2..]),
        _ => (10, slice),
    };
    if digits.ends_with('_') {
        return Err("a number cannot end with `_`");
    }
    let mut value: u64 = 0;
    let mut any_digit = false;
    for character in digits.chars() {
        if character == '_' {
            continue;
        }
        let digit = character.to_digit(radix).ok_or(match radix {
            16 => "not a hexadecimal digit",
            8 => "not an octal digit",
            2 => "not a binary digit",
            _ => "not a decimal digit",
        })?;
        any_digit = true;
        value = value
            .checked_mul(radix as u64)
            .and_then(|value| value.checked_add(digit as u64))
            .ok_or("this number does not fit in 64 bits")?;
    }
    if !any_digit {
        return Err("digits are missing after the prefix");
    }
    Ok(value)
}

/// Decodes a float literal into its `f64` bit pattern.
pub(crate) fn decode_float(slice: &str) -> Result<u64, &'static str> {
    if slice.contains("_.") || slice.contains("._") || slice.ends_with('_') {
        return Err("`_` may only separate digits");
    }
    let cleaned: String = slice.chars().filter(|character| *character != '_').collect();
    match cleaned.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value.to_bits()),
        Ok(_) => Err("this float is too large for `f64`"),
        Err(_) => Err("malformed float"),
    }
}

/// Decodes the escapes of a string body; `body` is a span into `text`.
pub(crate) fn decode_string(text: &str, body: Span, diagnostics: &mut Vec<Diagnostic>) -> String {
    let raw = &text[body.range()];
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices().peekable();
    while let Some((index, character)) = chars.next() {
        if character != '\\' {
            out.push(character);
            continue;
        }
        let start = body.start + index as u32;
        match chars.next() {
            Some((_, escape)) => match escape_value(escape) {
                Some(decoded) => out.push(decoded),
                None if escape == 'u' => {
                    let (decoded, length) = decode_unicode_escape(&raw[index..]);
                    // Skip the characters of the escape after `\u`.
                    let mut consumed = 2;
                    while consumed < length {
                        if let Some((_, character)) = chars.next() {
                            consumed += character.len_utf8();
                        } else {
                            break;
                        }
                    }
                    match decoded {
                        Ok(character) => out.push(character),
                        Err(problem) => diagnostics
                            .push(invalid_escape(Span::new(start, start + length as u32), problem)),
                    }
                }
                None => {
                    let span = Span::new(start, start + 1 + escape.len_utf8() as u32);
                    diagnostics.push(invalid_escape(span, "unknown escape"));
                    out.push(escape);
                }
            },
            None => diagnostics.push(invalid_escape(Span::new(start, start + 1), "lone backslash")),
        }
    }
    out
}

fn escape_value(escape: char) -> Option<char> {
    Some(match escape {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        '\\' => '\\',
        '"' => '"',
        '\'' => '\'',
        '{' => '{',
        '}' => '}',
        _ => return None,
    })
}

/// Decodes `\u{...}` at the start of `raw`; returns the character and the escape's length.
fn decode_unicode_escape(raw: &str) -> (Result<char, &'static str>, usize) {
    let rest = &raw[2..];
    if !rest.starts_with('{') {
        return (Err("`\\u` must be followed by `{hex digits}`"), 2);
    }
    let Some(close) = rest.find('}') else {
        return (Err("unclosed `\\u{`"), raw.len());
    };
    let length = 2 + close + 1;
    let digits = &rest[1..close];
    if digits.is_empty() || digits.len() > 6 {
        return (Err("`\\u{...}` takes 1 to 6 hexadecimal digits"), length);
    }
    match u32::from_str_radix(digits, 16).ok().and_then(char::from_u32) {
        Some(character) => (Ok(character), length),
        None => (Err("not a Unicode scalar value"), length),
    }
}

fn invalid_escape(span: Span, problem: &str) -> Diagnostic {
    Diagnostic::error(
        codes::INVALID_ESCAPE,
        "invalid escape sequence in string",
        Label::new(span, problem),
    )
    .with_hint("the escapes are `\\n \\t \\r \\0 \\\\ \\\" \\' \\{ \\}` and `\\u{1F600}`; write `\\\\` for a backslash")
}

/// Splits an f-string body (a span into `text`) into literal pieces and fields.
pub(crate) fn scan_fstring(
    text: &str,
    body: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<FStringPiece> {
    let raw = &text[body.range()];
    let bytes = raw.as_bytes();
    let mut pieces = Vec::new();
    let mut literal_start = 0;
    let mut index = 0;
    let offset = body.start;
    let flush_literal = |pieces: &mut Vec<FStringPiece>,
                         start: usize,
                         end: usize,
                         diagnostics: &mut Vec<Diagnostic>| {
        if start < end {
            let span = Span::new(offset + start as u32, offset + end as u32);
            let mut text_value = decode_string(text, span, diagnostics);
            text_value = text_value.replace("{{", "{").replace("}}", "}");
            pieces.push(FStringPiece::Literal { text: text_value, span });
        }
    };
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 2,
            b'{' if bytes.get(index + 1) == Some(&b'{') => index += 2,
            b'}' if bytes.get(index + 1) == Some(&b'}') => index += 2,
            b'}' => {
                let span = Span::new(offset + index as u32, offset + index as u32 + 1);
                diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_FSTRING,
                        "single `}` in f-string",
                        Label::new(span, "this `}` closes no replacement field"),
                    )
                    .with_hint("write `}}` for a literal `}`"),
                );
                index += 1;
            }
            b'{' => {
                flush_literal(&mut pieces, literal_start, index, diagnostics);
                let field_start = index;
                index += 1;
                match scan_field(raw, index) {
                    Ok(field) => {
                        let expr = Span::new(
                            offset + field.expr_start as u32,
                            offset + field.expr_end as u32,
                        );
                        let span =
                            Span::new(offset + field_start as u32, offset + field.end as u32);
                        if raw[field.expr_start..field.expr_end].trim().is_empty() {
                            diagnostics.push(
                                Diagnostic::error(
                                    codes::INVALID_FSTRING,
                                    "empty replacement field in f-string",
                                    Label::new(span, "expected an expression between the braces"),
                                )
                                .with_hint(
                                    "write an expression such as `{x}`, or `{{` for a literal `{`",
                                ),
                            );
                        } else {
                            pieces.push(FStringPiece::Field { expr, spec: field.spec, span });
                        }
                        index = field.end;
                    }
                    Err((problem, hint, end)) => {
                        let span = Span::new(offset + field_start as u32, offset + end as u32);
                        diagnostics.push(
                            Diagnostic::error(
                                codes::INVALID_FSTRING,
                                format!("invalid f-string field: {problem}"),
                                Label::new(span, problem),
                            )
                            .with_hint(hint),
                        );
                        index = end;
                    }
                }
                literal_start = index;
            }
            _ => index += 1,
        }
    }
    flush_literal(&mut pieces, literal_start, bytes.len().min(index), diagnostics);
    pieces
}

struct ScannedField {
    expr_start: usize,
    expr_end: usize,
    spec: Option<String>,
    /// Just after the closing `}`.
    end: usize,
}

/// Scans one replacement field starting just after its `{`.
fn scan_field(
    raw: &str,
    start: usize,
) -> Result<ScannedField, (&'static str, &'static str, usize)> {
    let bytes = raw.as_bytes();
    let mut depth = 0usize;
    let mut index = start;
    let mut quote: Option<u8> = None;
    while index < bytes.len() {
        let byte = bytes[index];
        if let Some(open) = quote {
            if byte == b'\\' {
                index += 1;
            } else if byte == open {
                quote = None;
            }
            index += 1;
            continue;
        }
        match byte {
            b'\'' | b'"' => quote = Some(byte),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' if depth > 0 => depth -= 1,
            b'}' if depth > 0 => depth -= 1,
            b'}' => {
                return Ok(ScannedField {
                    expr_start: start,
                    expr_end: index,
                    spec: None,
                    end: index + 1,
                })
            }
            b'!' if depth == 0 && bytes.get(index + 1) != Some(&b'=') => {
                return Err((
                    "conversions such as `!r` are not supported",
                    "call `str(x)` inside the field instead",
                    field_end(bytes, index),
                ));
            }
            b':' if depth == 0 => {
                let spec_start = index + 1;
                let mut spec_end = spec_start;
                while spec_end < bytes.len() && bytes[spec_end] != b'}' {
                    if bytes[spec_end] == b'{' {
                        return Err((
                            "nested fields in a format spec are not supported",
                            "write the spec literally, such as `{x:.3f}`",
                            nested_field_end(bytes, spec_end),
                        ));
                    }
                    spec_end += 1;
                }
                if spec_end == bytes.len() {
                    return Err((
                        "the field is never closed",
                        "close the replacement field with `}`, or write `{{` for a literal `{`",
                        bytes.len(),
                    ));
                }
                return Ok(ScannedField {
                    expr_start: start,
                    expr_end: index,
                    spec: Some(raw[spec_start..spec_end].to_string()),
                    end: spec_end + 1,
                });
            }
            _ => {}
        }
        index += 1;
    }
    Err((
        "the field is never closed",
        "close the replacement field with `}`, or write `{{` for a literal `{`",
        bytes.len(),
    ))
}

/// Where to resume after a spec with a nested `{`: after the `}` that closes the field.
fn nested_field_end(bytes: &[u8], nested_open: usize) -> usize {
    let mut depth = 1usize;
    for (index, byte) in bytes.iter().enumerate().skip(nested_open) {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return index + 1;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// Where to resume after a broken field: after the next `}`, or at the end.
fn field_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|byte| *byte == b'}')
        .map_or(bytes.len(), |position| from + position + 1)
}

#[cfg(test)]
mod tests;
