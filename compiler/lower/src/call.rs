//! Calls: user functions and methods (monomorphized), struct constructors, casts, built-in
//! functions and methods, the standard library's intrinsics, kernel launches, Python calls.

use mlc_ir::{Attribute, OpState, Type, ValueId};
use mlc_semantics::{
    function_signature, ArgumentSource, BuiltinFunction, CallTarget, FunctionId, IndexResolution,
    Ty,
};
use mlc_syntax::ast::{self, ExprKind, ParamKind};

use crate::function::FnLowering;
use crate::ops::op;
use crate::place::Place;
use crate::types::symbol;

impl FnLowering<'_> {
    pub fn lower_call(
        &mut self,
        expr: &ast::Expr,
        callee: &ast::Expr,
        args: &[ast::Arg],
    ) -> Option<ValueId> {
        let resolution = self
            .inference
            .calls
            .get(&expr.span)
            .cloned()
            .unwrap_or_else(|| panic!("lowering: an unresolved call at {:?}", expr.span));
        let sources = resolution.arguments;
        match resolution.target {
            CallTarget::Function { function, type_args } => {
                let type_args = self.substitute_all(&type_args);
                let values = self.arguments(args, &sources, Some(function), &type_args);
                self.at(expr.span);
                if function_signature(self.db, function).flags.is_extern {
                    return self.intrinsic(function, &values, expr);
                }
                self.call_function(function, type_args, &values)
            }
            CallTarget::Method { function, type_args } => {
                let type_args = self.substitute_all(&type_args);
                let ExprKind::Attribute { base, .. } = &callee.kind else {
                    panic!("lowering: a method call without a receiver")
                };
                let receiver = self.lower_place(base);
                let values = self.arguments(args, &sources, Some(function), &type_args);
                self.at(expr.span);
                self.call_method(function, type_args, &receiver, &values)
            }
            CallTarget::StructConstructor(strukt) => {
                let data = mlc_semantics::struct_data(self.db, strukt);
                let evaluated = self.evaluate_in_order(args);
                let mut fields = Vec::new();
                for (source, field) in sources.iter().zip(&data.fields) {
                    fields.push(match source {
                        ArgumentSource::Argument(index) => {
                            evaluated[*index].expect("a field value")
                        }
                        _ => {
                            let default = field.default.clone().expect("checked: a field default");
                            self.lower_default(&default, &field.ty, strukt.file(self.db))
                        }
                    });
                }
                self.at(expr.span);
                let ty = self.value_ty(&Ty::Struct(strukt));
                Some(self.apply("agg.make", &fields, ty))
            }
            CallTarget::Cast { from, to } => {
                let value = self.lower_value(&args[0].value);
                let (from, to) = (from.substitute(&self.type_args), to.substitute(&self.type_args));
                self.at(expr.span);
                Some(self.cast(value, &from, &to))
            }
            CallTarget::ListConstructor(element) => {
                let ty = self.value_ty(&Ty::list(element));
                Some(self.apply("mem.list_new", &[], ty))
            }
            CallTarget::DictConstructor(key, value) => {
                let ty = self.value_ty(&Ty::dict(key, value));
                Some(self.apply("mem.dict_new", &[], ty))
            }
            CallTarget::Builtin(builtin) => self.lower_builtin(expr, builtin, args, &sources),
            CallTarget::BuiltinMethod { receiver, method } => {
                let ExprKind::Attribute { base, .. } = &callee.kind else {
                    panic!("lowering: a method call without a receiver")
                };
                let object = self.lower_value(base);
                let values = self.arguments(args, &sources, None, &[]);
                self.at(expr.span);
                let result = self.expr_ty(expr);
                self.builtin_method(
                    &receiver.substitute(&self.type_args),
                    method,
                    object,
                    &values,
                    &result,
                )
            }
            CallTarget::KernelLaunch { kernel, type_args } => {
                let ExprKind::Index { base: _, indices } = &callee.kind else {
                    panic!("lowering: a launch without a configuration")
                };
                debug_assert_eq!(
                    self.inference.indexes.get(&callee.span),
                    Some(&IndexResolution::LaunchConfiguration)
                );
                let grid = self.launch_dimensions(&indices[0]);
                let block = self.launch_dimensions(&indices[1]);
                let type_args = self.substitute_all(&type_args);
                let values = self.arguments(args, &sources, Some(kernel), &type_args);
                self.at(expr.span);
                let name = symbol(self.db, kernel, &type_args);
                self.callees.push((kernel, type_args));
                let mut operands = grid;
                operands.extend(block);
                operands.extend(values);
                self.emit(
                    OpState::new(op("gpu.launch"))
                        .operands(&operands)
                        .attribute("kernel", Attribute::SymbolRef(name)),
                );
                None
            }
            CallTarget::Python => {
                let function = self.lower_value(callee);
                let mut positional = Vec::new();
                let mut keyword_values = Vec::new();
                let mut keywords = Vec::new();
                for arg in args {
                    let value = match self.lower_expr(&arg.value) {
                        Some(value) => self.to_python(value),
                        None => self.apply("py.none", &[], Type::PyObject),
                    };
                    match &arg.keyword {
                        Some(keyword) => {
                            keywords.push(Attribute::String(keyword.text.clone()));
                            keyword_values.push(value);
                        }
                        None => positional.push(value),
                    }
                }
                self.at(expr.span);
                let mut operands = vec![function];
                operands.extend(positional);
                operands.extend(keyword_values);
                Some(
                    self.value(
                        OpState::new(op("py.call"))
                            .operands(&operands)
                            .attribute("keywords", Attribute::Array(keywords))
                            .results(&[Type::PyObject]),
                    ),
                )
            }
        }
    }

    fn substitute_all(&self, types: &[Ty]) -> Vec<Ty> {
        types.iter().map(|ty| ty.substitute(&self.type_args)).collect()
    }

    /// The call's arguments in source order (Python's evaluation order).
    fn evaluate_in_order(&mut self, args: &[ast::Arg]) -> Vec<Option<ValueId>> {
        args.iter().map(|arg| self.lower_expr(&arg.value)).collect()
    }

    /// One value per parameter (after the receiver): arguments evaluated in source order,
    /// defaults (of `callee`'s signature) where none was given. A built-in method's omitted
    /// optional argument is left out.
    fn arguments(
        &mut self,
        args: &[ast::Arg],
        sources: &[ArgumentSource],
        callee: Option<FunctionId>,
        type_args: &[Ty],
    ) -> Vec<ValueId> {
        let evaluated = self.evaluate_in_order(args);
        let signature = callee.map(|callee| function_signature(self.db, callee));
        let mut values = Vec::new();
        for (position, source) in sources.iter().enumerate() {
            match source {
                ArgumentSource::Argument(index) => {
                    if let Some(value) = evaluated[*index] {
                        values.push(value);
                    }
                }
                ArgumentSource::Variadic(indices) => {
                    values.extend(indices.iter().filter_map(|index| evaluated[*index]));
                }
                ArgumentSource::Default => {
                    let Some(signature) = &signature else { continue };
                    let param = &signature.params[position];
                    let default = param.default.clone().expect("checked: a default value");
                    let ty = param.ty.substitute(type_args);
                    let file = callee.expect("a callee").file(self.db);
                    values.push(self.lower_default(&default, &ty, file));
                }
            }
        }
        values
    }

    /// `func.call` of a function instance; records it to be lowered too.
    pub fn call_function(
        &mut self,
        function: FunctionId,
        type_args: Vec<Ty>,
        arguments: &[ValueId],
    ) -> Option<ValueId> {
        let signature = function_signature(self.db, function);
        let result = self.ir_ty(&signature.return_ty.substitute(&type_args));
        let name = symbol(self.db, function, &type_args);
        if !self.callees.contains(&(function, type_args.clone())) {
            self.callees.push((function, type_args));
        }
        let created = self.emit(
            OpState::new(op("func.call"))
                .operands(arguments)
                .attribute("callee", Attribute::SymbolRef(name))
                .results(&result.into_iter().collect::<Vec<_>>()),
        );
        self.module.ops[created].results.first().copied()
    }

    /// A method call on a receiver place: a `mut self` method gets the receiver's slot
    /// (a temporary one written back for receivers that are not `var`s).
    pub fn call_method(
        &mut self,
        function: FunctionId,
        type_args: Vec<Ty>,
        receiver: &Place,
        arguments: &[ValueId],
    ) -> Option<ValueId> {
        let signature = function_signature(self.db, function);
        if signature.receiver == Some(ParamKind::MutSelf) {
            let (slot, write_back) = match receiver {
                Place::Slot(slot) => (*slot, false),
                other => {
                    let ty = self.place_type(other);
                    let value = self.read_place(other, &ty);
                    (self.new_slot(value), !matches!(other, Place::Temporary(_)))
                }
            };
            let mut operands = vec![slot];
            operands.extend(arguments);
            let result = self.call_function(function, type_args, &operands);
            if write_back {
                let ty = self.place_type(receiver);
                let updated = self.apply("mem.load", &[slot], ty);
                self.write_place(receiver, updated);
            }
            return result;
        }
        let ty = self.place_type(receiver);
        let value = self.read_place(receiver, &ty);
        let mut operands = vec![value];
        operands.extend(arguments);
        self.call_function(function, type_args, &operands)
    }

    pub fn call_method_on_place(
        &mut self,
        function: FunctionId,
        receiver: &Place,
        arguments: &[ValueId],
    ) {
        self.call_method(function, Vec::new(), receiver, arguments);
    }

    /// Grid or block size of a launch: an integer (`x`, with `y = z = 1`) or a tuple of up
    /// to three.
    fn launch_dimensions(&mut self, expr: &ast::Expr) -> Vec<ValueId> {
        let value = self.lower_value(expr);
        let mut dims = match self.ty_of(value) {
            Type::Tuple(types) => types
                .iter()
                .enumerate()
                .map(|(index, ty)| {
                    let part = self.extract(value, index, ty.clone());
                    self.widen_to_i64(part)
                })
                .collect(),
            _ => vec![self.widen_to_i64(value)],
        };
        while dims.len() < 3 {
            dims.push(self.i64(1));
        }
        dims
    }

    fn widen_to_i64(&mut self, value: ValueId) -> ValueId {
        match self.ty_of(value) {
            Type::Int(64) => value,
            Type::Int(_) => self.apply("arith.extsi", &[value], Type::I64),
            _ => self.apply("arith.extui", &[value], Type::I64),
        }
    }

    // ---- casts ----

    /// `to(value)` for a value of type `from`.
    pub fn cast(&mut self, value: ValueId, from: &Ty, to: &Ty) -> ValueId {
        if from == to {
            return value;
        }
        if *from == Ty::PyObject {
            let target = self.value_ty(to);
            return self.apply("py.to", &[value], target);
        }
        if *to == Ty::Str {
            return self.format(value, "");
        }
        let source = self.ty_of(value);
        let target = self.value_ty(to);
        if source == Type::Str && target != Type::I1 {
            // `i64("42")`, `f64("1.5")`: parsed by the runtime (a malformed text raises).
            let (name, parsed) = if target.is_float() {
                ("str.to_f64", Type::F64)
            } else {
                ("str.to_i64", Type::I64)
            };
            let number = self.builtin_value(name, &[value], parsed.clone());
            let from = if parsed.is_float() { Ty::F64 } else { Ty::I64 };
            return self.cast(number, &from, to);
        }
        if target == Type::I1 && (source.is_handle() || matches!(source, Type::Tuple(_))) {
            // Truthiness of a container: not empty.
            let length = self.length(value, from);
            let zero = self.i64(0);
            return self.compare("arith.cmpi", "ne", length, zero);
        }
        match (&source, &target) {
            (_, Type::Int(1)) if source.is_float() => {
                let zero = self.float(0.0, source.clone());
                self.compare("arith.cmpf", "une", value, zero)
            }
            (_, Type::Int(1)) => {
                let zero = self.int(0, source.clone());
                self.compare("arith.cmpi", "ne", value, zero)
            }
            (Type::Float(_), Type::Float(_)) if source.bit_width() == target.bit_width() => {
                // `f16` <-> `bf16`: through `f32`, which holds both exactly.
                let wide = self.apply("arith.extf", &[value], Type::Float(mlc_ir::FloatKind::F32));
                self.apply("arith.truncf", &[wide], target)
            }
            (Type::Float(_), Type::Float(_)) => {
                let name = if source.bit_width() < target.bit_width() {
                    "arith.extf"
                } else {
                    "arith.truncf"
                };
                self.apply(name, &[value], target)
            }
            (Type::Float(_), Type::Int(_)) => self.apply("arith.fptosi", &[value], target),
            (Type::Float(_), Type::UInt(_)) => self.apply("arith.fptoui", &[value], target),
            (Type::Int(1) | Type::UInt(_), Type::Float(_)) => {
                self.apply("arith.uitofp", &[value], target)
            }
            (Type::Int(_), Type::Float(_)) => self.apply("arith.sitofp", &[value], target),
            _ => {
                let (from_bits, to_bits) =
                    (source.bit_width().unwrap_or(64), target.bit_width().unwrap_or(64));
                let signed_source = matches!(source, Type::Int(bits) if bits > 1);
                if from_bits < to_bits {
                    let name = if signed_source { "arith.extsi" } else { "arith.extui" };
                    self.apply(name, &[value], target)
                } else if from_bits > to_bits {
                    self.apply("arith.trunci", &[value], target)
                } else {
                    // Same width, other signedness: the bits reinterpreted.
                    self.apply("arith.bitcast", &[value], target)
                }
            }
        }
    }

    // ---- built-in functions ----

    fn lower_builtin(
        &mut self,
        expr: &ast::Expr,
        builtin: BuiltinFunction,
        args: &[ast::Arg],
        sources: &[ArgumentSource],
    ) -> Option<ValueId> {
        let result_ty = self.expr_ty(expr);
        match builtin {
            BuiltinFunction::Print => {
                let values = match &sources[0] {
                    ArgumentSource::Variadic(indices) => indices.clone(),
                    _ => Vec::new(),
                };
                let evaluated = self.evaluate_in_order(args);
                let text = |this: &mut Self, source: &ArgumentSource, default: &str| match source {
                    ArgumentSource::Argument(index) => evaluated[*index].expect("a str"),
                    _ => this.string(default),
                };
                let sep = text(self, &sources[1], " ");
                let end = text(self, &sources[2], "\n");
                let mut operands = vec![sep, end];
                for index in values {
                    operands.push(match evaluated[index] {
                        Some(value) => value,
                        None => self.string("None"),
                    });
                }
                self.at(expr.span);
                self.emit(OpState::new(op("rt.print")).operands(&operands));
                None
            }
            BuiltinFunction::Len => {
                let value = self.lower_value(&args[0].value);
                self.at(expr.span);
                Some(self.length(value, &self.expr_ty(&args[0].value)))
            }
            BuiltinFunction::Abs => {
                let value = self.lower_value(&args[0].value);
                self.at(expr.span);
                let ty = self.ty_of(value);
                Some(match ty {
                    Type::Float(_) => self.apply("math.absf", &[value], ty),
                    Type::Tensor(_) => self.value(
                        OpState::new(op("tensor.unary"))
                            .operands(&[value])
                            .attribute("kind", Attribute::String("abs".to_string()))
                            .results(&[ty]),
                    ),
                    Type::PyObject => {
                        let builtins = self.value(
                            OpState::new(op("py.import"))
                                .attribute("module", Attribute::String("builtins".to_string()))
                                .results(&[Type::PyObject]),
                        );
                        let function = self.value(
                            OpState::new(op("py.getattr"))
                                .operands(&[builtins])
                                .attribute("name", Attribute::String("abs".to_string()))
                                .results(&[Type::PyObject]),
                        );
                        self.value(
                            OpState::new(op("py.call"))
                                .operands(&[function, value])
                                .attribute("keywords", Attribute::Array(Vec::new()))
                                .results(&[Type::PyObject]),
                        )
                    }
                    _ => self.apply("math.absi", &[value], ty),
                })
            }
            BuiltinFunction::Min | BuiltinFunction::Max => {
                let values: Vec<ValueId> =
                    self.evaluate_in_order(args).into_iter().flatten().collect();
                self.at(expr.span);
                let is_min = builtin == BuiltinFunction::Min;
                if let [single] = values.as_slice() {
                    let ty = self.value_ty(&result_ty);
                    let name = if is_min { "list.min" } else { "list.max" };
                    return Some(self.builtin_value(name, &[*single], ty));
                }
                // Python's `min(a, b)` is `b if b < a else a` (the first of equals, and NaN
                // compares as Python does): a comparison and a select, for every type.
                let operator = if is_min { ast::CompareOp::Lt } else { ast::CompareOp::Gt };
                let mut result = values[0];
                for &next in &values[1..] {
                    let better = self.native_compare(operator, next, result);
                    let ty = self.ty_of(result);
                    result = self.apply("arith.select", &[better, next, result], ty);
                }
                Some(result)
            }
            BuiltinFunction::Sum => Some(self.lower_sum(expr, args, sources)),
            BuiltinFunction::Argv => {
                Some(self.apply("rt.argv", &[], Type::List(Box::new(Type::Str))))
            }
            BuiltinFunction::Error => {
                let message = self.lower_value(&args[0].value);
                self.at(expr.span);
                Some(self.apply("rt.error", &[message], Type::RtError))
            }
            BuiltinFunction::Range | BuiltinFunction::Enumerate | BuiltinFunction::Zip => {
                panic!("lowering: an iterator used as a value (checked: only `for` and `sum` take one)")
            }
        }
    }

    /// `len(value)`.
    pub fn length(&mut self, value: ValueId, ty: &Ty) -> ValueId {
        match self.ty_of(value) {
            Type::List(_) => self.apply("mem.list_len", &[value], Type::I64),
            Type::Dict(..) => self.apply("mem.dict_len", &[value], Type::I64),
            Type::Str => self.builtin_value("str.len", &[value], Type::I64),
            Type::Tensor(_) => {
                let zero = self.i64(0);
                self.apply("tensor.dim", &[value, zero], Type::I64)
            }
            Type::Tuple(elements) => self.i64(elements.len() as i64),
            Type::PyObject => self.apply("py.len", &[value], Type::I64),
            _ => {
                let Ty::Struct(strukt) = ty else { panic!("lowering: `len` of {ty:?}") };
                let method = mlc_semantics::struct_data(self.db, *strukt)
                    .method("__len__")
                    .expect("checked: `__len__`");
                self.call_function(method, Vec::new(), &[value]).expect("`__len__` returns")
            }
        }
    }

    /// A method of `List`, `Dict`, `str` or `Tensor`.
    fn builtin_method(
        &mut self,
        receiver: &Ty,
        method: &str,
        object: ValueId,
        arguments: &[ValueId],
        result: &Ty,
    ) -> Option<ValueId> {
        let result_ty = self.ir_ty(result);
        let mut operands = vec![object];
        operands.extend(arguments);
        let results: Vec<Type> = result_ty.clone().into_iter().collect();
        match (receiver, method) {
            (Ty::List(_), "append") => {
                self.emit(OpState::new(op("mem.list_append")).operands(&operands));
                None
            }
            (Ty::Tensor(_), "size") => Some(self.apply("tensor.dim", &operands, Type::I64)),
            (Ty::Tensor(_), "numel") => Some(self.apply("tensor.numel", &operands, Type::I64)),
            (Ty::Tensor(_), "sum" | "max" | "min" | "mean") => Some(
                self.value(
                    OpState::new(op("tensor.reduce"))
                        .operands(&operands)
                        .attribute("kind", Attribute::String(method.to_string()))
                        .results(&results),
                ),
            ),
            (Ty::Tensor(_), "reshape") => {
                Some(self.apply("tensor.reshape", &operands, results[0].clone()))
            }
            (Ty::Tensor(_), "copy") => {
                Some(self.apply("tensor.copy", &operands, results[0].clone()))
            }
            (Ty::Tensor(_), "to_gpu" | "to_cpu") => Some(
                self.value(
                    OpState::new(op("tensor.to_device"))
                        .operands(&operands)
                        .attribute("device", Attribute::String(method[3..].to_string()))
                        .results(&results),
                ),
            ),
            _ => {
                let prefix = match receiver {
                    Ty::List(_) => "list",
                    Ty::Dict(..) => "dict",
                    Ty::Str => "str",
                    _ => "tensor",
                };
                let values = self.builtin(&format!("{prefix}.{method}"), &operands, &results);
                values.first().copied()
            }
        }
    }

    // ---- the standard library's `extern` functions ----

    fn intrinsic(
        &mut self,
        function: FunctionId,
        values: &[ValueId],
        expr: &ast::Expr,
    ) -> Option<ValueId> {
        let module = mlc_semantics::stdlib::stdlib_module_name(self.db, function.file(self.db))
            .expect("checked: `extern` functions are in the standard library");
        let name = function.name(self.db).clone();
        let result = self.expr_ty(expr);
        let result_ty = self.ir_ty(&result);
        let results: Vec<Type> = result_ty.into_iter().collect();
        let simple = |this: &mut Self, op_name: &str| -> Option<ValueId> {
            let created = this.emit(OpState::new(op(op_name)).operands(values).results(&results));
            this.module.ops[created].results.first().copied()
        };
        match (module.as_str(), name.as_str()) {
            ("math", "fabs") => simple(self, "math.absf"),
            ("math", "isnan") => Some(self.compare("arith.cmpf", "uno", values[0], values[0])),
            ("math", "isinf") => {
                let ty = self.ty_of(values[0]);
                let magnitude = self.apply("math.absf", &[values[0]], ty.clone());
                let infinity = self.float(f64::INFINITY, ty);
                Some(self.compare("arith.cmpf", "oeq", magnitude, infinity))
            }
            ("math", "erf") => {
                let values = self.builtin("math.erf", values, &results);
                values.first().copied()
            }
            ("math", "pow") => simple(self, "math.powf"),
            ("math", _) => simple(self, &format!("math.{name}")),
            ("tensor", "zeros" | "ones" | "full" | "arange") => {
                simple(self, &format!("tensor.{name}"))
            }
            ("tensor", "rand" | "randn") => {
                let distribution = if name == "rand" { "uniform" } else { "normal" };
                Some(
                    self.value(
                        OpState::new(op("tensor.random"))
                            .operands(values)
                            .attribute("distribution", Attribute::String(distribution.to_string()))
                            .results(&results),
                    ),
                )
            }
            ("gpu", "barrier") => simple(self, "gpu.barrier"),
            ("gpu", "synchronize") => simple(self, "gpu.synchronize"),
            ("gpu", "shared_array") => simple(self, "gpu.shared_alloc"),
            ("gpu", "atomic_add") => simple(self, "gpu.atomic_add"),
            _ => {
                let values = self.builtin(&format!("{module}.{name}"), values, &results);
                values.first().copied()
            }
        }
    }
}
