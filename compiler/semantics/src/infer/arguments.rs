//! Arguments and generics of calls: binding arguments to parameters (positional, keyword,
//! defaults; E0202-E0205) and generic instantiation (type arguments given explicitly or
//! inferred from the arguments, then the expected type, then literals; bounds checked, E0209).
//! A callee whose parameter list failed to parse binds nothing: its arguments are checked
//! on their own (see [`InferenceContext::check_unpaired_arguments`]).

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast::{Arg, Expr};

use super::call::ParamSpec;
use super::expr::{contains_float_literal, is_numeric_literal};
use super::{ArgumentSource, InferenceContext};
use crate::lower_type::{expr_as_type, GenericParam};
use crate::pretty::with_article;
use crate::signatures::FunctionSignature;
use crate::suggest;
use crate::ty::{Bound, Ty};

impl InferenceContext<'_> {
    /// Binds and checks the arguments of a call of `signature`, inferring or checking its
    /// type arguments. Returns the type arguments and where each parameter's value comes from.
    pub(super) fn check_signature_call(
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
        if signature.params_broken {
            self.check_unpaired_arguments(&params, args);
            return (vec![Ty::Error; signature.generics.len()], Vec::new());
        }
        if !signature.is_generic() {
            if let Some(indices) = explicit_type_args {
                if let (Some(first), Some(last)) = (indices.first(), indices.last()) {
                    self.report(
                        Diagnostic::error(
                            codes::WRONG_TYPE_ARGUMENT_COUNT,
                            format!("`{}` takes no type arguments", signature.name),
                            Label::new(first.span.cover(last.span), "unexpected"),
                        )
                        .with_hint(format!(
                            "remove the `[...]` and call `{}(...)` directly",
                            signature.name
                        )),
                    );
                }
            }
            let arguments = self.check_arguments(&signature.name, &params, args, expr.span);
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
            let span = indices
                .first()
                .map_or(Span::default(), |first| first.span.cover(indices[indices.len() - 1].span));
            self.report(
                Diagnostic::error(
                    codes::WRONG_TYPE_ARGUMENT_COUNT,
                    format!(
                        "`{}` takes {} type argument{}, but {} {} given",
                        signature.name,
                        signature.generics.len(),
                        if signature.generics.len() == 1 { "" } else { "s" },
                        type_args.len(),
                        if type_args.len() == 1 { "was" } else { "were" }
                    ),
                    Label::new(span, "type arguments"),
                )
                .with_hint(format!(
                    "`{}` takes `[{}]`: give one type for each",
                    signature.name,
                    generics_text(&signature.generics)
                )),
            );
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
                float_literal[generic.index as usize] |=
                    contains_float_literal(&args[*index].value);
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
                || bounds
                    .iter()
                    .any(|bound| *bound != Bound::Unknown && bound.implies(Bound::Float));
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
                Label::new(span, format!("`{}` is `{}` here", generic.name, ty.display(self.db))),
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
                _ => diagnostic.with_hint(format!(
                    "pass values whose type satisfies `{}`: {}",
                    bound.name(),
                    bound.satisfying_types()
                )),
            };
            self.report(diagnostic);
            return;
        }
    }

    /// Whether `ty` has the operations of `bound`.
    pub fn satisfies(&self, ty: &Ty, bound: Bound) -> bool {
        if bound == Bound::Unknown {
            return true;
        }
        match ty {
            Ty::Error | Ty::Never => true,
            Ty::Param(param) => crate::ty::bounds_imply(self.param_bounds(param.index), bound),
            Ty::Tuple(elements) if bound == Bound::Comparable => {
                elements.iter().all(|element| self.satisfies(element, bound))
            }
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
    ) -> Vec<ArgumentSource> {
        let Some(sources) = self.bind_arguments(callee, params, args, span) else {
            self.check_unpaired_arguments(params, args);
            return Vec::new();
        };
        for (param, source) in params.iter().zip(&sources) {
            if let ArgumentSource::Argument(index) = source {
                self.check_value(&args[*index].value, &param.ty);
            }
        }
        sources
    }

    /// Checks arguments that could not be bound to parameters (a binding error was reported,
    /// or the callee's parameters failed to parse), so that errors inside them are still
    /// found: a keyword argument against the parameter it names, the others on their own.
    pub fn check_unpaired_arguments(&mut self, params: &[ParamSpec], args: &[Arg]) {
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
        let mut unknown_keywords: Vec<&mlc_syntax::ast::Name> = Vec::new();
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
                        unknown_keywords.push(keyword);
                    }
                    Some(position) if sources[position].is_some() => {
                        ok = false;
                        self.report(duplicate_argument(callee, &keyword.text, arg));
                    }
                    Some(position) => sources[position] = Some(ArgumentSource::Argument(index)),
                },
            }
        }
        if let Some(first) = extra.first() {
            ok = false;
            let given = args.iter().filter(|arg| arg.keyword.is_none()).count();
            let takes = params.len();
            self.report(
                Diagnostic::error(
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
                )
                .with_hint(remove_arguments_hint(
                    callee,
                    &extra,
                    &params_text(self.db, params),
                )),
            );
        }
        let missing_params: Vec<&ParamSpec> = params
            .iter()
            .zip(&sources)
            .filter(|(param, source)| source.is_none() && !param.has_default)
            .map(|(param, _)| param)
            .collect();
        let missing: Vec<&str> = missing_params.iter().map(|param| param.name.as_str()).collect();
        for keyword in &unknown_keywords {
            self.unknown_keyword(callee, keyword, params, &sources, &missing);
        }
        // A misspelled keyword usually is the missing argument: that one mistake is reported
        // once, as the unknown keyword.
        if !missing.is_empty() && unknown_keywords.len() < missing.len() {
            ok = false;
            let listed =
                missing.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ");
            self.report(
                Diagnostic::error(
                    codes::MISSING_ARGUMENT,
                    format!(
                        "missing argument{} {listed} in the call of `{callee}`",
                        if missing.len() == 1 { "" } else { "s" }
                    ),
                    Label::new(span, "missing arguments"),
                )
                .with_hint(format!(
                    "add {} to the call",
                    missing_params
                        .iter()
                        .map(|param| {
                            if param.ty.is_unknown() {
                                format!("`{}=...`", param.name)
                            } else {
                                format!(
                                    "`{}=...` ({})",
                                    param.name,
                                    with_article(&param.ty.display(self.db).to_string())
                                )
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
        if !ok {
            return None;
        }
        Some(sources.into_iter().map(|source| source.unwrap_or(ArgumentSource::Default)).collect())
    }
}

impl InferenceContext<'_> {
    /// E0203, suggesting first a parameter that was not given (`Point(x=1.0, z=2.0)` most
    /// likely meant the missing `y`), then any parameter with a close name.
    fn unknown_keyword(
        &mut self,
        callee: &str,
        keyword: &mlc_syntax::ast::Name,
        params: &[ParamSpec],
        sources: &[Option<ArgumentSource>],
        missing: &[&str],
    ) {
        let mut diagnostic = unknown_keyword_error(callee, keyword);
        let not_given = params
            .iter()
            .zip(sources)
            .filter(|(_, source)| source.is_none())
            .map(|(param, _)| param.name.as_str());
        let all = params.iter().map(|param| param.name.as_str());
        if let Some(hint) = keyword_suggestion(&keyword.text, not_given, all) {
            diagnostic = diagnostic.with_hint(hint);
        } else if let [only] = missing {
            diagnostic = diagnostic
                .with_hint(format!("the argument not given yet is `{only}`: write `{only}=...`"));
        } else if !params.is_empty() {
            let names = suggest::list_names(params.iter().map(|param| param.name.as_str()), 8);
            diagnostic =
                diagnostic.with_note(format!("its parameters are {names}")).with_hint(format!(
                    "use one of those names, or pass the value by position: `{callee}` takes {}",
                    params_text(self.db, params)
                ));
        }
        self.report(diagnostic);
    }
}

/// E0202's hint: "remove the argument `3`: `add` takes `a: i64, b: i64`", where `takes` is
/// the callee's signature ([`params_text`], or a built-in's own description).
pub(super) fn remove_arguments_hint(callee: &str, extra: &[&Arg], takes: &str) -> String {
    format!(
        "remove {} `{}`: `{callee}` takes {takes}",
        if extra.len() == 1 { "the argument" } else { "the arguments" },
        extra
            .iter()
            .map(|arg| crate::pretty::expr_text(&arg.value))
            .collect::<Vec<_>>()
            .join("`, `"),
    )
}

/// E0204 for `arg`, the second `keyword=` of a call of `callee`.
pub(super) fn duplicate_argument(callee: &str, keyword: &str, arg: &Arg) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_ARGUMENT,
        format!("the argument `{keyword}` of `{callee}` is given more than once"),
        Label::new(arg.span, "given again here"),
    )
    .with_hint(format!(
        "remove `{keyword}={}`: `{keyword}` is already given earlier in the call",
        crate::pretty::expr_text(&arg.value)
    ))
}

/// E0203 without its hint: `callee` has no parameter named `keyword`.
pub(super) fn unknown_keyword_error(callee: &str, keyword: &mlc_syntax::ast::Name) -> Diagnostic {
    Diagnostic::error(
        codes::UNKNOWN_KEYWORD_ARGUMENT,
        format!("`{callee}` has no parameter named `{}`", keyword.text),
        Label::new(keyword.span, "unknown keyword"),
    )
}

/// E0203's "did you mean `sep=`?": the parameter named most like `keyword`, first among
/// those not given yet, then among all.
pub(super) fn keyword_suggestion<'a>(
    keyword: &str,
    not_given: impl IntoIterator<Item = &'a str> + Clone,
    all: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<String> {
    suggest::closest_or_abbreviated(keyword, not_given)
        .or_else(|| suggest::closest_or_abbreviated(keyword, all))
        .map(|suggestion| format!("did you mean `{suggestion}=`?"))
}

/// A parameter list as written in a signature: "`x: i64, y: i64 = ...`".
pub fn params_text(db: &dyn crate::db::Db, params: &[ParamSpec]) -> String {
    if params.is_empty() {
        return "no arguments".to_string();
    }
    let listed: Vec<String> = params
        .iter()
        .map(|param| {
            let default = if param.has_default { " = ..." } else { "" };
            if param.ty.is_unknown() {
                format!("{}{default}", param.name)
            } else {
                format!("{}: {}{default}", param.name, param.ty.display(db))
            }
        })
        .collect();
    format!("`{}`", listed.join(", "))
}

/// Generic parameters as written in a signature: "T: Numeric, U".
fn generics_text(generics: &[GenericParam]) -> String {
    generics
        .iter()
        .map(|generic| {
            let bounds: Vec<&str> = generic.bounds.iter().map(|bound| bound.name()).collect();
            if bounds.is_empty() {
                generic.name.clone()
            } else {
                format!("{}: {}", generic.name, bounds.join(" + "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
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
