//! Attribute and index reads: struct fields, module items, built-in properties, and
//! indexing of lists, strings, dicts, tuples (by literal), tensors, PyObjects and structs with
//! `__getitem__` / `__setitem__`.

use mlc_diagnostics::{codes, Diagnostic, Label};
use mlc_syntax::ast::{Expr, ExprKind, Name, UnaryOp};

use super::kernel::HostOnly;
use super::{AttributeResolution, IndexResolution, InferenceContext, NameResolution};
use crate::builtins::{builtin_property, method_names};
use crate::check::imports::unknown_import;
use crate::db::SourceFile;
use crate::item_tree::StructId;
use crate::scope::{module_scope, ScopeEntry};
use crate::signatures::{const_data, function_signature, struct_data};
use crate::suggest;
use crate::ty::Ty;

impl InferenceContext<'_> {
    pub fn infer_attribute(&mut self, expr: &Expr, base: &Expr, name: &Name) -> Ty {
        if let Some(ty) = self.module_attribute(expr, base, name) {
            return ty;
        }
        let base_ty = self.infer_value(base, None);
        self.attribute_of(expr, &base_ty, name)
    }

    /// The standard library module `base` names (`math` in `math.pi`), unless a local
    /// shadows it: its name and file.
    pub(super) fn module_named_by(&self, base: &Expr) -> Option<(String, SourceFile)> {
        let ExprKind::Name(module) = &base.kind else {
            return None;
        };
        if self.lookup_local(&module.text).is_some() {
            return None;
        }
        match self.scope.get(&module.text) {
            Some(ScopeEntry::Module { name, file }) => Some((name.clone(), *file)),
            _ => None,
        }
    }

    /// `math.pi` and other items of a module used as values.
    pub(super) fn module_attribute(&mut self, expr: &Expr, base: &Expr, name: &Name) -> Option<Ty> {
        let (module_name, file) = self.module_named_by(base)?;
        self.result.names.insert(base.span, NameResolution::Module(module_name.clone()));
        let scope = module_scope(self.db, file);
        let ty = match scope.get(&name.text) {
            Some(ScopeEntry::Const(konst)) => {
                self.result.attributes.insert(
                    expr.span,
                    AttributeResolution::ModuleItem(NameResolution::Const(*konst)),
                );
                self.check_gpu_constant(*konst, expr.span);
                const_data(self.db, *konst).ty.clone()
            }
            Some(ScopeEntry::Function(function)) => {
                self.result.attributes.insert(
                    expr.span,
                    AttributeResolution::ModuleItem(NameResolution::Function(*function)),
                );
                let text = format!("{module_name}.{}", name.text);
                self.not_a_value(
                    expr.span,
                    format!("the function `{text}` is not a value"),
                    format!("call it: `{text}(...)`"),
                );
                Ty::Error
            }
            Some(_) => {
                let text = format!("{module_name}.{}", name.text);
                self.not_a_value(
                    expr.span,
                    format!("`{text}` is not a value"),
                    format!("call it: `{text}(...)`"),
                );
                Ty::Error
            }
            None => {
                self.report(unknown_import(
                    self.db,
                    &module_name,
                    file,
                    &name.text,
                    name.span,
                    &format!("{module_name}."),
                ));
                Ty::Error
            }
        };
        Some(ty)
    }

    /// The type of `base.name` for a value of type `base_ty`.
    pub(super) fn attribute_of(&mut self, expr: &Expr, base_ty: &Ty, name: &Name) -> Ty {
        match base_ty {
            _ if base_ty.is_unknown() => Ty::Error,
            Ty::PyObject => {
                self.result.attributes.insert(expr.span, AttributeResolution::Python);
                Ty::PyObject
            }
            Ty::Struct(strukt) => {
                let data = struct_data(self.db, *strukt);
                if let Some((index, field)) = data.field(&name.text) {
                    self.result.attributes.insert(
                        expr.span,
                        AttributeResolution::Field { owner: *strukt, index: index as u32 },
                    );
                    return field.ty.clone();
                }
                if data.method(&name.text).is_some() {
                    self.not_a_value(
                        expr.span,
                        format!("the method `{}` must be called", name.text),
                        format!("call it: `.{}(...)`", name.text),
                    );
                    return Ty::Error;
                }
                let mut diagnostic = Diagnostic::error(
                    codes::UNKNOWN_FIELD,
                    format!("`{}` has no field `{}`", data.name, name.text),
                    Label::new(name.span, "unknown field"),
                );
                let fields = data.fields.iter().map(|field| field.name.as_str());
                if let Some(suggestion) = suggest::closest(&name.text, fields.clone()) {
                    diagnostic = diagnostic.with_hint(format!("did you mean `{suggestion}`?"));
                } else if !data.fields.is_empty() {
                    diagnostic = diagnostic
                        .with_note(format!("its fields are {}", suggest::list_names(fields, 8)));
                }
                self.report(diagnostic);
                Ty::Error
            }
            _ => {
                if let Some((ty, allocates)) = builtin_property(base_ty, &name.text) {
                    if allocates && matches!(base_ty, Ty::Tensor(_)) {
                        self.host_only(expr.span, HostOnly::Allocation("a list"));
                    }
                    let property = if name.text == "shape" {
                        "shape"
                    } else if name.text == "ndim" {
                        "ndim"
                    } else {
                        "message"
                    };
                    self.result
                        .attributes
                        .insert(expr.span, AttributeResolution::Property(property));
                    return ty;
                }
                let mut diagnostic = Diagnostic::error(
                    codes::UNKNOWN_FIELD,
                    format!("`{}` has no attribute `{}`", base_ty.display(self.db), name.text),
                    Label::new(name.span, "unknown attribute"),
                );
                let methods = method_names(base_ty);
                if let Some(spelling) = crate::builtins::foreign_method(base_ty, &name.text) {
                    diagnostic = diagnostic.with_hint(format!("use {spelling}"));
                } else if methods.contains(&name.text.as_str()) {
                    diagnostic = diagnostic
                        .with_hint(format!("`{}` is a method: call it with `(...)`", name.text));
                } else if matches!(base_ty, Ty::Tuple(_)) {
                    diagnostic = diagnostic.with_hint("index tuples by position: `p[0]`");
                } else if matches!(base_ty, Ty::Tensor(_)) {
                    diagnostic = diagnostic.with_note(
                        "tensors have `shape` and `ndim`, and methods such as `size(dim)`",
                    );
                }
                self.report(diagnostic);
                Ty::Error
            }
        }
    }

    // ---- indexing ------------------------------------------------------------------------------

    pub fn infer_index(&mut self, expr: &Expr, base: &Expr, indices: &[Expr]) -> Ty {
        if let ExprKind::Name(name) = &base.kind {
            let is_type = self.lookup_local(&name.text).is_none()
                && (matches!(name.text.as_str(), "List" | "Dict" | "Tensor")
                    && self.scope.get(&name.text).is_none()
                    || matches!(self.scope.get(&name.text), Some(ScopeEntry::Function(_))));
            if is_type {
                self.not_a_value(
                    expr.span,
                    format!("`{}` is not a value", crate::pretty::expr_text(expr)),
                    "call it: add `(...)`".to_string(),
                );
                return Ty::Error;
            }
        }
        let base_ty = self.infer_value(base, None);
        self.index_of(expr, base, &base_ty, indices, false)
    }

    /// The element type of `base[indices]`; `assigned`: the element is being assigned (then
    /// structs use `__setitem__`, and the result is the type of the value to store).
    pub(super) fn index_of(
        &mut self,
        expr: &Expr,
        base: &Expr,
        base_ty: &Ty,
        indices: &[Expr],
        assigned: bool,
    ) -> Ty {
        let has_slice = indices.iter().any(|index| matches!(index.kind, ExprKind::Slice { .. }));
        let (resolution, ty) = match base_ty {
            _ if base_ty.is_unknown() => {
                for index in indices {
                    self.infer_expr(index, None);
                }
                return Ty::Error;
            }
            Ty::PyObject => {
                for index in indices {
                    self.python_index(index);
                }
                (IndexResolution::Python, Ty::PyObject)
            }
            Ty::List(_) | Ty::Str if indices.len() == 1 => {
                let element =
                    if let Ty::List(element) = base_ty { (**element).clone() } else { Ty::Str };
                if has_slice {
                    self.check_slice(&indices[0]);
                    self.host_only(expr.span, HostOnly::Allocation("a slice"));
                    let resolution = if *base_ty == Ty::Str {
                        IndexResolution::StrSlice
                    } else {
                        IndexResolution::ListSlice
                    };
                    (resolution, base_ty.clone())
                } else {
                    self.check_integer_index(&indices[0]);
                    let resolution = if *base_ty == Ty::Str {
                        IndexResolution::Str
                    } else {
                        IndexResolution::List
                    };
                    (resolution, element)
                }
            }
            Ty::Dict(key, value) if indices.len() == 1 && !has_slice => {
                self.check_value(&indices[0], key);
                (IndexResolution::Dict, (**value).clone())
            }
            Ty::Tuple(elements) if indices.len() == 1 => {
                match self.tuple_index(&indices[0], elements.len()) {
                    Some(position) => {
                        (IndexResolution::Tuple(position as u32), elements[position].clone())
                    }
                    None => return Ty::Error,
                }
            }
            Ty::Tensor(element) => {
                for index in indices {
                    if matches!(index.kind, ExprKind::Slice { .. }) {
                        self.check_slice(index);
                    } else {
                        self.check_integer_index(index);
                    }
                }
                if has_slice {
                    (IndexResolution::TensorSlice, base_ty.clone())
                } else {
                    (IndexResolution::Tensor, (**element).clone())
                }
            }
            Ty::Struct(strukt) if indices.len() == 1 => {
                return self.struct_index(expr, base, *strukt, &indices[0], assigned)
            }
            _ => {
                for index in indices {
                    self.infer_expr(index, None);
                }
                let message = if indices.len() > 1
                    && matches!(base_ty, Ty::List(_) | Ty::Str | Ty::Dict(..))
                {
                    format!("`{}` takes one index, not {}", base_ty.display(self.db), indices.len())
                } else if has_slice && matches!(base_ty, Ty::Dict(..)) {
                    "a `Dict` cannot be sliced".to_string()
                } else {
                    format!("a value of type `{}` cannot be indexed", base_ty.display(self.db))
                };
                let mut diagnostic = Diagnostic::error(
                    codes::NOT_INDEXABLE,
                    message,
                    Label::new(expr.span, "invalid index"),
                );
                let base_text = crate::pretty::expr_text(base);
                diagnostic = match base_ty {
                    Ty::Struct(strukt) => diagnostic
                        .with_hint(format!("define `__getitem__` on `{}`", strukt.name(self.db))),
                    Ty::List(_) | Ty::Str if indices.len() > 1 => diagnostic.with_hint(format!(
                        "index one level at a time: `{base_text}[i][j]`"
                    )),
                    Ty::Dict(..) if indices.len() > 1 => diagnostic
                        .with_hint(format!("use a tuple key: `{base_text}[(a, b)]`")),
                    Ty::Dict(..) => diagnostic.with_hint(format!(
                        "loop over the keys instead: `for key in {base_text}:`"
                    )),
                    Ty::Int(_) => diagnostic.with_hint(format!(
                        "to get a digit, index its text: `str({base_text})[0]`"
                    )),
                    _ => diagnostic.with_hint(format!(
                        "`{base_text}` is {}: only `List`, `Dict`, `str`, tuples, `Tensor` and PyObjects can be indexed",
                        crate::pretty::with_article(&base_ty.display(self.db).to_string())
                    )),
                };
                self.report(diagnostic);
                return Ty::Error;
            }
        };
        self.result.indexes.insert(expr.span, resolution);
        ty
    }

    fn struct_index(
        &mut self,
        expr: &Expr,
        base: &Expr,
        strukt: StructId,
        index: &Expr,
        assigned: bool,
    ) -> Ty {
        let method_name = if assigned { "__setitem__" } else { "__getitem__" };
        let data = struct_data(self.db, strukt);
        let Some(method) = data.method(method_name) else {
            self.infer_expr(index, None);
            self.report(
                Diagnostic::error(
                    codes::NOT_INDEXABLE,
                    format!("`{}` cannot be indexed: it has no `{method_name}`", data.name),
                    Label::new(expr.span, "invalid index"),
                )
                .with_hint(format!("define `{method_name}` on `{}`", data.name)),
            );
            return Ty::Error;
        };
        self.result.indexes.insert(expr.span, IndexResolution::Dunder(method));
        let signature = function_signature(self.db, method);
        if assigned && signature.receiver == Some(mlc_syntax::ast::ParamKind::MutSelf) {
            self.require_mutable_receiver(base, method_name);
        }
        let params = &signature.params;
        match (assigned, params.as_slice()) {
            _ if signature.params_broken => {
                self.infer_expr(index, None);
                if assigned {
                    Ty::Error
                } else {
                    signature.return_ty.clone()
                }
            }
            (false, [key]) => {
                self.check_value(index, &key.ty);
                signature.return_ty.clone()
            }
            (true, [key, element]) => {
                self.check_value(index, &key.ty);
                element.ty.clone()
            }
            _ => {
                self.infer_expr(index, None);
                self.report(Diagnostic::error(
                    codes::WRONG_ARGUMENT_COUNT,
                    format!("`{}.{method_name}` has the wrong number of parameters", data.name),
                    Label::new(expr.span, "used here"),
                ));
                Ty::Error
            }
        }
    }

    fn python_index(&mut self, index: &Expr) {
        if let ExprKind::Slice { start, stop, step } = &index.kind {
            for part in [start, stop, step].into_iter().flatten() {
                let ty = self.infer_value(part, None);
                self.coerce(part, &ty, &Ty::PyObject);
            }
            return;
        }
        let ty = self.infer_value(index, None);
        self.coerce(index, &ty, &Ty::PyObject);
    }

    fn check_slice(&mut self, slice: &Expr) {
        if let ExprKind::Slice { start, stop, step } = &slice.kind {
            for part in [start, stop, step].into_iter().flatten() {
                self.check_integer_index(part);
            }
        }
    }

    /// An index is any integer type (literals are `i64`).
    fn check_integer_index(&mut self, index: &Expr) {
        let ty = self.infer_value(index, Some(&Ty::I64));
        if !ty.is_int() && !ty.is_unknown() {
            let diagnostic = if ty == Ty::PyObject {
                self.mismatch(index, &ty, &Ty::I64)
            } else {
                Diagnostic::error(
                    codes::MISMATCHED_TYPES,
                    format!("indices are integers, found `{}`", ty.display(self.db)),
                    Label::new(index.span, "not an integer"),
                )
            };
            self.report(diagnostic);
        }
    }

    /// A literal tuple index (negative counts from the end), or E0218.
    fn tuple_index(&mut self, index: &Expr, length: usize) -> Option<usize> {
        let literal = match &index.kind {
            ExprKind::Int(value) => Some(*value as i128),
            ExprKind::Unary { op: UnaryOp::Neg, operand } => match operand.kind {
                ExprKind::Int(value) => Some(-(value as i128)),
                _ => None,
            },
            _ => None,
        };
        self.infer_expr(index, Some(&Ty::I64));
        let Some(literal) = literal else {
            self.report(
                Diagnostic::error(
                    codes::TUPLE_INDEX,
                    "a tuple is indexed with an integer literal",
                    Label::new(index.span, "not a literal"),
                )
                .with_note("each element may have its own type, so the position must be known"),
            );
            return None;
        };
        let position = if literal < 0 { length as i128 + literal } else { literal };
        if position < 0 || position >= length as i128 {
            self.report(
                Diagnostic::error(
                    codes::TUPLE_INDEX,
                    format!(
                        "index {literal} is out of range for a tuple of {length} element{}",
                        if length == 1 { "" } else { "s" }
                    ),
                    Label::new(index.span, "out of range"),
                )
                .with_hint(match length {
                    0 => "the tuple is empty: it has no elements to index".to_string(),
                    1 => "the only valid index is `0` (or `-1`)".to_string(),
                    _ => format!(
                        "valid indices are `0` to `{}` (or `-{length}` to `-1`)",
                        length - 1
                    ),
                }),
            );
            return None;
        }
        Some(position as usize)
    }
}
