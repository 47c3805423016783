//! Operators: arithmetic with Python's semantics on native types, tensors, struct operator
//! methods, Python objects; `and`/`or`; comparison chains.

use mlc_diagnostics::Span;
use mlc_ir::{Attribute, OpState, Type, ValueId};
use mlc_semantics::{OperatorResolution, Ty};
use mlc_syntax::ast::{self, BinaryOp, CompareOp, LogicalOp, UnaryOp};

use crate::function::FnLowering;
use crate::ops::op;

impl FnLowering<'_> {
    pub fn lower_unary(
        &mut self,
        expr: &ast::Expr,
        operator: UnaryOp,
        operand: &ast::Expr,
    ) -> Option<ValueId> {
        if operator == UnaryOp::Not {
            let value = self.lower_condition(operand);
            self.at(expr.span);
            return Some(self.not(value));
        }
        // `-5` is one literal of the expected type.
        if let (UnaryOp::Neg, ast::ExprKind::Int(_) | ast::ExprKind::Float(_)) =
            (operator, &operand.kind)
        {
            if let Some(value) = self.negative_literal(expr, operand) {
                return Some(value);
            }
        }
        let resolution = self.inference.operators.get(&expr.span).cloned();
        let value = self.lower_value(operand);
        self.at(expr.span);
        Some(match resolution {
            Some(OperatorResolution::Dunder { method, .. }) => {
                self.call_function(method, Vec::new(), &[value]).expect("`__neg__` returns")
            }
            Some(OperatorResolution::Tensor { .. }) => {
                let kind = match operator {
                    UnaryOp::Neg => "neg",
                    UnaryOp::Invert => "invert",
                    _ => return Some(value),
                };
                let ty = self.ty_of(value);
                self.value(
                    OpState::new(op("tensor.unary"))
                        .operands(&[value])
                        .attribute("kind", Attribute::String(kind.to_string()))
                        .results(&[ty]),
                )
            }
            Some(OperatorResolution::Python) => {
                let value = self.to_python(value);
                let name = match operator {
                    UnaryOp::Neg => "neg",
                    UnaryOp::Pos => "pos",
                    _ => "invert",
                };
                self.value(
                    OpState::new(op("py.unary"))
                        .operands(&[value])
                        .attribute("op", Attribute::String(name.to_string()))
                        .results(&[Type::PyObject]),
                )
            }
            _ => {
                let ty = self.ty_of(value);
                match operator {
                    UnaryOp::Pos => value,
                    UnaryOp::Neg if ty.is_float() => self.apply("arith.negf", &[value], ty),
                    UnaryOp::Neg => {
                        let zero = self.int(0, ty);
                        self.checked("arith.subi", zero, value)
                    }
                    UnaryOp::Invert => {
                        let ones = self.int(-1, ty);
                        self.arith("arith.xori", value, ones)
                    }
                    UnaryOp::Not => unreachable!(),
                }
            }
        })
    }

    fn negative_literal(&mut self, expr: &ast::Expr, operand: &ast::Expr) -> Option<ValueId> {
        let ty = self.expr_ty(expr);
        let ty = self.ir_ty(&ty)?;
        Some(match (&operand.kind, &ty) {
            (ast::ExprKind::Int(value), Type::Int(_)) => self.int(-i128::from(*value), ty),
            (ast::ExprKind::Int(value), Type::Float(_)) => self.float(-(*value as f64), ty),
            (ast::ExprKind::Float(bits), Type::Float(_)) => self.float(-f64::from_bits(*bits), ty),
            _ => return None,
        })
    }

    /// An `arith` op flagged for the overflow check of unoptimized builds.
    pub fn checked(&mut self, name: &str, lhs: ValueId, rhs: ValueId) -> ValueId {
        let ty = self.ty_of(lhs);
        self.value(
            OpState::new(op(name))
                .operands(&[lhs, rhs])
                .attribute("checked", Attribute::Bool(true))
                .results(&[ty]),
        )
    }

    /// `lhs op rhs` as the checker resolved the operator at `span`.
    pub fn binary_operation(
        &mut self,
        operator: BinaryOp,
        lhs: ValueId,
        rhs: ValueId,
        span: Span,
        lhs_ty: &Ty,
    ) -> ValueId {
        let resolution = self.inference.operators.get(&span).cloned();
        match resolution {
            Some(OperatorResolution::Dunder { method, flipped, .. }) => {
                let (receiver, argument) = if flipped { (rhs, lhs) } else { (lhs, rhs) };
                self.call_function(method, Vec::new(), &[receiver, argument])
                    .expect("an operator method returns")
            }
            Some(OperatorResolution::Tensor { element }) => {
                let element = self.value_ty(&element);
                // True division of integer tensors gives `f64` elements, as on scalars.
                let result_element = if operator == BinaryOp::Div && !element.is_float() {
                    Type::F64
                } else {
                    element
                };
                let ty = Type::Tensor(Box::new(result_element));
                if operator == BinaryOp::MatMul {
                    return self.apply("tensor.matmul", &[lhs, rhs], ty);
                }
                let kind = match operator {
                    BinaryOp::Add => "add",
                    BinaryOp::Sub => "sub",
                    BinaryOp::Mul => "mul",
                    BinaryOp::Div => "div",
                    BinaryOp::FloorDiv => "floordiv",
                    BinaryOp::Mod => "mod",
                    BinaryOp::Pow => "pow",
                    other => panic!("lowering: tensor operator {other:?}"),
                };
                self.value(
                    OpState::new(op("tensor.binary"))
                        .operands(&[lhs, rhs])
                        .attribute("kind", Attribute::String(kind.to_string()))
                        .results(&[ty]),
                )
            }
            Some(OperatorResolution::Python) => {
                let lhs = self.to_python(lhs);
                let rhs = self.to_python(rhs);
                let name = match operator {
                    BinaryOp::Add => "add",
                    BinaryOp::Sub => "sub",
                    BinaryOp::Mul => "mul",
                    BinaryOp::Div => "truediv",
                    BinaryOp::FloorDiv => "floordiv",
                    BinaryOp::Mod => "mod",
                    BinaryOp::Pow => "pow",
                    BinaryOp::MatMul => "matmul",
                    BinaryOp::BitAnd => "and",
                    BinaryOp::BitOr => "or",
                    BinaryOp::BitXor => "xor",
                    BinaryOp::Shl => "lshift",
                    BinaryOp::Shr => "rshift",
                };
                self.value(
                    OpState::new(op("py.binary"))
                        .operands(&[lhs, rhs])
                        .attribute("op", Attribute::String(name.to_string()))
                        .results(&[Type::PyObject]),
                )
            }
            _ => self.native_binary(operator, lhs, rhs, lhs_ty),
        }
    }

    fn native_binary(
        &mut self,
        operator: BinaryOp,
        lhs: ValueId,
        rhs: ValueId,
        lhs_ty: &Ty,
    ) -> ValueId {
        let ty = self.ty_of(lhs);
        match ty {
            Type::Str => match operator {
                BinaryOp::Add => self.apply("rt.concat", &[lhs, rhs], Type::Str),
                _ => self.builtin_value("str.repeat", &[lhs, rhs], Type::Str),
            },
            Type::List(_) => match operator {
                BinaryOp::Add => self.builtin_value("list.concat", &[lhs, rhs], ty),
                _ => self.builtin_value("list.repeat", &[lhs, rhs], ty),
            },
            Type::Float(_) => self.float_binary(operator, lhs, rhs),
            Type::Tuple(left_types) => {
                // `(a, b) + (c,)`: a new tuple of the elements of both.
                let Type::Tuple(right_types) = self.ty_of(rhs) else {
                    panic!("lowering: a tuple plus a non-tuple")
                };
                let mut elements = Vec::new();
                for (index, element) in left_types.iter().enumerate() {
                    elements.push(self.extract(lhs, index, element.clone()));
                }
                for (index, element) in right_types.iter().enumerate() {
                    elements.push(self.extract(rhs, index, element.clone()));
                }
                let types: Vec<Type> = left_types.iter().chain(&right_types).cloned().collect();
                self.apply("agg.make", &elements, Type::Tuple(types))
            }
            _ => {
                let signed =
                    matches!(ty, Type::Int(bits) if bits > 1) && !matches!(lhs_ty, Ty::Bool);
                self.integer_binary(operator, lhs, rhs, signed)
            }
        }
    }

    fn zero_check(&mut self, divisor: ValueId) {
        let ty = self.ty_of(divisor);
        let is_zero = if ty.is_float() {
            let zero = self.float(0.0, ty);
            self.compare("arith.cmpf", "oeq", divisor, zero)
        } else {
            let zero = self.int(0, ty);
            self.compare("arith.cmpi", "eq", divisor, zero)
        };
        self.panic_if(is_zero, "division by zero");
    }

    fn float_binary(&mut self, operator: BinaryOp, lhs: ValueId, rhs: ValueId) -> ValueId {
        let ty = self.ty_of(lhs);
        match operator {
            BinaryOp::Add => self.arith("arith.addf", lhs, rhs),
            BinaryOp::Sub => self.arith("arith.subf", lhs, rhs),
            BinaryOp::Mul => self.arith("arith.mulf", lhs, rhs),
            BinaryOp::Div => {
                self.zero_check(rhs);
                self.arith("arith.divf", lhs, rhs)
            }
            BinaryOp::FloorDiv => {
                self.zero_check(rhs);
                self.arith("arith.floordivf", lhs, rhs)
            }
            BinaryOp::Mod => {
                self.zero_check(rhs);
                self.arith("arith.floorremf", lhs, rhs)
            }
            BinaryOp::Pow => self.apply("math.powf", &[lhs, rhs], ty),
            other => panic!("lowering: float operator {other:?}"),
        }
    }

    fn integer_binary(
        &mut self,
        operator: BinaryOp,
        lhs: ValueId,
        rhs: ValueId,
        signed: bool,
    ) -> ValueId {
        let ty = self.ty_of(lhs);
        match operator {
            BinaryOp::Add => self.checked("arith.addi", lhs, rhs),
            BinaryOp::Sub => self.checked("arith.subi", lhs, rhs),
            BinaryOp::Mul => self.checked("arith.muli", lhs, rhs),
            BinaryOp::Div => {
                // True division: both sides as f64.
                let cast = if signed { "arith.sitofp" } else { "arith.uitofp" };
                let left = self.apply(cast, &[lhs], Type::F64);
                let right = self.apply(cast, &[rhs], Type::F64);
                self.zero_check(right);
                self.arith("arith.divf", left, right)
            }
            BinaryOp::FloorDiv => {
                self.zero_check(rhs);
                self.arith(if signed { "arith.floordivsi" } else { "arith.divui" }, lhs, rhs)
            }
            BinaryOp::Mod => {
                self.zero_check(rhs);
                self.arith(if signed { "arith.floorremsi" } else { "arith.remui" }, lhs, rhs)
            }
            BinaryOp::Pow => self.apply("math.ipowi", &[lhs, rhs], ty),
            BinaryOp::BitAnd => self.arith("arith.andi", lhs, rhs),
            BinaryOp::BitOr => self.arith("arith.ori", lhs, rhs),
            BinaryOp::BitXor => self.arith("arith.xori", lhs, rhs),
            BinaryOp::Shl | BinaryOp::Shr => {
                let bits = ty.bit_width().unwrap_or(64);
                let zero = self.int(0, ty.clone());
                let width = self.int(bits.into(), ty.clone());
                let negative = if signed {
                    self.compare("arith.cmpi", "slt", rhs, zero)
                } else {
                    self.bool(false)
                };
                let too_far =
                    self.compare("arith.cmpi", if signed { "sge" } else { "uge" }, rhs, width);
                let bad = self.arith("arith.ori", negative, too_far);
                self.panic_if(bad, "shift amount out of range");
                let name = match (operator, signed) {
                    (BinaryOp::Shl, _) => "arith.shli",
                    (_, true) => "arith.shrsi",
                    (_, false) => "arith.shrui",
                };
                self.arith(name, lhs, rhs)
            }
            BinaryOp::MatMul => panic!("lowering: `@` on integers"),
        }
    }

    pub fn lower_logical(
        &mut self,
        expr: &ast::Expr,
        operator: LogicalOp,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
    ) -> ValueId {
        let python =
            matches!(self.inference.operators.get(&expr.span), Some(OperatorResolution::Python));
        if python {
            // Python's `a and b` is `b if a else a`; `a or b` is `a if a else b`.
            let left = self.lower_value(lhs);
            let left = self.to_python(left);
            self.at(expr.span);
            let truthy = self.apply("py.truthy", &[left], Type::I1);
            let evaluate_right = |this: &mut Self| {
                let right = this.lower_value(rhs);
                vec![this.to_python(right)]
            };
            return if operator == LogicalOp::And {
                self.if_op(truthy, &[Type::PyObject], evaluate_right, |_| vec![left])[0]
            } else {
                self.if_op(truthy, &[Type::PyObject], |_| vec![left], evaluate_right)[0]
            };
        }
        let left = self.lower_condition(lhs);
        self.at(expr.span);
        if operator == LogicalOp::And {
            self.if_op(
                left,
                &[Type::I1],
                |this| vec![this.lower_condition(rhs)],
                |this| vec![this.bool(false)],
            )[0]
        } else {
            self.if_op(
                left,
                &[Type::I1],
                |this| vec![this.bool(true)],
                |this| vec![this.lower_condition(rhs)],
            )[0]
        }
    }

    /// `a < b <= c`: each operand evaluated once, later links only while the earlier hold.
    pub fn lower_compare(&mut self, first: &ast::Expr, rest: &[(CompareOp, ast::Expr)]) -> ValueId {
        let left = self.lower_expr(first);
        self.compare_links(left, rest)
    }

    fn compare_links(&mut self, left: Option<ValueId>, rest: &[(CompareOp, ast::Expr)]) -> ValueId {
        let Some(((operator, right_expr), later)) = rest.split_first() else {
            return self.bool(true);
        };
        let right = self.lower_expr(right_expr);
        self.at(right_expr.span);
        let result = self.compare_values(*operator, left, right, right_expr);
        if later.is_empty() {
            return result;
        }
        if self.ty_of(result) == Type::PyObject || self.has_python_comparison(later) {
            // A chain with a Python comparison is a Python object, as in Python: the first
            // false link's result (`a < b < c` is `(a < b) and (b < c)`).
            let python = |this: &mut Self, value: ValueId| {
                if this.ty_of(value) == Type::PyObject {
                    value
                } else {
                    this.to_python(value)
                }
            };
            let result = python(self, result);
            let truthy = self.apply("py.truthy", &[result], Type::I1);
            return self.if_op(
                truthy,
                &[Type::PyObject],
                |this| {
                    let rest = this.compare_links(right, later);
                    vec![python(this, rest)]
                },
                |_| vec![result],
            )[0];
        }
        self.if_op(
            result,
            &[Type::I1],
            |this| vec![this.compare_links(right, later)],
            |this| vec![this.bool(false)],
        )[0]
    }

    /// Whether a link of `links` is a rich comparison (`<`, `==`...) between Python objects,
    /// whose result is a Python object rather than a `bool`.
    fn has_python_comparison(&self, links: &[(CompareOp, ast::Expr)]) -> bool {
        links.iter().any(|(operator, expr)| {
            !matches!(operator, CompareOp::In | CompareOp::NotIn | CompareOp::Is | CompareOp::IsNot)
                && self.inference.operators.get(&expr.span) == Some(&OperatorResolution::Python)
        })
    }

    fn compare_values(
        &mut self,
        operator: CompareOp,
        left: Option<ValueId>,
        right: Option<ValueId>,
        right_expr: &ast::Expr,
    ) -> ValueId {
        let resolution = self.inference.operators.get(&right_expr.span).cloned();
        match resolution {
            Some(OperatorResolution::Python) => {
                let python = |this: &mut Self, value: Option<ValueId>| match value {
                    Some(value) => this.to_python(value),
                    None => this.apply("py.none", &[], Type::PyObject),
                };
                let (left, right) = (python(self, left), python(self, right));
                // `not in` and `is not` are the negations of `in` and `is`.
                let (predicate, negated) = match operator {
                    CompareOp::Eq => ("eq", false),
                    CompareOp::NotEq => ("ne", false),
                    CompareOp::Lt => ("lt", false),
                    CompareOp::Le => ("le", false),
                    CompareOp::Gt => ("gt", false),
                    CompareOp::Ge => ("ge", false),
                    CompareOp::In => ("in", false),
                    CompareOp::NotIn => ("in", true),
                    CompareOp::Is => ("is", false),
                    CompareOp::IsNot => ("is", true),
                };
                let result = self.value(
                    OpState::new(op("py.compare"))
                        .operands(&[left, right])
                        .attribute("predicate", Attribute::String(predicate.to_string()))
                        .results(&[Type::PyObject]),
                );
                // `<`, `==`... give what Python gives (numpy and torch compare elementwise);
                // `in` and `is` give a `bool`.
                if !matches!(predicate, "in" | "is") {
                    return result;
                }
                let truthy = self.apply("py.truthy", &[result], Type::I1);
                if negated {
                    self.not(truthy)
                } else {
                    truthy
                }
            }
            Some(OperatorResolution::Dunder { method, flipped, negated }) => {
                let (left, right) = (left.expect("a value"), right.expect("a value"));
                let (receiver, argument) = if flipped { (right, left) } else { (left, right) };
                let result = self
                    .call_function(method, Vec::new(), &[receiver, argument])
                    .expect("a comparison method returns");
                if negated {
                    self.not(result)
                } else {
                    result
                }
            }
            Some(OperatorResolution::Contains { container }) => {
                let (item, container_value) = (left.expect("a value"), right.expect("a value"));
                let found = match container {
                    Ty::Dict(..) => {
                        self.apply("mem.dict_contains", &[container_value, item], Type::I1)
                    }
                    Ty::Str => {
                        self.builtin_value("str.contains", &[container_value, item], Type::I1)
                    }
                    _ => self.builtin_value("list.contains", &[container_value, item], Type::I1),
                };
                if operator == CompareOp::NotIn {
                    self.not(found)
                } else {
                    found
                }
            }
            _ => {
                match (left, right) {
                    (Some(left), Some(right)) => self.native_compare(operator, left, right),
                    // `None == None`: the only value of its type.
                    _ => {
                        let equal = left.is_none() && right.is_none();
                        let holds = match operator {
                            CompareOp::Eq | CompareOp::Is | CompareOp::Le | CompareOp::Ge => equal,
                            _ => !equal,
                        };
                        self.bool(holds)
                    }
                }
            }
        }
    }

    /// Comparison of two native values of one type.
    pub fn native_compare(
        &mut self,
        operator: CompareOp,
        left: ValueId,
        right: ValueId,
    ) -> ValueId {
        let ty = self.ty_of(left);
        match &ty {
            Type::Float(_) => {
                let predicate = match operator {
                    CompareOp::Eq => "oeq",
                    CompareOp::NotEq => "une",
                    CompareOp::Lt => "olt",
                    CompareOp::Le => "ole",
                    CompareOp::Gt => "ogt",
                    _ => "oge",
                };
                self.compare("arith.cmpf", predicate, left, right)
            }
            Type::Int(_) | Type::UInt(_) | Type::Index => {
                let signed = matches!(ty, Type::Int(bits) if bits > 1);
                let predicate = match (operator, signed) {
                    (CompareOp::Eq, _) => "eq",
                    (CompareOp::NotEq, _) => "ne",
                    (CompareOp::Lt, true) => "slt",
                    (CompareOp::Le, true) => "sle",
                    (CompareOp::Gt, true) => "sgt",
                    (_, true) => "sge",
                    (CompareOp::Lt, false) => "ult",
                    (CompareOp::Le, false) => "ule",
                    (CompareOp::Gt, false) => "ugt",
                    (_, false) => "uge",
                };
                self.compare("arith.cmpi", predicate, left, right)
            }
            Type::Tuple(elements) => self.tuple_compare(operator, left, right, elements.clone()),
            _ => {
                // `str`, `List`, `Dict` and the other runtime values compare in the runtime:
                // `<ty>.compare` gives -1, 0 or 1 (`eq` for those without an order).
                let prefix = match ty {
                    Type::Str => "str",
                    Type::List(_) => "list",
                    Type::Dict(..) => "dict",
                    other => panic!("lowering: comparing values of type {other}"),
                };
                if matches!(operator, CompareOp::Eq | CompareOp::NotEq) {
                    let equal =
                        self.builtin_value(&format!("{prefix}.eq"), &[left, right], Type::I1);
                    return if operator == CompareOp::NotEq { self.not(equal) } else { equal };
                }
                let order =
                    self.builtin_value(&format!("{prefix}.compare"), &[left, right], Type::I64);
                let zero = self.i64(0);
                self.native_compare(operator, order, zero)
            }
        }
    }

    /// Tuples compare element by element: equality is every element equal; an order is
    /// lexicographic (the first unequal pair decides).
    fn tuple_compare(
        &mut self,
        operator: CompareOp,
        left: ValueId,
        right: ValueId,
        elements: Vec<Type>,
    ) -> ValueId {
        let parts: Vec<(ValueId, ValueId)> = elements
            .iter()
            .enumerate()
            .map(|(index, ty)| {
                (self.extract(left, index, ty.clone()), self.extract(right, index, ty.clone()))
            })
            .collect();
        match operator {
            CompareOp::Eq | CompareOp::NotEq => {
                let mut all = self.bool(true);
                for &(a, b) in &parts {
                    let equal = self.native_compare(CompareOp::Eq, a, b);
                    all = self.arith("arith.andi", all, equal);
                }
                if operator == CompareOp::NotEq {
                    self.not(all)
                } else {
                    all
                }
            }
            _ => {
                // From the last element back: result = a < b, or (a == b and the rest).
                let strict = matches!(operator, CompareOp::Lt | CompareOp::Gt);
                let mut result = self.bool(!strict);
                for &(a, b) in parts.iter().rev() {
                    let strict_op = if matches!(operator, CompareOp::Lt | CompareOp::Le) {
                        CompareOp::Lt
                    } else {
                        CompareOp::Gt
                    };
                    let decided = self.native_compare(strict_op, a, b);
                    let equal = self.native_compare(CompareOp::Eq, a, b);
                    let rest = self.arith("arith.andi", equal, result);
                    result = self.arith("arith.ori", decided, rest);
                }
                result
            }
        }
    }
}
