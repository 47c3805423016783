//! Constant expressions: the values of `const` items, default arguments and field defaults.
//!
//! A constant is a literal, a tuple of constants, arithmetic / comparison / logic of
//! constants, a conditional of constants, a cast of a constant (`f32(0.5)`), or a reference
//! to another constant (`N`, `math.pi`). Anything else is E0223 (constants) or E0224
//! (defaults). Constness is checked before typing, so typing a constant never asks for the
//! signature of a function (which could loop back through a default argument).

use mlc_diagnostics::{Code, Diagnostic, Label};
use mlc_syntax::ast::{Expr, ExprKind};

use super::InferenceContext;
use crate::builtins::CAST_NAMES;
use crate::db::{Db, SourceFile};
use crate::lower_type::GenericParam;
use crate::scope::{module_scope, ModuleScope, ScopeEntry};
use crate::ty::Ty;

/// Checks that `expr` is a constant of type `expected` (`Ty::Error`: any type); returns its
/// type. Problems go to `diagnostics`.
#[allow(clippy::too_many_arguments)]
pub fn check_constant(
    db: &dyn Db,
    file: SourceFile,
    scope: &std::sync::Arc<ModuleScope>,
    generics: &[GenericParam],
    expr: &Expr,
    expected: &Ty,
    code: Code,
    diagnostics: &mut Vec<Diagnostic>,
) -> Ty {
    if let Some(offending) = first_non_constant(db, scope, expr) {
        let text = crate::pretty::expr_text(offending);
        let (what, hint) = if code == mlc_diagnostics::codes::DEFAULT_NOT_CONSTANT {
            (
                "a default value",
                format!(
                    "use a literal or a `const` as the default, or drop the default and pass `{text}` at each call"
                ),
            )
        } else {
            (
                "a constant",
                format!(
                    "write the value as a literal, or drop the `const` and compute `{text}` with `let` in the function body that uses it"
                ),
            )
        };
        diagnostics.push(
            Diagnostic::error(
                code,
                format!("{what} must be a compile-time constant"),
                Label::new(offending.span, "not constant"),
            )
            .with_note("constants are literals, other constants, and arithmetic of them")
            .with_hint(hint),
        );
        return if expected.is_error() { Ty::Error } else { expected.clone() };
    }
    let mut context = InferenceContext::new(db, file, scope.clone(), generics.to_vec(), Ty::None);
    let ty = if expected.is_error() {
        context.infer_value(expr, None)
    } else {
        context.check_value(expr, expected)
    };
    diagnostics.extend(context.finish().diagnostics);
    ty
}

/// The first sub-expression that is not constant, if any.
fn first_non_constant<'a>(db: &dyn Db, scope: &ModuleScope, expr: &'a Expr) -> Option<&'a Expr> {
    match &expr.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Str(_)
        | ExprKind::Error => None,
        ExprKind::Name(name) => match scope.get(&name.text) {
            Some(ScopeEntry::Const(_) | ScopeEntry::Unresolved) => None,
            // Unknown names are reported by typing.
            None => None,
            _ => Some(expr),
        },
        ExprKind::Attribute { base, name } => {
            let ExprKind::Name(module) = &base.kind else {
                return Some(expr);
            };
            match scope.get(&module.text) {
                Some(ScopeEntry::Module { file, .. }) => {
                    match module_scope(db, *file).get(&name.text) {
                        Some(ScopeEntry::Const(_)) | None => None,
                        _ => Some(expr),
                    }
                }
                _ => Some(expr),
            }
        }
        ExprKind::Tuple(elements) => {
            elements.iter().find_map(|element| first_non_constant(db, scope, element))
        }
        ExprKind::Unary { operand, .. } => first_non_constant(db, scope, operand),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logical { lhs, rhs, .. } => {
            first_non_constant(db, scope, lhs).or_else(|| first_non_constant(db, scope, rhs))
        }
        ExprKind::Compare { first, rest } => first_non_constant(db, scope, first).or_else(|| {
            rest.iter().find_map(|(_, operand)| first_non_constant(db, scope, operand))
        }),
        ExprKind::IfElse { condition, then, otherwise } => first_non_constant(db, scope, condition)
            .or_else(|| first_non_constant(db, scope, then))
            .or_else(|| first_non_constant(db, scope, otherwise)),
        ExprKind::Call { callee, args } => {
            let is_cast = matches!(&callee.kind, ExprKind::Name(name)
                if CAST_NAMES.contains(&name.text.as_str()) && scope.get(&name.text).is_none());
            if is_cast && args.len() == 1 && args[0].keyword.is_none() {
                first_non_constant(db, scope, &args[0].value)
            } else {
                Some(expr)
            }
        }
        _ => Some(expr),
    }
}
