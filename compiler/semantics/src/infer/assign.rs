//! Assignment and mutability.
//!
//! `let` fixes a binding; numbers, bool, tuples and structs are values, so changing a field
//! of one needs a `var` binding (E0212), and so does calling a `mut self` method on it
//! (E0213). `List`, `Dict`, `Tensor` and PyObjects are references: `xs[i] = v` works through
//! any binding or parameter, and so does changing a field of a struct stored in a list.

use mlc_diagnostics::{codes, Diagnostic, Label};
use mlc_syntax::ast::{BinaryOp, Expr, ExprKind, Name};

use super::operators::binary_dunder;
use super::{AttributeResolution, BindingKind, InferenceContext, NameResolution};
use crate::scope::ScopeEntry;
use crate::ty::Ty;

/// Why a place cannot be changed.
enum Immutable {
    /// Rooted at this `let` binding, parameter, loop variable or non-`mut` `self`.
    Binding { name: String, kind: BindingKind, span: mlc_diagnostics::Span, ty: Ty },
    /// A constant, function or other item.
    Item(String),
    /// A temporary value (a call result...).
    Temporary,
}

impl InferenceContext<'_> {
    /// `target = value`: the place's type is the value's expected type (so `z[1] = 5` with
    /// `z: Tensor[f64]` stores an f64).
    pub fn check_assignment(&mut self, target: &Expr, value: &Expr) {
        if let ExprKind::Tuple(targets) = &target.kind {
            let places: Vec<Option<Ty>> =
                targets.iter().map(|target| self.infer_place(target)).collect();
            match &value.kind {
                ExprKind::Tuple(values) if values.len() == targets.len() => {
                    for (value, place) in values.iter().zip(&places) {
                        self.check_place_value(value, place.as_ref());
                    }
                    let elements = values
                        .iter()
                        .map(|value| {
                            self.result.expr_types.get(&value.span).cloned().unwrap_or(Ty::Error)
                        })
                        .collect();
                    self.record_type(value.span, &Ty::Tuple(elements));
                }
                _ => {
                    let value_ty = self.infer_value(value, None);
                    let elements = match &value_ty {
                        Ty::Tuple(elements) if elements.len() == targets.len() => elements.clone(),
                        Ty::PyObject => vec![Ty::PyObject; targets.len()],
                        _ if value_ty.is_unknown() => return,
                        _ => {
                            self.report(
                                Diagnostic::error(
                                    codes::PATTERN_MISMATCH,
                                    format!(
                                        "cannot unpack `{}` into {} targets",
                                        value_ty.display(self.db),
                                        targets.len()
                                    ),
                                    Label::new(target.span, "targets"),
                                )
                                .with_hint(match &value_ty {
                                    Ty::Tuple(elements) => format!(
                                        "write {} target{} to unpack this tuple",
                                        elements.len(),
                                        if elements.len() == 1 { "" } else { "s" }
                                    ),
                                    other => format!(
                                        "{} is not a tuple: assign it to a single target",
                                        crate::pretty::with_article(
                                            &other.display(self.db).to_string()
                                        )
                                    ),
                                }),
                            );
                            return;
                        }
                    };
                    for ((target, place), element) in targets.iter().zip(&places).zip(&elements) {
                        if let Some(place) = place {
                            if !element.compatible(place) {
                                self.report(Diagnostic::error(
                                    codes::MISMATCHED_TYPES,
                                    format!(
                                        "expected `{}`, found `{}`",
                                        place.display(self.db),
                                        element.display(self.db)
                                    ),
                                    Label::new(target.span, "assigned here"),
                                ));
                            }
                        }
                    }
                }
            }
            return;
        }
        let place = self.infer_place(target);
        self.check_place_value(value, place.as_ref());
    }

    fn check_place_value(&mut self, value: &Expr, place: Option<&Ty>) {
        match place {
            Some(place) => {
                self.check_value(value, place);
            }
            None => {
                self.infer_value(value, None);
            }
        }
    }

    /// The type a value assigned to `target` must have, after checking that `target` is a
    /// place that may be changed; `None` when it is not (reported) or unknown.
    fn infer_place(&mut self, target: &Expr) -> Option<Ty> {
        match &target.kind {
            ExprKind::Name(name) => {
                let Some(id) = self.lookup_local(&name.text) else {
                    self.assign_to_non_local(name);
                    return None;
                };
                self.result.names.insert(target.span, NameResolution::Local(id));
                let binding = self.result.binding(id).clone();
                self.record_type(target.span, &binding.ty);
                if !binding.kind.is_mutable() {
                    let problem = Immutable::Binding {
                        name: binding.name.clone(),
                        kind: binding.kind,
                        span: binding.span,
                        ty: binding.ty.clone(),
                    };
                    self.report_immutable(target, problem, false);
                    return None;
                }
                Some(binding.ty)
            }
            ExprKind::Attribute { base, name } => {
                if let Some(ty) = self.module_attribute(target, base, name) {
                    if !ty.is_unknown() {
                        self.report(Diagnostic::error(
                            codes::ASSIGN_TO_IMMUTABLE,
                            format!("`{}` cannot be assigned", crate::pretty::expr_text(target)),
                            Label::new(target.span, "a module's constant"),
                        ));
                    }
                    return None;
                }
                let base_ty = self.infer_value(base, None);
                let field_ty = self.attribute_of(target, &base_ty, name);
                self.record_type(target.span, &field_ty);
                if field_ty.is_unknown() {
                    return None;
                }
                if matches!(
                    self.result.attributes.get(&target.span),
                    Some(AttributeResolution::Property(_))
                ) {
                    self.report(Diagnostic::error(
                        codes::ASSIGN_TO_IMMUTABLE,
                        format!("`{}` cannot be assigned", name.text),
                        Label::new(target.span, "read-only property"),
                    ));
                    return None;
                }
                if base_ty != Ty::PyObject {
                    if let Some(problem) = self.place_immutability(base) {
                        self.report_immutable(target, problem, false);
                        return None;
                    }
                }
                Some(field_ty)
            }
            ExprKind::Index { base, indices } => {
                let base_ty = self.infer_value(base, None);
                match &base_ty {
                    Ty::Str | Ty::Tuple(_) => {
                        for index in indices {
                            self.infer_expr(index, None);
                        }
                        let hint = if base_ty == Ty::Str {
                            "a `str` cannot change: build a new one, such as `s[:i] + c + s[i + 1:]`, and assign it to a `var`"
                        } else {
                            "a tuple cannot change: build a new one, or use a struct, whose fields can change through a `var`"
                        };
                        self.report(
                            Diagnostic::error(
                                codes::NOT_INDEXABLE,
                                format!(
                                    "`{}` does not support item assignment",
                                    base_ty.display(self.db)
                                ),
                                Label::new(target.span, "its items cannot be assigned"),
                            )
                            .with_hint(hint),
                        );
                        None
                    }
                    _ => {
                        let element = self.index_of(target, base, &base_ty, indices, true);
                        self.record_type(target.span, &element);
                        (!element.is_unknown()).then_some(element)
                    }
                }
            }
            ExprKind::Error => None,
            _ => {
                self.report(Diagnostic::error(
                    codes::INVALID_ASSIGNMENT_TARGET,
                    "this expression cannot be assigned to",
                    Label::new(target.span, "not a place"),
                ));
                None
            }
        }
    }

    fn assign_to_non_local(&mut self, name: &Name) {
        match self.scope.get(&name.text) {
            Some(ScopeEntry::Unresolved) => {}
            Some(_) => {
                self.report(Diagnostic::error(
                    codes::ASSIGN_TO_IMMUTABLE,
                    format!("cannot assign to `{}`, which is not a variable", name.text),
                    Label::new(name.span, "a module-level item"),
                ));
            }
            None => {
                self.report(
                    Diagnostic::error(
                        codes::UNKNOWN_NAME,
                        format!("unknown name `{}`", name.text),
                        Label::new(name.span, "not declared"),
                    )
                    .with_hint(format!("declare it first: `var {} = ...`", name.text)),
                );
            }
        }
    }

    /// `target op= value`.
    pub fn check_augmented_assignment(
        &mut self,
        target: &Expr,
        op: BinaryOp,
        value: &Expr,
        span: mlc_diagnostics::Span,
    ) {
        let target_ty = match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Index { .. } => {
                self.infer_value(target, None)
            }
            ExprKind::Error => return,
            _ => {
                self.report(Diagnostic::error(
                    codes::INVALID_ASSIGNMENT_TARGET,
                    "this expression cannot be assigned to",
                    Label::new(target.span, "not a place"),
                ));
                return;
            }
        };
        // The value takes the type the operator wants next to the target: `xs[i] += 1.0`
        // with `xs: List[f32]` adds an f32, `xs += [1.0]` a `List[f32]`.
        let hint = self.operand_expectation(&target_ty, binary_dunder(op));
        let value_ty = self.infer_value(value, hint.as_ref());
        let result = self.binary_result(op, &target_ty, &value_ty, target, value, span);
        if target_ty.is_unknown() || result.is_unknown() {
            return;
        }
        if !result.compatible(&target_ty) && target_ty != Ty::PyObject {
            let mut diagnostic = Diagnostic::error(
                codes::MISMATCHED_TYPES,
                format!(
                    "`{}=` would change `{}` into `{}`",
                    op.symbol(),
                    target_ty.display(self.db),
                    result.display(self.db)
                ),
                Label::new(span, "the result has another type"),
            );
            if op == BinaryOp::Div && target_ty.is_int() {
                diagnostic = diagnostic.with_hint("use `//=` for integer division");
            }
            self.report(diagnostic);
            return;
        }
        if let Some(problem) = self.target_immutability(target) {
            self.report_immutable(target, problem, false);
        }
    }

    /// Whether `target` (already inferred) may be assigned; `None` when it may.
    fn target_immutability(&self, target: &Expr) -> Option<Immutable> {
        match &target.kind {
            ExprKind::Name(_) => self.place_immutability(target),
            ExprKind::Attribute { base, .. } => {
                if self.result.expr_types.get(&base.span) == Some(&Ty::PyObject) {
                    return None;
                }
                self.place_immutability(base)
            }
            ExprKind::Index { base, .. } => match self.result.expr_types.get(&base.span) {
                Some(Ty::Struct(_)) => self.place_immutability(base),
                _ => None,
            },
            _ => Some(Immutable::Temporary),
        }
    }

    /// Whether the value at `place` (already inferred) may be changed in place; `None` when
    /// it may. Reaching it through a reference (`List`, `Dict`, `Tensor`, PyObject) always
    /// may; otherwise its root binding must be `var` (or `mut self`).
    fn place_immutability(&self, place: &Expr) -> Option<Immutable> {
        match &place.kind {
            ExprKind::Name(name) => match self.result.names.get(&place.span) {
                Some(NameResolution::Local(id)) => {
                    let binding = self.result.binding(*id);
                    if binding.kind.is_mutable() {
                        None
                    } else {
                        Some(Immutable::Binding {
                            name: binding.name.clone(),
                            kind: binding.kind,
                            span: binding.span,
                            ty: binding.ty.clone(),
                        })
                    }
                }
                _ => Some(Immutable::Item(name.text.clone())),
            },
            ExprKind::Attribute { base, .. } => match self.result.expr_types.get(&base.span) {
                Some(Ty::PyObject) => None,
                _ => self.place_immutability(base),
            },
            ExprKind::Index { base, .. } => match self.result.expr_types.get(&base.span) {
                Some(Ty::Struct(_)) => self.place_immutability(base),
                _ => None,
            },
            _ => Some(Immutable::Temporary),
        }
    }

    /// For `v.scale(2.0)` with `fn scale(mut self, ...)`: the receiver must be changeable.
    pub fn require_mutable_receiver(&mut self, receiver: &Expr, method: &str) {
        if let Some(problem) = self.place_immutability(receiver) {
            if matches!(problem, Immutable::Temporary) {
                return;
            }
            self.report_immutable(receiver, problem, true).with_method(method);
        }
    }

    fn report_immutable(
        &mut self,
        target: &Expr,
        problem: Immutable,
        method_call: bool,
    ) -> MethodNote<'_> {
        let code =
            if method_call { codes::MUT_SELF_ON_IMMUTABLE } else { codes::ASSIGN_TO_IMMUTABLE };
        let diagnostic = match problem {
            Immutable::Binding { name, kind, span, ty } => {
                let what = match kind {
                    BindingKind::Param => "parameter",
                    BindingKind::For => "loop variable",
                    BindingKind::Except => "`except` binding",
                    BindingKind::SelfValue => "receiver",
                    _ => "`let` binding",
                };
                let message = if method_call {
                    format!("cannot call a `mut self` method on the immutable {what} `{name}`")
                } else {
                    format!("cannot assign to the immutable {what} `{name}`")
                };
                let mut diagnostic = Diagnostic::error(
                    code,
                    message,
                    Label::new(target.span, "changes an immutable value"),
                );
                if span != target.span {
                    diagnostic = diagnostic.with_secondary(span, format!("`{name}` is bound here"));
                }
                // Only rebinding a reference is refused: what it refers to may change.
                let contents = match &ty {
                    Ty::List(_) => Some(format!("`{name}[i] = v` and `{name}.append(v)`")),
                    Ty::Dict(..) => Some(format!("`{name}[key] = v`")),
                    Ty::Tensor(_) => Some(format!("`{name}[i] = v`")),
                    _ => None,
                };
                if let Some(contents) = contents.filter(|_| !method_call) {
                    diagnostic = diagnostic.with_note(format!(
                        "only the name is fixed: its contents can still change, as in {contents}"
                    ));
                }
                match kind {
                    BindingKind::Let => diagnostic.with_hint(format!(
                        "declare it with `var` to allow changes: `var {name} = ...`"
                    )),
                    BindingKind::SelfValue => diagnostic
                        .with_hint("declare the method with `mut self` to change the receiver"),
                    BindingKind::Param => diagnostic
                        .with_hint(format!("copy it into a variable first: `var {name} = {name}`")),
                    _ => diagnostic,
                }
            }
            Immutable::Item(name) => Diagnostic::error(
                code,
                format!("`{name}` cannot be changed"),
                Label::new(target.span, "not a variable"),
            ),
            Immutable::Temporary => Diagnostic::error(
                codes::INVALID_ASSIGNMENT_TARGET,
                "a temporary value cannot be assigned to",
                Label::new(target.span, "not a place"),
            ),
        };
        self.report(diagnostic);
        MethodNote { diagnostics: &mut self.result.diagnostics }
    }
}

/// Lets the `mut self` report name the method after the fact.
struct MethodNote<'a> {
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl MethodNote<'_> {
    fn with_method(self, method: &str) {
        if let Some(last) = self.diagnostics.last_mut() {
            last.notes.push(format!("`{method}` is declared with `mut self`"));
        }
    }
}
