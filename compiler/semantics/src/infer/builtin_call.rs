//! Calls of the built-in functions (`print`, `len`, `range`, `enumerate`, `zip`, `abs`,
//! `min`, `max`, `argv`, `Error`) and casts (`f64(n)`, `str(x)`, `Tensor[f32](o)`), and what
//! `for` can iterate over.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{Arg, Expr};

use super::arguments::{
    duplicate_argument, keyword_suggestion, remove_arguments_hint, unknown_keyword_error,
};
use super::call::ParamSpec;
use super::expr::{
    contains_float_literal, is_numeric_literal, leading_value, takes_type_from_context,
};
use super::kernel::HostOnly;
use super::{ArgumentSource, CallResolution, CallTarget, InferenceContext};
use crate::builtins::BuiltinFunction;
use crate::signatures::struct_data;
use crate::ty::{Bound, Ty};

impl InferenceContext<'_> {
    pub fn builtin_call(
        &mut self,
        expr: &Expr,
        builtin: BuiltinFunction,
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        let name = builtin.name();
        let takes = builtin.takes();
        let (ty, arguments) = match builtin {
            BuiltinFunction::Print => return self.print_call(expr, args),
            BuiltinFunction::Len => {
                let Some([value]) = self.positional_arguments::<1>(name, takes, args, expr.span)
                else {
                    return Ty::Error;
                };
                let ty = self.infer_value(value, None);
                let sized = match &ty {
                    Ty::List(_)
                    | Ty::Dict(..)
                    | Ty::Str
                    | Ty::Tensor(_)
                    | Ty::Tuple(_)
                    | Ty::PyObject => true,
                    Ty::Struct(strukt) => struct_data(self.db, *strukt).method("__len__").is_some(),
                    _ => ty.is_unknown(),
                };
                if !sized {
                    self.report(Diagnostic::error(
                        codes::UNSUPPORTED_OPERATOR,
                        format!("`len` is not supported for `{}`", ty.display(self.db)),
                        Label::new(value.span, "has no length"),
                    ));
                }
                (Ty::I64, vec![ArgumentSource::Argument(0)])
            }
            BuiltinFunction::Range => {
                if args.is_empty() || args.len() > 3 || args.iter().any(|arg| arg.keyword.is_some())
                {
                    self.report(
                        Diagnostic::error(
                            codes::WRONG_ARGUMENT_COUNT,
                            format!(
                                "`range` takes 1 to 3 positional arguments, but {} {} given",
                                args.len(),
                                if args.len() == 1 { "was" } else { "were" }
                            ),
                            Label::new(
                                expr.span,
                                "range(stop), range(start, stop) or range(start, stop, step)",
                            ),
                        )
                        .with_hint(positional_hint(name, takes, args, 3)),
                    );
                    return self.infer_arguments_for_recovery(args);
                }
                let values: Vec<&Expr> = args.iter().map(|arg| &arg.value).collect();
                let leader = values.iter().position(|value| !is_numeric_literal(value));
                let int = match leader {
                    Some(index) => {
                        let ty = self.infer_value(values[index], Some(&Ty::I64));
                        if !ty.is_int() && !ty.is_unknown() {
                            self.report(Diagnostic::error(
                                codes::MISMATCHED_TYPES,
                                format!("`range` takes integers, found `{}`", ty.display(self.db)),
                                Label::new(values[index].span, "not an integer"),
                            ));
                        }
                        if ty.is_int() {
                            ty
                        } else {
                            Ty::I64
                        }
                    }
                    None => Ty::I64,
                };
                for (index, value) in values.iter().enumerate() {
                    if Some(index) != leader {
                        self.check_value(value, &int);
                    }
                }
                let arguments = (0..args.len()).map(ArgumentSource::Argument).collect();
                (Ty::Iterator(Box::new(int)), arguments)
            }
            BuiltinFunction::Enumerate => {
                let Some((iterable, sources)) =
                    self.bind_iterable_and_start(name, Ty::I64, args, expr.span)
                else {
                    return Ty::Error;
                };
                let iterable = &args[iterable].value;
                let iterable_ty = self.infer_value(iterable, None);
                let element = self.iterable_element(&iterable_ty, iterable);
                if let ArgumentSource::Argument(start) = sources[1] {
                    self.check_value(&args[start].value, &Ty::I64);
                }
                (Ty::Iterator(Box::new(Ty::Tuple(vec![Ty::I64, element]))), sources)
            }
            BuiltinFunction::Zip => {
                if args.is_empty() || args.iter().any(|arg| arg.keyword.is_some()) {
                    self.report(
                        Diagnostic::error(
                            codes::WRONG_ARGUMENT_COUNT,
                            "`zip` takes one or more positional arguments",
                            Label::new(expr.span, "zip(a, b, ...)"),
                        )
                        .with_hint(positional_hint(
                            name,
                            takes,
                            args,
                            usize::MAX,
                        )),
                    );
                    return self.infer_arguments_for_recovery(args);
                }
                let elements = args
                    .iter()
                    .map(|arg| {
                        let ty = self.infer_value(&arg.value, None);
                        self.iterable_element(&ty, &arg.value)
                    })
                    .collect();
                (
                    Ty::Iterator(Box::new(Ty::Tuple(elements))),
                    vec![ArgumentSource::Variadic((0..args.len()).collect())],
                )
            }
            BuiltinFunction::Abs => {
                let Some([value]) = self.positional_arguments::<1>(name, takes, args, expr.span)
                else {
                    return Ty::Error;
                };
                let ty = self.infer_value(value, expected.filter(|ty| ty.is_numeric()));
                let supported = match &ty {
                    Ty::Int(_) | Ty::Float(_) | Ty::Tensor(_) | Ty::PyObject => true,
                    Ty::Param(_) => self.satisfies(&ty, Bound::Numeric),
                    _ => ty.is_unknown(),
                };
                if !supported {
                    self.unsupported_operator("abs", &ty, None, value.span);
                    return Ty::Error;
                }
                (ty, vec![ArgumentSource::Argument(0)])
            }
            BuiltinFunction::Min | BuiltinFunction::Max => {
                return self.min_max_call(expr, builtin, args, expected)
            }
            BuiltinFunction::Sum => {
                let Some((iterable, sources)) =
                    self.bind_iterable_and_start(name, Ty::Error, args, expr.span)
                else {
                    return Ty::Error;
                };
                let iterable = &args[iterable].value;
                let element = self.sum_element(iterable, expected);
                if let ArgumentSource::Argument(start) = sources[1] {
                    self.check_value(&args[start].value, &element);
                }
                (element, sources)
            }
            BuiltinFunction::Argv => {
                if self.positional_arguments::<0>(name, takes, args, expr.span).is_none() {
                    return Ty::Error;
                }
                self.host_only(expr.span, HostOnly::HostCall("`argv`".to_string()));
                (Ty::list(Ty::Str), Vec::new())
            }
            BuiltinFunction::Error => {
                let Some([message]) = self.positional_arguments::<1>(name, takes, args, expr.span)
                else {
                    return Ty::Exception;
                };
                self.host_only(expr.span, HostOnly::Allocation("an `Error`"));
                self.check_value(message, &Ty::Str);
                (Ty::Exception, vec![ArgumentSource::Argument(0)])
            }
        };
        self.result
            .calls
            .insert(expr.span, CallResolution { target: CallTarget::Builtin(builtin), arguments });
        ty
    }

    /// The type `sum(iterable)` adds up and returns: the numbers a `List`, iterator or tensor
    /// yields (a PyObject's, in Python).
    fn sum_element(&mut self, iterable: &Expr, expected: Option<&Ty>) -> Ty {
        // `let total: f32 = sum([1.0, 2.0])` adds f32s.
        let expected_list = expected
            .filter(|ty| ty.is_numeric() && takes_type_from_context(iterable))
            .map(|ty| Ty::list(ty.clone()));
        let iterable_ty = self.infer_value(iterable, expected_list.as_ref());
        let element = self.iterable_element(&iterable_ty, iterable);
        if matches!(iterable_ty, Ty::Tensor(_)) {
            self.host_only(iterable.span, HostOnly::HostCall("`sum` of a tensor".to_string()));
        }
        if element.is_unknown()
            || element == Ty::PyObject
            || self.satisfies(&element, Bound::Numeric)
        {
            return element;
        }
        let mut diagnostic = Diagnostic::error(
            codes::UNSATISFIED_BOUND,
            format!(
                "`sum` adds numbers, and the values of `{}` are `{}`",
                iterable_ty.display(self.db),
                element.display(self.db)
            ),
            Label::new(iterable.span, "not numbers"),
        );
        diagnostic = match &element {
            Ty::Str => match &iterable_ty {
                Ty::Dict(_, value) if value.is_numeric() => diagnostic.with_hint(format!(
                    "a `Dict` yields its keys; to add up its values, write `sum({}.values())`",
                    crate::pretty::expr_text(iterable)
                )),
                _ => diagnostic.with_hint(format!(
                    "to join strings, write `\"\".join({})`",
                    crate::pretty::expr_text(iterable)
                )),
            },
            Ty::Param(param) => diagnostic.with_hint(format!(
                "add the bound to the generic parameter: `{}: Numeric`",
                param.name
            )),
            _ => diagnostic,
        };
        self.report(diagnostic);
        Ty::Error
    }

    /// Exactly `N` positional arguments (E0202 / E0205 / E0203 otherwise); `takes` describes
    /// them for the hints: "one argument: `len(x)`".
    fn positional_arguments<'a, const N: usize>(
        &mut self,
        name: &str,
        takes: &str,
        args: &'a [Arg],
        span: Span,
    ) -> Option<[&'a Expr; N]> {
        if let Some(keyword) = args.iter().find_map(|arg| arg.keyword.as_ref()) {
            self.report(
                Diagnostic::error(
                    codes::UNKNOWN_KEYWORD_ARGUMENT,
                    format!("`{name}` takes no keyword arguments"),
                    Label::new(keyword.span, "unexpected keyword"),
                )
                .with_hint(positional_hint(name, takes, args, N)),
            );
            self.infer_arguments_for_recovery(args);
            return None;
        }
        if args.len() != N {
            let (code, label_span, label) = if args.len() > N {
                let extra = args[N].span.cover(args[args.len() - 1].span);
                (codes::WRONG_ARGUMENT_COUNT, extra, "unexpected argument")
            } else {
                (codes::MISSING_ARGUMENT, span, "wrong number of arguments")
            };
            self.report(
                Diagnostic::error(
                    code,
                    format!(
                        "`{name}` takes {N} argument{}, but {} {} given",
                        if N == 1 { "" } else { "s" },
                        args.len(),
                        if args.len() == 1 { "was" } else { "were" }
                    ),
                    Label::new(label_span, label),
                )
                .with_hint(positional_hint(name, takes, args, N)),
            );
            self.infer_arguments_for_recovery(args);
            return None;
        }
        let values: Vec<&Expr> = args.iter().map(|arg| &arg.value).collect();
        values.try_into().ok()
    }

    fn print_call(&mut self, expr: &Expr, args: &[Arg]) -> Ty {
        self.host_only(expr.span, HostOnly::HostCall("`print`".to_string()));
        let mut positional = Vec::new();
        let mut sep = ArgumentSource::Default;
        let mut end = ArgumentSource::Default;
        for (index, arg) in args.iter().enumerate() {
            match arg.keyword.as_ref().map(|keyword| keyword.text.as_str()) {
                None => {
                    let ty = self.infer_value(&arg.value, None);
                    self.require_printable(&ty, arg.value.span);
                    positional.push(index);
                }
                Some(keyword @ ("sep" | "end")) => {
                    let slot = if keyword == "sep" { &mut sep } else { &mut end };
                    if *slot != ArgumentSource::Default {
                        self.report(duplicate_argument("print", keyword, arg));
                    }
                    *slot = ArgumentSource::Argument(index);
                    self.check_value(&arg.value, &Ty::Str);
                }
                Some(other) => {
                    let Some(keyword) = &arg.keyword else { continue };
                    let not_given = [("sep", &sep), ("end", &end)]
                        .into_iter()
                        .filter(|(_, source)| **source == ArgumentSource::Default)
                        .map(|(name, _)| name);
                    let hint =
                        keyword_suggestion(other, not_given, ["sep", "end"]).unwrap_or_else(|| {
                            format!("`print` takes {}", BuiltinFunction::Print.takes())
                        });
                    self.report(unknown_keyword_error("print", keyword).with_hint(hint));
                    self.infer_expr(&arg.value, None);
                }
            }
        }
        let arguments = vec![ArgumentSource::Variadic(positional), sep, end];
        self.result.calls.insert(
            expr.span,
            CallResolution { target: CallTarget::Builtin(BuiltinFunction::Print), arguments },
        );
        Ty::None
    }

    fn min_max_call(
        &mut self,
        expr: &Expr,
        builtin: BuiltinFunction,
        args: &[Arg],
        expected: Option<&Ty>,
    ) -> Ty {
        let name = builtin.name();
        if args.is_empty() || args.iter().any(|arg| arg.keyword.is_some()) {
            self.report(
                Diagnostic::error(
                    codes::WRONG_ARGUMENT_COUNT,
                    format!("`{name}` takes a list, or two or more values"),
                    Label::new(expr.span, format!("{name}(xs) or {name}(a, b, ...)")),
                )
                .with_hint(positional_hint(
                    name,
                    builtin.takes(),
                    args,
                    usize::MAX,
                )),
            );
            return self.infer_arguments_for_recovery(args);
        }
        let ty = if let [single] = args {
            let ty = self.infer_value(&single.value, None);
            match &ty {
                Ty::List(element) => (**element).clone(),
                Ty::PyObject => Ty::PyObject,
                _ if ty.is_unknown() => Ty::Error,
                _ => {
                    self.report(
                        Diagnostic::error(
                            codes::MISMATCHED_TYPES,
                            format!(
                                "`{name}` of one argument takes a `List`, found `{}`",
                                ty.display(self.db)
                            ),
                            Label::new(single.value.span, "not a list"),
                        )
                        .with_hint(format!("for tensors, use the method: `t.{name}()`")),
                    );
                    Ty::Error
                }
            }
        } else {
            let values: Vec<&Expr> = args.iter().map(|arg| &arg.value).collect();
            let leader = leading_value(&values);
            let ty = self.infer_value(values[leader], expected.filter(|ty| ty.is_numeric()));
            for (index, value) in values.iter().enumerate() {
                if index != leader {
                    self.check_value(value, &ty);
                }
            }
            ty
        };
        if !ty.is_unknown() && ty != Ty::PyObject && !self.satisfies(&ty, Bound::Comparable) {
            self.report(
                Diagnostic::error(
                    codes::UNSATISFIED_BOUND,
                    format!(
                        "`{name}` needs values that can be ordered, and `{}` cannot",
                        ty.display(self.db)
                    ),
                    Label::new(expr.span, "not comparable"),
                )
                .with_hint(format!(
                    "`{name}` takes values that can be ordered: {}",
                    Bound::Comparable.satisfying_types()
                )),
            );
        }
        let arguments = vec![ArgumentSource::Variadic((0..args.len()).collect())];
        self.result
            .calls
            .insert(expr.span, CallResolution { target: CallTarget::Builtin(builtin), arguments });
        ty
    }

    /// `T(x)`: a conversion. Numbers, bool, str and PyObject convert among each other (str
    /// to a number parses, raising on failure); `str(x)` takes anything printable;
    /// `Tensor[T](o)`, `List[T](o)` and `Dict[K, V](o)` take a PyObject.
    pub fn cast_call(&mut self, expr: &Expr, target: Ty, args: &[Arg]) -> Ty {
        let name = target.display(self.db).to_string();
        let Some([value]) = self.positional_arguments::<1>(
            &name,
            &format!("one argument: `{name}(x)`"),
            args,
            expr.span,
        ) else {
            return target;
        };
        // A literal takes the target type (and is range-checked), unless it is a float
        // literal cast to an integer type: `i64(2.5)` truncates an `f64`.
        let literal_takes_target = target.is_numeric()
            && is_numeric_literal(value)
            && (target.is_float() || !contains_float_literal(value));
        let from = if literal_takes_target {
            self.check_value(value, &target)
        } else {
            self.infer_value(value, None)
        };
        if from.is_unknown() {
            return target;
        }
        let valid = match (&target, &from) {
            (to, from) if to.is_numeric() => {
                from.is_numeric() || matches!(from, Ty::Bool | Ty::Str | Ty::PyObject)
            }
            (Ty::Bool, from) => {
                from.is_numeric()
                    || matches!(
                        from,
                        Ty::Bool | Ty::Str | Ty::PyObject | Ty::List(_) | Ty::Dict(..)
                    )
            }
            (Ty::Str, from) => self.is_printable(from),
            (Ty::PyObject, from) => from.converts_to_python(),
            (Ty::Tensor(_), Ty::PyObject | Ty::Tensor(_)) => true,
            (Ty::List(_) | Ty::Dict(..), Ty::PyObject) => true,
            _ => false,
        };
        if !valid {
            let mut diagnostic = Diagnostic::error(
                codes::INVALID_CAST,
                format!("cannot convert `{}` to `{name}`", from.display(self.db)),
                Label::new(value.span, format!("this is `{}`", from.display(self.db))),
            )
            .with_note("casts convert between numbers, bool, str and PyObject; `Tensor[T](o)` converts a Python object");
            let value_text = crate::pretty::expr_text(value);
            diagnostic = match (&from, &target) {
                (Ty::Struct(_), _) if target.is_numeric() => {
                    diagnostic.with_hint("convert one of its fields instead")
                }
                (Ty::List(_) | Ty::Tuple(_) | Ty::Tensor(_), _) if target.is_numeric() || target == Ty::Bool => {
                    let count = if matches!(from, Ty::Tuple(_)) { String::new() } else { format!(", or use `len({value_text})` for its length") };
                    diagnostic.with_hint(format!("convert one element, e.g. `{name}({value_text}[0])`{count}"))
                }
                (_, Ty::Tensor(_)) => diagnostic.with_hint(format!(
                    "`{name}(...)` converts a Python object (e.g. a numpy array) or another tensor"
                )),
                (_, Ty::List(_) | Ty::Dict(..)) => diagnostic.with_hint(format!(
                    "`{name}(...)` converts a Python object; build the value with a literal or a loop instead"
                )),
                _ => diagnostic.with_hint(format!(
                    "`{name}(...)` converts numbers, bool, str and PyObject values; compute {} from the parts of `{}` instead",
                    crate::pretty::with_article(&name),
                    from.display(self.db)
                )),
            };
            self.report(diagnostic);
        } else if matches!(target, Ty::Str) {
            self.host_only(expr.span, HostOnly::Allocation("a string"));
        } else if matches!(target, Ty::Tensor(_) | Ty::List(_) | Ty::Dict(..)) {
            self.host_only(expr.span, HostOnly::Python);
        }
        self.result.calls.insert(
            expr.span,
            CallResolution {
                target: CallTarget::Cast { from, to: target.clone() },
                arguments: vec![ArgumentSource::Argument(0)],
            },
        );
        target
    }

    /// The element type `for` gets from a value of type `ty` (E0216 when it is not iterable).
    pub fn iterable_element(&mut self, ty: &Ty, iterable: &Expr) -> Ty {
        let span = iterable.span;
        match ty {
            Ty::Iterator(element) | Ty::List(element) | Ty::Tensor(element) => (**element).clone(),
            Ty::Dict(key, _) => (**key).clone(),
            Ty::Str => Ty::Str,
            Ty::PyObject => Ty::PyObject,
            _ if ty.is_unknown() => Ty::Error,
            _ => {
                let mut diagnostic = Diagnostic::error(
                    codes::NOT_ITERABLE,
                    format!("a value of type `{}` cannot be iterated", ty.display(self.db)),
                    Label::new(span, "not iterable"),
                );
                if ty.is_int() {
                    diagnostic = diagnostic.with_hint(format!(
                        "to count from 0 up to `{0}`, iterate over `range({0})`",
                        crate::pretty::expr_text(iterable)
                    ));
                } else if matches!(ty, Ty::Tuple(_)) {
                    diagnostic = diagnostic
                        .with_note("tuples are fixed-size values; index them with `p[0]`");
                }
                self.report(diagnostic);
                Ty::Error
            }
        }
    }

    /// Binds `(iterable, start=...)`, the parameters of `enumerate` and `sum`: the index of
    /// the iterable argument and where each parameter's value comes from. `None` when the
    /// arguments do not fit (reported, and the arguments inferred for their own errors).
    fn bind_iterable_and_start(
        &mut self,
        name: &str,
        start_ty: Ty,
        args: &[Arg],
        span: Span,
    ) -> Option<(usize, Vec<ArgumentSource>)> {
        let params = [
            ParamSpec { name: "iterable".into(), ty: Ty::Error, has_default: false },
            ParamSpec { name: "start".into(), ty: start_ty, has_default: true },
        ];
        let Some(sources) = self.bind_arguments(name, &params, args, span) else {
            self.infer_arguments_for_recovery(args);
            return None;
        };
        let ArgumentSource::Argument(iterable) = sources[0] else {
            return None;
        };
        Some((iterable, sources))
    }
}

/// The hint of E0202 / E0203 / E0205 for a built-in that takes only positional arguments, at
/// most `max`: remove the keyword or the extra arguments, else what the built-in takes.
fn positional_hint(name: &str, takes: &str, args: &[Arg], max: usize) -> String {
    let positional = args.iter().filter(|arg| arg.keyword.is_none()).count();
    if let Some((arg, keyword)) =
        args.iter().find_map(|arg| arg.keyword.as_ref().map(|keyword| (arg, keyword)))
    {
        return if positional >= max {
            format!(
                "remove `{}={}`: `{name}` takes {takes}",
                keyword.text,
                crate::pretty::expr_text(&arg.value)
            )
        } else {
            format!(
                "pass the value by position, without `{}=`: `{name}` takes {takes}",
                keyword.text
            )
        };
    }
    if args.len() > max {
        let extra: Vec<&Arg> = args[max..].iter().collect();
        return remove_arguments_hint(name, &extra, takes);
    }
    format!("`{name}` takes {takes}")
}
