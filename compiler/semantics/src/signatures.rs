//! Signatures of items: function and method signatures, struct fields, constant types.
//!
//! These are what other functions' inference reads about an item, so each is its own query,
//! computed from declarations only (a function's header, a struct's fields: see
//! `function_header` and `struct_body`), so that editing a body does not re-run them. A
//! method's signature is read from its whole tree: editing a method's body re-runs it, and
//! it backdates, so nothing that called the method re-runs (except once, on the first edit
//! of its chunk: see `db.rs` on durability). Spans inside are chunk-relative.

use std::sync::Arc;

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{self, ParamKind};

use crate::db::Db;
use crate::infer::constant::check_constant;
use crate::item_tree::{
    const_body, function_body, function_header, struct_body, ConstId, FunctionId, StructId,
};
use crate::lower_type::{GenericParam, TypeScope};
use crate::scope::module_scope;
use crate::stdlib::stdlib_module_name;
use crate::suggest;
use crate::ty::{Bound, Ty};

/// How a function may run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct FunctionFlags {
    /// `@kernel`: compiled for the GPU, launched with `f[grid, block](args)`.
    pub kernel: bool,
    /// `@inline`.
    pub inline: bool,
    /// `@device` (standard library only): callable only inside kernels.
    pub device_only: bool,
    /// `@host` (standard library only): callable only outside kernels.
    pub host_only: bool,
    /// `extern fn`: the body is built into the compiler.
    pub is_extern: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParamSignature {
    pub name: String,
    pub ty: Ty,
    /// A constant expression (chunk-relative spans); IR lowering evaluates it at call sites.
    pub default: Option<ast::Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionSignature {
    pub name: String,
    pub owner: Option<StructId>,
    pub generics: Vec<GenericParam>,
    /// `self` or `mut self` for methods that take a receiver.
    pub receiver: Option<ParamKind>,
    /// The parameters after the receiver.
    pub params: Vec<ParamSignature>,
    /// The parameter list failed to parse (reported): `params` are those that parsed, and
    /// calls are not checked for how their arguments pair with parameters.
    pub params_broken: bool,
    /// `Ty::None` when no return type is written.
    pub return_ty: Ty,
    pub return_span: Option<Span>,
    pub flags: FunctionFlags,
    pub name_span: Span,
    /// Problems of the declaration itself (chunk-relative); reported once by `check_file`.
    pub diagnostics: Vec<Diagnostic>,
}

impl FunctionSignature {
    fn missing(name: String) -> FunctionSignature {
        FunctionSignature {
            name,
            owner: None,
            generics: Vec::new(),
            receiver: None,
            params: Vec::new(),
            params_broken: false,
            return_ty: Ty::Error,
            return_span: None,
            flags: FunctionFlags::default(),
            name_span: Span::default(),
            diagnostics: Vec::new(),
        }
    }

    pub fn is_generic(&self) -> bool {
        !self.generics.is_empty()
    }
}

/// Decorators user code may write.
const USER_DECORATORS: &[&str] = &["kernel", "inline"];
/// Decorators only the standard library may write.
const STDLIB_DECORATORS: &[&str] = &["device", "host"];

/// The signature of a function or method.
///
/// Equality: backdates unless the declaration changed (a body edit leaves it equal), which is
/// what keeps callers from re-inferring.
#[salsa::tracked(returns(clone))]
pub fn function_signature(db: &dyn Db, function: FunctionId) -> Arc<FunctionSignature> {
    let Some(ast) = function_header(db, function) else {
        return Arc::new(FunctionSignature::missing(function.name(db).clone()));
    };
    let file = function.file(db);
    let in_stdlib = stdlib_module_name(db, file).is_some();
    let scope = module_scope(db, file);
    let mut diagnostics = Vec::new();

    let mut flags = FunctionFlags { is_extern: ast.is_extern, ..FunctionFlags::default() };
    for decorator in &ast.decorators {
        let name = decorator.name.text.as_str();
        match name {
            "kernel" => flags.kernel = true,
            "inline" => flags.inline = true,
            "device" if in_stdlib => flags.device_only = true,
            "host" if in_stdlib => flags.host_only = true,
            _ => diagnostics.push(unknown_decorator(name, decorator.span)),
        }
    }
    if flags.kernel && function.owner(db).is_some() {
        diagnostics.push(
            Diagnostic::error(
                codes::INVALID_DECORATOR,
                "a method cannot be a `@kernel`",
                Label::new(
                    ast.decorators
                        .iter()
                        .find(|d| d.name.text == "kernel")
                        .map_or(ast.name.span, |d| d.span),
                    "here",
                ),
            )
            .with_hint("make the kernel a top-level function that takes the struct's fields"),
        );
        flags.kernel = false;
    }
    if ast.is_extern && !in_stdlib {
        diagnostics.push(extern_outside_stdlib(ast.span, ast.name.span));
    }

    let generics = lower_generics(&ast.generics, &mut diagnostics);
    let types = TypeScope { db, module: &scope, generics: &generics };

    let mut receiver = None;
    let mut params: Vec<ParamSignature> = Vec::new();
    // Where each parameter's type is written (its name when it has none), for diagnostics.
    let mut type_spans: Vec<Span> = Vec::new();
    for (index, param) in ast.params.iter().enumerate() {
        if param.kind != ParamKind::Regular {
            if index == 0 && function.owner(db).is_some() {
                receiver = Some(param.kind);
            } else {
                diagnostics.push(Diagnostic::error(
                    codes::INVALID_PARAMETER,
                    "`self` is only valid as the first parameter of a method",
                    Label::new(param.span, "not allowed here"),
                ));
            }
            continue;
        }
        if let Some(previous) = params.iter().find(|previous| previous.name == param.name.text) {
            diagnostics.push(duplicate("parameter", &param.name, previous.span));
        }
        let ty = match &param.ty {
            Some(ty) => types.lower(ty, &mut diagnostics),
            None => Ty::Error,
        };
        if let Some(default) = &param.default {
            check_constant(
                db,
                file,
                &scope,
                &generics,
                default,
                &ty,
                codes::DEFAULT_NOT_CONSTANT,
                &mut diagnostics,
            );
        }
        type_spans.push(param.ty.as_ref().map_or(param.name.span, |ty| ty.span));
        params.push(ParamSignature {
            name: param.name.text.clone(),
            ty,
            default: param.default.clone(),
            span: param.name.span,
        });
    }

    let (return_ty, return_span) = match &ast.return_type {
        Some(ty) => (types.lower(ty, &mut diagnostics), Some(ty.span)),
        None => (Ty::None, None),
    };

    if flags.kernel {
        check_kernel_signature(
            db,
            &params,
            &type_spans,
            &generics,
            return_span,
            &return_ty,
            &mut diagnostics,
        );
    }

    Arc::new(FunctionSignature {
        name: ast.name.text.clone(),
        owner: function.owner(db),
        generics,
        receiver,
        params,
        params_broken: ast.params_broken,
        return_ty,
        return_span,
        flags,
        name_span: ast.name.span,
        diagnostics,
    })
}

pub fn unknown_decorator(name: &str, span: Span) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(
        codes::INVALID_DECORATOR,
        format!("unknown decorator `@{name}`"),
        Label::new(span, "not a decorator of the language"),
    );
    if STDLIB_DECORATORS.contains(&name) {
        diagnostic = diagnostic
            .with_note(format!("`@{name}` is reserved for the standard library"))
            .with_hint(format!("remove `@{name}`; user code can use `@kernel` and `@inline`"));
    } else if let Some(suggestion) = suggest::closest(name, USER_DECORATORS.iter().copied()) {
        diagnostic = diagnostic.with_hint(format!("did you mean `@{suggestion}`?"));
    } else {
        diagnostic = diagnostic
            .with_note("the decorators are `@kernel` and `@inline`")
            .with_hint(format!("remove `@{name}`, or use `@kernel` or `@inline`"));
    }
    diagnostic
}

pub fn extern_outside_stdlib(span: Span, name_span: Span) -> Diagnostic {
    Diagnostic::error(
        codes::EXTERN_OUTSIDE_STDLIB,
        "`extern` declarations are only allowed in the standard library",
        Label::new(Span::new(span.start, name_span.end), "`extern` here"),
    )
    .with_hint("give the function a body, or import the standard library's declaration")
}

pub fn duplicate(what: &str, name: &ast::Name, first: Span) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_DEFINITION,
        format!("the {what} `{}` is defined more than once", name.text),
        Label::new(name.span, "defined again here"),
    )
    .with_secondary(first, "first defined here")
    .with_hint(format!(
        "rename one of the two `{}`s, or remove this {what} if it repeats the first",
        name.text
    ))
}

fn lower_generics(
    params: &[ast::GenericParam],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<GenericParam> {
    let mut lowered: Vec<GenericParam> = Vec::new();
    for (index, param) in params.iter().enumerate() {
        if let Some(first) =
            params[..index].iter().find(|previous| previous.name.text == param.name.text)
        {
            diagnostics.push(duplicate("generic parameter", &param.name, first.name.span));
        }
        let mut bounds = Vec::new();
        if param.bounds_broken {
            // Reported as a syntax error: any bound the body needs is taken to be there.
            bounds.push(Bound::Unknown);
        }
        for bound in &param.bounds {
            match Bound::from_name(&bound.text) {
                Some(known) => bounds.push(known),
                None => {
                    let mut diagnostic = Diagnostic::error(
                        codes::UNKNOWN_BOUND,
                        format!("unknown bound `{}`", bound.text),
                        Label::new(bound.span, "not a bound"),
                    );
                    let suggestion = bound_synonym(&bound.text).or_else(|| {
                        suggest::closest(&bound.text, Bound::ALL.iter().map(|b| b.name()))
                    });
                    diagnostic = match suggestion {
                        Some(suggestion) => diagnostic.with_hint(format!("did you mean `{suggestion}`?")),
                        None => diagnostic.with_note("the bounds are `Numeric`, `Integer`, `Float`, `Comparable` and `Printable`"),
                    };
                    diagnostics.push(diagnostic);
                    bounds.push(Bound::Unknown);
                }
            }
        }
        lowered.push(GenericParam { name: param.name.text.clone(), bounds });
    }
    lowered
}

/// The bound meant by a name other languages use for it.
fn bound_synonym(name: &str) -> Option<&'static str> {
    Some(match name {
        "Ord" | "Ordered" | "PartialOrd" | "Sortable" | "Orderable" => "Comparable",
        "Number" | "Num" | "Real" | "Arithmetic" => "Numeric",
        "Int" | "Integral" => "Integer",
        "Floating" | "FloatingPoint" => "Float",
        "Display" | "Show" | "Str" | "Debug" => "Printable",
        _ => return None,
    })
}

fn check_kernel_signature(
    db: &dyn Db,
    params: &[ParamSignature],
    type_spans: &[Span],
    generics: &[GenericParam],
    return_span: Option<Span>,
    return_ty: &Ty,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (param, type_span) in params.iter().zip(type_spans) {
        if !valid_kernel_value(&param.ty, generics) {
            let mut diagnostic = Diagnostic::error(
                codes::INVALID_KERNEL_PARAMETER,
                format!(
                    "the `@kernel` parameter `{}` cannot have type `{}`",
                    param.name,
                    param.ty.display(db)
                ),
                Label::new(*type_span, "not a number, bool or tensor of numbers"),
            )
            .with_note("kernel parameters are numbers, bool, or `Tensor[T]` of numbers");
            diagnostic = match &param.ty {
                Ty::List(element) if element.is_numeric() => diagnostic.with_hint(format!(
                    "pass a tensor instead: `{}: Tensor[{}]` (make one on the host, e.g. with `zeros`)",
                    param.name,
                    element.display(db)
                )),
                _ => diagnostic,
            };
            diagnostics.push(diagnostic);
        }
    }
    if let Some(span) = return_span {
        if *return_ty != Ty::None {
            diagnostics.push(
                Diagnostic::error(
                    codes::KERNEL_RETURNS_VALUE,
                    "a `@kernel` cannot return a value",
                    Label::new(span, "return type"),
                )
                .with_hint("write results into a `Tensor` parameter and remove the return type"),
            );
        }
    }
}

/// Scalars and tensors of numbers: what may cross between host and kernel.
pub fn valid_kernel_value(ty: &Ty, generics: &[GenericParam]) -> bool {
    match ty {
        Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Error => true,
        Ty::Param(param) => generics
            .get(param.index as usize)
            .is_some_and(|generic| crate::ty::bounds_imply(&generic.bounds, Bound::Numeric)),
        Ty::Tensor(element) => {
            element.is_numeric() || matches!(**element, Ty::Bool | Ty::Error | Ty::Param(_))
        }
        _ => false,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldData {
    pub name: String,
    pub ty: Ty,
    pub default: Option<ast::Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructData {
    pub name: String,
    pub fields: Vec<FieldData>,
    /// A line of the body failed to parse (reported): constructor calls are not checked for
    /// how their arguments pair with `fields`.
    pub fields_broken: bool,
    /// Methods by name; the first of duplicates.
    pub methods: Vec<(String, FunctionId)>,
    pub name_span: Span,
    pub diagnostics: Vec<Diagnostic>,
}

impl StructData {
    pub fn field(&self, name: &str) -> Option<(usize, &FieldData)> {
        self.fields.iter().enumerate().find(|(_, field)| field.name == name)
    }

    pub fn method(&self, name: &str) -> Option<FunctionId> {
        self.methods.iter().find(|(method, _)| method == name).map(|(_, id)| *id)
    }
}

/// The fields and methods of a struct.
///
/// Equality: re-runs when the struct's chunk or the item tree changes; backdates unless a
/// field or the set of methods changed (method bodies are not part of it).
#[salsa::tracked(returns(clone))]
pub fn struct_data(db: &dyn Db, strukt: StructId) -> Arc<StructData> {
    let file = strukt.file(db);
    let Some((ast, method_ids)) = struct_body(db, strukt) else {
        return Arc::new(StructData {
            name: strukt.name(db).clone(),
            fields: Vec::new(),
            fields_broken: false,
            methods: Vec::new(),
            name_span: Span::default(),
            diagnostics: Vec::new(),
        });
    };
    let scope = module_scope(db, file);
    let mut diagnostics = Vec::new();
    if let Some(first) = ast.generics.first() {
        let span = first.span.cover(ast.generics.last().map_or(first.span, |last| last.span));
        diagnostics.push(
            Diagnostic::error(codes::GENERIC_STRUCT, "generic structs are not supported", Label::new(span, "type parameters"))
                .with_hint("write the struct for the concrete types it holds, or use generic functions over it"),
        );
    }
    // Generic structs are rejected above; their parameters stay in scope so that fields
    // mentioning them are not reported again, and are erased to the error type (which
    // every use accepts) so that constructing and using the struct reports nothing more.
    let generics = lower_generics(&ast.generics, &mut Vec::new());
    let types = TypeScope { db, module: &scope, generics: &generics };
    let mut fields: Vec<FieldData> = Vec::new();
    for field in &ast.fields {
        let ty = types.lower(&field.ty, &mut diagnostics).substitute(&[]);
        if let Some(previous) = fields.iter().find(|previous| previous.name == field.name.text) {
            // The first declaration is the field; constructors do not expect the duplicate.
            diagnostics.push(duplicate("field", &field.name, previous.span));
            continue;
        }
        if let Some(default) = &field.default {
            check_constant(
                db,
                file,
                &scope,
                &[],
                default,
                &ty,
                codes::DEFAULT_NOT_CONSTANT,
                &mut diagnostics,
            );
        }
        fields.push(FieldData {
            name: field.name.text.clone(),
            ty,
            default: field.default.clone(),
            span: field.name.span,
        });
    }
    let mut methods: Vec<(String, FunctionId)> = Vec::new();
    for id in method_ids {
        let name = id.name(db).clone();
        if id.ordinal(db) == 0 {
            if let Some(field) = fields.iter().find(|field| field.name == name) {
                if let Some(method_ast) = function_body(db, id) {
                    diagnostics.push(duplicate("field or method", &method_ast.name, field.span));
                }
            }
            methods.push((name, id));
        }
    }
    Arc::new(StructData {
        name: ast.name.text.clone(),
        fields,
        fields_broken: ast.fields_broken,
        methods,
        name_span: ast.name.span,
        diagnostics,
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstData {
    pub ty: Ty,
    /// Chunk-relative.
    pub diagnostics: Vec<Diagnostic>,
}

/// The type of a constant (and the problems of its declaration).
///
/// Equality: backdates unless the type or the diagnostics changed. A constant defined
/// through itself is a cycle, which resolves to the error type.
#[salsa::tracked(returns(clone), cycle_result = const_cycle)]
pub fn const_data(db: &dyn Db, konst: ConstId) -> Arc<ConstData> {
    let Some(ast) = const_body(db, konst) else {
        return Arc::new(ConstData { ty: Ty::Error, diagnostics: Vec::new() });
    };
    let file = konst.file(db);
    let in_stdlib = stdlib_module_name(db, file).is_some();
    let scope = module_scope(db, file);
    let mut diagnostics = Vec::new();
    if ast.is_extern && !in_stdlib {
        diagnostics.push(extern_outside_stdlib(ast.span, ast.name.span));
    }
    let types = TypeScope { db, module: &scope, generics: &[] };
    let declared = ast.ty.as_ref().map(|ty| types.lower(ty, &mut diagnostics));
    let ty = match (&ast.value, declared) {
        (Some(value), declared) => {
            let expected = declared.clone().unwrap_or(Ty::Error);
            let inferred = check_constant(
                db,
                file,
                &scope,
                &[],
                value,
                &expected,
                codes::CONST_NOT_CONSTANT,
                &mut diagnostics,
            );
            declared.unwrap_or(inferred)
        }
        (None, Some(declared)) => declared,
        (None, None) => Ty::Error,
    };
    Arc::new(ConstData { ty, diagnostics })
}

fn const_cycle(_db: &dyn Db, _id: salsa::Id, _konst: ConstId) -> Arc<ConstData> {
    Arc::new(ConstData { ty: Ty::Error, diagnostics: Vec::new() })
}
