//! Calls: what the callee is (function, method, struct, type, kernel launch, Python object,
//! built-in), binding arguments to parameters (positional, keyword, defaults: E0202-E0205),
//! and generic instantiation (type arguments given or inferred from arguments and the
//! expected type; bounds checked: E0209).

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{Arg, Expr, ExprKind, Name};

use super::expr::is_numeric_literal;
use super::kernel::HostOnly;
use super::{
    ArgumentSource, AttributeResolution, CallResolution, CallTarget, IndexResolution,
    InferenceContext, NameResolution,
};
use crate::builtins::{builtin_method, method_names, BuiltinFunction};
use crate::item_tree::{FunctionId, StructId};
use crate::lower_type::{expr_as_type, scalar_type, GenericParam, TypeScope};
use crate::scope::{module_scope, ScopeEntry};
use crate::signatures::{function_signature, struct_data, FunctionSignature};
use crate::suggest;
use crate::ty::{Bound, Ty};

/// A parameter as argument binding sees it.
#[derive(Clone, Debug)]
pub struct ParamSpec {
    pub name: String,
    pub ty: Ty,
    pub has_default: bool,
}

/// What a callee path (`f`, `math.sqrt`, `Vec3`) names, before any call.
enum PathTarget {
    Function(FunctionId),
    Struct(StructId),
}

impl InferenceContext<'_> {
    pub fn infer_call(
        &mut self,
        expr: &Expr,
        callee: &Expr,
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        match &callee.kind {
            ExprKind::Name(name) if self.lookup_local(&name.text).is_none() => {
                self.call_name(expr, callee, name, args, expected)
            }
            ExprKind::Attribute { base, name } => {
                self.call_attribute(expr, callee, base, name, args, expected)
            }
            ExprKind::Index { base, indices } => {
                self.call_indexed(expr, callee, base, indices, args, expected)
            }
            _ => self.call_value(expr, callee, args),
        }
    }

    /// Infers arguments of a call that could not be resolved, for their own diagnostics.
    pub fn infer_arguments_for_recovery(&mut self, args: &[Arg]) -> Ty {
        for arg in args {
            self.infer_expr(&arg.value, None);
        }
        Ty::Error
    }

    fn call_name(
        &mut self,
        expr: &Expr,
        callee: &Expr,
        name: &Name,
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        match self.scope.get(&name.text).cloned() {
            Some(ScopeEntry::Function(function)) => {
                self.result
                    .names
                    .insert(callee.span, NameResolution::Function(function));
                self.call_function(expr, callee.span, function, None, args, expected, false)
            }
            Some(ScopeEntry::Struct(strukt)) => {
                self.result
                    .names
                    .insert(callee.span, NameResolution::Struct(strukt));
                self.construct(expr, strukt, args)
            }
            Some(ScopeEntry::Python(_)) => {
                let ty = self.infer_expr(callee, None);
                if ty.is_error() {
                    return self.infer_arguments_for_recovery(args);
                }
                self.python_call(expr, args)
            }
            Some(ScopeEntry::Unresolved) => self.infer_arguments_for_recovery(args),
            Some(ScopeEntry::Module { name: module, .. }) => {
                self.result
                    .names
                    .insert(callee.span, NameResolution::Module(module.clone()));
                self.report(
                    Diagnostic::error(
                        codes::NOT_CALLABLE,
                        format!("the module `{module}` is not callable"),
                        Label::new(callee.span, "a module"),
                    )
                    .with_hint(format!("call one of its functions: `{module}.name(...)`")),
                );
                self.infer_arguments_for_recovery(args)
            }
            Some(ScopeEntry::Const(_)) => self.call_value(expr, callee, args),
            None => {
                if let Some(builtin) = BuiltinFunction::from_name(&name.text) {
                    self.result
                        .names
                        .insert(callee.span, NameResolution::Builtin(builtin));
                    return self.builtin_call(expr, builtin, args, expected);
                }
                if let Some(target) = scalar_type(&name.text) {
                    if target == Ty::Exception {
                        self.result
                            .names
                            .insert(callee.span, NameResolution::Builtin(BuiltinFunction::Error));
                        return self.builtin_call(expr, BuiltinFunction::Error, args, expected);
                    }
                    self.result
                        .names
                        .insert(callee.span, NameResolution::Type(target.clone()));
                    return self.cast_call(expr, target, args);
                }
                if matches!(name.text.as_str(), "List" | "Dict" | "Tensor") {
                    let example = if name.text == "Dict" {
                        "Dict[str, i64]()".to_string()
                    } else {
                        format!("{}[f64]()", name.text)
                    };
                    self.report(
                        Diagnostic::error(
                            codes::WRONG_TYPE_ARGUMENT_COUNT,
                            format!("`{}` needs type arguments", name.text),
                            Label::new(callee.span, "missing type arguments"),
                        )
                        .with_hint(format!("write the element types: `{example}`")),
                    );
                    return self.infer_arguments_for_recovery(args);
                }
                self.unknown_name(name);
                self.infer_arguments_for_recovery(args)
            }
        }
    }

    /// A call of any other expression: only PyObjects are callable.
    fn call_value(&mut self, expr: &Expr, callee: &Expr, args: &[Arg]) -> Ty {
        let ty = self.infer_value(callee, None);
        match ty {
            Ty::PyObject => self.python_call(expr, args),
            _ if ty.is_unknown() => self.infer_arguments_for_recovery(args),
            _ => {
                self.report(Diagnostic::error(
                    codes::NOT_CALLABLE,
                    format!("a value of type `{}` is not callable", ty.display(self.db)),
                    Label::new(callee.span, "not a function"),
                ));
                self.infer_arguments_for_recovery(args)
            }
        }
    }

    /// A call of a PyObject: arguments convert to Python, the result is a PyObject.
    pub fn python_call(&mut self, expr: &Expr, args: &[Arg]) -> Ty {
        for arg in args {
            let ty = self.infer_value(&arg.value, None);
            self.coerce(&arg.value, &ty, &Ty::PyObject);
        }
        self.host_only(expr.span, HostOnly::Python);
        self.result.calls.insert(
            expr.span,
            CallResolution {
                target: CallTarget::Python,
                arguments: Vec::new(),
            },
        );
        Ty::PyObject
    }

    // ---- paths -------------------------------------------------------------------------------

    /// `f`, `Vec3`, `math.sqrt`, `gpu.Dim3` as items (recording their resolution), or `None`.
    fn resolve_path(&mut self, path: &Expr) -> Option<PathTarget> {
        match &path.kind {
            ExprKind::Name(name) if self.lookup_local(&name.text).is_none() => {
                match self.scope.get(&name.text)? {
                    ScopeEntry::Function(function) => {
                        self.result
                            .names
                            .insert(path.span, NameResolution::Function(*function));
                        Some(PathTarget::Function(*function))
                    }
                    ScopeEntry::Struct(strukt) => {
                        self.result
                            .names
                            .insert(path.span, NameResolution::Struct(*strukt));
                        Some(PathTarget::Struct(*strukt))
                    }
                    _ => None,
                }
            }
            ExprKind::Attribute { base, name } => {
                let ExprKind::Name(module) = &base.kind else {
                    return None;
                };
                if self.lookup_local(&module.text).is_some() {
                    return None;
                }
                let Some(ScopeEntry::Module {
                    name: module_name,
                    file,
                }) = self.scope.get(&module.text).cloned()
                else {
                    return None;
                };
                let target = match module_scope(self.db, file).get(&name.text)? {
                    ScopeEntry::Function(function) => PathTarget::Function(*function),
                    ScopeEntry::Struct(strukt) => PathTarget::Struct(*strukt),
                    _ => return None,
                };
                self.result
                    .names
                    .insert(base.span, NameResolution::Module(module_name));
                let resolution = match target {
                    PathTarget::Function(function) => NameResolution::Function(function),
                    PathTarget::Struct(strukt) => NameResolution::Struct(strukt),
                };
                self.result
                    .attributes
                    .insert(path.span, AttributeResolution::ModuleItem(resolution));
                Some(target)
            }
            _ => None,
        }
    }

    fn call_attribute(
        &mut self,
        expr: &Expr,
        callee: &Expr,
        base: &Expr,
        name: &Name,
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        // An item of a standard library module: `math.sqrt(x)`, `gpu.Dim3(...)`.
        if let ExprKind::Name(module) = &base.kind {
            if self.lookup_local(&module.text).is_none() {
                if let Some(ScopeEntry::Module {
                    name: module_name,
                    file,
                }) = self.scope.get(&module.text).cloned()
                {
                    return match self.resolve_path(callee) {
                        Some(PathTarget::Function(function)) => self.call_function(
                            expr,
                            callee.span,
                            function,
                            None,
                            args,
                            expected,
                            false,
                        ),
                        Some(PathTarget::Struct(strukt)) => self.construct(expr, strukt, args),
                        None => {
                            self.result
                                .names
                                .insert(base.span, NameResolution::Module(module_name.clone()));
                            if module_scope(self.db, file).get(&name.text).is_some() {
                                self.report(Diagnostic::error(
                                    codes::NOT_CALLABLE,
                                    format!("`{module_name}.{}` is not callable", name.text),
                                    Label::new(callee.span, "a constant"),
                                ));
                            } else {
                                self.unknown_module_item(&module_name, file, name);
                            }
                            self.infer_arguments_for_recovery(args)
                        }
                    };
                }
            }
        }
        let receiver = self.infer_value(base, None);
        match &receiver {
            Ty::PyObject => {
                self.result
                    .attributes
                    .insert(callee.span, AttributeResolution::Python);
                self.record_type(callee.span, &Ty::PyObject);
                self.python_call(expr, args)
            }
            Ty::Struct(strukt) => {
                self.call_struct_method(expr, callee, base, *strukt, name, args, expected)
            }
            Ty::List(_) | Ty::Dict(..) | Ty::Str | Ty::Tensor(_) => {
                self.call_builtin_method(expr, callee, &receiver, name, args)
            }
            _ if receiver.is_unknown() => self.infer_arguments_for_recovery(args),
            _ => {
                let mut diagnostic = Diagnostic::error(
                    codes::UNKNOWN_METHOD,
                    format!(
                        "`{}` has no method `{}`",
                        receiver.display(self.db),
                        name.text
                    ),
                    Label::new(name.span, "unknown method"),
                );
                if receiver == Ty::Exception {
                    diagnostic = diagnostic.with_hint("an `Error` has the field `message`");
                }
                self.report(diagnostic);
                self.infer_arguments_for_recovery(args)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn call_struct_method(
        &mut self,
        expr: &Expr,
        callee: &Expr,
        base: &Expr,
        strukt: StructId,
        name: &Name,
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        let data = struct_data(self.db, strukt);
        let Some(method) = data.method(&name.text) else {
            let message = if data.field(&name.text).is_some() {
                format!(
                    "the field `{}` of `{}` is not callable",
                    name.text, data.name
                )
            } else {
                format!("`{}` has no method `{}`", data.name, name.text)
            };
            let code = if data.field(&name.text).is_some() {
                codes::NOT_CALLABLE
            } else {
                codes::UNKNOWN_METHOD
            };
            let mut diagnostic =
                Diagnostic::error(code, message, Label::new(name.span, "not a method"));
            if code == codes::UNKNOWN_METHOD {
                let names = data.methods.iter().map(|(method, _)| method.as_str());
                if let Some(suggestion) = suggest::closest(&name.text, names.clone()) {
                    diagnostic = diagnostic.with_hint(format!("did you mean `{suggestion}`?"));
                } else if !data.methods.is_empty() {
                    diagnostic = diagnostic
                        .with_note(format!("its methods are {}", suggest::list_names(names, 6)));
                }
            }
            self.report(diagnostic);
            return self.infer_arguments_for_recovery(args);
        };
        self.result
            .attributes
            .insert(callee.span, AttributeResolution::Method);
        let signature = function_signature(self.db, method);
        if signature.receiver == Some(mlc_syntax::ast::ParamKind::MutSelf) {
            self.require_mutable_receiver(base, &signature.name);
        }
        self.call_function(expr, callee.span, method, None, args, expected, true)
    }

    fn call_builtin_method(
        &mut self,
        expr: &Expr,
        callee: &Expr,
        receiver: &Ty,
        name: &Name,
        args: &[Arg],
    ) -> Ty {
        let Some(method) = builtin_method(receiver, &name.text) else {
            let known = method_names(receiver);
            let mut diagnostic = Diagnostic::error(
                codes::UNKNOWN_METHOD,
                format!(
                    "`{}` has no method `{}`",
                    receiver.display(self.db),
                    name.text
                ),
                Label::new(name.span, "unknown method"),
            );
            diagnostic = match (
                crate::builtins::foreign_method(receiver, &name.text),
                suggest::closest(&name.text, known.iter().copied()),
            ) {
                (Some(spelling), _) => diagnostic.with_hint(format!("use {spelling}")),
                (None, Some(suggestion)) => {
                    diagnostic.with_hint(format!("did you mean `{suggestion}`?"))
                }
                (None, None) => diagnostic.with_note(format!(
                    "its methods include {}",
                    suggest::list_names(known.iter().copied(), 6)
                )),
            };
            if matches!(receiver, Ty::Tensor(_)) && matches!(name.text.as_str(), "shape" | "ndim") {
                diagnostic = diagnostic.with_hint(format!(
                    "`{}` is a property: write it without parentheses",
                    name.text
                ));
            }
            self.report(diagnostic);
            return self.infer_arguments_for_recovery(args);
        };
        self.result
            .attributes
            .insert(callee.span, AttributeResolution::Method);
        if method.allocates {
            let what = match receiver {
                Ty::Tensor(_) => "a tensor",
                Ty::List(_) | Ty::Dict(..) if method.return_ty != Ty::Str => "a list",
                _ => "a string",
            };
            self.host_only(expr.span, HostOnly::Allocation(what));
        }
        if method.host_only {
            self.host_only(
                expr.span,
                HostOnly::HostCall(format!("`.{}()`", method.name)),
            );
        }
        if method.needs_comparable {
            if let Ty::List(element) = receiver {
                if !self.satisfies(element, Bound::Comparable) {
                    self.report(Diagnostic::error(
                        codes::UNSATISFIED_BOUND,
                        format!(
                            "`sort` needs comparable elements, and `{}` is not",
                            element.display(self.db)
                        ),
                        Label::new(name.span, "elements cannot be ordered"),
                    ));
                }
            }
        }
        let params: Vec<ParamSpec> = method
            .params
            .iter()
            .map(|param| ParamSpec {
                name: param.name.to_string(),
                ty: param.ty.clone(),
                has_default: param.has_default,
            })
            .collect();
        let label = format!(".{}()", method.name);
        let arguments = self.check_arguments(&label, &params, args, expr.span, &[]);
        self.result.calls.insert(
            expr.span,
            CallResolution {
                target: CallTarget::BuiltinMethod {
                    receiver: receiver.clone(),
                    method: method.name,
                },
                arguments,
            },
        );
        method.return_ty
    }

    fn call_indexed(
        &mut self,
        expr: &Expr,
        callee: &Expr,
        base: &Expr,
        indices: &[Expr],
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        match self.resolve_path(base) {
            Some(PathTarget::Function(function)) => {
                let signature = function_signature(self.db, function);
                if signature.flags.kernel {
                    self.result
                        .indexes
                        .insert(callee.span, IndexResolution::LaunchConfiguration);
                    return self
                        .launch(expr, callee, function, &signature, indices, args, expected);
                }
                if signature.is_generic() {
                    self.result
                        .indexes
                        .insert(callee.span, IndexResolution::TypeArguments);
                    return self.call_function(
                        expr,
                        callee.span,
                        function,
                        Some(indices),
                        args,
                        expected,
                        false,
                    );
                }
                self.report(
                    Diagnostic::error(
                        codes::LAUNCH_NOT_KERNEL,
                        format!(
                            "`{}` is not a `@kernel`, so it cannot be launched",
                            signature.name
                        ),
                        Label::new(callee.span, "launch configuration on a plain function"),
                    )
                    .with_hint(format!(
                        "call it directly: `{}(...)`, or mark it `@kernel`",
                        signature.name
                    )),
                );
                self.infer_arguments_for_recovery(args)
            }
            Some(PathTarget::Struct(strukt)) => {
                self.report(Diagnostic::error(
                    codes::WRONG_TYPE_ARGUMENT_COUNT,
                    format!(
                        "the struct `{}` takes no type arguments",
                        strukt.name(self.db)
                    ),
                    Label::new(callee.span, "unexpected type arguments"),
                ));
                self.infer_arguments_for_recovery(args)
            }
            None => {
                let is_container_type = matches!(&base.kind, ExprKind::Name(name)
                    if matches!(name.text.as_str(), "List" | "Dict" | "Tensor") && self.lookup_local(&name.text).is_none() && self.scope.get(&name.text).is_none());
                if is_container_type {
                    let Some(type_expr) = expr_as_type(callee) else {
                        self.report(Diagnostic::error(
                            codes::UNKNOWN_TYPE,
                            "expected type arguments",
                            Label::new(callee.span, "not a type"),
                        ));
                        return self.infer_arguments_for_recovery(args);
                    };
                    let ty = self.lower_type(&type_expr);
                    self.result
                        .indexes
                        .insert(callee.span, IndexResolution::TypeArguments);
                    return self.container_call(expr, ty, args);
                }
                self.call_value(expr, callee, args)
            }
        }
    }

    /// Lowers a type written in an expression or annotation in this body's scope.
    pub fn lower_type(&mut self, ty: &mlc_syntax::ast::TypeExpr) -> Ty {
        let mut diagnostics = Vec::new();
        let scope = self.scope.clone();
        let lowered = TypeScope {
            db: self.db,
            module: &scope,
            generics: &self.generics,
        }
        .lower(ty, &mut diagnostics);
        self.result.diagnostics.extend(diagnostics);
        lowered
    }

    /// `List[T]()`, `Dict[K, V]()`, and the casts `List[T](o)`, `Tensor[T](o)`.
    fn container_call(&mut self, expr: &Expr, ty: Ty, args: &[Arg]) -> Ty {
        if ty.is_error() {
            return self.infer_arguments_for_recovery(args);
        }
        match (&ty, args) {
            (Ty::List(element), []) => {
                self.host_only(expr.span, HostOnly::Allocation("a list"));
                let target = CallTarget::ListConstructor((**element).clone());
                self.result.calls.insert(
                    expr.span,
                    CallResolution {
                        target,
                        arguments: Vec::new(),
                    },
                );
                ty
            }
            (Ty::Dict(key, value), []) => {
                self.host_only(expr.span, HostOnly::Allocation("a dict"));
                let target = CallTarget::DictConstructor((**key).clone(), (**value).clone());
                self.result.calls.insert(
                    expr.span,
                    CallResolution {
                        target,
                        arguments: Vec::new(),
                    },
                );
                ty
            }
            _ => self.cast_call(expr, ty, args),
        }
    }

    fn unknown_module_item(&mut self, module: &str, file: crate::db::SourceFile, name: &Name) {
        let scope = module_scope(self.db, file);
        let mut diagnostic = Diagnostic::error(
            codes::UNKNOWN_IMPORT,
            format!("the module `{module}` has no `{}`", name.text),
            Label::new(name.span, "not in the module"),
        );
        if let Some(suggestion) =
            suggest::closest(&name.text, scope.entries.keys().map(String::as_str))
        {
            diagnostic = diagnostic.with_hint(format!("did you mean `{module}.{suggestion}`?"));
        }
        self.report(diagnostic);
    }

    // ---- functions, constructors, launches ---------------------------------------------------

    /// A call of a user or standard library function or method.
    #[allow(clippy::too_many_arguments)]
    fn call_function(
        &mut self,
        expr: &Expr,
        callee_span: Span,
        function: FunctionId,
        explicit_type_args: Option<&[Expr]>,
        args: &[Arg],
        expected: Option<&Ty>,
        is_method: bool,
    ) -> Ty {
        let signature = function_signature(self.db, function);
        if signature.flags.kernel {
            self.report(
                Diagnostic::error(
                    codes::KERNEL_CALLED_DIRECTLY,
                    format!(
                        "the `@kernel` `{}` must be launched with a grid and block size",
                        signature.name
                    ),
                    Label::new(callee_span, "called without a launch configuration"),
                )
                .with_hint(format!(
                    "launch it: `{}[blocks, threads_per_block](...)`",
                    signature.name
                )),
            );
            return self.infer_arguments_for_recovery(args);
        }
        if !self.check_call_placement(function, &signature, callee_span, expr.span) {
            return self.infer_arguments_for_recovery(args);
        }
        let (type_args, arguments) =
            self.check_signature_call(expr, &signature, explicit_type_args, args, expected);
        self.record_instantiation(function, &type_args);
        if !signature.flags.is_extern && !self.result.called_functions.contains(&function) {
            self.result.called_functions.push(function);
        }
        let target = if is_method {
            CallTarget::Method {
                function,
                type_args: type_args.clone(),
            }
        } else {
            CallTarget::Function {
                function,
                type_args: type_args.clone(),
            }
        };
        self.result
            .calls
            .insert(expr.span, CallResolution { target, arguments });
        signature.return_ty.substitute(&type_args)
    }

    #[allow(clippy::too_many_arguments)]
    fn launch(
        &mut self,
        expr: &Expr,
        callee: &Expr,
        kernel: FunctionId,
        signature: &FunctionSignature,
        indices: &[Expr],
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        self.host_only(
            callee.span,
            HostOnly::HostCall("a kernel launch".to_string()),
        );
        if indices.len() != 2 {
            self.report(
                Diagnostic::error(
                    codes::KERNEL_CALLED_DIRECTLY,
                    format!(
                        "a launch needs `[grid, block]`, but {} value{} given",
                        indices.len(),
                        if indices.len() == 1 { " is" } else { "s are" }
                    ),
                    Label::new(callee.span, "launch configuration"),
                )
                .with_hint(format!(
                    "write `{}[blocks, threads_per_block](...)`",
                    signature.name
                )),
            );
        }
        for index in indices {
            self.check_launch_dimension(index);
        }
        let (type_args, arguments) =
            self.check_signature_call(expr, signature, None, args, expected);
        self.record_instantiation(kernel, &type_args);
        self.result.calls.insert(
            expr.span,
            CallResolution {
                target: CallTarget::KernelLaunch { kernel, type_args },
                arguments,
            },
        );
        Ty::None
    }

    /// A grid or block size: an integer or a tuple of up to three integers.
    fn check_launch_dimension(&mut self, index: &Expr) {
        let ty = self.infer_value(index, Some(&Ty::I64));
        let valid = match &ty {
            Ty::Int(_) => true,
            Ty::Tuple(elements) => {
                (1..=3).contains(&elements.len())
                    && elements.iter().all(|e| e.is_int() || e.is_unknown())
            }
            _ => ty.is_unknown(),
        };
        if !valid {
            self.report(Diagnostic::error(
                codes::MISMATCHED_TYPES,
                format!(
                    "a launch dimension is an integer or a tuple of up to 3 integers, not `{}`",
                    ty.display(self.db)
                ),
                Label::new(index.span, "invalid grid or block size"),
            ));
        }
    }

    fn construct(&mut self, expr: &Expr, strukt: StructId, args: &[Arg]) -> Ty {
        let data = struct_data(self.db, strukt);
        let params: Vec<ParamSpec> = data
            .fields
            .iter()
            .map(|field| ParamSpec {
                name: field.name.clone(),
                ty: field.ty.clone(),
                has_default: field.default.is_some(),
            })
            .collect();
        let arguments = self.check_arguments(&data.name, &params, args, expr.span, &[]);
        self.result.calls.insert(
            expr.span,
            CallResolution {
                target: CallTarget::StructConstructor(strukt),
                arguments,
            },
        );
        Ty::Struct(strukt)
    }

    // ---- arguments and generics --------------------------------------------------------------

    /// Binds and checks the arguments of a call of `signature`, inferring or checking its
    /// type arguments. Returns the type arguments and where each parameter's value comes from.
    fn check_signature_call(
        &mut self,
        expr: &Expr,
        signature: &FunctionSignature,
        explicit_type_args: Option<&[Expr]>,
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> (Vec<Ty>, Vec<ArgumentSource>) {
        let params: Vec<ParamSpec> = signature
            .params
            .iter()
            .map(|param| ParamSpec {
                name: param.name.clone(),
                ty: param.ty.clone(),
                has_default: param.default.is_some(),
            })
            .collect();
        if !signature.is_generic() {
            if let Some(indices) = explicit_type_args {
                if let (Some(first), Some(last)) = (indices.first(), indices.last()) {
                    self.report(Diagnostic::error(
                        codes::WRONG_TYPE_ARGUMENT_COUNT,
                        format!("`{}` takes no type arguments", signature.name),
                        Label::new(first.span.cover(last.span), "unexpected"),
                    ));
                }
            }
            let arguments = self.check_arguments(&signature.name, &params, args, expr.span, &[]);
            return (Vec::new(), arguments);
        }
        let Some(sources) = self.bind_arguments(&signature.name, &params, args, expr.span) else {
            self.infer_arguments_for_recovery(args);
            return (vec![Ty::Error; signature.generics.len()], Vec::new());
        };
        let mut inferred: Vec<Option<Ty>> = vec![None; args.len()];
        let type_args = match explicit_type_args {
            Some(indices) => self.explicit_type_args(signature, indices),
            None => self.infer_type_args(
                signature,
                &params,
                &sources,
                args,
                &mut inferred,
                expected,
                expr.span,
            ),
        };
        for (param, source) in params.iter().zip(&sources) {
            let ArgumentSource::Argument(index) = source else {
                continue;
            };
            let ty = param.ty.substitute(&type_args);
            let value = &args[*index].value;
            match inferred[*index].take() {
                Some(actual) => {
                    self.coerce(value, &actual, &ty);
                }
                None => {
                    self.check_value(value, &ty);
                }
            }
        }
        (type_args, sources)
    }

    fn explicit_type_args(&mut self, signature: &FunctionSignature, indices: &[Expr]) -> Vec<Ty> {
        let mut type_args = Vec::new();
        for index in indices {
            match expr_as_type(index) {
                Some(type_expr) => type_args.push(self.lower_type(&type_expr)),
                None => {
                    self.report(Diagnostic::error(
                        codes::UNKNOWN_TYPE,
                        format!("expected a type argument for `{}`", signature.name),
                        Label::new(index.span, "not a type"),
                    ));
                    type_args.push(Ty::Error);
                }
            }
        }
        if type_args.len() != signature.generics.len() {
            let span = indices.first().map_or(Span::default(), |first| {
                first.span.cover(indices[indices.len() - 1].span)
            });
            self.report(Diagnostic::error(
                codes::WRONG_TYPE_ARGUMENT_COUNT,
                format!(
                    "`{}` takes {} type argument{}, but {} {} given",
                    signature.name,
                    signature.generics.len(),
                    if signature.generics.len() == 1 {
                        ""
                    } else {
                        "s"
                    },
                    type_args.len(),
                    if type_args.len() == 1 { "was" } else { "were" }
                ),
                Label::new(span, "type arguments"),
            ));
            return vec![Ty::Error; signature.generics.len()];
        }
        for (index, (ty, generic)) in type_args.iter().zip(&signature.generics).enumerate() {
            self.check_bounds(signature, generic, ty, indices[index].span);
        }
        type_args
    }

    #[allow(clippy::too_many_arguments)]
    fn infer_type_args(
        &mut self,
        signature: &FunctionSignature,
        params: &[ParamSpec],
        sources: &[ArgumentSource],
        args: &[Arg],
        inferred: &mut [Option<Ty>],
        expected: Option<&Ty>,
        span: Span,
    ) -> Vec<Ty> {
        let mut solution: Vec<Option<Ty>> = vec![None; signature.generics.len()];
        // 1. Arguments that are not bare literals decide first.
        for (param, source) in params.iter().zip(sources) {
            let ArgumentSource::Argument(index) = source else {
                continue;
            };
            let value = &args[*index].value;
            if !param.ty.contains_param() || is_numeric_literal(value) {
                continue;
            }
            let ty = self.infer_value(value, None);
            unify(&param.ty, &ty, &mut solution);
            inferred[*index] = Some(ty);
        }
        // 2. Then the expected type of the result.
        if let Some(expected) = expected {
            unify(&signature.return_ty, expected, &mut solution);
        }
        // 3. Then literals, by their default type: f64 if any literal for the parameter is a
        //    float literal or the parameter is bounded by `Float`, else i64.
        let mut float_literal = vec![false; signature.generics.len()];
        for (param, source) in params.iter().zip(sources) {
            if let (Ty::Param(generic), ArgumentSource::Argument(index)) = (&param.ty, source) {
                float_literal[generic.index as usize] |= literal_is_float(&args[*index].value);
            }
        }
        for (param, source) in params.iter().zip(sources) {
            let ArgumentSource::Argument(index) = source else {
                continue;
            };
            let value = &args[*index].value;
            let Ty::Param(generic) = &param.ty else {
                continue;
            };
            if !is_numeric_literal(value) || solution[generic.index as usize].is_some() {
                continue;
            }
            let bounds = &signature.generics[generic.index as usize].bounds;
            let float = float_literal[generic.index as usize]
                || crate::ty::bounds_imply(bounds, Bound::Float);
            let default = if float { Ty::F64 } else { Ty::I64 };
            let ty = self.infer_value(value, Some(&default));
            solution[generic.index as usize] = Some(ty.clone());
            inferred[*index] = Some(ty);
        }
        let mut type_args = Vec::new();
        for (generic, solved) in signature.generics.iter().zip(solution) {
            match solved {
                Some(ty) => {
                    self.check_bounds(signature, generic, &ty, span);
                    type_args.push(ty);
                }
                None => {
                    let placeholder = vec!["..."; signature.generics.len()].join(", ");
                    self.report(
                        Diagnostic::error(
                            codes::CANNOT_INFER,
                            format!(
                                "the type argument `{}` of `{}` cannot be inferred",
                                generic.name, signature.name
                            ),
                            Label::new(
                                span,
                                format!("`{}` is not determined by the arguments", generic.name),
                            ),
                        )
                        .with_hint(format!(
                            "give it explicitly: `{}[{placeholder}](...)`",
                            signature.name
                        )),
                    );
                    type_args.push(Ty::Error);
                }
            }
        }
        type_args
    }

    fn check_bounds(
        &mut self,
        signature: &FunctionSignature,
        generic: &GenericParam,
        ty: &Ty,
        span: Span,
    ) {
        for bound in &generic.bounds {
            if self.satisfies(ty, *bound) {
                continue;
            }
            let mut diagnostic = Diagnostic::error(
                codes::UNSATISFIED_BOUND,
                format!(
                    "`{}` does not satisfy the bound `{}` of `{}` in `{}`",
                    ty.display(self.db),
                    bound.name(),
                    generic.name,
                    signature.name
                ),
                Label::new(
                    span,
                    format!("`{}` is `{}` here", generic.name, ty.display(self.db)),
                ),
            );
            diagnostic = match (bound, ty) {
                (_, Ty::PyObject) => {
                    diagnostic.with_hint("convert the Python object first, e.g. `f64(o)`")
                }
                (Bound::Float, Ty::Int(_)) => {
                    diagnostic.with_hint("convert the argument to a float type, e.g. `f64(n)`")
                }
                (_, Ty::Param(param)) => diagnostic.with_hint(format!(
                    "add the bound to the generic parameter: `{}: {}`",
                    param.name,
                    bound.name()
                )),
                _ => diagnostic,
            };
            self.report(diagnostic);
            return;
        }
    }

    /// Whether `ty` has the operations of `bound`.
    pub fn satisfies(&self, ty: &Ty, bound: Bound) -> bool {
        match ty {
            Ty::Error | Ty::Never => true,
            Ty::Param(param) => crate::ty::bounds_imply(self.param_bounds(param.index), bound),
            Ty::Tuple(elements) if bound == Bound::Comparable => elements
                .iter()
                .all(|element| self.satisfies(element, bound)),
            _ if bound == Bound::Printable => self.is_printable(ty),
            _ => bound.satisfied_by_scalar(ty),
        }
    }

    /// Binds and checks the arguments of a non-generic call; returns the parameter sources.
    pub fn check_arguments(
        &mut self,
        callee: &str,
        params: &[ParamSpec],
        args: &[Arg],
        span: Span,
        _type_args: &[Ty],
    ) -> Vec<ArgumentSource> {
        let Some(sources) = self.bind_arguments(callee, params, args, span) else {
            // Still check what can be paired, so errors inside arguments are found.
            for arg in args {
                let param = match &arg.keyword {
                    Some(keyword) => params.iter().find(|param| param.name == keyword.text),
                    None => None,
                };
                match param {
                    Some(param) => {
                        self.check_value(&arg.value, &param.ty);
                    }
                    None => {
                        self.infer_expr(&arg.value, None);
                    }
                }
            }
            return Vec::new();
        };
        for (param, source) in params.iter().zip(&sources) {
            if let ArgumentSource::Argument(index) = source {
                self.check_value(&args[*index].value, &param.ty);
            }
        }
        sources
    }

    /// Pairs arguments with parameters: E0202 (too many), E0203 (unknown keyword), E0204
    /// (given twice), E0205 (missing). `None` when any of those was reported.
    pub fn bind_arguments(
        &mut self,
        callee: &str,
        params: &[ParamSpec],
        args: &[Arg],
        span: Span,
    ) -> Option<Vec<ArgumentSource>> {
        let mut sources: Vec<Option<ArgumentSource>> = vec![None; params.len()];
        let mut ok = true;
        let mut next_positional = 0;
        let mut extra: Vec<&Arg> = Vec::new();
        for (index, arg) in args.iter().enumerate() {
            match &arg.keyword {
                None => {
                    if next_positional < params.len() {
                        sources[next_positional] = Some(ArgumentSource::Argument(index));
                        next_positional += 1;
                    } else {
                        extra.push(arg);
                    }
                }
                Some(keyword) => match params.iter().position(|param| param.name == keyword.text) {
                    None => {
                        ok = false;
                        let mut diagnostic = Diagnostic::error(
                            codes::UNKNOWN_KEYWORD_ARGUMENT,
                            format!("`{callee}` has no parameter named `{}`", keyword.text),
                            Label::new(keyword.span, "unknown keyword"),
                        );
                        if let Some(suggestion) = suggest::closest(
                            &keyword.text,
                            params.iter().map(|param| param.name.as_str()),
                        ) {
                            diagnostic =
                                diagnostic.with_hint(format!("did you mean `{suggestion}=`?"));
                        } else if !params.is_empty() {
                            let names = suggest::list_names(
                                params.iter().map(|param| param.name.as_str()),
                                8,
                            );
                            diagnostic =
                                diagnostic.with_note(format!("its parameters are {names}"));
                        }
                        self.report(diagnostic);
                    }
                    Some(position) if sources[position].is_some() => {
                        ok = false;
                        self.report(Diagnostic::error(
                            codes::DUPLICATE_ARGUMENT,
                            format!(
                                "the argument `{}` of `{callee}` is given more than once",
                                keyword.text
                            ),
                            Label::new(arg.span, "given again here"),
                        ));
                    }
                    Some(position) => sources[position] = Some(ArgumentSource::Argument(index)),
                },
            }
        }
        if let Some(first) = extra.first() {
            ok = false;
            let given = args.iter().filter(|arg| arg.keyword.is_none()).count();
            let takes = params.len();
            self.report(Diagnostic::error(
                codes::WRONG_ARGUMENT_COUNT,
                format!(
                    "`{callee}` takes {takes} argument{}, but {given} {} given",
                    if takes == 1 { "" } else { "s" },
                    if given == 1 { "was" } else { "were" }
                ),
                Label::new(
                    first.span.cover(extra[extra.len() - 1].span),
                    "unexpected argument",
                ),
            ));
        }
        let missing: Vec<&str> = params
            .iter()
            .zip(&sources)
            .filter(|(param, source)| source.is_none() && !param.has_default)
            .map(|(param, _)| param.name.as_str())
            .collect();
        if !missing.is_empty() {
            ok = false;
            let listed = missing
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.report(Diagnostic::error(
                codes::MISSING_ARGUMENT,
                format!(
                    "missing argument{} {listed} in the call of `{callee}`",
                    if missing.len() == 1 { "" } else { "s" }
                ),
                Label::new(span, "missing arguments"),
            ));
        }
        if !ok {
            return None;
        }
        Some(
            sources
                .into_iter()
                .map(|source| source.unwrap_or(ArgumentSource::Default))
                .collect(),
        )
    }
}

/// Fills `solution` from matching a parameter type `pattern` against an argument type.
fn unify(pattern: &Ty, actual: &Ty, solution: &mut [Option<Ty>]) {
    match (pattern, actual) {
        (Ty::Param(param), _) => {
            let slot = &mut solution[param.index as usize];
            if slot.is_none() && *actual != Ty::Never {
                *slot = Some(actual.clone());
            }
        }
        (Ty::List(pattern), Ty::List(actual))
        | (Ty::Tensor(pattern), Ty::Tensor(actual))
        | (Ty::Iterator(pattern), Ty::Iterator(actual)) => unify(pattern, actual, solution),
        (Ty::Dict(pattern_key, pattern_value), Ty::Dict(key, value)) => {
            unify(pattern_key, key, solution);
            unify(pattern_value, value, solution);
        }
        (Ty::Tuple(patterns), Ty::Tuple(actuals)) if patterns.len() == actuals.len() => {
            for (pattern, actual) in patterns.iter().zip(actuals) {
                unify(pattern, actual, solution);
            }
        }
        _ => {}
    }
}

fn literal_is_float(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Float(_) => true,
        ExprKind::Unary { operand, .. } => literal_is_float(operand),
        _ => false,
    }
}
