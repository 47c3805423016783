//! Comparisons: `==` `!=` `<` `<=` `>` `>=` (chains evaluate each operand once), `in` /
//! `not in` (membership in `str`, `List`, `Dict`, or a PyObject), and `is` / `is not` (identity
//! of Python objects and `None`). Structs compare through `__eq__`, `__lt__` and `__le__`
//! (`!=` negates `__eq__`; `>` and `>=` flip `__lt__` and `__le__`).

use mlc_diagnostics::{codes, Diagnostic, Label};
use mlc_syntax::ast::{CompareOp, Expr};

use super::expr::{literal_operands_default, takes_type_from_context};
use super::{Coercion, InferenceContext, OperatorResolution};
use crate::signatures::struct_data;
use crate::ty::{bounds_imply, Bound, Ty};

impl InferenceContext<'_> {
    pub fn infer_compare(&mut self, first: &Expr, rest: &[(CompareOp, Expr)]) -> Ty {
        let mut python = false;
        let mut left = first;
        let mut left_ty: Option<Ty> = None;
        for (op, right) in rest {
            let (lhs_ty, rhs_ty) = match left_ty.take() {
                Some(known) => {
                    let hint = self.compare_expectation(*op, &known);
                    let rhs_ty = self.infer_value(right, hint.as_ref());
                    (known, rhs_ty)
                }
                None if takes_type_from_context(left) && !takes_type_from_context(right) => {
                    let rhs_ty = self.infer_value(right, None);
                    let hint = if matches!(op, CompareOp::In | CompareOp::NotIn) {
                        self.member_expectation(&rhs_ty)
                    } else {
                        self.compare_expectation(*op, &rhs_ty)
                    };
                    (self.infer_value(left, hint.as_ref()), rhs_ty)
                }
                None => {
                    let default = literal_operands_default(left, right);
                    let lhs_ty = self.infer_value(left, default.as_ref());
                    let hint = self.compare_expectation(*op, &lhs_ty);
                    (lhs_ty, self.infer_value(right, hint.as_ref()))
                }
            };
            if self.compare_link(*op, left, &lhs_ty, right, &rhs_ty) == Ty::PyObject {
                python = true;
            }
            left = right;
            left_ty = Some(rhs_ty);
        }
        if python {
            Ty::PyObject
        } else {
            Ty::Bool
        }
    }

    /// What the left operand of `x in c` should be typed as: an element (or key) of `c`.
    fn member_expectation(&self, container: &Ty) -> Option<Ty> {
        match container {
            Ty::List(element) => Some((**element).clone()),
            Ty::Dict(key, _) => Some((**key).clone()),
            _ => None,
        }
    }

    /// What the other operand of a comparison should be typed as: the known side's type for
    /// containers (so `xs == []` types the empty list), its scalar type otherwise.
    fn compare_expectation(&self, op: CompareOp, known: &Ty) -> Option<Ty> {
        match (op, known) {
            (CompareOp::In | CompareOp::NotIn, _) => None,
            (_, Ty::List(_) | Ty::Dict(..) | Ty::Tuple(_)) => Some(known.clone()),
            // For a struct, the parameter type of the method the operator calls.
            (CompareOp::Lt | CompareOp::Gt, _) => self.operand_expectation(known, "__lt__"),
            (CompareOp::Le | CompareOp::Ge, _) => self.operand_expectation(known, "__le__"),
            _ => self.operand_expectation(known, "__eq__"),
        }
    }

    /// Checks one link `left op right`; returns `PyObject` for a Python comparison.
    fn compare_link(
        &mut self,
        op: CompareOp,
        left: &Expr,
        lhs_ty: &Ty,
        right: &Expr,
        rhs_ty: &Ty,
    ) -> Ty {
        let span = right.span;
        let symbol = op.symbol();
        if lhs_ty.is_unknown() || rhs_ty.is_unknown() {
            return Ty::Bool;
        }
        match op {
            CompareOp::In | CompareOp::NotIn => {
                match rhs_ty {
                    Ty::PyObject => {
                        if !lhs_ty.converts_to_python() {
                            self.unsupported_operator(symbol, lhs_ty, Some(rhs_ty), span);
                        } else if *lhs_ty != Ty::PyObject {
                            self.result.coercions.insert(left.span, Coercion::ToPython);
                        }
                        self.result.operators.insert(span, OperatorResolution::Python);
                    }
                    Ty::Str | Ty::List(_) | Ty::Dict(..) => {
                        let element = match rhs_ty {
                            Ty::List(element) => (**element).clone(),
                            Ty::Dict(key, _) => (**key).clone(),
                            _ => Ty::Str,
                        };
                        self.coerce(left, lhs_ty, &element);
                        self.result.operators.insert(
                            span,
                            OperatorResolution::Contains { container: rhs_ty.clone() },
                        );
                    }
                    _ => {
                        let diagnostic = Diagnostic::error(
                            codes::UNSUPPORTED_OPERATOR,
                            format!("`{symbol}` needs a `str`, `List` or `Dict` on its right, found `{}`", rhs_ty.display(self.db)),
                            Label::new(right.span, "not a container"),
                        );
                        self.report(diagnostic);
                    }
                }
                Ty::Bool
            }
            CompareOp::Is | CompareOp::IsNot => {
                if matches!(lhs_ty, Ty::PyObject | Ty::None)
                    || matches!(rhs_ty, Ty::PyObject | Ty::None)
                {
                    self.result.operators.insert(span, OperatorResolution::Python);
                } else {
                    let diagnostic = self
                        .unsupported_operator_diagnostic(symbol, lhs_ty, Some(rhs_ty), span)
                        .with_hint(
                            "`is` tests the identity of Python objects; compare values with `==`",
                        );
                    self.report(diagnostic);
                }
                Ty::Bool
            }
            _ => {
                if *lhs_ty == Ty::PyObject || *rhs_ty == Ty::PyObject {
                    return self.python_operation(symbol, (left, lhs_ty), (right, rhs_ty), span);
                }
                self.native_comparison(op, left, lhs_ty, right, rhs_ty);
                Ty::Bool
            }
        }
    }

    fn native_comparison(
        &mut self,
        op: CompareOp,
        left: &Expr,
        lhs_ty: &Ty,
        right: &Expr,
        rhs_ty: &Ty,
    ) {
        let span = right.span;
        let symbol = op.symbol();
        let equality = matches!(op, CompareOp::Eq | CompareOp::NotEq);
        if let Ty::Struct(strukt) = lhs_ty {
            let (name, flipped, negated) = match op {
                CompareOp::Eq => ("__eq__", false, false),
                CompareOp::NotEq => ("__eq__", false, true),
                CompareOp::Lt => ("__lt__", false, false),
                CompareOp::Le => ("__le__", false, false),
                CompareOp::Gt => ("__lt__", true, false),
                _ => ("__le__", true, false),
            };
            let Some(method) = struct_data(self.db, *strukt).method(name) else {
                let diagnostic = self
                    .unsupported_operator_diagnostic(symbol, lhs_ty, Some(rhs_ty), span)
                    .with_hint(format!(
                        "define `fn {name}(self, other: {0}) -> bool` on `{0}`",
                        lhs_ty.display(self.db)
                    ));
                self.report(diagnostic);
                return;
            };
            self.result
                .operators
                .insert(span, OperatorResolution::Dunder { method, flipped, negated });
            // Flipped: `a > b` is `b.__lt__(a)`, so both sides are the struct.
            let operand = if flipped { left } else { right };
            let operand_ty = if flipped { lhs_ty } else { rhs_ty };
            self.dunder_result(method, operand, operand_ty);
            return;
        }
        if lhs_ty.is_numeric() && rhs_ty.is_numeric() && lhs_ty != rhs_ty {
            self.operand_mismatch(symbol, lhs_ty, rhs_ty, left, right, span);
            return;
        }
        if !lhs_ty.compatible(rhs_ty) {
            let diagnostic = Diagnostic::error(
                codes::MISMATCHED_TYPES,
                format!(
                    "cannot compare `{}` with `{}`",
                    lhs_ty.display(self.db),
                    rhs_ty.display(self.db)
                ),
                Label::new(left.span.cover(right.span), "different types"),
            );
            self.report(diagnostic);
            return;
        }
        if !self.comparable(lhs_ty, equality) {
            let mut diagnostic = self.unsupported_operator_diagnostic(symbol, lhs_ty, None, span);
            if let Ty::Param(param) = lhs_ty {
                diagnostic = diagnostic.with_hint(format!(
                    "add the bound to the generic parameter: `{}: Comparable`",
                    param.name
                ));
            }
            self.report(diagnostic);
            return;
        }
        self.result.operators.insert(span, OperatorResolution::Native { operand: lhs_ty.clone() });
    }

    /// Whether values of `ty` support `==` (when `equality`) or ordering.
    fn comparable(&self, ty: &Ty, equality: bool) -> bool {
        match ty {
            Ty::Int(_) | Ty::Float(_) | Ty::Str | Ty::Bool | Ty::Error | Ty::Never => true,
            Ty::None => equality,
            Ty::Tuple(elements) => {
                elements.iter().all(|element| self.comparable(element, equality))
            }
            Ty::List(element) => self.comparable(element, equality),
            Ty::Dict(key, value) => {
                equality && self.comparable(key, true) && self.comparable(value, true)
            }
            Ty::Param(param) => bounds_imply(self.param_bounds(param.index), Bound::Comparable),
            _ => false,
        }
    }
}
