//! Type inference of one function body: the [`infer_function`] query and its result.
//!
//! Checking is bidirectional: [`InferenceContext::check_value`] pushes an expected type
//! down (literals, empty containers and generic calls use it), [`InferenceContext::infer_expr`]
//! synthesizes one. Everything found is recorded by span in an [`InferenceResult`], which
//! IR lowering reads: the type of every expression, what each name, call, attribute, index
//! and operator resolved to, and each generic instantiation. Errors become diagnostics and
//! the erroneous expression gets [`Ty::Error`], which silences follow-up errors.
//!
//! The rules are split by topic: `expr` (literals, names, containers, f-strings), `coerce`
//! (expected types, implicit conversion into Python, cast hints), `call` (callees and
//! launches), `builtin_call` (built-in functions, casts, iteration), `operators` and
//! `compare`, `place` (attributes, indexing), `assign` (assignment targets, mutability), `stmt`
//! (statements, control flow, returns), `pattern` (`let`/`for` bindings), `kernel` (the
//! `@kernel` rules), `format_spec` (f-string specs), `constant` (constants and defaults) and
//! `arguments` (binding arguments to parameters, generic instantiation).

pub mod arguments;
pub mod assign;
pub mod builtin_call;
pub mod call;
pub mod coerce;
pub mod compare;
pub mod constant;
pub mod expr;
pub mod format_spec;
pub mod kernel;
pub mod operators;
pub mod pattern;
pub mod place;
pub mod stmt;

use std::sync::Arc;

use mlc_diagnostics::{Diagnostic, Span};
use mlc_syntax::ast::{self, ParamKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::builtins::BuiltinFunction;
use crate::db::{Db, SourceFile};
use crate::item_tree::{function_body, ConstId, FunctionId, StructId};
use crate::lower_type::GenericParam;
use crate::scope::{module_scope, ModuleScope};
use crate::signatures::function_signature;
use crate::stdlib::stdlib_module_name;
use crate::ty::Ty;

/// A local binding: a parameter, `let`/`var`, a `for` variable or an `except` name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BindingId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BindingKind {
    Let,
    Var,
    Param,
    /// `self` of a method that may not change it.
    SelfValue,
    /// `self` of a `mut self` method.
    MutSelf,
    For,
    Except,
}

impl BindingKind {
    pub fn is_mutable(self) -> bool {
        matches!(self, BindingKind::Var | BindingKind::MutSelf)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Binding {
    pub name: String,
    pub ty: Ty,
    pub kind: BindingKind,
    /// Where the name is bound (chunk-relative).
    pub span: Span,
}

/// What a name expression refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NameResolution {
    Local(BindingId),
    Function(FunctionId),
    Struct(StructId),
    Const(ConstId),
    /// A standard library module (`math`).
    Module(String),
    /// A Python module: a PyObject.
    Python(String),
    Builtin(BuiltinFunction),
    /// A type name in callee position: `f64(n)`, `List[i64]()`.
    Type(Ty),
}

/// Where the value for one parameter of a call comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ArgumentSource {
    /// The call's argument at this position in `args`.
    Argument(usize),
    /// The parameter's default value.
    Default,
    /// All these arguments (the `*args` of `print`).
    Variadic(Vec<usize>),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CallTarget {
    Function {
        function: FunctionId,
        type_args: Vec<Ty>,
    },
    /// A struct method; the receiver is the callee's `base` (`v` in `v.dot(w)`).
    Method {
        function: FunctionId,
        type_args: Vec<Ty>,
    },
    Builtin(BuiltinFunction),
    /// A method of `List`, `Dict`, `str` or `Tensor`; the receiver is the callee's `base`.
    BuiltinMethod {
        receiver: Ty,
        method: &'static str,
    },
    StructConstructor(StructId),
    /// `f64(n)`, `str(x)`, `Tensor[f32](o)`, `List[i64](o)`.
    Cast {
        from: Ty,
        to: Ty,
    },
    /// `List[T]()`.
    ListConstructor(Ty),
    /// `Dict[K, V]()`.
    DictConstructor(Ty, Ty),
    /// `k[grid, block](args)`; grid and block are the callee's indices.
    KernelLaunch {
        kernel: FunctionId,
        type_args: Vec<Ty>,
    },
    /// A call of a PyObject (positional and keyword arguments as written).
    Python,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CallResolution {
    pub target: CallTarget,
    /// For targets with parameters: one entry per parameter, in parameter order (after the
    /// receiver). Empty for Python calls and casts.
    pub arguments: Vec<ArgumentSource>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AttributeResolution {
    Field {
        owner: StructId,
        index: u32,
    },
    /// `math.pi`, `math.sqrt`.
    ModuleItem(NameResolution),
    /// `t.shape`, `t.ndim`, `e.message`.
    Property(&'static str),
    /// A method of a struct or built-in type (only as a callee).
    Method,
    Python,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IndexResolution {
    List,
    ListSlice,
    Str,
    StrSlice,
    Dict,
    /// `p[0]`: the element at this position (negative literals already normalized).
    Tuple(u32),
    /// Element access with as many indices as written.
    Tensor,
    /// Indices with at least one slice: a view.
    TensorSlice,
    Python,
    /// `__getitem__` (read) or `__setitem__` (assignment).
    Dunder(FunctionId),
    /// `List[f64]`, `zeros[f32]`: type arguments (resolved in the enclosing call).
    TypeArguments,
    /// `k[grid, block]`: a launch configuration (see the enclosing call).
    LaunchConfiguration,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OperatorResolution {
    /// A native operation; `operand` is the type both sides have (after literals took it).
    Native { operand: Ty },
    /// Elementwise (or `@`) on tensors; a scalar side is broadcast.
    Tensor { element: Ty },
    /// A struct's operator method; `flipped`: called on the right operand (`a > b` is
    /// `b.__lt__(a)`); `negated`: the result is negated (`!=` through `__eq__`).
    Dunder { method: FunctionId, flipped: bool, negated: bool },
    /// `x in c`: membership in a `str`, `List` or `Dict`.
    Contains { container: Ty },
    /// A Python operation (one side is a PyObject).
    Python,
}

/// An implicit conversion applied to an expression's value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Coercion {
    /// A native value flows into Python.
    ToPython,
}

/// Everything inference found in one function body. Spans are chunk-relative.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct InferenceResult {
    pub expr_types: FxHashMap<Span, Ty>,
    pub names: FxHashMap<Span, NameResolution>,
    pub calls: FxHashMap<Span, CallResolution>,
    pub attributes: FxHashMap<Span, AttributeResolution>,
    pub indexes: FxHashMap<Span, IndexResolution>,
    /// Keyed by the operator expression's span; for comparison chains, by the span of each
    /// link's right operand.
    pub operators: FxHashMap<Span, OperatorResolution>,
    pub coercions: FxHashMap<Span, Coercion>,
    pub bindings: Vec<Binding>,
    /// The binding each bound name (parameter, pattern, `except` name) introduces, by span.
    pub binding_sites: FxHashMap<Span, BindingId>,
    /// Each generic function used, with its type arguments, in order of first use.
    pub instantiations: Vec<(FunctionId, Vec<Ty>)>,
    /// User functions called (not launched), for the GPU-compatibility check of kernels.
    pub called_functions: Vec<FunctionId>,
    /// Why this body cannot run on a GPU (the first reason found), if it cannot.
    pub host_only_use: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl InferenceResult {
    pub fn type_of(&self, span: Span) -> Option<&Ty> {
        self.expr_types.get(&span)
    }

    pub fn binding(&self, id: BindingId) -> &Binding {
        &self.bindings[id.0 as usize]
    }
}

/// Type inference of one function or method body.
///
/// Depends on: its own AST (`function_body`), its signature, the module scope, and the
/// signatures / struct data / constant types of what it uses. Equality: backdates when the
/// result is equal, though its dependents are only `check_file` and IR lowering.
#[salsa::tracked(returns(clone))]
pub fn infer_function(db: &dyn Db, function: FunctionId) -> Arc<InferenceResult> {
    let Some(ast) = function_body(db, function) else {
        return Arc::new(InferenceResult::default());
    };
    let signature = function_signature(db, function);
    let file = function.file(db);
    let scope = module_scope(db, file);
    let mut context = InferenceContext::new(
        db,
        file,
        scope,
        signature.generics.clone(),
        signature.return_ty.clone(),
    );
    context.in_kernel = signature.flags.kernel;
    context.owner = function.owner(db);
    context.function_name = Some(signature.name.clone());
    context.return_span = signature.return_span;
    context.bind_parameters(&ast, &signature.params);
    if let Some(body) = &ast.body {
        context.check_function_body(&ast, body);
    }
    Arc::new(context.finish())
}

/// Why a function cannot be called from a `@kernel`, looking through the functions it calls.
///
/// Equality: a short reason or `None`, so a kernel re-checks only when a helper it calls
/// starts or stops being GPU-compatible.
#[salsa::tracked(returns(clone))]
pub fn device_compatibility(db: &dyn Db, function: FunctionId) -> Option<String> {
    let mut seen = FxHashSet::default();
    let mut pending = vec![function];
    while let Some(next) = pending.pop() {
        if !seen.insert(next) {
            continue;
        }
        let result = infer_function(db, next);
        if let Some(reason) = &result.host_only_use {
            return Some(if next == function {
                reason.clone()
            } else {
                format!("calls `{}`, which {reason}", next.display_name(db))
            });
        }
        pending.extend(result.called_functions.iter().copied());
    }
    None
}

/// The state of checking one body.
pub struct InferenceContext<'db> {
    pub db: &'db dyn Db,
    pub file: SourceFile,
    pub scope: Arc<ModuleScope>,
    pub generics: Vec<GenericParam>,
    pub return_ty: Ty,
    pub return_span: Option<Span>,
    pub function_name: Option<String>,
    pub owner: Option<StructId>,
    pub in_kernel: bool,
    pub in_stdlib: bool,
    /// Visible locals, innermost last; `scope_starts` marks where each block's begin.
    locals: Vec<(String, BindingId)>,
    scope_starts: Vec<usize>,
    pub loop_depth: u32,
    pub except_depth: u32,
    /// While checking the value of `let NAME = ...` / `var NAME = ...` without a type: the
    /// value's span and `let NAME` / `var NAME` as written, for hints.
    pub empty_literal_binding: Option<(Span, String)>,
    /// A statement of the body failed to parse (its error is the one diagnostic about it).
    pub body_has_syntax_error: bool,
    pub result: InferenceResult,
    /// The span of the last `@kernel` rule violation reported (see `host_only`).
    last_kernel_violation: Option<Span>,
    instantiations_seen: FxHashSet<(FunctionId, Vec<Ty>)>,
}

impl<'db> InferenceContext<'db> {
    pub fn new(
        db: &'db dyn Db,
        file: SourceFile,
        scope: Arc<ModuleScope>,
        generics: Vec<GenericParam>,
        return_ty: Ty,
    ) -> InferenceContext<'db> {
        InferenceContext {
            db,
            file,
            scope,
            generics,
            return_ty,
            return_span: None,
            function_name: None,
            owner: None,
            in_kernel: false,
            in_stdlib: stdlib_module_name(db, file).is_some(),
            locals: Vec::new(),
            scope_starts: Vec::new(),
            loop_depth: 0,
            except_depth: 0,
            body_has_syntax_error: false,
            empty_literal_binding: None,
            result: InferenceResult::default(),
            last_kernel_violation: None,
            instantiations_seen: FxHashSet::default(),
        }
    }

    pub fn finish(self) -> InferenceResult {
        self.result
    }

    fn bind_parameters(
        &mut self,
        ast: &ast::Function,
        params: &[crate::signatures::ParamSignature],
    ) {
        let mut regular = params.iter();
        for param in &ast.params {
            match param.kind {
                ParamKind::SelfValue | ParamKind::MutSelf => {
                    let ty = self.owner.map_or(Ty::Error, Ty::Struct);
                    let kind = if param.kind == ParamKind::MutSelf {
                        BindingKind::MutSelf
                    } else {
                        BindingKind::SelfValue
                    };
                    self.declare(&param.name, ty, kind);
                }
                ParamKind::Regular => {
                    let ty = regular.next().map_or(Ty::Error, |signature| signature.ty.clone());
                    self.declare(&param.name, ty, BindingKind::Param);
                }
            }
        }
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.result.diagnostics.push(diagnostic);
    }

    pub fn record_type(&mut self, span: Span, ty: &Ty) {
        self.result.expr_types.insert(span, ty.clone());
    }

    pub fn record_instantiation(&mut self, function: FunctionId, type_args: &[Ty]) {
        if type_args.is_empty()
            || type_args.iter().any(|ty| ty.contains_error() || ty.contains_param())
        {
            return;
        }
        let key = (function, type_args.to_vec());
        if self.instantiations_seen.insert(key.clone()) {
            self.result.instantiations.push(key);
        }
    }

    // ---- local scopes ------------------------------------------------------------------

    pub fn push_scope(&mut self) {
        self.scope_starts.push(self.locals.len());
    }

    pub fn pop_scope(&mut self) {
        let start = self.scope_starts.pop().unwrap_or(0);
        self.locals.truncate(start);
    }

    /// Declares a local (shadowing any earlier one of the same name).
    pub fn declare(&mut self, name: &ast::Name, ty: Ty, kind: BindingKind) -> BindingId {
        let id = BindingId(self.result.bindings.len() as u32);
        self.result.bindings.push(Binding { name: name.text.clone(), ty, kind, span: name.span });
        self.result.binding_sites.insert(name.span, id);
        self.locals.push((name.text.clone(), id));
        id
    }

    pub fn lookup_local(&self, name: &str) -> Option<BindingId> {
        self.locals.iter().rev().find(|(local, _)| local == name).map(|(_, id)| *id)
    }

    pub fn local_names(&self) -> impl Iterator<Item = &str> {
        self.locals.iter().map(|(name, _)| name.as_str())
    }

    /// The bounds of a generic parameter of the function being checked.
    pub fn param_bounds(&self, index: u32) -> &[crate::ty::Bound] {
        self.generics.get(index as usize).map_or(&[], |param| param.bounds.as_slice())
    }
}
