//! Operators: arithmetic, bitwise, `@`, unary, `and`/`or`/`not`, comparisons and `in`.
//!
//! Both sides of a native operator have the same type; a literal operand takes the other
//! side's type (`a * 2` with `a: f32` is f32). Tensors combine elementwise with tensors and
//! scalars of their element type. Structs provide operators through dunder methods. Any
//! operation with a PyObject side is a Python operation and yields a PyObject.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{BinaryOp, Expr, ExprKind, UnaryOp};

use super::coerce::cast_text;
use super::expr::{literal_operands_default, takes_type_from_context};
use super::kernel::HostOnly;
use super::{Coercion, InferenceContext, OperatorResolution};
use crate::item_tree::FunctionId;
use crate::pretty::expr_text;
use crate::signatures::{function_signature, struct_data};
use crate::ty::{bounds_imply, Bound, Ty};

/// The dunder method that implements a binary operator on a struct.
pub fn binary_dunder(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "__add__",
        BinaryOp::Sub => "__sub__",
        BinaryOp::Mul => "__mul__",
        BinaryOp::Div => "__truediv__",
        BinaryOp::FloorDiv => "__floordiv__",
        BinaryOp::Mod => "__mod__",
        BinaryOp::Pow => "__pow__",
        BinaryOp::MatMul => "__matmul__",
        BinaryOp::BitAnd => "__and__",
        BinaryOp::BitOr => "__or__",
        BinaryOp::BitXor => "__xor__",
        BinaryOp::Shl => "__lshift__",
        BinaryOp::Shr => "__rshift__",
    }
}

fn is_bitwise(op: BinaryOp) -> bool {
    matches!(
        op,
        BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor | BinaryOp::Shl | BinaryOp::Shr
    )
}

impl InferenceContext<'_> {
    /// The type a literal operand should take next to an operand of type `other`.
    pub(super) fn operand_expectation(&self, other: &Ty, op_name: &str) -> Option<Ty> {
        match other {
            Ty::Int(_) | Ty::Float(_) | Ty::Param(_) => Some(other.clone()),
            Ty::Tensor(element) => Some((**element).clone()),
            Ty::List(_) => Some(other.clone()),
            Ty::Struct(strukt) => {
                let method = struct_data(self.db, *strukt).method(op_name)?;
                function_signature(self.db, method).params.first().map(|param| param.ty.clone())
            }
            _ => None,
        }
    }

    /// Infers two operands so that a literal on either side takes the other side's type.
    fn infer_operands(
        &mut self,
        lhs: &Expr,
        rhs: &Expr,
        expected: Option<&Ty>,
        op_name: &str,
    ) -> (Ty, Ty) {
        let expected = expected
            .filter(|ty| matches!(ty, Ty::Int(_) | Ty::Float(_) | Ty::Param(_)))
            .cloned()
            .or_else(|| literal_operands_default(lhs, rhs));
        let expected = expected.as_ref();
        if takes_type_from_context(lhs) && !takes_type_from_context(rhs) {
            let rhs_ty = self.infer_value(rhs, expected);
            let hint = self.operand_expectation(&rhs_ty, op_name);
            let lhs_ty = self.infer_value(lhs, hint.as_ref());
            (lhs_ty, rhs_ty)
        } else {
            let lhs_ty = self.infer_value(lhs, expected);
            let hint = self.operand_expectation(&lhs_ty, op_name);
            let rhs_ty = self.infer_value(rhs, hint.as_ref());
            (lhs_ty, rhs_ty)
        }
    }

    pub fn infer_binary(
        &mut self,
        op: BinaryOp,
        lhs: &Expr,
        rhs: &Expr,
        expr: &Expr,
        expected: Option<&Ty>,
    ) -> Ty {
        let (lhs_ty, rhs_ty) = self.infer_operands(lhs, rhs, expected, binary_dunder(op));
        self.binary_result(op, &lhs_ty, &rhs_ty, lhs, rhs, expr.span)
    }

    /// The type of `lhs op rhs` given both operand types (also used by `op=`).
    pub fn binary_result(
        &mut self,
        op: BinaryOp,
        lhs_ty: &Ty,
        rhs_ty: &Ty,
        lhs: &Expr,
        rhs: &Expr,
        span: Span,
    ) -> Ty {
        if lhs_ty.is_unknown() || rhs_ty.is_unknown() {
            return Ty::Error;
        }
        if *lhs_ty == Ty::PyObject || *rhs_ty == Ty::PyObject {
            return self.python_operation(op.symbol(), (lhs, lhs_ty), (rhs, rhs_ty), span);
        }
        let resolution_and_type = match (lhs_ty, rhs_ty) {
            (Ty::Struct(strukt), _) => {
                return self.binary_dunder_call(op, *strukt, lhs_ty, rhs_ty, rhs, span)
            }
            (Ty::Tensor(left), Ty::Tensor(right)) => {
                if !left.compatible(right) {
                    return self.operand_mismatch(op.symbol(), lhs_ty, rhs_ty, lhs, rhs, span);
                }
                if is_bitwise(op) && !left.is_int() {
                    None
                } else {
                    let element = if op == BinaryOp::Div && left.is_int() {
                        Ty::F64
                    } else {
                        (**left).clone()
                    };
                    Some((
                        OperatorResolution::Tensor { element: (**left).clone() },
                        Ty::tensor(element),
                    ))
                }
            }
            (Ty::Tensor(element), scalar) | (scalar, Ty::Tensor(element))
                if op != BinaryOp::MatMul =>
            {
                if !scalar.compatible(element) {
                    return self.operand_mismatch(op.symbol(), lhs_ty, rhs_ty, lhs, rhs, span);
                }
                let result = if op == BinaryOp::Div && element.is_int() {
                    Ty::F64
                } else {
                    (**element).clone()
                };
                Some((
                    OperatorResolution::Tensor { element: (**element).clone() },
                    Ty::tensor(result),
                ))
            }
            (left, right) if left.is_numeric() && right.is_numeric() => {
                if left != right {
                    return self.operand_mismatch(op.symbol(), lhs_ty, rhs_ty, lhs, rhs, span);
                }
                let native = OperatorResolution::Native { operand: left.clone() };
                if op == BinaryOp::MatMul || (is_bitwise(op) && left.is_float()) {
                    None
                } else if op == BinaryOp::Div && left.is_int() {
                    Some((native, Ty::F64))
                } else {
                    Some((native, left.clone()))
                }
            }
            (Ty::Param(left), Ty::Param(right)) if left == right => {
                let bounds = self.param_bounds(left.index).to_vec();
                let needed = if is_bitwise(op) {
                    Bound::Integer
                } else if op == BinaryOp::Div {
                    Bound::Float
                } else {
                    Bound::Numeric
                };
                if op == BinaryOp::MatMul || !bounds_imply(&bounds, needed) {
                    let mut diagnostic = Diagnostic::error(
                        codes::UNSUPPORTED_OPERATOR,
                        format!(
                            "`{}` on `{}` needs the bound `{}`",
                            op.symbol(),
                            left.name,
                            needed.name()
                        ),
                        Label::new(
                            span,
                            format!("`{}` is not known to support `{}`", left.name, op.symbol()),
                        ),
                    )
                    .with_hint(format!(
                        "add the bound to the generic parameter: `{}: {}`",
                        left.name,
                        needed.name()
                    ));
                    if op == BinaryOp::Div {
                        diagnostic =
                            diagnostic.with_note("`/` is true division; for integers use `//`");
                    }
                    self.report(diagnostic);
                    return Ty::Error;
                }
                Some((OperatorResolution::Native { operand: lhs_ty.clone() }, lhs_ty.clone()))
            }
            (Ty::Str, Ty::Str) if op == BinaryOp::Add => {
                self.host_only(span, HostOnly::Allocation("a string"));
                Some((OperatorResolution::Native { operand: Ty::Str }, Ty::Str))
            }
            (Ty::List(left), Ty::List(right)) if op == BinaryOp::Add && left.compatible(right) => {
                self.host_only(span, HostOnly::Allocation("a list"));
                Some((OperatorResolution::Native { operand: lhs_ty.clone() }, lhs_ty.clone()))
            }
            (Ty::Tuple(left), Ty::Tuple(right)) if op == BinaryOp::Add => {
                let joined = Ty::Tuple(left.iter().chain(right.iter()).cloned().collect());
                Some((OperatorResolution::Native { operand: lhs_ty.clone() }, joined))
            }
            (Ty::Bool, Ty::Bool)
                if matches!(op, BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor) =>
            {
                Some((OperatorResolution::Native { operand: Ty::Bool }, Ty::Bool))
            }
            _ => None,
        };
        match resolution_and_type {
            Some((resolution, ty)) => {
                self.result.operators.insert(span, resolution);
                ty
            }
            None => {
                let mut diagnostic =
                    self.unsupported_operator_diagnostic(op.symbol(), lhs_ty, Some(rhs_ty), span);
                if let Some(hint) = self.operator_mistake_hint(op, (lhs, lhs_ty), (rhs, rhs_ty)) {
                    diagnostic = diagnostic.with_hint(hint);
                }
                self.report(diagnostic);
                Ty::Error
            }
        }
    }

    /// What to write instead of a common mistake with a binary operator: `"n = " + n`
    /// (convert with `str`), `xs + x` (append), `flag + 1` (convert the bool).
    fn operator_mistake_hint(
        &self,
        op: BinaryOp,
        (lhs, lhs_ty): (&Expr, &Ty),
        (rhs, rhs_ty): (&Expr, &Ty),
    ) -> Option<String> {
        let db = self.db;
        match (op, lhs_ty, rhs_ty) {
            (BinaryOp::Add, Ty::Str, other) | (BinaryOp::Add, other, Ty::Str)
                if self.is_printable(other) && *other != Ty::None =>
            {
                let text = if *lhs_ty == Ty::Str { expr_text(rhs) } else { expr_text(lhs) };
                Some(format!(
                    "`+` joins two strings: convert the `{}` with `str({text})`, or use an f-string",
                    other.display(db)
                ))
            }
            (BinaryOp::Add, Ty::List(element), other) if element.compatible(other) => {
                Some(format!(
                    "to add one element, use `{}.append({})`; `+` joins two lists",
                    expr_text(lhs),
                    expr_text(rhs)
                ))
            }
            (BinaryOp::Add, Ty::List(left), Ty::List(right)) => Some(format!(
                "both lists must hold the same type; these hold `{}` and `{}`",
                left.display(db),
                right.display(db)
            )),
            (_, Ty::Bool, other) | (_, other, Ty::Bool) if other.is_numeric() => {
                let text = if *lhs_ty == Ty::Bool { expr_text(lhs) } else { expr_text(rhs) };
                Some(format!(
                    "a `bool` is not a number: convert it with `{}({text})`",
                    other.display(db)
                ))
            }
            (BinaryOp::Mul, Ty::Str, Ty::Int(_)) | (BinaryOp::Mul, Ty::Int(_), Ty::Str) => Some(
                "strings are not repeated with `*`; build the text in a loop, or with `join`"
                    .to_string(),
            ),
            _ => None,
        }
    }

    fn binary_dunder_call(
        &mut self,
        op: BinaryOp,
        strukt: crate::item_tree::StructId,
        lhs_ty: &Ty,
        rhs_ty: &Ty,
        rhs: &Expr,
        span: Span,
    ) -> Ty {
        let name = binary_dunder(op);
        let Some(method) = struct_data(self.db, strukt).method(name) else {
            let diagnostic = self
                .unsupported_operator_diagnostic(op.symbol(), lhs_ty, Some(rhs_ty), span)
                .with_hint(format!(
                    "define `fn {name}(self, other: {}) -> ...` on `{}`",
                    rhs_ty.display(self.db),
                    lhs_ty.display(self.db)
                ));
            self.report(diagnostic);
            return Ty::Error;
        };
        self.result
            .operators
            .insert(span, OperatorResolution::Dunder { method, flipped: false, negated: false });
        self.dunder_result(method, rhs, rhs_ty)
    }

    /// Checks the operand against a one-parameter dunder method; its return type.
    pub(super) fn dunder_result(
        &mut self,
        method: FunctionId,
        operand: &Expr,
        operand_ty: &Ty,
    ) -> Ty {
        let signature = function_signature(self.db, method);
        match signature.params.as_slice() {
            _ if signature.params_broken => signature.return_ty.clone(),
            [param] => {
                self.coerce(operand, operand_ty, &param.ty);
                signature.return_ty.clone()
            }
            _ => {
                self.report(Diagnostic::error(
                    codes::WRONG_ARGUMENT_COUNT,
                    format!("`{}` must take exactly one parameter besides `self`", signature.name),
                    Label::new(operand.span, "operand"),
                ));
                Ty::Error
            }
        }
    }

    /// A Python operation: the native side converts to a PyObject.
    pub(super) fn python_operation(
        &mut self,
        symbol: &str,
        (lhs, lhs_ty): (&Expr, &Ty),
        (rhs, rhs_ty): (&Expr, &Ty),
        span: Span,
    ) -> Ty {
        for (expr, ty) in [(lhs, lhs_ty), (rhs, rhs_ty)] {
            if *ty == Ty::PyObject {
                continue;
            }
            if !ty.converts_to_python() {
                self.unsupported_operator(symbol, lhs_ty, Some(rhs_ty), span);
                return Ty::Error;
            }
            self.result.coercions.insert(expr.span, Coercion::ToPython);
        }
        self.result.operators.insert(span, OperatorResolution::Python);
        Ty::PyObject
    }

    /// E0201 for two different native numeric types (or a tensor and a scalar of another
    /// element type), with the cast to write.
    pub(super) fn operand_mismatch(
        &mut self,
        symbol: &str,
        lhs_ty: &Ty,
        rhs_ty: &Ty,
        lhs: &Expr,
        rhs: &Expr,
        span: Span,
    ) -> Ty {
        let db = self.db;
        let scalar = |ty: &Ty| match ty {
            Ty::Tensor(element) => (**element).clone(),
            other => other.clone(),
        };
        let (left, right) = (scalar(lhs_ty), scalar(rhs_ty));
        let mut diagnostic = Diagnostic::error(
            codes::MIXED_NUMERIC_TYPES,
            format!(
                "`{}` and `{}` cannot be combined with `{symbol}`",
                lhs_ty.display(db),
                rhs_ty.display(db)
            ),
            Label::new(span, "no implicit conversion between these types"),
        );
        if left.is_numeric() && right.is_numeric() {
            // Cast the side whose type is narrower (an int next to a float is the narrower one).
            let rank = |ty: &Ty| match ty {
                Ty::Int(int) => int.bits(),
                Ty::Float(float) => 100 + float.bits(),
                _ => 0,
            };
            let cast_left = rank(&left) < rank(&right) && !matches!(lhs_ty, Ty::Tensor(_));
            let (lhs_text, rhs_text) = (expr_text(lhs), expr_text(rhs));
            let suggestion = if cast_left
                || matches!(rhs_ty, Ty::Tensor(_)) && !matches!(lhs_ty, Ty::Tensor(_))
            {
                format!(
                    "{} {symbol} {rhs_text}",
                    cast_text(&right.display(db).to_string(), &lhs_text)
                )
            } else {
                format!(
                    "{lhs_text} {symbol} {}",
                    cast_text(&left.display(db).to_string(), &rhs_text)
                )
            };
            diagnostic = diagnostic
                .with_hint(format!("convert one side explicitly: `{suggestion}`"))
                .with_note("numbers never convert implicitly");
        }
        self.report(diagnostic);
        Ty::Error
    }

    pub fn unsupported_operator(
        &mut self,
        symbol: &str,
        lhs_ty: &Ty,
        rhs_ty: Option<&Ty>,
        span: Span,
    ) {
        let diagnostic = self.unsupported_operator_diagnostic(symbol, lhs_ty, rhs_ty, span);
        self.report(diagnostic);
    }

    pub(super) fn unsupported_operator_diagnostic(
        &self,
        symbol: &str,
        lhs_ty: &Ty,
        rhs_ty: Option<&Ty>,
        span: Span,
    ) -> Diagnostic {
        let db = self.db;
        let message = match rhs_ty {
            Some(rhs_ty) if rhs_ty != lhs_ty => format!(
                "`{symbol}` is not supported between `{}` and `{}`",
                lhs_ty.display(db),
                rhs_ty.display(db)
            ),
            _ => format!("`{symbol}` is not supported for `{}`", lhs_ty.display(db)),
        };
        Diagnostic::error(
            codes::UNSUPPORTED_OPERATOR,
            message,
            Label::new(span, "unsupported operator"),
        )
    }

    // ---- unary -------------------------------------------------------------------------------

    pub fn infer_unary(
        &mut self,
        op: UnaryOp,
        operand: &Expr,
        expr: &Expr,
        expected: Option<&Ty>,
    ) -> Ty {
        if let (UnaryOp::Neg, ExprKind::Int(value)) = (op, &operand.kind) {
            let ty = self.infer_int_literal(*value, true, expr.span, expected);
            self.record_type(operand.span, &ty);
            self.result
                .operators
                .insert(expr.span, OperatorResolution::Native { operand: ty.clone() });
            return ty;
        }
        if op == UnaryOp::Not {
            self.check_condition(operand);
            let ty = self.result.expr_types.get(&operand.span).cloned().unwrap_or(Ty::Error);
            self.result.operators.insert(
                expr.span,
                if ty == Ty::PyObject {
                    OperatorResolution::Python
                } else {
                    OperatorResolution::Native { operand: Ty::Bool }
                },
            );
            return Ty::Bool;
        }
        let ty = self.infer_value(
            operand,
            expected.filter(|ty| ty.is_numeric() || matches!(ty, Ty::Param(_))),
        );
        let symbol = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        };
        let resolution = match &ty {
            _ if ty.is_unknown() => return Ty::Error,
            Ty::PyObject => Some(OperatorResolution::Python),
            Ty::Int(_) => Some(OperatorResolution::Native { operand: ty.clone() }),
            Ty::Float(_) if op != UnaryOp::Invert => {
                Some(OperatorResolution::Native { operand: ty.clone() })
            }
            Ty::Tensor(element) if op != UnaryOp::Invert || element.is_int() => {
                Some(OperatorResolution::Tensor { element: (**element).clone() })
            }
            Ty::Param(param) => {
                let needed = if op == UnaryOp::Invert { Bound::Integer } else { Bound::Numeric };
                if !bounds_imply(self.param_bounds(param.index), needed) {
                    self.report(
                        Diagnostic::error(
                            codes::UNSUPPORTED_OPERATOR,
                            format!(
                                "`{symbol}` on `{}` needs the bound `{}`",
                                param.name,
                                needed.name()
                            ),
                            Label::new(expr.span, "unsupported operator"),
                        )
                        .with_hint(format!(
                            "add the bound to the generic parameter: `{}: {}`",
                            param.name,
                            needed.name()
                        )),
                    );
                    return Ty::Error;
                }
                Some(OperatorResolution::Native { operand: ty.clone() })
            }
            Ty::Struct(strukt) if op == UnaryOp::Neg => {
                if let Some(method) = struct_data(self.db, *strukt).method("__neg__") {
                    self.result.operators.insert(
                        expr.span,
                        OperatorResolution::Dunder { method, flipped: false, negated: false },
                    );
                    return function_signature(self.db, method).return_ty.clone();
                }
                None
            }
            _ => None,
        };
        match resolution {
            Some(resolution) => {
                let result = if resolution == OperatorResolution::Python {
                    Ty::PyObject
                } else {
                    ty.clone()
                };
                self.result.operators.insert(expr.span, resolution);
                result
            }
            None => {
                self.unsupported_operator(symbol, &ty, None, expr.span);
                Ty::Error
            }
        }
    }

    // ---- and / or (the operator does not change the typing) ----------------------------------------------------------------------------

    pub fn infer_logical(&mut self, lhs: &Expr, rhs: &Expr, expr: &Expr) -> Ty {
        self.check_condition(lhs);
        self.check_condition(rhs);
        let python = [lhs, rhs]
            .iter()
            .any(|side| self.result.expr_types.get(&side.span) == Some(&Ty::PyObject));
        if python {
            for side in [lhs, rhs] {
                if self.result.expr_types.get(&side.span) == Some(&Ty::Bool) {
                    self.result.coercions.insert(side.span, Coercion::ToPython);
                }
            }
            self.result.operators.insert(expr.span, OperatorResolution::Python);
            Ty::PyObject
        } else {
            self.result
                .operators
                .insert(expr.span, OperatorResolution::Native { operand: Ty::Bool });
            Ty::Bool
        }
    }
}
