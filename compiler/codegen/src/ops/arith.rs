//! `arith` and `math` ops the back ends do not take as they are: Python's floor division and
//! remainder, overflow-checked arithmetic, and integer powers.

use mlc_ir::dialect::{arith, ll};
use mlc_ir::{Attribute, OpId, OpState, Type, ValueId};

use crate::emitter::Emitter;
use crate::CodegenOptions;

pub fn lower(emitter: &mut Emitter<'_>, op: OpId, options: &CodegenOptions) -> Result<(), String> {
    let name = emitter.module.ops[op].name();
    let operands = emitter.operands(op);
    match name {
        "arith.floordivsi" | "arith.floorremsi" => {
            let ty = emitter.type_of(operands[0]);
            let value =
                floor_integer(emitter, name == "arith.floordivsi", operands[0], operands[1], &ty);
            emitter.replace(op, &[value]);
        }
        "arith.floordivf" | "arith.floorremf" => {
            let callee =
                if name == "arith.floordivf" { "mlc_floordiv_f64" } else { "mlc_floormod_f64" };
            let ty = emitter.type_of(operands[0]);
            let a = widen_float(emitter, operands[0]);
            let b = widen_float(emitter, operands[1]);
            let result = emitter.call(callee, &[a, b], Some(Type::F64)).expect("a result");
            let value = narrow_float(emitter, result, &ty);
            emitter.replace(op, &[value]);
        }
        "math.ipowi" => {
            let ty = emitter.type_of(operands[0]);
            let wide = if matches!(ty, Type::UInt(64)) { ty.clone() } else { Type::I64 };
            let base = widen_integer(emitter, operands[0], &ty);
            let exponent_type = emitter.type_of(operands[1]);
            let exponent = widen_integer(emitter, operands[1], &exponent_type);
            let result =
                emitter.call_at("mlc_ipow_i64", &[base, exponent], Some(wide)).expect("a result");
            let value = narrow_integer(emitter, result, &ty);
            emitter.replace(op, &[value]);
        }
        "math.fpowi" => {
            let ty = emitter.type_of(operands[0]);
            let exponent = cast(emitter, &arith::SITOFP, operands[1], ty.clone());
            let value = emitter.builder().append_value(
                OpState::new(&mlc_ir::dialect::math::POWF)
                    .operands(&[operands[0], exponent])
                    .results(&[ty]),
            );
            emitter.replace(op, &[value]);
        }
        "arith.addi" | "arith.subi" | "arith.muli" if is_checked(emitter, op) => {
            emitter.module.ops[op].attributes.remove("checked");
            let ty = emitter.type_of(operands[0]);
            if options.overflow_checks && !matches!(ty, Type::Index) {
                let kind = &name["arith.".len()..name.len() - 1];
                let overflows =
                    ll::overflows(&mut emitter.builder(), kind, operands[0], operands[1]);
                emitter.panic_if(overflows, "integer overflow");
            }
            emitter.keep(op);
        }
        _ => emitter.keep(op),
    }
    Ok(())
}

fn is_checked(emitter: &Emitter<'_>, op: OpId) -> bool {
    matches!(emitter.module.ops[op].attributes.get("checked"), Some(Attribute::Bool(true)))
}

fn binary(
    emitter: &mut Emitter<'_>,
    definition: &'static mlc_ir::OpDefinition,
    a: ValueId,
    b: ValueId,
) -> ValueId {
    arith::binary(&mut emitter.builder(), definition, a, b)
}

fn compare(emitter: &mut Emitter<'_>, predicate: &str, a: ValueId, b: ValueId) -> ValueId {
    arith::compare(&mut emitter.builder(), &arith::CMPI, predicate, a, b)
}

fn cast(
    emitter: &mut Emitter<'_>,
    definition: &'static mlc_ir::OpDefinition,
    value: ValueId,
    to: Type,
) -> ValueId {
    arith::cast(&mut emitter.builder(), definition, value, to)
}

/// Python's `a // b` (`quotient`) or `a % b` on integers: the truncating result corrected
/// when the remainder is non-zero and its sign differs from the divisor's. Unsigned
/// integers need no correction.
fn floor_integer(
    emitter: &mut Emitter<'_>,
    quotient: bool,
    a: ValueId,
    b: ValueId,
    ty: &Type,
) -> ValueId {
    if matches!(ty, Type::UInt(_)) {
        let definition = if quotient { &arith::DIVUI } else { &arith::REMUI };
        return binary(emitter, definition, a, b);
    }
    let q = binary(emitter, &arith::DIVSI, a, b);
    let r = binary(emitter, &arith::REMSI, a, b);
    let zero = emitter.int(0, ty.clone());
    let nonzero = compare(emitter, "ne", r, zero);
    let signs = binary(emitter, &arith::XORI, r, b);
    let differ = compare(emitter, "slt", signs, zero);
    let adjust = binary(emitter, &arith::ANDI, nonzero, differ);
    if quotient {
        let one = emitter.int(1, ty.clone());
        let minus = binary(emitter, &arith::SUBI, q, one);
        arith::select(&mut emitter.builder(), adjust, minus, q)
    } else {
        let plus = binary(emitter, &arith::ADDI, r, b);
        arith::select(&mut emitter.builder(), adjust, plus, r)
    }
}

pub(crate) fn widen_float(emitter: &mut Emitter<'_>, value: ValueId) -> ValueId {
    match emitter.type_of(value) {
        Type::Float(mlc_ir::FloatKind::F64) => value,
        _ => cast(emitter, &arith::EXTF, value, Type::F64),
    }
}

pub(crate) fn narrow_float(emitter: &mut Emitter<'_>, value: ValueId, ty: &Type) -> ValueId {
    match ty {
        Type::Float(mlc_ir::FloatKind::F64) => value,
        _ => cast(emitter, &arith::TRUNCF, value, ty.clone()),
    }
}

fn widen_integer(emitter: &mut Emitter<'_>, value: ValueId, ty: &Type) -> ValueId {
    match ty {
        Type::Int(64) | Type::UInt(64) => value,
        Type::Index => cast(emitter, &arith::INDEX_CAST, value, Type::I64),
        Type::UInt(_) => cast(emitter, &arith::EXTUI, value, Type::I64),
        _ => cast(emitter, &arith::EXTSI, value, Type::I64),
    }
}

fn narrow_integer(emitter: &mut Emitter<'_>, value: ValueId, ty: &Type) -> ValueId {
    match ty {
        Type::Int(64) | Type::UInt(64) => value,
        Type::Index => cast(emitter, &arith::INDEX_CAST, value, Type::Index),
        _ => cast(emitter, &arith::TRUNCI, value, ty.clone()),
    }
}
