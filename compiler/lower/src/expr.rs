//! Expressions: literals, names, containers, f-strings, attributes, indexing.

use mlc_ir::{Attribute, OpState, Type, ValueId};
use mlc_semantics::{AttributeResolution, Coercion, IndexResolution, NameResolution, Ty};
use mlc_syntax::ast::{self, ExprKind, FStringPart};

use crate::function::FnLowering;
use crate::ops::op;

impl FnLowering<'_> {
    /// An expression that has a value.
    pub fn lower_value(&mut self, expr: &ast::Expr) -> ValueId {
        match self.lower_expr(expr) {
            Some(value) => value,
            None => panic!("lowering: `{expr:?}` has no value"),
        }
    }

    /// An expression; `None` for those of type `None` (calls of functions returning nothing).
    pub fn lower_expr(&mut self, expr: &ast::Expr) -> Option<ValueId> {
        let value = self.lower_expr_uncoerced(expr);
        if self.inference.coercions.get(&expr.span) == Some(&Coercion::ToPython) {
            self.at(expr.span);
            return Some(match value {
                Some(value) => self.to_python(value),
                None => self.apply("py.none", &[], Type::PyObject),
            });
        }
        value
    }

    /// A native value as a Python object (`py.from`); a PyObject as it is.
    pub fn to_python(&mut self, value: ValueId) -> ValueId {
        if self.ty_of(value) == Type::PyObject {
            value
        } else {
            self.apply("py.from", &[value], Type::PyObject)
        }
    }

    fn lower_expr_uncoerced(&mut self, expr: &ast::Expr) -> Option<ValueId> {
        self.at(expr.span);
        Some(match &expr.kind {
            ExprKind::Int(value) => {
                let ty = self.expr_ty(expr);
                let ty = self.value_ty(&ty);
                if ty.is_float() {
                    self.float(*value as f64, ty)
                } else {
                    self.int(i128::from(*value), ty)
                }
            }
            ExprKind::Float(bits) => {
                let ty = self.expr_ty(expr);
                let ty = self.value_ty(&ty);
                self.float(f64::from_bits(*bits), ty)
            }
            ExprKind::Bool(value) => self.bool(*value),
            ExprKind::None => return None,
            ExprKind::Str(text) => self.string(text),
            ExprKind::FString(parts) => self.lower_fstring(parts),
            ExprKind::Name(_) => return self.lower_name(expr),
            ExprKind::Tuple(elements) => {
                let values: Vec<ValueId> = elements.iter().map(|e| self.lower_value(e)).collect();
                let ty = self.expr_ty(expr);
                let ty = self.value_ty(&ty);
                self.at(expr.span);
                self.apply("agg.make", &values, ty)
            }
            ExprKind::List(elements) => {
                let values: Vec<ValueId> = elements.iter().map(|e| self.lower_value(e)).collect();
                let ty = self.expr_ty(expr);
                let ty = self.value_ty(&ty);
                self.at(expr.span);
                self.apply("mem.list_new", &values, ty)
            }
            ExprKind::Dict(entries) => {
                let mut values = Vec::new();
                for (key, value) in entries {
                    values.push(self.lower_value(key));
                    values.push(self.lower_value(value));
                }
                let ty = self.expr_ty(expr);
                let ty = self.value_ty(&ty);
                self.at(expr.span);
                self.apply("mem.dict_new", &values, ty)
            }
            ExprKind::Unary { op, operand } => return self.lower_unary(expr, *op, operand),
            ExprKind::Binary { op, lhs, rhs } => {
                let lhs_ty = self.expr_ty(lhs);
                let left = self.lower_value(lhs);
                let right = self.lower_value(rhs);
                self.at(expr.span);
                self.binary_operation(*op, left, right, expr.span, &lhs_ty)
            }
            ExprKind::Logical { op, lhs, rhs } => self.lower_logical(expr, *op, lhs, rhs),
            ExprKind::Compare { first, rest } => self.lower_compare(first, rest),
            ExprKind::IfElse { condition, then, otherwise } => {
                let condition = self.lower_condition(condition);
                let ty = self.expr_ty(expr);
                let ty = self.value_ty(&ty);
                self.at(expr.span);
                self.if_op(
                    condition,
                    &[ty],
                    |this| vec![this.lower_value(then)],
                    |this| vec![this.lower_value(otherwise)],
                )[0]
            }
            ExprKind::Call { callee, args } => return self.lower_call(expr, callee, args),
            ExprKind::Attribute { base, name } => self.lower_attribute(expr, base, name),
            ExprKind::Index { base, indices } => self.lower_index(expr, base, indices),
            ExprKind::Slice { .. } => panic!("lowering: a slice outside an index"),
            ExprKind::Error => panic!("lowering an expression that failed to parse"),
        })
    }

    fn lower_name(&mut self, expr: &ast::Expr) -> Option<ValueId> {
        let resolution = self.inference.names.get(&expr.span).cloned();
        Some(match resolution {
            Some(NameResolution::Local(binding)) => self.read_local(binding),
            Some(NameResolution::Const(konst)) => return self.lower_const(konst),
            Some(NameResolution::Python(module)) => self.value(
                OpState::new(op("py.import"))
                    .attribute("module", Attribute::String(module))
                    .results(&[Type::PyObject]),
            ),
            other => panic!("lowering: the name `{expr:?}` resolved to {other:?} as a value"),
        })
    }

    fn lower_fstring(&mut self, parts: &[FStringPart]) -> ValueId {
        let mut pieces = Vec::new();
        for part in parts {
            match part {
                FStringPart::Literal { text, .. } => pieces.push(self.string(text)),
                FStringPart::Field { expr, spec, span } => {
                    let Some(value) = self.lower_expr(expr) else {
                        pieces.push(self.string("None"));
                        continue;
                    };
                    self.at(*span);
                    let spec = spec.clone().unwrap_or_default();
                    pieces.push(self.format(value, &spec));
                }
            }
        }
        match pieces.as_slice() {
            [single] if self.ty_of(*single) == Type::Str => *single,
            _ => self.apply("rt.concat", &pieces, Type::Str),
        }
    }

    /// `rt.format` of a value with a spec (`""`: as `str()` writes it); a `str` without a
    /// spec is itself.
    pub fn format(&mut self, value: ValueId, spec: &str) -> ValueId {
        if spec.is_empty() && self.ty_of(value) == Type::Str {
            return value;
        }
        self.value(
            OpState::new(op("rt.format"))
                .operands(&[value])
                .attribute("spec", Attribute::String(spec.to_string()))
                .results(&[Type::Str]),
        )
    }

    fn lower_attribute(&mut self, expr: &ast::Expr, base: &ast::Expr, name: &ast::Name) -> ValueId {
        let resolution = self.inference.attributes.get(&expr.span).cloned();
        if let Some(dimension) = self.gpu_dimension(base, name) {
            return dimension;
        }
        match resolution {
            Some(AttributeResolution::Field { index, .. }) => {
                let whole = self.lower_value(base);
                let ty = self.expr_ty(expr);
                let ty = self.value_ty(&ty);
                self.at(expr.span);
                self.extract(whole, index as usize, ty)
            }
            Some(AttributeResolution::ModuleItem(NameResolution::Const(konst))) => {
                self.lower_const(konst).expect("a module constant has a value")
            }
            Some(AttributeResolution::Property(property)) => {
                let object = self.lower_value(base);
                self.at(expr.span);
                match property {
                    "shape" => {
                        self.apply("tensor.shape", &[object], Type::List(Box::new(Type::I64)))
                    }
                    "ndim" => self.apply("tensor.rank", &[object], Type::I64),
                    "message" => self.apply("rt.error_message", &[object], Type::Str),
                    other => panic!("lowering: unknown property `{other}`"),
                }
            }
            Some(AttributeResolution::Python) => {
                let object = self.lower_value(base);
                self.at(expr.span);
                self.value(
                    OpState::new(op("py.getattr"))
                        .operands(&[object])
                        .attribute("name", Attribute::String(name.text.clone()))
                        .results(&[Type::PyObject]),
                )
            }
            other => panic!("lowering: attribute `{}` resolved to {other:?} as a value", name.text),
        }
    }

    fn lower_index(
        &mut self,
        expr: &ast::Expr,
        base: &ast::Expr,
        indices: &[ast::Expr],
    ) -> ValueId {
        let resolution = self.inference.indexes.get(&expr.span).cloned();
        let ty = self.expr_ty(expr);
        match resolution {
            Some(IndexResolution::Tuple(position)) => {
                let whole = self.lower_value(base);
                let ty = self.value_ty(&ty);
                self.extract(whole, position as usize, ty)
            }
            Some(
                IndexResolution::ListSlice
                | IndexResolution::StrSlice
                | IndexResolution::TensorSlice,
            ) => {
                let object = self.lower_value(base);
                let name = match resolution {
                    Some(IndexResolution::ListSlice) => "list.slice",
                    Some(IndexResolution::StrSlice) => "str.slice",
                    _ => "tensor.slice",
                };
                self.lower_slicing(name, object, indices, &ty, expr)
            }
            Some(IndexResolution::Str) => {
                let object = self.lower_value(base);
                let index = self.lower_value(&indices[0]);
                self.at(expr.span);
                self.builtin_value("str.getitem", &[object, index], Type::Str)
            }
            Some(
                IndexResolution::Dunder(_)
                | IndexResolution::List
                | IndexResolution::Dict
                | IndexResolution::Tensor
                | IndexResolution::Python,
            ) => {
                let place = self.lower_place(expr);
                let ty = self.value_ty(&ty);
                self.at(expr.span);
                self.read_place(&place, &ty)
            }
            other => panic!("lowering: an index resolved to {other:?} as a value"),
        }
    }

    /// `list.slice` / `str.slice` / `tensor.slice`: the operands are the object, then for
    /// each index either the index or the parts of a slice that are present; the `slice`
    /// attribute says which (`"i"`, or `"s"` and one of `0`/`1` for start, stop, step).
    fn lower_slicing(
        &mut self,
        name: &str,
        object: ValueId,
        indices: &[ast::Expr],
        ty: &Ty,
        expr: &ast::Expr,
    ) -> ValueId {
        let mut operands = vec![object];
        let mut layout = Vec::new();
        for index in indices {
            match &index.kind {
                ExprKind::Slice { start, stop, step } => {
                    let mut code = String::from("s");
                    for part in [start, stop, step] {
                        match part {
                            Some(part) => {
                                operands.push(self.lower_value(part));
                                code.push('1');
                            }
                            None => code.push('0'),
                        }
                    }
                    layout.push(Attribute::String(code));
                }
                _ => {
                    operands.push(self.lower_value(index));
                    layout.push(Attribute::String("i".to_string()));
                }
            }
        }
        let ty = self.value_ty(ty);
        self.at(expr.span);
        let created = self.emit(
            OpState::new(op("rt.builtin"))
                .operands(&operands)
                .attribute("name", Attribute::String(name.to_string()))
                .attribute("slice", Attribute::Array(layout))
                .results(&[ty]),
        );
        self.module.result(created, 0)
    }

    /// The key of a Python subscript: one index, a slice, or a tuple of them.
    pub fn python_key(&mut self, indices: &[ast::Expr]) -> ValueId {
        let mut keys = Vec::new();
        for index in indices {
            let key = match &index.kind {
                ExprKind::Slice { start, stop, step } => {
                    let mut parts = Vec::new();
                    for part in [start, stop, step] {
                        let value = match part {
                            Some(part) => {
                                let value = self.lower_value(part);
                                self.to_python(value)
                            }
                            None => self.apply("py.none", &[], Type::PyObject),
                        };
                        parts.push(value);
                    }
                    self.apply("py.slice", &parts, Type::PyObject)
                }
                _ => {
                    let value = self.lower_value(index);
                    self.to_python(value)
                }
            };
            keys.push(key);
        }
        if keys.len() == 1 {
            return keys[0];
        }
        let ty = Type::Tuple(vec![Type::PyObject; keys.len()]);
        let tuple = self.apply("agg.make", &keys, ty);
        self.to_python(tuple)
    }

    /// `thread_idx.x` and its kind inside a kernel: a `gpu` id op.
    fn gpu_dimension(&mut self, base: &ast::Expr, name: &ast::Name) -> Option<ValueId> {
        let NameResolution::Const(konst) = self.resolve_base_const(base)? else { return None };
        let op_name = gpu_id_op(self.db, konst)?;
        Some(
            self.value(
                OpState::new(op(op_name))
                    .attribute("dimension", Attribute::String(name.text.clone()))
                    .results(&[Type::I64]),
            ),
        )
    }

    fn resolve_base_const(&self, base: &ast::Expr) -> Option<NameResolution> {
        match &base.kind {
            ExprKind::Name(_) => self.inference.names.get(&base.span).cloned(),
            ExprKind::Attribute { .. } => match self.inference.attributes.get(&base.span)? {
                AttributeResolution::ModuleItem(resolution) => Some(resolution.clone()),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The `gpu` op reading a built-in index constant of the `gpu` module, if `konst` is one.
pub fn gpu_id_op(
    db: &dyn mlc_semantics::Db,
    konst: mlc_semantics::ConstId,
) -> Option<&'static str> {
    if mlc_semantics::stdlib::stdlib_module_name(db, konst.file(db)).as_deref() != Some("gpu") {
        return None;
    }
    Some(match konst.name(db).as_str() {
        "thread_idx" => "gpu.thread_id",
        "block_idx" => "gpu.block_id",
        "block_dim" => "gpu.block_dim",
        "grid_dim" => "gpu.grid_dim",
        _ => return None,
    })
}
