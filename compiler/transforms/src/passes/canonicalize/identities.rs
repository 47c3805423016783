//! Algebraic identities: an op whose result is one of its operands, a constant whatever
//! the other operand, or that reads better with its operands swapped.
//!
//! Integers (any width and signedness): `x+0 0+x x-0 x*1 x/1 x|0 x^0 x<<0 x>>0 x&-1 -> x`,
//! `x*0 x&0 -> 0`, `x|-1 -> -1`, `x-x x^x x%1 -> 0`, `x&x x|x max(x,x) min(x,x) -> x`,
//! `(x^c)^c -> x` (double `not`), `x cmp x` -> its constant, `trunci(ext(x)) -> x`,
//! `index_cast(index_cast(x)) -> x` when the first cast loses nothing. `select` with a
//! constant condition or equal arms; `select(c, true, false) -> c`. Floats, only where IEEE
//! says the result is `x` for every `x` (signed zeros and NaN included): `x*1.0`, `x/1.0`,
//! `x+(-0.0)`, `x-0.0`, `-(-x)`. A commutative op with a constant on the left gets it on
//! the right (`cmpi` with the predicate mirrored), so the rules above and `cse` see one
//! spelling.

use mlc_ir::{Attribute, Module, OpId, Type, ValueId};

use crate::constants::{bool_attribute, constant_of, defining_op, integer_constant, IntegerType};

pub enum Simplification {
    /// The result is this existing value.
    Value(ValueId),
    /// The result is this constant.
    Constant(Attribute),
    /// Swap the two operands, and set the predicate to this one (for `cmpi`).
    SwapOperands { predicate: Option<&'static str> },
}

pub fn simplify(module: &Module, op: OpId) -> Option<Simplification> {
    let data = &module.ops[op];
    let [result] = data.results.as_slice() else {
        return None;
    };
    let result_type = module.value_type(*result);
    match data.operands.as_slice() {
        [lhs, rhs] => binary(module, op, *lhs, *rhs, result_type),
        [condition, if_true, if_false] if data.name() == "arith.select" => {
            select(module, *condition, *if_true, *if_false)
        }
        [operand] => unary(module, op, *operand, result_type),
        _ => None,
    }
}

const COMMUTATIVE: &[&str] = &[
    "arith.addi",
    "arith.muli",
    "arith.andi",
    "arith.ori",
    "arith.xori",
    "arith.maxsi",
    "arith.minsi",
    "arith.maxui",
    "arith.minui",
    "arith.addf",
    "arith.mulf",
];

fn mirrored(predicate: &str) -> Option<&'static str> {
    Some(match predicate {
        "eq" => "eq",
        "ne" => "ne",
        "slt" => "sgt",
        "sle" => "sge",
        "sgt" => "slt",
        "sge" => "sle",
        "ult" => "ugt",
        "ule" => "uge",
        "ugt" => "ult",
        "uge" => "ule",
        _ => return None,
    })
}

fn binary(
    module: &Module,
    op: OpId,
    lhs: ValueId,
    rhs: ValueId,
    result_type: &Type,
) -> Option<Simplification> {
    let name = module.ops[op].name();
    let lhs_constant = constant_of(module, lhs).is_some();
    let rhs_constant = constant_of(module, rhs).is_some();
    if lhs_constant && !rhs_constant {
        if COMMUTATIVE.contains(&name) {
            return Some(Simplification::SwapOperands { predicate: None });
        }
        if name == "arith.cmpi" {
            let Some(Attribute::String(predicate)) = module.ops[op].attributes.get("predicate")
            else {
                return None;
            };
            return Some(Simplification::SwapOperands { predicate: Some(mirrored(predicate)?) });
        }
    }
    if name == "arith.cmpi" {
        return compare_same(module, op, lhs, rhs);
    }
    if let Some(integer) = IntegerType::of(result_type) {
        return integer_binary(module, name, integer, lhs, rhs, result_type);
    }
    float_binary(module, name, lhs, rhs)
}

/// `x cmp x`: true for the predicates that include equality.
fn compare_same(module: &Module, op: OpId, lhs: ValueId, rhs: ValueId) -> Option<Simplification> {
    if lhs != rhs {
        return None;
    }
    let Some(Attribute::String(predicate)) = module.ops[op].attributes.get("predicate") else {
        return None;
    };
    let holds = match predicate.as_str() {
        "eq" | "sle" | "sge" | "ule" | "uge" => true,
        "ne" | "slt" | "sgt" | "ult" | "ugt" => false,
        _ => return None,
    };
    Some(Simplification::Constant(bool_attribute(holds)))
}

fn integer_binary(
    module: &Module,
    name: &str,
    integer: IntegerType,
    lhs: ValueId,
    rhs: ValueId,
    result_type: &Type,
) -> Option<Simplification> {
    use Simplification::{Constant, Value};
    let zero = || Constant(integer.attribute(0, result_type));
    if lhs == rhs {
        match name {
            "arith.subi" | "arith.xori" => return Some(zero()),
            "arith.andi" | "arith.ori" | "arith.maxsi" | "arith.minsi" | "arith.maxui"
            | "arith.minui" => return Some(Value(lhs)),
            _ => {}
        }
    }
    let pattern = integer.pattern(integer_constant(module, rhs)?);
    let is_zero = pattern == 0;
    let all_ones = pattern == integer.mask();
    let signed_one = integer.signed_value(pattern) == 1;
    let unsigned_one = pattern == 1;
    Some(match name {
        "arith.addi" | "arith.subi" | "arith.ori" | "arith.xori" | "arith.shli" | "arith.shrsi"
        | "arith.shrui"
            if is_zero =>
        {
            Value(lhs)
        }
        "arith.muli" | "arith.andi" if is_zero => Value(rhs),
        "arith.muli" | "arith.divui" if unsigned_one => Value(lhs),
        "arith.divsi" | "arith.floordivsi" if signed_one => Value(lhs),
        "arith.remui" if unsigned_one => zero(),
        "arith.remsi" | "arith.floorremsi" if signed_one => zero(),
        "arith.andi" if all_ones => Value(lhs),
        "arith.ori" if all_ones => Value(rhs),
        "arith.xori" => {
            // (x ^ c) ^ c -> x: `not not x` on booleans.
            let inner = defining_op(module, lhs)?;
            let inner_data = &module.ops[inner];
            if inner_data.name() != "arith.xori" {
                return None;
            }
            let inner_constant = integer_constant(module, inner_data.operands[1])?;
            if integer.pattern(inner_constant) != pattern {
                return None;
            }
            Value(inner_data.operands[0])
        }
        _ => return None,
    })
}

fn float_binary(module: &Module, name: &str, lhs: ValueId, rhs: ValueId) -> Option<Simplification> {
    let Some(Attribute::Float { bits, .. }) = constant_of(module, rhs) else {
        return None;
    };
    let constant = f64::from_bits(*bits);
    let negative_zero = constant == 0.0 && constant.is_sign_negative();
    let positive_zero = constant == 0.0 && constant.is_sign_positive();
    let identity = match name {
        "arith.mulf" | "arith.divf" => constant == 1.0,
        "arith.addf" => negative_zero,
        "arith.subf" => positive_zero,
        _ => false,
    };
    identity.then_some(Simplification::Value(lhs))
}

fn select(
    module: &Module,
    condition: ValueId,
    if_true: ValueId,
    if_false: ValueId,
) -> Option<Simplification> {
    if let Some(condition) = integer_constant(module, condition) {
        return Some(Simplification::Value(if condition & 1 == 1 { if_true } else { if_false }));
    }
    if if_true == if_false {
        return Some(Simplification::Value(if_true));
    }
    let is_bool = module.value_type(if_true) == &Type::I1;
    if is_bool
        && integer_constant(module, if_true) == Some(1)
        && integer_constant(module, if_false) == Some(0)
    {
        return Some(Simplification::Value(condition));
    }
    None
}

fn unary(
    module: &Module,
    op: OpId,
    operand: ValueId,
    result_type: &Type,
) -> Option<Simplification> {
    let name = module.ops[op].name();
    let inner = defining_op(module, operand)?;
    let inner_data = &module.ops[inner];
    let [source] = inner_data.operands.as_slice() else {
        return None;
    };
    let source_type = module.value_type(*source);
    let round_trip = match (name, inner_data.name()) {
        ("arith.negf", "arith.negf") => true,
        ("arith.trunci", "arith.extsi" | "arith.extui") => source_type == result_type,
        ("arith.index_cast", "arith.index_cast") => {
            // iN -> index -> iN (N <= 64), or index -> (i|u)64 -> index: nothing lost.
            source_type == result_type
                && match source_type {
                    Type::Int(bits) => *bits > 1,
                    Type::Index => {
                        let middle = module.value_type(operand);
                        matches!(middle, Type::Int(64) | Type::UInt(64))
                    }
                    _ => false,
                }
        }
        _ => false,
    };
    round_trip.then_some(Simplification::Value(*source))
}
