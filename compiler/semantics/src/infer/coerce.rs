//! Checking a value against an expected type: the only implicit conversion is a native value
//! flowing into Python; everything else must match exactly, and the diagnostic says which
//! cast to write.
//!
//! The Python rules, gathered: any operation on a PyObject (attribute, call, index, slice,
//! arithmetic and comparison with natives on either side, `for`, truthiness, `print`,
//! f-strings) is allowed and yields a PyObject (`len(o)` is an `i64`; `not o`, `x in o` and
//! `o is None` are `bool`). Numbers, bool, str, None, tuples, `List`, `Dict` and `Tensor`
//! convert to Python implicitly (recorded as [`Coercion::ToPython`]); a PyObject becomes
//! native only through a cast such as `i64(o)` or `Tensor[f32](o)` (E0215).

use mlc_diagnostics::{codes, Diagnostic, Label};
use mlc_syntax::ast::Expr;

use super::{Coercion, InferenceContext};
use crate::pretty::expr_text;
use crate::ty::Ty;

impl InferenceContext<'_> {
    /// Whether a value of type `actual` (the type of `expr`) may be used where `expected` is;
    /// reports E0200 / E0201 / E0215 when not.
    pub fn coerce(&mut self, expr: &Expr, actual: &Ty, expected: &Ty) -> bool {
        if actual.compatible(expected) {
            return true;
        }
        if *expected == Ty::PyObject && actual.converts_to_python() {
            self.result.coercions.insert(expr.span, Coercion::ToPython);
            return true;
        }
        let diagnostic = self.mismatch(expr, actual, expected);
        self.report(diagnostic);
        false
    }

    /// The diagnostic for a value of type `actual` where `expected` is needed.
    pub fn mismatch(&self, expr: &Expr, actual: &Ty, expected: &Ty) -> Diagnostic {
        let db = self.db;
        let text = expr_text(expr);
        let expected_name = expected.display(db).to_string();
        let actual_name = actual.display(db).to_string();
        if *actual == Ty::PyObject {
            return Diagnostic::error(
                codes::PYOBJECT_NEEDS_CAST,
                format!("expected `{expected_name}`, found a Python object"),
                Label::new(expr.span, "PyObject"),
            )
            .with_hint(format!("convert it explicitly: `{}`", cast_text(&expected_name, &text)))
            .with_note("values come out of Python only through explicit casts");
        }
        if actual.is_numeric() && expected.is_numeric() {
            return Diagnostic::error(
                codes::MIXED_NUMERIC_TYPES,
                format!("expected `{expected_name}`, found `{actual_name}`"),
                Label::new(expr.span, format!("this is `{actual_name}`")),
            )
            .with_hint(format!("convert it: `{}`", cast_text(&expected_name, &text)))
            .with_note("numbers never convert implicitly");
        }
        if *expected == Ty::PyObject {
            return Diagnostic::error(
                codes::MISMATCHED_TYPES,
                format!("a value of type `{actual_name}` cannot be passed to Python"),
                Label::new(expr.span, format!("this is `{actual_name}`")),
            )
            .with_note(
                "numbers, bool, str, None, tuples, List, Dict and Tensor convert to Python objects",
            );
        }
        let mut diagnostic = Diagnostic::error(
            codes::MISMATCHED_TYPES,
            format!("expected `{expected_name}`, found `{actual_name}`"),
            Label::new(expr.span, format!("this is `{actual_name}`")),
        );
        if *expected == Ty::Str && actual_name != "None" {
            diagnostic = diagnostic.with_hint(format!("convert it: `str({text})`"));
        }
        diagnostic
    }
}

/// `f64(n)`; keeps the operand's text as written.
pub fn cast_text(ty: &str, text: &str) -> String {
    format!("{ty}({text})")
}
