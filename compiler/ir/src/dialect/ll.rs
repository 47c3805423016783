//! The `ll` dialect ("low level"): what the code-generation passes (`mlc-codegen`) lower the
//! runtime-object ops to, and what only the back ends consume. Calls of runtime functions by
//! their C symbol, constant C strings, slot addresses, raw loads and stores, zero values and
//! overflow tests. `docs/runtime.md` is the reference; the type `!ll.ptr` is a raw address.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{
    expect_operands, expect_results, expect_type, one_of, operand, result, string_attribute, Check,
};
use crate::dialect::OpDefinition;
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

op!(CALL, "ll.call", "a C-ABI call of the runtime function named `callee`", [], verify_call);
op!(
    CSTRING,
    "ll.cstring",
    "the address of a constant copy of the bytes of `value`, followed by a NUL",
    [Pure],
    verify_cstring
);
op!(ADDRESS, "ll.address", "the address of a slot or stack array", [Pure], verify_address);
op!(ZERO, "ll.zero", "the all-zero value of the result type", [Pure], verify_zero);
op!(IS_NULL, "ll.is_null", "whether a handle or address is null", [Pure], verify_is_null);
op!(LOAD, "ll.load", "a scalar read at a byte offset from an address", [], verify_load);
op!(STORE, "ll.store", "a scalar write at a byte offset from an address", [], verify_store);
op!(
    OVERFLOWS,
    "ll.overflows",
    "whether `kind` (add, sub, mul) overflows the operands' integer type",
    [Pure],
    verify_overflows
);

pub static OPS: &[&OpDefinition] =
    &[&CALL, &CSTRING, &ADDRESS, &ZERO, &IS_NULL, &LOAD, &STORE, &OVERFLOWS];

/// Types that cross the C ABI of `ll.call`: integers, `f32`, `f64`, `i1` (a C `bool`),
/// handles, slot references and raw addresses. Aggregates and f16/bf16 never do.
pub fn is_abi_passable(ty: &Type) -> bool {
    use crate::types::FloatKind;
    match ty {
        Type::Int(_) | Type::UInt(_) | Type::Index | Type::Ptr | Type::MemRef { .. } => true,
        Type::Float(kind) => matches!(kind, FloatKind::F32 | FloatKind::F64),
        other => other.is_handle(),
    }
}

/// Scalars `ll.load` and `ll.store` move: numbers, `i1`, handles and addresses.
fn is_loadable(ty: &Type) -> bool {
    matches!(ty, Type::Int(_) | Type::UInt(_) | Type::Index | Type::Float(_) | Type::Ptr)
        || ty.is_handle()
}

fn verify_call(module: &Module, op: OpId) -> Check {
    let callee = string_attribute(module, op, "callee")?;
    if callee.is_empty() {
        return Err("expects a non-empty `callee`".to_string());
    }
    if module.ops[op].results.len() > 1 {
        return Err(format!("expects at most 1 result, found {}", module.ops[op].results.len()));
    }
    let state = &module.ops[op];
    for (position, &value) in state.operands.iter().chain(&state.results).enumerate() {
        let ty = module.value_type(value);
        if !is_abi_passable(ty) {
            let what = if position < state.operands.len() {
                format!("operand {position}")
            } else {
                "the result".to_string()
            };
            return Err(format!("{what} has type {ty}, which does not cross the C ABI"));
        }
    }
    Ok(())
}

fn verify_cstring(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 1)?;
    string_attribute(module, op, "value")?;
    expect_type("the result", result(module, op, 0), &Type::Ptr)
}

fn verify_address(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    if !matches!(operand(module, op, 0), Type::MemRef { .. }) {
        return Err(format!("expects a !mem.ref operand, found {}", operand(module, op, 0)));
    }
    expect_type("the result", result(module, op, 0), &Type::Ptr)
}

fn verify_zero(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 1)
}

fn verify_is_null(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    expect_address(module, op, 0)?;
    expect_type("the result", module.value_type(module.ops[op].results[0]), &Type::I1)
}

/// The address `ll.load` and `ll.store` read or write at: a raw `!ll.ptr`, or a handle (the
/// address of the runtime object, whose fields the low form may read in place).
fn expect_address(module: &Module, op: OpId, index: usize) -> Check {
    let ty = operand(module, op, index);
    if *ty != Type::Ptr && !ty.is_handle() {
        return Err(format!("expects operand {index} to be an !ll.ptr or a handle, found {ty}"));
    }
    Ok(())
}

fn verify_load(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    expect_address(module, op, 0)?;
    if module.ops[op].attributes.contains_key("memory") {
        one_of(module, op, "memory", &["object"])?;
    }
    expect_type("the offset", operand(module, op, 1), &Type::I64)?;
    let ty = result(module, op, 0);
    if !is_loadable(ty) {
        return Err(format!("cannot load a value of type {ty}"));
    }
    Ok(())
}

fn verify_store(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 3)?;
    expect_results(module, op, 0)?;
    let ty = operand(module, op, 0);
    if !is_loadable(ty) {
        return Err(format!("cannot store a value of type {ty}"));
    }
    expect_address(module, op, 1)?;
    expect_type("the offset", operand(module, op, 2), &Type::I64)
}

fn verify_overflows(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    one_of(module, op, "kind", &["add", "sub", "mul"])?;
    let ty = operand(module, op, 0);
    if !matches!(ty, Type::Int(bits) | Type::UInt(bits) if *bits > 1) {
        return Err(format!("expects integer operands, found {ty}"));
    }
    expect_type("operand 1", operand(module, op, 1), ty)?;
    expect_type("the result", result(module, op, 0), &Type::I1)
}

// ---- constructors ----

/// A call of the runtime function `callee` with `args`, returning `result` (if any).
pub fn call(
    builder: &mut Builder<'_>,
    callee: &str,
    args: &[ValueId],
    result: Option<Type>,
) -> Option<ValueId> {
    let results: Vec<Type> = result.into_iter().collect();
    let op = builder.append(
        OpState::new(&CALL)
            .operands(args)
            .attribute("callee", Attribute::String(callee.to_string()))
            .results(&results),
    );
    builder.module.ops[op].results.first().copied()
}

/// The address of a constant C string holding `value`.
pub fn cstring(builder: &mut Builder<'_>, value: &str) -> ValueId {
    builder.append_value(
        OpState::new(&CSTRING)
            .attribute("value", Attribute::String(value.to_string()))
            .results(&[Type::Ptr]),
    )
}

/// The address of the slot `slot`.
pub fn address(builder: &mut Builder<'_>, slot: ValueId) -> ValueId {
    builder.append_value(OpState::new(&ADDRESS).operands(&[slot]).results(&[Type::Ptr]))
}

/// The zero value of `ty`.
pub fn zero(builder: &mut Builder<'_>, ty: Type) -> ValueId {
    builder.append_value(OpState::new(&ZERO).results(&[ty]))
}

/// Whether `pointer` (a handle or an `!ll.ptr`) is null.
pub fn is_null(builder: &mut Builder<'_>, pointer: ValueId) -> ValueId {
    builder.append_value(OpState::new(&IS_NULL).operands(&[pointer]).results(&[Type::I1]))
}

/// The `ty` at `pointer + offset` bytes.
pub fn load(builder: &mut Builder<'_>, pointer: ValueId, offset: ValueId, ty: Type) -> ValueId {
    builder.append_value(OpState::new(&LOAD).operands(&[pointer, offset]).results(&[ty]))
}

/// A field of the runtime object `handle` (a list's length or buffer), marked
/// `{memory = "object"}`: generated code never writes such fields, so no store to an element
/// aliases the load (the LLVM back end says so with type-based alias metadata).
pub fn load_object_field(
    builder: &mut Builder<'_>,
    handle: ValueId,
    offset: ValueId,
    ty: Type,
) -> ValueId {
    builder.append_value(
        OpState::new(&LOAD)
            .operands(&[handle, offset])
            .attribute("memory", Attribute::String("object".to_string()))
            .results(&[ty]),
    )
}

/// Writes `value` at `pointer + offset` bytes.
pub fn store(builder: &mut Builder<'_>, value: ValueId, pointer: ValueId, offset: ValueId) -> OpId {
    builder.append(OpState::new(&STORE).operands(&[value, pointer, offset]))
}

/// Whether `a kind b` overflows (`kind`: "add", "sub" or "mul").
pub fn overflows(builder: &mut Builder<'_>, kind: &str, a: ValueId, b: ValueId) -> ValueId {
    builder.append_value(
        OpState::new(&OVERFLOWS)
            .operands(&[a, b])
            .attribute("kind", Attribute::String(kind.to_string()))
            .results(&[Type::I1]),
    )
}
