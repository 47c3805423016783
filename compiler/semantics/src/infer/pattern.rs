//! Binding patterns of `let`, `var` and `for`: a name, or a (nested) tuple of names that
//! destructures a tuple value (E0217 when the shapes differ). A PyObject destructures into
//! PyObjects, checked when the program runs.

use mlc_diagnostics::{codes, Diagnostic, Label};
use mlc_syntax::ast::{Pattern, PatternKind};

use super::{BindingKind, InferenceContext};
use crate::ty::Ty;

impl InferenceContext<'_> {
    pub fn bind_pattern(&mut self, pattern: &Pattern, ty: &Ty, kind: BindingKind) {
        match &pattern.kind {
            PatternKind::Name(name) => {
                self.declare(name, ty.clone(), kind);
            }
            PatternKind::Tuple(patterns) => {
                let elements: Vec<Ty> = match ty {
                    Ty::Tuple(elements) if elements.len() == patterns.len() => elements.clone(),
                    Ty::PyObject => vec![Ty::PyObject; patterns.len()],
                    _ if ty.is_unknown() => vec![Ty::Error; patterns.len()],
                    _ => {
                        let found = match ty {
                            Ty::Tuple(elements) => {
                                format!("a tuple of {} elements", elements.len())
                            }
                            other => format!("`{}`", other.display(self.db)),
                        };
                        let hint = match ty {
                            Ty::Tuple(elements) => format!(
                                "write {} name{} to unpack it: `({})`",
                                elements.len(),
                                if elements.len() == 1 { "" } else { "s" },
                                pattern_names(patterns, elements.len()).join(", ")
                                    + if elements.len() == 1 { "," } else { "" }
                            ),
                            other => format!(
                                "{} is not a tuple: bind it to a single name",
                                crate::pretty::with_article(&other.display(self.db).to_string())
                            ),
                        };
                        self.report(
                            Diagnostic::error(
                                codes::PATTERN_MISMATCH,
                                format!(
                                    "a pattern of {} names cannot unpack {found}",
                                    patterns.len()
                                ),
                                Label::new(
                                    pattern.span,
                                    format!("expects a tuple of {} elements", patterns.len()),
                                ),
                            )
                            .with_hint(hint),
                        );
                        vec![Ty::Error; patterns.len()]
                    }
                };
                for (pattern, element) in patterns.iter().zip(&elements) {
                    self.bind_pattern(pattern, element, kind);
                }
            }
        }
    }
}

/// `count` names for a tuple pattern: the pattern's own names first, then `item2`, `item3`...
fn pattern_names(patterns: &[Pattern], count: usize) -> Vec<String> {
    (0..count)
        .map(|index| match patterns.get(index).map(|pattern| &pattern.kind) {
            Some(PatternKind::Name(name)) => name.text.clone(),
            _ => format!("item{index}"),
        })
        .collect()
}
