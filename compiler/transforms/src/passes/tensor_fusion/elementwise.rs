//! One element of each whole-tensor op as `arith`/`math` ops: what a `tensor.map` region
//! computes for `tensor.binary {kind}`, `tensor.unary {kind}`, and how `tensor.reduce {kind}`
//! combines two elements. `tensor-fusion` writes map regions with it and `tensor-to-loops`
//! lowers the ops it leaves; an op whose kind and element type have no scalar form here
//! (`None`) is left to the runtime by both.
//!
//! The rules, by element type (Python's semantics, element by element):
//!
//! | kind | floats | signed `iN` | unsigned `uN` |
//! | --- | --- | --- | --- |
//! | `add sub mul` | `addf subf mulf` | `addi subi muli` (wrapping) | the same |
//! | `div` | `divf` | both sides `sitofp` to `f64`, `divf` | `uitofp`, `divf` |
//! | `floordiv` | `floordivf` | `floordivsi` | `divui` |
//! | `mod` | `floorremf` | `floorremsi` | `remui` |
//! | `pow` | `math.powf` | `math.ipowi` (a negative exponent panics) | none |
//! | `max min` | `maxf minf` | `maxsi minsi` | `maxui minui` |
//! | `neg` | `negf` | `0 - x` (wrapping) | `0 - x` (wrapping) |
//! | `abs` | `math.absf` | `math.absi` | `x` |
//! | `exp log sqrt sin cos tanh` | `math.*` | (the verifier allows floats only) | |
//! | reduce `sum` | `addf` from `0.0` | `addi` from `0` | the same |
//! | reduce `max min` | `maxf minf` | `maxsi minsi` | `maxui minui` |
//! | reduce `mean` | the sum `divf` the count | none | none |
//!
//! `i1` tensors have no scalar form (their arithmetic is the runtime's).

use mlc_ir::dialect::{arith, math};
use mlc_ir::{Builder, OpDefinition, Type, ValueId};

/// The three families of element types with a scalar form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Float,
    Signed,
    Unsigned,
}

fn family(element: &Type) -> Option<Family> {
    match element {
        Type::Float(_) => Some(Family::Float),
        Type::Int(bits) if *bits > 1 => Some(Family::Signed),
        Type::UInt(_) => Some(Family::Unsigned),
        _ => None,
    }
}

/// How a binary kind computes, once the family is known.
enum BinaryForm {
    /// One op on the operands as they are.
    Op(&'static OpDefinition),
    /// Convert both operands to `f64` with this cast, then `divf`.
    ToFloatThenDivide(&'static OpDefinition),
}

fn binary_form(kind: &str, family: Family) -> Option<BinaryForm> {
    use Family::{Float, Signed, Unsigned};
    let op: &'static OpDefinition = match (kind, family) {
        ("add", Float) => &arith::ADDF,
        ("sub", Float) => &arith::SUBF,
        ("mul", Float) => &arith::MULF,
        ("div", Float) => &arith::DIVF,
        ("floordiv", Float) => &arith::FLOORDIVF,
        ("mod", Float) => &arith::FLOORREMF,
        ("pow", Float) => &math::POWF,
        ("max", Float) => &arith::MAXF,
        ("min", Float) => &arith::MINF,
        ("add", Signed | Unsigned) => &arith::ADDI,
        ("sub", Signed | Unsigned) => &arith::SUBI,
        ("mul", Signed | Unsigned) => &arith::MULI,
        ("div", Signed) => return Some(BinaryForm::ToFloatThenDivide(&arith::SITOFP)),
        ("div", Unsigned) => return Some(BinaryForm::ToFloatThenDivide(&arith::UITOFP)),
        ("floordiv", Signed) => &arith::FLOORDIVSI,
        ("mod", Signed) => &arith::FLOORREMSI,
        ("floordiv", Unsigned) => &arith::DIVUI,
        ("mod", Unsigned) => &arith::REMUI,
        ("pow", Signed) => &math::IPOWI,
        ("max", Signed) => &arith::MAXSI,
        ("min", Signed) => &arith::MINSI,
        ("max", Unsigned) => &arith::MAXUI,
        ("min", Unsigned) => &arith::MINUI,
        _ => return None,
    };
    Some(BinaryForm::Op(op))
}

/// Whether `tensor.binary {kind}` on elements of `element` has a scalar form.
pub fn supports_binary(kind: &str, element: &Type) -> bool {
    family(element).is_some_and(|family| binary_form(kind, family).is_some())
}

/// One element of `tensor.binary {kind}`: `lhs` and `rhs` are elements (or the scalar
/// operand) of type `element`.
pub fn binary(
    builder: &mut Builder<'_>,
    kind: &str,
    element: &Type,
    lhs: ValueId,
    rhs: ValueId,
) -> ValueId {
    let form = family(element).and_then(|family| binary_form(kind, family));
    match form.unwrap_or_else(|| panic!("no scalar form of `{kind}` on {element}")) {
        // `arith::binary` builds any two-operand op whose result has the left operand's type
        // (`math.powf`, `math.ipowi` too).
        BinaryForm::Op(op) => arith::binary(builder, op, lhs, rhs),
        BinaryForm::ToFloatThenDivide(cast) => {
            let lhs = arith::cast(builder, cast, lhs, Type::F64);
            let rhs = arith::cast(builder, cast, rhs, Type::F64);
            arith::binary(builder, &arith::DIVF, lhs, rhs)
        }
    }
}

/// Whether `tensor.unary {kind}` on elements of `element` has a scalar form.
pub fn supports_unary(kind: &str, element: &Type) -> bool {
    matches!(
        (kind, family(element)),
        ("neg" | "abs", Some(_))
            | ("exp" | "log" | "sqrt" | "sin" | "cos" | "tanh", Some(Family::Float))
    )
}

/// One element of `tensor.unary {kind}` of `value` (of type `element`).
pub fn unary(builder: &mut Builder<'_>, kind: &str, element: &Type, value: ValueId) -> ValueId {
    let family = family(element).filter(|_| supports_unary(kind, element));
    let family = family.unwrap_or_else(|| panic!("no scalar form of `{kind}` on {element}"));
    let op: &'static OpDefinition = match (kind, family) {
        ("neg", Family::Float) => &arith::NEGF,
        ("neg", Family::Signed | Family::Unsigned) => {
            let zero = arith::constant_integer(builder, 0, element.clone());
            return arith::binary(builder, &arith::SUBI, zero, value);
        }
        ("abs", Family::Float) => &math::ABSF,
        ("abs", Family::Signed) => &math::ABSI,
        ("abs", Family::Unsigned) => return value,
        ("exp", _) => &math::EXP,
        ("log", _) => &math::LOG,
        ("sqrt", _) => &math::SQRT,
        ("sin", _) => &math::SIN,
        ("cos", _) => &math::COS,
        ("tanh", _) => &math::TANH,
        _ => unreachable!("checked by supports_unary"),
    };
    arith::unary(builder, op, value)
}

/// Whether `tensor.reduce {kind}` (or `tensor.map_reduce`) of elements of `element` has a
/// scalar form.
pub fn supports_reduce(kind: &str, element: &Type) -> bool {
    matches!(
        (kind, family(element)),
        ("sum" | "max" | "min", Some(_)) | ("mean", Some(Family::Float))
    )
}

/// The op that combines the accumulator with one more element for `kind` (`mean` sums).
pub fn reduce_step(kind: &str, element: &Type) -> &'static OpDefinition {
    let family = family(element).filter(|_| supports_reduce(kind, element));
    match (kind, family.unwrap_or_else(|| panic!("no scalar form of `{kind}` on {element}"))) {
        ("sum" | "mean", Family::Float) => &arith::ADDF,
        ("sum", _) => &arith::ADDI,
        ("max", Family::Float) => &arith::MAXF,
        ("min", Family::Float) => &arith::MINF,
        ("max", Family::Signed) => &arith::MAXSI,
        ("min", Family::Signed) => &arith::MINSI,
        ("max", Family::Unsigned) => &arith::MAXUI,
        ("min", Family::Unsigned) => &arith::MINUI,
        _ => unreachable!("checked by supports_reduce"),
    }
}

/// The zero a sum starts from.
pub fn zero(builder: &mut Builder<'_>, element: &Type) -> ValueId {
    if element.is_float() {
        arith::constant_float(builder, 0.0, element.clone())
    } else {
        arith::constant_integer(builder, 0, element.clone())
    }
}
