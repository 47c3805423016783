//! The `math` dialect: elementary functions on one float type (`math.sqrt`, `math.powf`...),
//! and integer `absi` and `ipowi`. All are `Pure` but `ipowi`, which panics on a negative
//! exponent (Python would give a float).

use crate::builder::Builder;
use crate::dialect::checks::{
    expect_operands, expect_results, expect_type, operand, result, Check,
};
use crate::dialect::OpDefinition;
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

macro_rules! float_unary {
    ($($static:ident $name:literal $summary:literal;)*) => {
        $(op!($static, $name, $summary, [Pure], verify_float_unary);)*
    };
}

float_unary! {
    SQRT "math.sqrt" "square root";
    EXP "math.exp" "e to the power of the operand";
    LOG "math.log" "natural logarithm";
    LOG2 "math.log2" "base-2 logarithm";
    LOG10 "math.log10" "base-10 logarithm";
    SIN "math.sin" "sine";
    COS "math.cos" "cosine";
    TAN "math.tan" "tangent";
    ASIN "math.asin" "arc sine";
    ACOS "math.acos" "arc cosine";
    ATAN "math.atan" "arc tangent";
    SINH "math.sinh" "hyperbolic sine";
    COSH "math.cosh" "hyperbolic cosine";
    TANH "math.tanh" "hyperbolic tangent";
    FLOOR "math.floor" "rounds down to an integral float";
    CEIL "math.ceil" "rounds up to an integral float";
    ABSF "math.absf" "float absolute value";
}

op!(
    ATAN2,
    "math.atan2",
    "the angle of the point (x, y): `atan2 %y, %x`",
    [Pure],
    verify_float_binary
);
op!(POWF, "math.powf", "a float to a float power", [Pure], verify_float_binary);
op!(
    FMOD,
    "math.fmod",
    "C's `fmod`: the remainder with the sign of the dividend",
    [Pure],
    verify_float_binary
);
op!(ABSI, "math.absi", "integer absolute value (wrapping at the minimum)", [Pure], verify_absi);
op!(
    IPOWI,
    "math.ipowi",
    "an integer to an integer power; a negative exponent panics",
    [],
    verify_ipowi
);
op!(FPOWI, "math.fpowi", "a float to an i64 power", [Pure], verify_fpowi);

pub static OPS: &[&OpDefinition] = &[
    &SQRT, &EXP, &LOG, &LOG2, &LOG10, &SIN, &COS, &TAN, &ASIN, &ACOS, &ATAN, &SINH, &COSH, &TANH,
    &FLOOR, &CEIL, &ABSF, &ATAN2, &POWF, &FMOD, &ABSI, &IPOWI, &FPOWI,
];

/// Every operand and the one result have one type, which `accepts`.
fn one_type(
    module: &Module,
    op: OpId,
    count: usize,
    what: &str,
    accepts: fn(&Type) -> bool,
) -> Check {
    expect_operands(module, op, count)?;
    expect_results(module, op, 1)?;
    let ty = result(module, op, 0);
    for index in 0..count {
        if operand(module, op, index) != ty {
            return Err(format!(
                "type mismatch: operand {index} has type {} but the result {ty}",
                operand(module, op, index)
            ));
        }
    }
    if !accepts(ty) {
        return Err(format!("expects {what} operands, found {ty}"));
    }
    Ok(())
}

fn verify_float_unary(module: &Module, op: OpId) -> Check {
    one_type(module, op, 1, "float", Type::is_float)
}

fn verify_float_binary(module: &Module, op: OpId) -> Check {
    one_type(module, op, 2, "float", Type::is_float)
}

fn verify_absi(module: &Module, op: OpId) -> Check {
    one_type(module, op, 1, "integer", Type::is_integer_like)
}

fn verify_ipowi(module: &Module, op: OpId) -> Check {
    one_type(module, op, 2, "integer", Type::is_integer_like)
}

fn verify_fpowi(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    let base = operand(module, op, 0);
    if !base.is_float() {
        return Err(format!("expects a float base, found {base}"));
    }
    expect_type("an exponent", operand(module, op, 1), &Type::I64)?;
    expect_type("a result", result(module, op, 0), base)
}

// ---- constructors ----

/// One of the unary ops (`SQRT`, `ABSI`...): the result has the operand's type.
pub fn unary(builder: &mut Builder<'_>, op: &'static OpDefinition, value: ValueId) -> ValueId {
    let ty = builder.module.value_type(value).clone();
    builder.append_value(OpState::new(op).operands(&[value]).results(&[ty]))
}

/// One of the binary ops (`POWF`, `IPOWI`, `FPOWI`...): the result has the first operand's type.
pub fn binary(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    lhs: ValueId,
    rhs: ValueId,
) -> ValueId {
    let ty = builder.module.value_type(lhs).clone();
    builder.append_value(OpState::new(op).operands(&[lhs, rhs]).results(&[ty]))
}
