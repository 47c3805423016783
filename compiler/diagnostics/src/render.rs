//! Diagnostics as text for people, drawn by ariadne.
//!
//! ```text
//! error[E0201]: no implicit conversion between `i64` and `f64`
//!    ╭─[ demo.ml:3:13 ]
//!    │
//!  2 │     let n = 3
//!    │             ┬
//!    │             ╰── `n` is an `i64` because of this literal
//!  3 │     let y = n + 1.5
//!    │             ───┬───
//!    │                ╰───── `i64 + f64`
//!    │
//!    │ note: native numbers never convert silently
//!    │ help: write `f64(n)` to convert `n`
//! ───╯
//! ```
//!
//! The header (`error[CODE]: message`) and the `note:` / `help:` lines are written here, not
//! by ariadne, whose own spelling (`[E0201] Error:`, `Help 1:`) is not ours; ariadne draws the
//! snippet with its labels. Spans are byte offsets (ariadne's `IndexType::Byte`); a span that
//! strays outside the text or into the middle of a character is moved to the nearest valid
//! place first, because a renderer that panics on a slightly wrong span would turn one bug
//! into two. With [`ColorChoice::Never`] the output holds no escape sequence at all.

use crate::line_index::LineIndex;
use crate::{Diagnostic, Severity, Span};
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind};
use std::ops::Range;

/// Whether the text may contain ANSI color sequences. Deciding it (is stderr a terminal? is
/// `NO_COLOR` set?) is the caller's business: this crate does no IO.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Always,
    Never,
}

/// Renders every diagnostic of one file, in the given order, separated by blank lines.
pub fn render(
    diagnostics: &[Diagnostic],
    file_path: &str,
    source_text: &str,
    color: ColorChoice,
) -> String {
    let line_index = LineIndex::new(source_text);
    diagnostics
        .iter()
        .map(|diagnostic| render_one(diagnostic, file_path, source_text, &line_index, color))
        .collect::<Vec<_>>()
        .join("\n")
}

fn render_one(
    diagnostic: &Diagnostic,
    file_path: &str,
    source_text: &str,
    line_index: &LineIndex<'_>,
    color: ColorChoice,
) -> String {
    let palette = Palette::new(color, diagnostic.severity);
    let config =
        Config::default().with_index_type(IndexType::Byte).with_color(color == ColorChoice::Always);

    let primary = valid_range(diagnostic.primary.span, line_index);
    let kind = match diagnostic.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
    };
    // The config goes first: ariadne filters label colors through the config in force when
    // each label is added.
    let mut report =
        Report::build(kind, (file_path.to_string(), primary.clone())).with_config(config);

    // A primary label without words still needs an underline, which ariadne draws only
    // under a label with a message: it repeats the title.
    let primary_message = match diagnostic.primary.message.as_str() {
        "" => &diagnostic.message,
        message => message,
    };
    let mut labels = vec![(primary, primary_message, palette.primary_label)];
    for secondary in &diagnostic.secondary {
        labels.push((
            valid_range(secondary.span, line_index),
            secondary.message.as_str(),
            palette.secondary_label,
        ));
    }
    // In source order: ariadne starts a new snippet whenever a label lies on an earlier line
    // than the one before it, which would show the same lines twice.
    labels.sort_by_key(|(range, _, _)| (range.start, range.end));
    for (range, message, label_color) in labels {
        // Ariadne underlines only labels that have a message, so even an empty one is given.
        report = report.with_label(
            Label::new((file_path.to_string(), range))
                .with_color(label_color)
                // A line break would tear ariadne's drawing apart: labels are one line.
                .with_message(message.replace('\n', " ")),
        );
    }

    let mut drawn = Vec::new();
    report
        .finish()
        .write(ariadne::sources([(file_path.to_string(), source_text)]), &mut drawn)
        .expect("writing to a Vec<u8> cannot fail");
    let drawn = String::from_utf8(drawn).expect("ariadne writes the UTF-8 it was given");
    // Ariadne pads label rows with spaces; trailing blanks only get in the way of snapshots.
    let drawn: String = drawn.lines().map(|line| format!("{}\n", line.trim_end())).collect();

    let mut text = palette.header(diagnostic);
    // Ariadne's own header is the first line; the snippet follows.
    let snippet = drawn.split_once('\n').map_or("", |(_, rest)| rest);
    text.push_str(&with_notes_and_hints(snippet, diagnostic, &palette));
    text
}

/// `span` as a byte range that ariadne accepts: inside the text, on character boundaries.
fn valid_range(span: Span, line_index: &LineIndex<'_>) -> Range<usize> {
    let start = line_index.clamp(span.start);
    let end = line_index.clamp(span.end.max(span.start));
    start as usize..end as usize
}

/// Inserts the `note:` and `help:` lines into the snippet's frame, before its closing
/// `───╯` line; appends them if the snippet has no frame.
fn with_notes_and_hints(snippet: &str, diagnostic: &Diagnostic, palette: &Palette) -> String {
    if diagnostic.notes.is_empty() && diagnostic.hints.is_empty() {
        return snippet.to_string();
    }
    let body = snippet.strip_suffix('\n').unwrap_or(snippet);
    let (before_tail, tail) = body.rsplit_once('\n').unwrap_or(("", body));
    let tail_width = frame_tail_width(tail);

    let mut text = String::new();
    let margin = match tail_width {
        Some(width) => {
            text.push_str(before_tail);
            text.push('\n');
            format!("{}{} ", " ".repeat(width), palette.margin("│"))
        }
        None => {
            text.push_str(snippet);
            String::new()
        }
    };
    if tail_width.is_some() {
        text.push_str(margin.trim_end());
        text.push('\n');
    }
    let sections = diagnostic
        .notes
        .iter()
        .map(|note| ("note", note))
        .chain(diagnostic.hints.iter().map(|hint| ("help", hint)));
    for (prefix, message) in sections {
        let mut lines = message.lines();
        let first = lines.next().unwrap_or("");
        text.push_str(&format!("{margin}{}: {first}\n", palette.note_prefix(prefix)));
        for line in lines {
            text.push_str(&format!("{margin}{}{line}\n", " ".repeat(prefix.len() + 2)));
        }
    }
    if tail_width.is_some() {
        text.push_str(tail);
        text.push('\n');
    }
    text
}

/// The number of `─` in ariadne's closing `───╯` line, or `None` if `line` is not one.
fn frame_tail_width(line: &str) -> Option<usize> {
    let plain = strip_escapes(line);
    let dashes = plain.strip_suffix('╯')?;
    (!dashes.is_empty() && dashes.chars().all(|c| c == '─')).then(|| dashes.chars().count())
}

fn strip_escapes(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // `ESC [ parameters letter`: skip to the final letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// The colors of one diagnostic, or none at all.
struct Palette {
    enabled: bool,
    severity: Severity,
    primary_label: Color,
    secondary_label: Color,
}

impl Palette {
    fn new(color: ColorChoice, severity: Severity) -> Palette {
        let primary_label = match severity {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
        };
        Palette {
            enabled: color == ColorChoice::Always,
            severity,
            primary_label,
            secondary_label: Color::Blue,
        }
    }

    /// `error[E0201]: message` and a line end.
    fn header(&self, diagnostic: &Diagnostic) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let severity_color = match self.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
        };
        let kind = format!("{severity}[{}]", diagnostic.code);
        format!(
            "{}{}\n",
            self.paint(&kind, severity_color),
            self.paint(&format!(": {}", diagnostic.message), "1")
        )
    }

    fn margin(&self, text: &str) -> String {
        // Ariadne's margin color (fixed color 246).
        self.paint(text, "38;5;246")
    }

    fn note_prefix(&self, text: &str) -> String {
        // Ariadne's note color (fixed color 115).
        self.paint(text, "38;5;115")
    }

    fn paint(&self, text: &str, sgr: &str) -> String {
        if self.enabled {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{codes, Label as DiagnosticLabel};
    use expect_test::{expect, Expect};

    const PROGRAM: &str = "\
fn main():
    let n = 3
    let y = n + 1.5
    print(y)
";

    fn span_of(text: &str, needle: &str) -> Span {
        let start = PROGRAM.find(text).unwrap() + text.find(needle).unwrap();
        Span::from_range(start..start + needle.len())
    }

    fn mixed_numbers() -> Diagnostic {
        Diagnostic::error(
            codes::MIXED_NUMERIC_TYPES,
            "no implicit conversion between `i64` and `f64`",
            DiagnosticLabel::new(span_of("n + 1.5", "n + 1.5"), "`i64 + f64`"),
        )
        .with_secondary(span_of("let n = 3", "3"), "`n` is an `i64` because of this literal")
        .with_note("native numbers never convert silently")
        .with_hint("write `f64(n)` to convert `n`")
    }

    fn check(diagnostics: &[Diagnostic], source: &str, expected: Expect) {
        expected.assert_eq(&render(diagnostics, "demo.ml", source, ColorChoice::Never));
    }

    #[test]
    fn renders_title_labels_notes_and_hints() {
        check(
            &[mixed_numbers()],
            PROGRAM,
            expect![[r#"
                error[E0201]: no implicit conversion between `i64` and `f64`
                   ╭─[ demo.ml:3:13 ]
                   │
                 2 │     let n = 3
                   │             ┬
                   │             ╰── `n` is an `i64` because of this literal
                 3 │     let y = n + 1.5
                   │             ───┬───
                   │                ╰───── `i64 + f64`
                   │
                   │ note: native numbers never convert silently
                   │ help: write `f64(n)` to convert `n`
                ───╯
            "#]],
        );
    }

    #[test]
    fn renders_several_diagnostics_of_one_file_in_order() {
        let unknown = Diagnostic::error(
            codes::UNKNOWN_NAME,
            "unknown name `prnt`",
            DiagnosticLabel::new(Span::new(0, 4), "not found in this scope"),
        )
        .with_hint("did you mean `print`?");
        let unused = Diagnostic::warning(
            codes::UNREACHABLE_CODE,
            "unreachable code",
            DiagnosticLabel::new(Span::new(18, 19), ""),
        );
        check(
            &[unknown, unused],
            "prnt(1)\nlet _ = 2\nx\n",
            expect![[r#"
                error[E0100]: unknown name `prnt`
                   ╭─[ demo.ml:1:1 ]
                   │
                 1 │ prnt(1)
                   │ ──┬─
                   │   ╰─── not found in this scope
                   │
                   │ help: did you mean `print`?
                ───╯

                warning[W0502]: unreachable code
                   ╭─[ demo.ml:3:1 ]
                   │
                 3 │ x
                   │ ┬
                   │ ╰── unreachable code
                ───╯
            "#]],
        );
    }

    #[test]
    fn counts_columns_in_characters_and_survives_bad_spans() {
        let source = "let é = \"→\" + 1\n";
        let plus = source.find('+').unwrap();
        let diagnostics = [
            Diagnostic::error(
                codes::UNSUPPORTED_OPERATOR,
                "cannot add `str` and `i64`",
                DiagnosticLabel::new(Span::new(plus as u32, plus as u32 + 1), "`str + i64`"),
            ),
            // Starts inside `é` and ends far past the text: moved to the nearest valid place.
            Diagnostic::error(
                codes::UNEXPECTED_EOF,
                "unexpected end of file",
                DiagnosticLabel::new(Span::new(5, 900), "here"),
            ),
        ];
        check(
            &diagnostics,
            source,
            expect![[r#"
                error[E0208]: cannot add `str` and `i64`
                   ╭─[ demo.ml:1:13 ]
                   │
                 1 │ let é = "→" + 1
                   │             ┬
                   │             ╰── `str + i64`
                ───╯

                error[E0012]: unexpected end of file
                   ╭─[ demo.ml:1:5 ]
                   │
                 1 │ let é = "→" + 1
                   │     ──────┬─────
                   │           ╰─────── here
                ───╯
            "#]],
        );
    }

    #[test]
    fn a_span_over_several_lines() {
        let start = PROGRAM.find("let n").unwrap();
        let end = PROGRAM.find("1.5").unwrap() + 3;
        let diagnostic = Diagnostic::warning(
            codes::UNREACHABLE_CODE,
            "statements over two lines",
            DiagnosticLabel::new(Span::from_range(start..end), "these two"),
        );
        check(
            &[diagnostic],
            PROGRAM,
            expect![[r#"
            warning[W0502]: statements over two lines
               ╭─[ demo.ml:2:5 ]
               │
             2 │ ╭─▶     let n = 3
             3 │ ├─▶     let y = n + 1.5
               │ │
               │ ╰───────────────────────── these two
            ───╯
        "#]],
        );
    }

    #[test]
    fn multi_line_notes_are_indented_under_their_prefix() {
        let diagnostic = Diagnostic::error(
            codes::MISSING_MAIN,
            "no `main` function",
            DiagnosticLabel::new(Span::new(0, 0), "the program starts here"),
        )
        .with_note("a program starts at `fn main()`\nlibraries are checked with `--lib`");
        check(
            &[diagnostic],
            "const N: i64 = 1\n",
            expect![[r#"
                error[E0400]: no `main` function
                   ╭─[ demo.ml:1:1 ]
                   │
                 1 │ const N: i64 = 1
                   │ │
                   │ ╰─ the program starts here
                   │
                   │ note: a program starts at `fn main()`
                   │       libraries are checked with `--lib`
                ───╯
            "#]],
        );
    }

    #[test]
    fn no_escape_sequences_without_color_and_some_with_it() {
        let diagnostics = [mixed_numbers()];
        let plain = render(&diagnostics, "demo.ml", PROGRAM, ColorChoice::Never);
        assert!(!plain.contains('\x1b'), "{plain}");
        let colored = render(&diagnostics, "demo.ml", PROGRAM, ColorChoice::Always);
        assert!(colored.starts_with("\x1b[1;31merror[E0201]\x1b[0m"), "{colored:?}");
        // The primary label is red, and the text is the same once the colors are removed.
        assert!(colored.contains("\x1b[31m"), "{colored:?}");
        assert_eq!(strip_escapes(&colored), plain);
    }
}
