//! Diagnostics as JSON for tools: one object per diagnostic, one per line (JSON Lines).
//!
//! The same content as the text rendering, as data. Every position is given twice: as a
//! byte offset (what the compiler works in) and as a 1-based line and column counted in
//! characters (see [`crate::line_index`]), so a consumer needs neither the source text nor
//! a UTF-8 decoder to place it. The language server reads this form.
//!
//! ```json
//! {"code":"E0201","severity":"error","message":"no implicit conversion between `i64` and `f64`",
//!  "file":"demo.ml",
//!  "primary":{"message":"`i64 + f64`",
//!             "start":{"offset":37,"line":3,"column":13},"end":{"offset":44,"line":3,"column":20}},
//!  "secondary":[],"notes":[],"hints":["write `f64(n)` to convert `n`"]}
//! ```
//! (shown wrapped; each object is on one line). The field names are part of the interface:
//! add fields, never rename or remove them.

use crate::line_index::{LineColumn, LineIndex};
use crate::{Code, Diagnostic, Label, Severity};
use serde::{Deserialize, Serialize};

/// One diagnostic in the JSON form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonDiagnostic {
    /// The stable code, such as `"E0201"`.
    pub code: String,
    /// `"error"` or `"warning"`.
    pub severity: String,
    pub message: String,
    /// The path of the file as the caller named it.
    pub file: String,
    pub primary: JsonLabel,
    pub secondary: Vec<JsonLabel>,
    pub notes: Vec<String>,
    pub hints: Vec<String>,
}

/// A label with its span resolved to positions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonLabel {
    pub message: String,
    pub start: JsonPosition,
    /// Exclusive: the position just after the last character of the span.
    pub end: JsonPosition,
}

/// A byte offset and the same place as a 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonPosition {
    pub offset: u32,
    pub line: u32,
    pub column: u32,
}

/// The diagnostics of one file as JSON Lines: one object per line, each line ending in `\n`.
pub fn json(diagnostics: &[Diagnostic], file_path: &str, source_text: &str) -> String {
    let line_index = LineIndex::new(source_text);
    let mut lines = String::new();
    for diagnostic in diagnostics {
        let object = to_json(diagnostic, file_path, &line_index);
        lines.push_str(&serde_json::to_string(&object).expect("plain data always serializes"));
        lines.push('\n');
    }
    lines
}

/// The JSON form of one diagnostic, before serialization.
pub fn to_json(
    diagnostic: &Diagnostic,
    file_path: &str,
    line_index: &LineIndex<'_>,
) -> JsonDiagnostic {
    let Code(code) = diagnostic.code;
    JsonDiagnostic {
        code: code.to_string(),
        severity: match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
        .to_string(),
        message: diagnostic.message.clone(),
        file: file_path.to_string(),
        primary: json_label(&diagnostic.primary, line_index),
        secondary: diagnostic.secondary.iter().map(|label| json_label(label, line_index)).collect(),
        notes: diagnostic.notes.clone(),
        hints: diagnostic.hints.clone(),
    }
}

fn json_label(label: &Label, line_index: &LineIndex<'_>) -> JsonLabel {
    let start = line_index.clamp(label.span.start);
    let end = line_index.clamp(label.span.end.max(label.span.start));
    JsonLabel {
        message: label.message.clone(),
        start: json_position(start, line_index.line_column(start)),
        end: json_position(end, line_index.line_column(end)),
    }
}

fn json_position(offset: u32, LineColumn { line, column }: LineColumn) -> JsonPosition {
    JsonPosition { offset, line, column }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{codes, Span};
    use expect_test::expect;

    const PROGRAM: &str = "fn main():\n    let é = 3 + \"s\"\n";

    fn unsupported_operator() -> Diagnostic {
        let plus = PROGRAM.find("3 + \"s\"").unwrap() as u32;
        Diagnostic::error(
            codes::UNSUPPORTED_OPERATOR,
            "cannot add `i64` and `str`",
            crate::Label::new(Span::new(plus, plus + 7), "`i64 + str`"),
        )
        .with_secondary(Span::new(plus + 4, plus + 7), "this is a `str`")
        .with_note("`+` on `str` needs two strings")
        .with_hint("write `str(3)` to convert")
    }

    #[test]
    fn one_object_per_line_with_offsets_lines_and_columns() {
        let unused = Diagnostic::warning(
            codes::UNREACHABLE_CODE,
            "unreachable code after `é`",
            crate::Label::new(Span::new(19, 21), ""),
        );
        let text = json(&[unsupported_operator(), unused], "demo.ml", PROGRAM);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);

        let first: JsonDiagnostic = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(first.code, "E0208");
        assert_eq!(first.severity, "error");
        assert_eq!(first.file, "demo.ml");
        // `é` is two bytes: the byte offset and the character column part ways after it.
        assert_eq!(first.primary.start, JsonPosition { offset: 24, line: 2, column: 13 });
        assert_eq!(first.primary.end, JsonPosition { offset: 31, line: 2, column: 20 });
        assert_eq!(first.secondary[0].start.column, 17);
        assert_eq!(first.notes, ["`+` on `str` needs two strings"]);
        assert_eq!(first.hints, ["write `str(3)` to convert"]);

        let second: JsonDiagnostic = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(second.severity, "warning");
        assert_eq!(second.primary.start, JsonPosition { offset: 19, line: 2, column: 9 });
        assert_eq!(second.primary.end, JsonPosition { offset: 21, line: 2, column: 10 });
    }

    #[test]
    fn field_names_are_stable() {
        let value: serde_json::Value =
            serde_json::from_str(json(&[unsupported_operator()], "demo.ml", PROGRAM).trim())
                .unwrap();
        expect![[r#"
            {
              "code": "E0208",
              "file": "demo.ml",
              "hints": [
                "write `str(3)` to convert"
              ],
              "message": "cannot add `i64` and `str`",
              "notes": [
                "`+` on `str` needs two strings"
              ],
              "primary": {
                "end": {
                  "column": 20,
                  "line": 2,
                  "offset": 31
                },
                "message": "`i64 + str`",
                "start": {
                  "column": 13,
                  "line": 2,
                  "offset": 24
                }
              },
              "secondary": [
                {
                  "end": {
                    "column": 20,
                    "line": 2,
                    "offset": 31
                  },
                  "message": "this is a `str`",
                  "start": {
                    "column": 17,
                    "line": 2,
                    "offset": 28
                  }
                }
              ],
              "severity": "error"
            }"#]]
        .assert_eq(&serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn no_diagnostics_is_no_output() {
        assert_eq!(json(&[], "demo.ml", PROGRAM), "");
    }
}
