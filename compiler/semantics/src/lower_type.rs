//! Types as written (`ast::TypeExpr`, or an expression in type position such as the `f32`
//! of `zeros[f32](...)`) to [`Ty`], reporting unknown types and wrong type argument counts.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{self, Expr, ExprKind, TypeExpr, TypeExprKind};

use crate::db::Db;
use crate::scope::{ModuleScope, ScopeEntry};
use crate::suggest;
use crate::ty::{Bound, FloatTy, IntTy, ParamTy, Ty};

/// A generic parameter in scope while lowering: its name and bounds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GenericParam {
    pub name: String,
    pub bounds: Vec<Bound>,
}

/// The names types may refer to.
pub struct TypeScope<'a> {
    pub db: &'a dyn Db,
    pub module: &'a ModuleScope,
    pub generics: &'a [GenericParam],
}

/// The built-in scalar type named `name`.
pub fn scalar_type(name: &str) -> Option<Ty> {
    if let Some(int) = IntTy::ALL.into_iter().find(|int| int.name() == name) {
        return Some(Ty::Int(int));
    }
    if let Some(float) = FloatTy::ALL.into_iter().find(|float| float.name() == name) {
        return Some(Ty::Float(float));
    }
    match name {
        "bool" => Some(Ty::Bool),
        "str" => Some(Ty::Str),
        "PyObject" => Some(Ty::PyObject),
        "Error" => Some(Ty::Exception),
        _ => None,
    }
}

/// Names of the built-in types, for suggestions.
const BUILTIN_TYPE_NAMES: &[&str] = &[
    "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f16", "bf16", "f32", "f64", "bool",
    "str", "PyObject", "Error", "List", "Dict", "Tensor", "None",
];

/// Spellings from other languages and what to write instead.
fn foreign_spelling(name: &str) -> Option<&'static str> {
    Some(match name {
        "int" | "long" | "isize" => "i64",
        "float" | "double" => "f64",
        "string" | "String" => "str",
        "list" | "Vec" => "List",
        "dict" | "HashMap" | "map" => "Dict",
        "object" | "Any" => "PyObject",
        "Bool" | "boolean" => "bool",
        _ => return None,
    })
}

impl TypeScope<'_> {
    pub fn lower(&self, ty: &TypeExpr, diagnostics: &mut Vec<Diagnostic>) -> Ty {
        match &ty.kind {
            TypeExprKind::Name(name) => self.lower_name(name, ty.span, diagnostics),
            TypeExprKind::Generic { base, args } => {
                self.lower_generic(base, args, ty.span, diagnostics)
            }
            TypeExprKind::Tuple(elements) => {
                Ty::Tuple(elements.iter().map(|element| self.lower(element, diagnostics)).collect())
            }
            TypeExprKind::None => Ty::None,
            TypeExprKind::Error => Ty::Error,
        }
    }

    fn lower_name(&self, name: &ast::Name, span: Span, diagnostics: &mut Vec<Diagnostic>) -> Ty {
        let text = name.text.as_str();
        // Generic parameters, then the module's structs, shadow the built-in names.
        if let Some(index) = self.generics.iter().position(|param| param.name == text) {
            return Ty::Param(ParamTy { index: index as u32, name: text.to_string() });
        }
        match self.module.get(text) {
            Some(ScopeEntry::Struct(id)) => return Ty::Struct(*id),
            Some(ScopeEntry::Unresolved) => return Ty::Error,
            _ => {}
        }
        if let Some(ty) = scalar_type(text) {
            return ty;
        }
        if text == "None" {
            return Ty::None;
        }
        if matches!(text, "List" | "Dict" | "Tensor") {
            let expected = if text == "Dict" { 2 } else { 1 };
            let example = if text == "Dict" { "Dict[str, i64]" } else { &format!("{text}[f64]") };
            diagnostics.push(
                Diagnostic::error(
                    codes::WRONG_TYPE_ARGUMENT_COUNT,
                    format!(
                        "`{text}` needs {expected} type argument{}",
                        if expected == 1 { "" } else { "s" }
                    ),
                    Label::new(span, "missing type arguments"),
                )
                .with_hint(format!("write the element type, e.g. `{example}`")),
            );
            return Ty::Error;
        }
        diagnostics.push(self.unknown_type(text, span));
        Ty::Error
    }

    pub fn unknown_type(&self, text: &str, span: Span) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(
            codes::UNKNOWN_TYPE,
            format!("unknown type `{text}`"),
            Label::new(span, "not a type in scope"),
        );
        if let Some(replacement) = foreign_spelling(text) {
            diagnostic = diagnostic.with_hint(format!("the type is spelled `{replacement}` here"));
        } else {
            let structs = self
                .module
                .entries
                .iter()
                .filter(|(_, entry)| matches!(entry, ScopeEntry::Struct(_)));
            let candidates = BUILTIN_TYPE_NAMES
                .iter()
                .copied()
                .chain(structs.map(|(name, _)| name.as_str()))
                .chain(self.generics.iter().map(|param| param.name.as_str()));
            if let Some(suggestion) = suggest::closest(text, candidates) {
                diagnostic = diagnostic.with_hint(format!("did you mean `{suggestion}`?"));
            }
        }
        diagnostic
    }

    fn lower_generic(
        &self,
        base: &ast::Name,
        args: &[TypeExpr],
        span: Span,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Ty {
        let arity = match base.text.as_str() {
            "List" | "Tensor" => 1,
            "Dict" => 2,
            other => {
                let lowered = self.lower_name(base, base.span, diagnostics);
                if !lowered.is_error() {
                    diagnostics.push(
                        Diagnostic::error(
                            codes::WRONG_TYPE_ARGUMENT_COUNT,
                            format!("`{other}` takes no type arguments"),
                            Label::new(span, "unexpected type arguments"),
                        )
                        .with_hint(format!("remove the `[...]` and write just `{other}`")),
                    );
                }
                return Ty::Error;
            }
        };
        let lowered: Vec<Ty> = args.iter().map(|arg| self.lower(arg, diagnostics)).collect();
        if lowered.len() != arity {
            diagnostics.push(
                Diagnostic::error(
                    codes::WRONG_TYPE_ARGUMENT_COUNT,
                    format!(
                        "`{}` takes {arity} type argument{}, but {} {} given",
                        base.text,
                        if arity == 1 { "" } else { "s" },
                        lowered.len(),
                        if lowered.len() == 1 { "was" } else { "were" }
                    ),
                    Label::new(span, format!("expected {arity}")),
                )
                .with_hint(match base.text.as_str() {
                    "Dict" => {
                        "`Dict[K, V]` takes a key type and a value type, e.g. `Dict[str, i64]`"
                    }
                    "List" => "`List[T]` takes one element type, e.g. `List[i64]`",
                    _ => "`Tensor[T]` takes one element type, e.g. `Tensor[f32]`",
                }),
            );
            return Ty::Error;
        }
        let mut lowered = lowered.into_iter();
        let first = lowered.next().unwrap_or(Ty::Error);
        match base.text.as_str() {
            "List" => Ty::list(first),
            "Tensor" => {
                if !self.valid_tensor_element(&first) {
                    diagnostics.push(Diagnostic::error(
                        codes::UNSATISFIED_BOUND,
                        format!(
                            "`Tensor` elements must be numbers or bool, not `{}`",
                            first.display(self.db)
                        ),
                        Label::new(args[0].span, "not a number type"),
                    ));
                    return Ty::tensor(Ty::Error);
                }
                Ty::tensor(first)
            }
            _ => {
                let value = lowered.next().unwrap_or(Ty::Error);
                if !first.is_hashable() {
                    diagnostics.push(not_hashable(self.db, &first, args[0].span));
                    return Ty::dict(Ty::Error, value);
                }
                Ty::dict(first, value)
            }
        }
    }

    fn valid_tensor_element(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Error => true,
            Ty::Param(param) => {
                let bounds = &self.generics[param.index as usize].bounds;
                crate::ty::bounds_imply(bounds, Bound::Numeric)
            }
            _ => false,
        }
    }
}

pub fn not_hashable(db: &dyn Db, key: &Ty, span: Span) -> Diagnostic {
    Diagnostic::error(
        codes::NOT_HASHABLE,
        format!("`{}` cannot be a Dict key", key.display(db)),
        Label::new(span, "not hashable"),
    )
    .with_note("Dict keys are integers, bool, str, or tuples of them")
    .with_hint(match key {
        Ty::List(element) => format!(
            "use a tuple key such as `({0}, {0})` for a fixed number of elements, or a `str` key",
            element.display(db)
        ),
        _ => "use a `str`, integer or tuple key that identifies the value".to_string(),
    })
}

/// Reads an expression in type position (`f32`, `List[i64]`, `(i64, f64)`, `None`) as a type
/// expression; `None` when it cannot be one.
pub fn expr_as_type(expr: &Expr) -> Option<TypeExpr> {
    let kind = match &expr.kind {
        ExprKind::Name(name) => TypeExprKind::Name(name.clone()),
        ExprKind::None => TypeExprKind::None,
        ExprKind::Tuple(elements) => {
            TypeExprKind::Tuple(elements.iter().map(expr_as_type).collect::<Option<Vec<_>>>()?)
        }
        ExprKind::Index { base, indices } => {
            let ExprKind::Name(base) = &base.kind else {
                return None;
            };
            let args = indices.iter().map(expr_as_type).collect::<Option<Vec<_>>>()?;
            TypeExprKind::Generic { base: base.clone(), args }
        }
        ExprKind::Error => TypeExprKind::Error,
        _ => return None,
    };
    Some(TypeExpr { kind, span: expr.span })
}
