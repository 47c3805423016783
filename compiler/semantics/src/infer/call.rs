//! Calls: what the callee is (function, method, struct, type, kernel launch, Python object,
//! built-in), binding arguments to parameters (positional, keyword, defaults: E0202-E0205),
//! and generic instantiation (type arguments given or inferred from arguments and the
//! expected type; bounds checked: E0209).

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{Arg, Expr, ExprKind, Name};

use super::kernel::HostOnly;
use super::{
    AttributeResolution, CallResolution, CallTarget, IndexResolution, InferenceContext,
    NameResolution,
};
use crate::builtins::{builtin_method, method_names, BuiltinFunction};
use crate::check::imports::unknown_import;
use crate::item_tree::{FunctionId, StructId};
use crate::lower_type::{expr_as_type, scalar_type, TypeScope};
use crate::scope::{module_scope, ScopeEntry};
use crate::signatures::{function_signature, struct_data, FunctionSignature};
use crate::suggest;
use crate::ty::{Bound, Ty};

/// The built-in type that has a method of this name, for "`append` is a method of `List`".
fn builtin_type_with_method(name: &str) -> Option<&'static str> {
    let element = Box::new(Ty::Error);
    [
        (Ty::List(element.clone()), "List"),
        (Ty::Str, "str"),
        (Ty::Dict(element.clone(), element.clone()), "Dict"),
        (Ty::Tensor(element), "Tensor"),
    ]
    .into_iter()
    .find(|(receiver, _)| method_names(receiver).contains(&name))
    .map(|(_, owner)| owner)
}

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
                self.result.names.insert(callee.span, NameResolution::Function(function));
                self.call_function(expr, callee.span, function, None, args, expected, false)
            }
            Some(ScopeEntry::Struct(strukt)) => {
                self.result.names.insert(callee.span, NameResolution::Struct(strukt));
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
                self.result.names.insert(callee.span, NameResolution::Module(module.clone()));
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
                    self.result.names.insert(callee.span, NameResolution::Builtin(builtin));
                    return self.builtin_call(expr, builtin, args, expected);
                }
                if let Some(target) = scalar_type(&name.text) {
                    if target == Ty::Exception {
                        self.result
                            .names
                            .insert(callee.span, NameResolution::Builtin(BuiltinFunction::Error));
                        return self.builtin_call(expr, BuiltinFunction::Error, args, expected);
                    }
                    self.result.names.insert(callee.span, NameResolution::Type(target.clone()));
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
                let callee_text = crate::pretty::expr_text(callee);
                let hint = match args {
                    [arg] if ty.is_numeric() && arg.keyword.is_none() => format!(
                        "`{callee_text}` is a number, not a function: to multiply, write `{callee_text} * {}`",
                        crate::pretty::expr_text(&arg.value)
                    ),
                    _ => format!(
                        "`{callee_text}` is {} value, not a function: remove the `(...)` to use the value, or call a function by its name",
                        crate::pretty::with_article(&ty.display(self.db).to_string())
                    ),
                };
                self.report(
                    Diagnostic::error(
                        codes::NOT_CALLABLE,
                        format!("a value of type `{}` is not callable", ty.display(self.db)),
                        Label::new(callee.span, "not a function"),
                    )
                    .with_hint(hint),
                );
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
            CallResolution { target: CallTarget::Python, arguments: Vec::new() },
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
                        self.result.names.insert(path.span, NameResolution::Function(*function));
                        Some(PathTarget::Function(*function))
                    }
                    ScopeEntry::Struct(strukt) => {
                        self.result.names.insert(path.span, NameResolution::Struct(*strukt));
                        Some(PathTarget::Struct(*strukt))
                    }
                    _ => None,
                }
            }
            ExprKind::Attribute { base, name } => {
                let (module_name, file) = self.module_named_by(base)?;
                let target = match module_scope(self.db, file).get(&name.text)? {
                    ScopeEntry::Function(function) => PathTarget::Function(*function),
                    ScopeEntry::Struct(strukt) => PathTarget::Struct(*strukt),
                    _ => return None,
                };
                self.result.names.insert(base.span, NameResolution::Module(module_name));
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
                if let Some(ScopeEntry::Module { name: module_name, file }) =
                    self.scope.get(&module.text).cloned()
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
                self.result.attributes.insert(callee.span, AttributeResolution::Python);
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
                    format!("`{}` has no method `{}`", receiver.display(self.db), name.text),
                    Label::new(name.span, "unknown method"),
                );
                if receiver == Ty::Exception {
                    diagnostic = diagnostic.with_hint("an `Error` has the field `message`");
                } else if let Some(owner) = builtin_type_with_method(&name.text) {
                    let base_text = crate::pretty::expr_text(base);
                    let declaration = match owner {
                        "List" => format!(
                            ": e.g. `var {base_text}: List[T] = []` for elements of type `T`"
                        ),
                        "str" => format!(": e.g. `var {base_text}: str = \"\"`"),
                        "Dict" => format!(
                            ": e.g. `var {base_text} = Dict[K, V]()` for keys `K` and values `V`"
                        ),
                        _ => String::new(),
                    };
                    diagnostic = diagnostic
                        .with_note(format!(
                            "`{}` is a method of `{owner}`, but `{base_text}` has type `{}`",
                            name.text,
                            receiver.display(self.db)
                        ))
                        .with_hint(format!(
                            "to call `.{}()`, make `{base_text}` {}{declaration}",
                            name.text,
                            crate::pretty::with_article(owner)
                        ));
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
                format!("the field `{}` of `{}` is not callable", name.text, data.name)
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
                        .with_note(format!("its methods are {}", suggest::list_names(names, 6)))
                        .with_hint(format!(
                            "call one of them, or add `fn {}(self)` to `struct {}`",
                            name.text, data.name
                        ));
                }
            }
            self.report(diagnostic);
            return self.infer_arguments_for_recovery(args);
        };
        self.result.attributes.insert(callee.span, AttributeResolution::Method);
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
                format!("`{}` has no method `{}`", receiver.display(self.db), name.text),
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
        self.result.attributes.insert(callee.span, AttributeResolution::Method);
        if method.allocates {
            let what = match receiver {
                Ty::Tensor(_) => "a tensor",
                Ty::List(_) | Ty::Dict(..) if method.return_ty != Ty::Str => "a list",
                _ => "a string",
            };
            self.host_only(expr.span, HostOnly::Allocation(what));
        }
        if method.host_only {
            self.host_only(expr.span, HostOnly::HostCall(format!("`.{}()`", method.name)));
        }
        if method.needs_comparable {
            if let Ty::List(element) = receiver {
                if !self.satisfies(element, Bound::Comparable) {
                    self.report(
                        Diagnostic::error(
                            codes::UNSATISFIED_BOUND,
                            format!(
                                "`sort` needs comparable elements, and `{}` is not",
                                element.display(self.db)
                            ),
                            Label::new(name.span, "elements cannot be ordered"),
                        )
                        .with_hint(format!(
                            "`sort` works on lists of {}",
                            Bound::Comparable.satisfying_types()
                        )),
                    );
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
        let arguments = self.check_arguments(&label, &params, args, expr.span);
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
                    self.result.indexes.insert(callee.span, IndexResolution::LaunchConfiguration);
                    return self
                        .launch(expr, callee, function, &signature, indices, args, expected);
                }
                if signature.is_generic() {
                    self.result.indexes.insert(callee.span, IndexResolution::TypeArguments);
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
                    format!("the struct `{}` takes no type arguments", strukt.name(self.db)),
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
                    self.result.indexes.insert(callee.span, IndexResolution::TypeArguments);
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
        let lowered = TypeScope { db: self.db, module: &scope, generics: &self.generics }
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
                self.result
                    .calls
                    .insert(expr.span, CallResolution { target, arguments: Vec::new() });
                ty
            }
            (Ty::Dict(key, value), []) => {
                self.host_only(expr.span, HostOnly::Allocation("a dict"));
                let target = CallTarget::DictConstructor((**key).clone(), (**value).clone());
                self.result
                    .calls
                    .insert(expr.span, CallResolution { target, arguments: Vec::new() });
                ty
            }
            _ => self.cast_call(expr, ty, args),
        }
    }

    fn unknown_module_item(&mut self, module: &str, file: crate::db::SourceFile, name: &Name) {
        self.report(unknown_import(
            self.db,
            module,
            file,
            &name.text,
            name.span,
            &format!("{module}."),
        ));
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
            CallTarget::Method { function, type_args: type_args.clone() }
        } else {
            CallTarget::Function { function, type_args: type_args.clone() }
        };
        self.result.calls.insert(expr.span, CallResolution { target, arguments });
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
        self.host_only(callee.span, HostOnly::HostCall("a kernel launch".to_string()));
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
                .with_hint(format!("write `{}[blocks, threads_per_block](...)`", signature.name)),
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
            CallResolution { target: CallTarget::KernelLaunch { kernel, type_args }, arguments },
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
        let arguments = if data.fields_broken {
            // Which fields the body declares is not known: nothing to bind to.
            self.check_unpaired_arguments(&params, args);
            Vec::new()
        } else {
            self.check_arguments(&data.name, &params, args, expr.span)
        };
        self.result.calls.insert(
            expr.span,
            CallResolution { target: CallTarget::StructConstructor(strukt), arguments },
        );
        Ty::Struct(strukt)
    }
}
