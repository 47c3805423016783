//! Expressions: the dispatch, literals (which take the expected type), names, tuples, list
//! and dict literals, conditional expressions and f-strings.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{BinaryOp, Expr, ExprKind, FStringPart, Name, UnaryOp};
use rustc_hash::FxHashSet;

use super::kernel::HostOnly;
use super::{InferenceContext, NameResolution};
use crate::builtins::{python_spelling, BuiltinFunction, CAST_NAMES};
use crate::lower_type::{not_hashable, scalar_type};
use crate::scope::{module_scope, ScopeEntry};
use crate::signatures::{const_data, struct_data};
use crate::stdlib::{module_names, stdlib_module, GPU_MODULE};
use crate::suggest;
use crate::ty::{bounds_imply, Bound, Ty};

impl InferenceContext<'_> {
    /// Infers the type of `expr`, letting `expected` decide what literals, empty containers
    /// and generic calls become; a mismatch with `expected` is not reported here.
    pub fn infer_expr(&mut self, expr: &Expr, expected: Option<&Ty>) -> Ty {
        let ty = self.infer_expr_kind(expr, expected);
        self.record_type(expr.span, &ty);
        ty
    }

    /// Infers an expression whose value is used: a call of a function that returns nothing
    /// has no value (E0220).
    pub fn infer_value(&mut self, expr: &Expr, expected: Option<&Ty>) -> Ty {
        let ty = self.infer_expr(expr, expected);
        if ty == Ty::None
            && matches!(expr.kind, ExprKind::Call { .. })
            && expected != Some(&Ty::None)
        {
            self.report(
                Diagnostic::error(
                    codes::VOID_VALUE,
                    format!(
                        "`{}` returns nothing; it has no value to use",
                        crate::pretty::expr_text(expr)
                    ),
                    Label::new(expr.span, "no value"),
                )
                .with_hint("give the function a return type, or call it as a statement"),
            );
            return Ty::Error;
        }
        ty
    }

    /// Checks `expr` against `expected` and reports a mismatch; returns the expression's type.
    pub fn check_value(&mut self, expr: &Expr, expected: &Ty) -> Ty {
        let actual = self.infer_value(expr, Some(expected));
        if self.coerce(expr, &actual, expected) {
            expected.clone()
        } else {
            actual
        }
    }

    fn infer_expr_kind(&mut self, expr: &Expr, expected: Option<&Ty>) -> Ty {
        match &expr.kind {
            ExprKind::Int(value) => self.infer_int_literal(*value, false, expr.span, expected),
            ExprKind::Float(_) => self.float_literal_type(expected),
            ExprKind::Bool(_) => Ty::Bool,
            ExprKind::None => Ty::None,
            ExprKind::Str(_) => {
                self.host_only(expr.span, HostOnly::Allocation("a string"));
                Ty::Str
            }
            ExprKind::FString(parts) => self.infer_fstring(parts, expr.span),
            ExprKind::Name(name) => self.infer_name(name, expr.span),
            ExprKind::Tuple(elements) => self.infer_tuple(elements, expected),
            ExprKind::List(elements) => self.infer_list(elements, expr.span, expected),
            ExprKind::Dict(entries) => self.infer_dict(entries, expr.span, expected),
            ExprKind::Unary { op, operand } => self.infer_unary(*op, operand, expr, expected),
            ExprKind::Binary { op, lhs, rhs } => self.infer_binary(*op, lhs, rhs, expr, expected),
            ExprKind::Logical { lhs, rhs, .. } => self.infer_logical(lhs, rhs, expr),
            ExprKind::Compare { first, rest } => self.infer_compare(first, rest),
            ExprKind::IfElse { condition, then, otherwise } => {
                self.check_condition(condition);
                self.infer_conditional(then, otherwise, expected)
            }
            ExprKind::Call { callee, args } => self.infer_call(expr, callee, args, expected),
            ExprKind::Attribute { base, name } => self.infer_attribute(expr, base, name),
            ExprKind::Index { base, indices } => self.infer_index(expr, base, indices),
            ExprKind::Slice { .. } => {
                self.report(Diagnostic::error(
                    codes::NOT_INDEXABLE,
                    "a slice is only valid inside `[...]`",
                    Label::new(expr.span, "slice outside an index"),
                ));
                Ty::Error
            }
            ExprKind::Error => Ty::Error,
        }
    }

    /// The branches of `then if condition else otherwise` must agree; a branch whose type
    /// comes from its context (`1.0 if c else x`) takes the other branch's type.
    fn infer_conditional(&mut self, then: &Expr, otherwise: &Expr, expected: Option<&Ty>) -> Ty {
        let (first, second) =
            if takes_type_from_context(then) && !takes_type_from_context(otherwise) {
                (otherwise, then)
            } else {
                (then, otherwise)
            };
        let default = literal_operands_default(then, otherwise);
        let first_ty = self.infer_value(first, expected.or(default.as_ref()));
        let expected_second =
            if first_ty.is_unknown() { expected.cloned() } else { Some(first_ty.clone()) };
        match expected_second {
            Some(ty) => {
                self.check_value(second, &ty);
                if first_ty.is_unknown() {
                    ty
                } else {
                    first_ty
                }
            }
            None => self.infer_value(second, None),
        }
    }

    // ---- literals ------------------------------------------------------------------------

    /// An integer literal takes any numeric expected type (an int in a float context is that
    /// float); otherwise it is `i64`. Out-of-range values are E0226.
    pub fn infer_int_literal(
        &mut self,
        value: u64,
        negative: bool,
        span: Span,
        expected: Option<&Ty>,
    ) -> Ty {
        let int = match expected {
            Some(Ty::Int(int)) => *int,
            Some(Ty::Float(float)) => return Ty::Float(*float),
            Some(Ty::Param(param))
                if bounds_imply(self.param_bounds(param.index), Bound::Numeric) =>
            {
                return Ty::Param(param.clone());
            }
            _ => crate::ty::IntTy::I64,
        };
        if !int.fits(value, negative) {
            let sign = if negative { "-" } else { "" };
            let (low, high) = int_range(int);
            self.report(
                Diagnostic::error(
                    codes::LITERAL_OUT_OF_RANGE,
                    format!("the literal `{sign}{value}` does not fit in `{}`", int.name()),
                    Label::new(span, format!("out of range for `{}`", int.name())),
                )
                .with_note(format!("`{}` holds {low} to {high}", int.name()))
                .with_hint(wider_int_hint(int, value, negative)),
            );
        }
        Ty::Int(int)
    }

    /// A float literal takes an expected float type (or a `Float`-bounded parameter);
    /// otherwise it is `f64`.
    pub fn float_literal_type(&self, expected: Option<&Ty>) -> Ty {
        match expected {
            Some(Ty::Float(float)) => Ty::Float(*float),
            Some(Ty::Param(param))
                if bounds_imply(self.param_bounds(param.index), Bound::Float) =>
            {
                Ty::Param(param.clone())
            }
            _ => Ty::F64,
        }
    }

    // ---- names ---------------------------------------------------------------------------

    fn infer_name(&mut self, name: &Name, span: Span) -> Ty {
        if let Some(id) = self.lookup_local(&name.text) {
            self.result.names.insert(span, NameResolution::Local(id));
            return self.result.binding(id).ty.clone();
        }
        let entry = self.scope.get(&name.text).cloned();
        match entry {
            Some(ScopeEntry::Const(konst)) => {
                self.result.names.insert(span, NameResolution::Const(konst));
                self.check_gpu_constant(konst, span);
                const_data(self.db, konst).ty.clone()
            }
            Some(ScopeEntry::Python(module)) => {
                self.result.names.insert(span, NameResolution::Python(module));
                self.host_only(span, HostOnly::Python);
                if self.in_kernel {
                    Ty::Error
                } else {
                    Ty::PyObject
                }
            }
            Some(ScopeEntry::Function(function)) => {
                self.result.names.insert(span, NameResolution::Function(function));
                self.not_a_value(
                    span,
                    format!("the function `{}` is not a value", name.text),
                    format!("call it: `{}(...)`", name.text),
                );
                Ty::Error
            }
            Some(ScopeEntry::Struct(strukt)) => {
                self.result.names.insert(span, NameResolution::Struct(strukt));
                self.not_a_value(
                    span,
                    format!("the struct `{}` is not a value", name.text),
                    format!("construct one: `{}(...)`", name.text),
                );
                Ty::Error
            }
            Some(ScopeEntry::Module { name: module, .. }) => {
                self.result.names.insert(span, NameResolution::Module(module.clone()));
                self.not_a_value(
                    span,
                    format!("the module `{module}` is not a value"),
                    format!("use its items, such as `{module}.name`"),
                );
                Ty::Error
            }
            Some(ScopeEntry::Unresolved) => Ty::Error,
            None => {
                if let Some(builtin) = BuiltinFunction::from_name(&name.text) {
                    self.result.names.insert(span, NameResolution::Builtin(builtin));
                    self.not_a_value(
                        span,
                        format!("the built-in function `{}` is not a value", name.text),
                        format!("call it: `{}(...)`", name.text),
                    );
                } else if scalar_type(&name.text).is_some()
                    || matches!(name.text.as_str(), "List" | "Dict" | "Tensor")
                {
                    self.not_a_value(
                        span,
                        format!("the type `{}` is not a value", name.text),
                        format!("convert with a cast: `{}(x)`", name.text),
                    );
                } else {
                    self.unknown_name(name);
                }
                Ty::Error
            }
        }
    }

    pub fn not_a_value(&mut self, span: Span, message: String, hint: String) {
        self.report(
            Diagnostic::error(codes::NOT_A_VALUE, message, Label::new(span, "not a value"))
                .with_hint(hint),
        );
    }

    /// E0100, with a "did you mean" over everything in scope, or the import that would
    /// bring the name in.
    pub fn unknown_name(&mut self, name: &Name) {
        let text = name.text.as_str();
        let mut diagnostic = Diagnostic::error(
            codes::UNKNOWN_NAME,
            format!("unknown name `{text}`"),
            Label::new(name.span, "not found in this scope"),
        );
        let owner_member =
            self.owner.filter(|_| self.lookup_local("self").is_some()).and_then(|owner| {
                let data = struct_data(self.db, owner);
                if data.field(text).is_some() {
                    Some(format!("`{text}` is a field: write `self.{text}`"))
                } else if data.method(text).is_some() {
                    Some(format!("`{text}` is a method: call it as `self.{text}(...)`"))
                } else {
                    None
                }
            });
        if let Some(hint) = owner_member {
            diagnostic = diagnostic.with_hint(hint);
        } else if let Some(spelling) = python_spelling(text) {
            diagnostic = diagnostic.with_hint(format!("write {spelling}"));
        } else if let Some(module) = module_names().find(|module| *module == text) {
            diagnostic =
                diagnostic.with_hint(format!("import the module first: `import {module}`"));
        } else if let Some(module) = self.stdlib_module_defining(text) {
            diagnostic = diagnostic.with_hint(format!("import it: `from {module} import {text}`"));
        } else {
            let scope = self.scope.clone();
            let candidates: Vec<&str> = self
                .local_names()
                .chain(scope.entries.keys().map(String::as_str))
                .chain(BuiltinFunction::ALL.iter().map(|builtin| builtin.name()))
                .chain(CAST_NAMES.iter().copied())
                .collect();
            if let Some(suggestion) = suggest::closest(text, candidates) {
                diagnostic = diagnostic.with_hint(format!("did you mean `{suggestion}`?"));
            }
        }
        self.report(diagnostic);
    }

    fn stdlib_module_defining(&self, name: &str) -> Option<&'static str> {
        module_names().find(|module| {
            stdlib_module(self.db, module)
                .is_some_and(|file| module_scope(self.db, file).get(name).is_some())
        })
    }

    /// GPU intrinsics (`thread_idx`...) exist only inside kernels (E0306).
    pub fn check_gpu_constant(&mut self, konst: crate::item_tree::ConstId, span: Span) {
        let file = konst.file(self.db);
        if !self.in_kernel && stdlib_module(self.db, GPU_MODULE) == Some(file) {
            self.gpu_outside_kernel(konst.name(self.db), span);
        }
    }

    // ---- containers ------------------------------------------------------------------------

    fn infer_tuple(&mut self, elements: &[Expr], expected: Option<&Ty>) -> Ty {
        match expected {
            Some(Ty::Tuple(expected)) if expected.len() == elements.len() => {
                let expected = expected.clone();
                Ty::Tuple(
                    elements
                        .iter()
                        .zip(&expected)
                        .map(|(element, ty)| self.check_value(element, ty))
                        .collect(),
                )
            }
            _ => {
                Ty::Tuple(elements.iter().map(|element| self.infer_value(element, None)).collect())
            }
        }
    }

    fn infer_list(&mut self, elements: &[Expr], span: Span, expected: Option<&Ty>) -> Ty {
        self.host_only(span, HostOnly::Allocation("a list"));
        if let Some(Ty::List(element)) = expected {
            let element = (**element).clone();
            for value in elements {
                self.check_value(value, &element);
            }
            return Ty::list(element);
        }
        if elements.is_empty() {
            self.cannot_infer_empty(span, "[]", "List[i64]");
            return Ty::list(Ty::Error);
        }
        Ty::list(self.infer_common_type(elements))
    }

    /// E0210 for `[]` or `{}` without an expected type. The hint repeats the binding as
    /// written (`var xs = []` becomes `var xs: List[i64] = []`) when the literal is its value.
    fn cannot_infer_empty(&mut self, span: Span, empty: &str, example: &str) {
        let hint = match &self.empty_literal_binding {
            Some((value, binding)) if *value == span => format!(
                "say what it holds: `{binding}: {example} = {empty}`, or `{binding} = {example}()`"
            ),
            _ => format!(
                "write `{example}()`, or give the value a type: `let name: {example} = {empty}`"
            ),
        };
        self.report(
            Diagnostic::error(
                codes::CANNOT_INFER,
                format!("the element type of `{empty}` cannot be inferred"),
                Label::new(span, "empty, and nothing says what it holds"),
            )
            .with_hint(hint),
        );
    }

    /// The type of a list of values that must agree: the first value that is not a bare
    /// numeric literal decides, so `[1, x]` with `x: f32` is a list of f32. `values` is not
    /// empty.
    fn infer_common_type(&mut self, values: &[Expr]) -> Ty {
        let leader = leading_value(&values.iter().collect::<Vec<_>>());
        let ty = self.infer_value(&values[leader], None);
        for (index, value) in values.iter().enumerate() {
            if index != leader {
                self.check_value(value, &ty);
            }
        }
        ty
    }

    fn infer_dict(&mut self, entries: &[(Expr, Expr)], span: Span, expected: Option<&Ty>) -> Ty {
        self.host_only(span, HostOnly::Allocation("a dict"));
        if let Some(Ty::Dict(key, value)) = expected {
            let (key, value) = ((**key).clone(), (**value).clone());
            for (key_expr, value_expr) in entries {
                self.check_value(key_expr, &key);
                self.check_value(value_expr, &value);
            }
            return Ty::dict(key, value);
        }
        if entries.is_empty() {
            self.cannot_infer_empty(span, "{}", "Dict[str, i64]");
            return Ty::dict(Ty::Error, Ty::Error);
        }
        let keys: Vec<Expr> = entries.iter().map(|(key, _)| key.clone()).collect();
        let values: Vec<Expr> = entries.iter().map(|(_, value)| value.clone()).collect();
        let key = self.infer_common_type(&keys);
        let value = self.infer_common_type(&values);
        if !key.is_hashable() {
            let diagnostic = not_hashable(self.db, &key, keys[0].span);
            self.report(diagnostic);
            return Ty::dict(Ty::Error, value);
        }
        Ty::dict(key, value)
    }

    // ---- f-strings -------------------------------------------------------------------------

    fn infer_fstring(&mut self, parts: &[FStringPart], span: Span) -> Ty {
        self.host_only(span, HostOnly::Allocation("an f-string"));
        for part in parts {
            if let FStringPart::Field { expr, spec, span } = part {
                let ty = self.infer_value(expr, None);
                if !self.require_printable(&ty, expr.span) {
                    continue;
                }
                if let Some(spec) = spec {
                    self.check_format_spec(spec, &ty, *span);
                }
            }
        }
        Ty::Str
    }

    /// Reports E0221 when values of `ty` cannot be printed or formatted.
    pub fn require_printable(&mut self, ty: &Ty, span: Span) -> bool {
        if self.is_printable(ty) {
            return true;
        }
        let mut diagnostic = Diagnostic::error(
            codes::NOT_PRINTABLE,
            format!("a value of type `{}` cannot be printed", ty.display(self.db)),
            Label::new(span, "not printable"),
        );
        if let Ty::Param(param) = ty {
            diagnostic =
                diagnostic.with_hint(format!("add the bound: `{}: Printable`", param.name));
        } else if let Ty::Iterator(_) = ty {
            diagnostic = diagnostic
                .with_hint("iterate over it with `for`, or collect the values into a `List`");
        }
        self.report(diagnostic);
        false
    }

    pub fn is_printable(&self, ty: &Ty) -> bool {
        self.printable_inner(ty, &mut FxHashSet::default())
    }

    fn printable_inner(
        &self,
        ty: &Ty,
        visiting: &mut FxHashSet<crate::item_tree::StructId>,
    ) -> bool {
        match ty {
            Ty::Int(_)
            | Ty::Float(_)
            | Ty::Bool
            | Ty::Str
            | Ty::None
            | Ty::PyObject
            | Ty::Exception => true,
            Ty::Error | Ty::Never | Ty::Tensor(_) => true,
            Ty::Tuple(elements) => {
                elements.iter().all(|element| self.printable_inner(element, visiting))
            }
            Ty::List(element) => self.printable_inner(element, visiting),
            Ty::Dict(key, value) => {
                self.printable_inner(key, visiting) && self.printable_inner(value, visiting)
            }
            Ty::Struct(strukt) => {
                if !visiting.insert(*strukt) {
                    return true;
                }
                let data = struct_data(self.db, *strukt);
                data.fields.iter().all(|field| self.printable_inner(&field.ty, visiting))
            }
            Ty::Param(param) => bounds_imply(self.param_bounds(param.index), Bound::Printable),
            Ty::Iterator(_) => false,
        }
    }

    // ---- conditions ------------------------------------------------------------------------

    /// A condition is a `bool` or a PyObject (whose truth Python decides): E0219 otherwise.
    pub fn check_condition(&mut self, condition: &Expr) {
        let ty = self.infer_value(condition, Some(&Ty::Bool));
        if matches!(ty, Ty::Bool | Ty::PyObject) || ty.is_unknown() {
            return;
        }
        let text = crate::pretty::expr_text(condition);
        let mut diagnostic = Diagnostic::error(
            codes::CONDITION_NOT_BOOL,
            format!("expected a `bool` condition, found `{}`", ty.display(self.db)),
            Label::new(condition.span, "not a bool"),
        );
        diagnostic = match &ty {
            Ty::Int(_) | Ty::Float(_) => {
                diagnostic.with_hint(format!("compare explicitly: `{text} != 0`"))
            }
            Ty::List(_) | Ty::Dict(..) | Ty::Str => {
                diagnostic.with_hint(format!("test the length: `len({text}) > 0`"))
            }
            _ => diagnostic,
        };
        self.report(diagnostic);
    }
}

/// `1`, `2.5`, `-3`, `2.0 * 3.0`, `1 if c else 2`: numbers written only with literals and
/// arithmetic, whose type comes from their context. (Bitwise operators make an integer:
/// `1 << 3` is not a literal a float context can take.)
pub fn is_numeric_literal(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Int(_) | ExprKind::Float(_) => true,
        ExprKind::Unary { op: UnaryOp::Neg | UnaryOp::Pos, operand } => is_numeric_literal(operand),
        ExprKind::Binary { op, lhs, rhs } => {
            matches!(
                op,
                BinaryOp::Add
                    | BinaryOp::Sub
                    | BinaryOp::Mul
                    | BinaryOp::Div
                    | BinaryOp::FloorDiv
                    | BinaryOp::Mod
                    | BinaryOp::Pow
            ) && is_numeric_literal(lhs)
                && is_numeric_literal(rhs)
        }
        ExprKind::IfElse { then, otherwise, .. } => {
            is_numeric_literal(then) && is_numeric_literal(otherwise)
        }
        _ => false,
    }
}

/// Whether a literal mentions a float literal: without an expected type, `1 + 2.5` and
/// `[1, 2.5]` are `f64`, not `i64`.
pub fn contains_float_literal(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Float(_) => true,
        ExprKind::Unary { operand, .. } => contains_float_literal(operand),
        ExprKind::Binary { lhs, rhs, .. } => {
            contains_float_literal(lhs) || contains_float_literal(rhs)
        }
        ExprKind::IfElse { then, otherwise, .. } => {
            contains_float_literal(then) || contains_float_literal(otherwise)
        }
        ExprKind::List(elements) | ExprKind::Tuple(elements) => {
            elements.iter().any(contains_float_literal)
        }
        ExprKind::Dict(entries) => entries
            .iter()
            .any(|(key, value)| contains_float_literal(key) || contains_float_literal(value)),
        _ => false,
    }
}

/// A value whose type the context decides: a numeric literal, or a list, dict or tuple
/// literal made only of such values (`[]`, `[1.0, 2.0]`, `{}`). Next to such a value, the
/// other operand (or element, or argument) is inferred first and decides the type.
pub fn takes_type_from_context(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::List(elements) | ExprKind::Tuple(elements) => {
            elements.iter().all(takes_type_from_context)
        }
        ExprKind::Dict(entries) => entries
            .iter()
            .all(|(key, value)| takes_type_from_context(key) && takes_type_from_context(value)),
        _ => is_numeric_literal(expr),
    }
}

/// Which of several values that must agree decides their type: the first whose type does
/// not come from the context, else the first literal with a float in it, else the first.
pub fn leading_value(values: &[&Expr]) -> usize {
    values
        .iter()
        .position(|value| !takes_type_from_context(value))
        .or_else(|| values.iter().position(|value| contains_float_literal(value)))
        .unwrap_or(0)
}

/// The type to give numeric literals on both sides of an operator when nothing else does:
/// `f64` when either has a float literal (`1 + 2.5`), else the default (`i64`).
pub fn literal_operands_default(lhs: &Expr, rhs: &Expr) -> Option<Ty> {
    let both_literal = is_numeric_literal(lhs) && is_numeric_literal(rhs);
    (both_literal && (contains_float_literal(lhs) || contains_float_literal(rhs)))
        .then_some(Ty::F64)
}

/// E0226's hint: the narrowest wider integer type that holds the literal.
fn wider_int_hint(int: crate::ty::IntTy, value: u64, negative: bool) -> String {
    let signed = int.is_signed() || negative;
    let wider = crate::ty::IntTy::ALL.into_iter().find(|candidate| {
        candidate.is_signed() == signed
            && candidate.bits() > int.bits()
            && candidate.fits(value, negative)
    });
    match wider {
        Some(wider) => {
            let (low, high) = int_range(wider);
            let kind = if signed && !int.is_signed() { "signed" } else { "wider" };
            format!(
                "use a {kind} type such as `{}` ({low} to {high}), or a value within the range of `{}`",
                wider.name(),
                int.name()
            )
        }
        None if negative && !int.is_signed() => {
            format!("`{}` holds no negative values: use a signed type such as `i64`", int.name())
        }
        None => format!(
            "no integer type holds this value: use a value within the range of `{}`, or a float literal (`{value}.0`)",
            int.name()
        ),
    }
}

fn int_range(int: crate::ty::IntTy) -> (String, String) {
    let bits = int.bits();
    if int.is_signed() {
        let max = (1i128 << (bits - 1)) - 1;
        (format!("{}", -max - 1), format!("{max}"))
    } else {
        ("0".to_string(), format!("{}", (1u128 << bits) - 1))
    }
}
