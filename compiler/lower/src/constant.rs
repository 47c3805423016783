//! Compile-time constants: `const` items, default arguments and field defaults.
//!
//! Their expressions were checked to be constant (literals, other constants, arithmetic,
//! comparisons, logic, conditionals and casts of them), so they are evaluated here rather
//! than lowered as code, and each use materializes the value as `arith.constant`s. Integer
//! arithmetic is exact (`i128`) and wrapped to the type at the end; floats are `f64`,
//! rounded to the type at the end.

use mlc_ir::{Type, ValueId};
use mlc_semantics::{const_data, module_scope, ConstId, Db, ScopeEntry, SourceFile, Ty};
use mlc_syntax::ast::{BinaryOp, CompareOp, Expr, ExprKind, LogicalOp, UnaryOp};

use crate::function::FnLowering;

#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Int(i128),
    Float(f64),
    Bool(bool),
    Str(String),
    Tuple(Vec<ConstValue>),
    None,
}

impl ConstValue {
    fn as_float(&self) -> f64 {
        match self {
            ConstValue::Int(value) => *value as f64,
            ConstValue::Float(value) => *value,
            ConstValue::Bool(value) => f64::from(u8::from(*value)),
            _ => f64::NAN,
        }
    }

    fn truthy(&self) -> bool {
        match self {
            ConstValue::Int(value) => *value != 0,
            ConstValue::Float(value) => *value != 0.0,
            ConstValue::Bool(value) => *value,
            ConstValue::Str(text) => !text.is_empty(),
            ConstValue::Tuple(items) => !items.is_empty(),
            ConstValue::None => false,
        }
    }
}

/// The value of a standard library `extern const` (`math.pi`).
fn extern_value(module: &str, name: &str) -> Option<ConstValue> {
    Some(ConstValue::Float(match (module, name) {
        ("math", "pi") => std::f64::consts::PI,
        ("math", "e") => std::f64::consts::E,
        ("math", "tau") => std::f64::consts::TAU,
        ("math", "inf") => f64::INFINITY,
        ("math", "nan") => f64::NAN,
        _ => return None,
    }))
}

pub fn const_value(db: &dyn Db, konst: ConstId) -> Option<ConstValue> {
    let file = konst.file(db);
    let body = mlc_semantics::item_tree::const_body(db, konst)?;
    match &body.value {
        Some(value) => evaluate(db, file, value),
        None => {
            let module = mlc_semantics::stdlib::stdlib_module_name(db, file)?;
            extern_value(&module, konst.name(db))
        }
    }
}

/// Evaluates a checked constant expression of `file`.
pub fn evaluate(db: &dyn Db, file: SourceFile, expr: &Expr) -> Option<ConstValue> {
    Some(match &expr.kind {
        ExprKind::Int(value) => ConstValue::Int(i128::from(*value)),
        ExprKind::Float(bits) => ConstValue::Float(f64::from_bits(*bits)),
        ExprKind::Bool(value) => ConstValue::Bool(*value),
        ExprKind::Str(text) => ConstValue::Str(text.clone()),
        ExprKind::None => ConstValue::None,
        ExprKind::Tuple(items) => ConstValue::Tuple(
            items.iter().map(|item| evaluate(db, file, item)).collect::<Option<_>>()?,
        ),
        ExprKind::Name(name) => {
            let scope = module_scope(db, file);
            match scope.get(&name.text)? {
                ScopeEntry::Const(konst) => const_value(db, *konst)?,
                _ => return None,
            }
        }
        ExprKind::Attribute { base, name } => {
            let ExprKind::Name(module) = &base.kind else { return None };
            let scope = module_scope(db, file);
            let ScopeEntry::Module { file: module_file, .. } = scope.get(&module.text)? else {
                return None;
            };
            match module_scope(db, *module_file).get(&name.text)? {
                ScopeEntry::Const(konst) => const_value(db, *konst)?,
                _ => return None,
            }
        }
        ExprKind::Unary { op, operand } => {
            let value = evaluate(db, file, operand)?;
            match (op, value) {
                (UnaryOp::Neg, ConstValue::Int(v)) => ConstValue::Int(-v),
                (UnaryOp::Neg, ConstValue::Float(v)) => ConstValue::Float(-v),
                (UnaryOp::Pos, v) => v,
                (UnaryOp::Not, v) => ConstValue::Bool(!v.truthy()),
                (UnaryOp::Invert, ConstValue::Int(v)) => ConstValue::Int(!v),
                _ => return None,
            }
        }
        ExprKind::Binary { op, lhs, rhs } => {
            binary(*op, evaluate(db, file, lhs)?, evaluate(db, file, rhs)?)?
        }
        ExprKind::Logical { op, lhs, rhs } => {
            let left = evaluate(db, file, lhs)?;
            let right = evaluate(db, file, rhs)?;
            ConstValue::Bool(match op {
                LogicalOp::And => left.truthy() && right.truthy(),
                LogicalOp::Or => left.truthy() || right.truthy(),
            })
        }
        ExprKind::Compare { first, rest } => {
            let mut left = evaluate(db, file, first)?;
            let mut all = true;
            for (op, right) in rest {
                let right = evaluate(db, file, right)?;
                all &= compare(*op, &left, &right)?;
                left = right;
            }
            ConstValue::Bool(all)
        }
        ExprKind::IfElse { condition, then, otherwise } => {
            if evaluate(db, file, condition)?.truthy() {
                evaluate(db, file, then)?
            } else {
                evaluate(db, file, otherwise)?
            }
        }
        // A cast: `f32(0.5)`, `i32(3)`; the target type is applied when materialized.
        ExprKind::Call { callee, args } => {
            let ExprKind::Name(name) = &callee.kind else { return None };
            let value = evaluate(db, file, &args.first()?.value)?;
            match name.text.as_str() {
                "f16" | "bf16" | "f32" | "f64" => ConstValue::Float(value.as_float()),
                "bool" => ConstValue::Bool(value.truthy()),
                _ => match value {
                    ConstValue::Float(v) => ConstValue::Int(v.trunc() as i128),
                    ConstValue::Bool(v) => ConstValue::Int(i128::from(v)),
                    other => other,
                },
            }
        }
        _ => return None,
    })
}

fn binary(op: BinaryOp, left: ConstValue, right: ConstValue) -> Option<ConstValue> {
    use ConstValue::{Float, Int};
    Some(match (left, right) {
        (Int(a), Int(b)) => match op {
            BinaryOp::Add => Int(a + b),
            BinaryOp::Sub => Int(a - b),
            BinaryOp::Mul => Int(a.checked_mul(b)?),
            BinaryOp::Div if b != 0 => Float(a as f64 / b as f64),
            BinaryOp::FloorDiv if b != 0 => {
                let (quotient, remainder) = (a / b, a % b);
                Int(if remainder != 0 && (remainder < 0) != (b < 0) {
                    quotient - 1
                } else {
                    quotient
                })
            }
            BinaryOp::Mod if b != 0 => {
                let remainder = a % b;
                Int(if remainder != 0 && (remainder < 0) != (b < 0) {
                    remainder + b
                } else {
                    remainder
                })
            }
            BinaryOp::Pow if b >= 0 => Int(a.checked_pow(u32::try_from(b).ok()?)?),
            BinaryOp::BitAnd => Int(a & b),
            BinaryOp::BitOr => Int(a | b),
            BinaryOp::BitXor => Int(a ^ b),
            BinaryOp::Shl if (0..64).contains(&b) => Int(a << b),
            BinaryOp::Shr if (0..64).contains(&b) => Int(a >> b),
            _ => return None,
        },
        (ConstValue::Str(a), ConstValue::Str(b)) if op == BinaryOp::Add => ConstValue::Str(a + &b),
        (a, b) => {
            let (a, b) = (a.as_float(), b.as_float());
            match op {
                BinaryOp::Add => Float(a + b),
                BinaryOp::Sub => Float(a - b),
                BinaryOp::Mul => Float(a * b),
                BinaryOp::Div if b != 0.0 => Float(a / b),
                BinaryOp::FloorDiv if b != 0.0 => Float((a / b).floor()),
                BinaryOp::Mod if b != 0.0 => Float(a - b * (a / b).floor()),
                BinaryOp::Pow => Float(a.powf(b)),
                _ => return None,
            }
        }
    })
}

fn compare(op: CompareOp, left: &ConstValue, right: &ConstValue) -> Option<bool> {
    let ordering = match (left, right) {
        (ConstValue::Int(a), ConstValue::Int(b)) => a.partial_cmp(b),
        (ConstValue::Str(a), ConstValue::Str(b)) => a.partial_cmp(b),
        (ConstValue::Bool(a), ConstValue::Bool(b)) => a.partial_cmp(b),
        (a, b) => a.as_float().partial_cmp(&b.as_float()),
    };
    use std::cmp::Ordering::{Equal, Greater, Less};
    Some(match op {
        CompareOp::Eq => ordering == Some(Equal),
        CompareOp::NotEq => ordering != Some(Equal),
        CompareOp::Lt => ordering == Some(Less),
        CompareOp::Le => matches!(ordering, Some(Less | Equal)),
        CompareOp::Gt => ordering == Some(Greater),
        CompareOp::Ge => matches!(ordering, Some(Greater | Equal)),
        _ => return None,
    })
}

/// An integer wrapped to `bits` (two's complement), as the type stores it.
fn wrap(value: i128, ty: &Type) -> i128 {
    match ty {
        Type::Int(bits) if *bits < 128 => {
            let shift = 128 - bits;
            (value << shift) >> shift
        }
        Type::UInt(bits) if *bits < 128 => value & ((1i128 << bits) - 1),
        _ => value,
    }
}

impl FnLowering<'_> {
    /// The value of a `const` item at a use.
    pub fn lower_const(&mut self, konst: ConstId) -> Option<ValueId> {
        if let Some(op_name) = crate::expr::gpu_id_op(self.db, konst) {
            // `thread_idx` as a whole: its three coordinates.
            let parts: Vec<ValueId> = ["x", "y", "z"]
                .iter()
                .map(|dimension| {
                    self.value(
                        mlc_ir::OpState::new(crate::ops::op(op_name))
                            .attribute(
                                "dimension",
                                mlc_ir::Attribute::String(dimension.to_string()),
                            )
                            .results(&[Type::I64]),
                    )
                })
                .collect();
            return Some(self.apply("agg.make", &parts, Type::Struct("Dim3".to_string())));
        }
        let ty = const_data(self.db, konst).ty.clone();
        let value = const_value(self.db, konst).expect("checked: a constant's value is constant");
        self.materialize(&value, &ty)
    }

    /// A default argument (or field default) of `file`, as a value of type `ty`.
    pub fn lower_default(&mut self, expr: &Expr, ty: &Ty, file: SourceFile) -> ValueId {
        let value = evaluate(self.db, file, expr).expect("checked: a default is constant");
        self.materialize(&value, ty).expect("a default has a value")
    }

    pub fn materialize(&mut self, value: &ConstValue, ty: &Ty) -> Option<ValueId> {
        if let (ConstValue::Tuple(items), Ty::Tuple(types)) = (value, ty) {
            let parts: Vec<ValueId> = items
                .iter()
                .zip(types)
                .map(|(item, ty)| self.materialize(item, ty).expect("a tuple element"))
                .collect();
            let ir = self.value_ty(ty);
            return Some(self.apply("agg.make", &parts, ir));
        }
        if *ty == Ty::PyObject {
            let native = match value {
                ConstValue::Int(_) => Ty::I64,
                ConstValue::Float(_) => Ty::F64,
                ConstValue::Bool(_) => Ty::Bool,
                ConstValue::Str(_) => Ty::Str,
                _ => return Some(self.apply("py.none", &[], Type::PyObject)),
            };
            let inner = self.materialize(value, &native)?;
            return Some(self.to_python(inner));
        }
        let ir = self.ir_ty(ty)?;
        Some(match value {
            ConstValue::Str(text) => self.string(text),
            ConstValue::None => return None,
            _ if ir.is_float() => self.float(value.as_float(), ir),
            ConstValue::Int(v) => self.int(wrap(*v, &ir), ir),
            ConstValue::Bool(v) => self.int(i128::from(*v), ir),
            ConstValue::Float(v) => self.int(wrap(v.trunc() as i128, &ir), ir),
            ConstValue::Tuple(_) => panic!("lowering: a tuple constant of type {ty:?}"),
        })
    }
}
