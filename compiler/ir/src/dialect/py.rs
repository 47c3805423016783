//! The `py` dialect: Python objects through the embedded interpreter. Every op may raise the
//! Python exception as an `!rt.error` (caught by an enclosing `rt.try`), so none is `Pure`.
//! Operands are `!py.object`s, except `py.from`, which converts a native value; `py.to` is
//! the explicit cast back, raising when the object does not convert.
//!
//! `py.call` may also take `i64`, `f64` and `i1` arguments and give a native result: the
//! conversions folded into the call (`py-fold-conversions`), so a call like
//! `i64(f(n))` crosses into the runtime once instead of three times. The lowering emits
//! only objects; the folded form is what the pass makes of `py.from` and `py.to`.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{
    attribute, expect_operands, expect_operands_at_least, expect_results, expect_type, one_of,
    string_attribute, types_of, Check,
};
use crate::dialect::OpDefinition;
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

op!(IMPORT, "py.import", "imports the Python `module`", [], verify_import);
op!(NONE, "py.none", "Python's `None`", [], verify_none);
op!(GETATTR, "py.getattr", "the attribute `name` of an object", [], verify_getattr);
op!(SETATTR, "py.setattr", "sets the attribute `name` of an object", [], verify_setattr);
op!(
    CALL,
    "py.call",
    "calls an object; the last `len(keywords)` arguments are passed by those names; native \
     `i64`, `f64` and `i1` arguments are converted, and a native result is cast as by `py.to`",
    [],
    verify_call
);
op!(GETITEM, "py.getitem", "`o[key]`", [], verify_getitem);
op!(SETITEM, "py.setitem", "`o[key] = v`", [], verify_setitem);
op!(SLICE, "py.slice", "`slice(start, stop, step)`", [], verify_slice);
op!(BINARY, "py.binary", "a binary operator `op` on two objects", [], verify_binary);
op!(UNARY, "py.unary", "a unary operator `op` on an object", [], verify_unary);
op!(COMPARE, "py.compare", "a comparison `predicate` of two objects", [], verify_compare);
op!(FROM, "py.from", "converts a native value to Python", [], verify_from);
op!(TO, "py.to", "converts an object to a native value, raising on a mismatch", [], verify_to);
op!(LEN, "py.len", "`len(o)`", [], verify_len);
op!(TRUTHY, "py.truthy", "`bool(o)`", [], verify_truthy);
op!(STR, "py.str", "`str(o)`", [], verify_str);
op!(ITER, "py.iter", "`iter(o)`", [], verify_iter);
op!(NEXT, "py.next", "the next item of an iterator, and whether there was one", [], verify_next);

pub static OPS: &[&OpDefinition] = &[
    &IMPORT, &NONE, &GETATTR, &SETATTR, &CALL, &GETITEM, &SETITEM, &SLICE, &BINARY, &UNARY,
    &COMPARE, &FROM, &TO, &LEN, &TRUTHY, &STR, &ITER, &NEXT,
];

pub const BINARY_OPERATORS: &[&str] = &[
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and", "or", "xor",
    "lshift", "rshift",
];
pub const UNARY_OPERATORS: &[&str] = &["neg", "pos", "invert"];
pub const PREDICATES: &[&str] = &["lt", "le", "gt", "ge", "eq", "ne", "in", "is"];

/// The native types `py.from` and `py.to` convert: numbers, `i1`, `!str`, and tuples, lists,
/// dicts and tensors of them (Python objects may sit inside containers).
pub fn converts_to_python(ty: &Type) -> bool {
    let nested = |t: &Type| *t == Type::PyObject || converts_to_python(t);
    match ty {
        Type::Int(_) | Type::UInt(_) | Type::Float(_) | Type::Str => true,
        Type::Tuple(elements) => elements.iter().all(nested),
        Type::List(element) => nested(element),
        Type::Dict(key, value) => nested(key) && nested(value),
        Type::Tensor(element) => matches!(**element, Type::Int(_) | Type::UInt(_) | Type::Float(_)),
        _ => false,
    }
}

/// The types a `py.call` argument may have: an object, or a scalar the call converts.
pub fn is_call_argument(ty: &Type) -> bool {
    matches!(*ty, Type::PyObject | Type::I64 | Type::F64 | Type::I1)
}

/// `operands` `!py.object` operands and the given results.
fn objects(module: &Module, op: OpId, operands: usize, results: &[Type]) -> Check {
    expect_operands(module, op, operands)?;
    expect_results(module, op, results.len())?;
    all_objects(module, op)?;
    for (index, (found, expected)) in
        types_of(module, &module.ops[op].results).into_iter().zip(results).enumerate()
    {
        expect_type(&format!("result {index}"), found, expected)?;
    }
    Ok(())
}

fn all_objects(module: &Module, op: OpId) -> Check {
    for (index, ty) in types_of(module, &module.ops[op].operands).into_iter().enumerate() {
        expect_type(&format!("operand {index}"), ty, &Type::PyObject)?;
    }
    Ok(())
}

fn verify_import(module: &Module, op: OpId) -> Check {
    objects(module, op, 0, &[Type::PyObject])?;
    string_attribute(module, op, "module").map(|_| ())
}

fn verify_none(module: &Module, op: OpId) -> Check {
    objects(module, op, 0, &[Type::PyObject])
}

fn verify_getattr(module: &Module, op: OpId) -> Check {
    objects(module, op, 1, &[Type::PyObject])?;
    string_attribute(module, op, "name").map(|_| ())
}

fn verify_setattr(module: &Module, op: OpId) -> Check {
    objects(module, op, 2, &[])?;
    string_attribute(module, op, "name").map(|_| ())
}

fn verify_call(module: &Module, op: OpId) -> Check {
    expect_operands_at_least(module, op, 1)?;
    expect_results(module, op, 1)?;
    let result = module.value_type(module.ops[op].results[0]);
    if *result != Type::PyObject && !converts_to_python(result) {
        return Err(format!("cannot convert a Python object to {result}"));
    }
    let operands = types_of(module, &module.ops[op].operands);
    expect_type("the callee", operands[0], &Type::PyObject)?;
    for (index, ty) in operands.into_iter().enumerate().skip(1) {
        if !is_call_argument(ty) {
            return Err(format!(
                "expects operand {index} to be !py.object, i64, f64 or i1, found {ty}"
            ));
        }
    }
    let keywords = match attribute(module, op, "keywords") {
        Some(Attribute::Array(keywords)) => keywords.as_slice(),
        Some(other) => {
            return Err(format!("expects an array of strings `keywords`, found {other}"))
        }
        // No keywords: every argument is positional.
        None => &[],
    };
    if let Some(other) = keywords.iter().find(|k| !matches!(k, Attribute::String(_))) {
        return Err(format!("expects string keywords, found {other}"));
    }
    let arguments = module.ops[op].operands.len() - 1;
    if keywords.len() > arguments {
        return Err(format!("has {} keywords but only {arguments} arguments", keywords.len()));
    }
    Ok(())
}

fn verify_getitem(module: &Module, op: OpId) -> Check {
    objects(module, op, 2, &[Type::PyObject])
}

fn verify_setitem(module: &Module, op: OpId) -> Check {
    objects(module, op, 3, &[])
}

fn verify_slice(module: &Module, op: OpId) -> Check {
    objects(module, op, 3, &[Type::PyObject])
}

fn verify_binary(module: &Module, op: OpId) -> Check {
    objects(module, op, 2, &[Type::PyObject])?;
    one_of(module, op, "op", BINARY_OPERATORS).map(|_| ())
}

fn verify_unary(module: &Module, op: OpId) -> Check {
    objects(module, op, 1, &[Type::PyObject])?;
    one_of(module, op, "op", UNARY_OPERATORS).map(|_| ())
}

fn verify_compare(module: &Module, op: OpId) -> Check {
    objects(module, op, 2, &[Type::PyObject])?;
    one_of(module, op, "predicate", PREDICATES).map(|_| ())
}

fn verify_from(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    let ty = module.value_type(module.ops[op].operands[0]);
    if !converts_to_python(ty) {
        return Err(format!("cannot convert {ty} to Python"));
    }
    expect_type("a result", module.value_type(module.ops[op].results[0]), &Type::PyObject)
}

fn verify_to(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    all_objects(module, op)?;
    let ty = module.value_type(module.ops[op].results[0]);
    if !converts_to_python(ty) {
        return Err(format!("cannot convert a Python object to {ty}"));
    }
    Ok(())
}

fn verify_len(module: &Module, op: OpId) -> Check {
    objects(module, op, 1, &[Type::I64])
}

fn verify_truthy(module: &Module, op: OpId) -> Check {
    objects(module, op, 1, &[Type::I1])
}

fn verify_str(module: &Module, op: OpId) -> Check {
    objects(module, op, 1, &[Type::Str])
}

fn verify_iter(module: &Module, op: OpId) -> Check {
    objects(module, op, 1, &[Type::PyObject])
}

fn verify_next(module: &Module, op: OpId) -> Check {
    objects(module, op, 1, &[Type::I1, Type::PyObject])
}

// ---- constructors ----

fn text(value: &str) -> Attribute {
    Attribute::String(value.to_string())
}

fn object(builder: &mut Builder<'_>, state: OpState) -> ValueId {
    builder.append_value(state.results(&[Type::PyObject]))
}

/// `from python import module`.
pub fn import(builder: &mut Builder<'_>, module: &str) -> ValueId {
    object(builder, OpState::new(&IMPORT).attribute("module", text(module)))
}

pub fn none(builder: &mut Builder<'_>) -> ValueId {
    object(builder, OpState::new(&NONE))
}

pub fn getattr(builder: &mut Builder<'_>, object_value: ValueId, name: &str) -> ValueId {
    object(builder, OpState::new(&GETATTR).operands(&[object_value]).attribute("name", text(name)))
}

pub fn setattr(builder: &mut Builder<'_>, object: ValueId, name: &str, value: ValueId) -> OpId {
    builder.append(OpState::new(&SETATTR).operands(&[object, value]).attribute("name", text(name)))
}

/// `callee(positional..., name=value...)`.
pub fn call(
    builder: &mut Builder<'_>,
    callee: ValueId,
    positional: &[ValueId],
    keywords: &[(&str, ValueId)],
) -> ValueId {
    let mut operands = vec![callee];
    operands.extend_from_slice(positional);
    operands.extend(keywords.iter().map(|&(_, value)| value));
    let names = keywords.iter().map(|&(name, _)| text(name)).collect();
    object(
        builder,
        OpState::new(&CALL).operands(&operands).attribute("keywords", Attribute::Array(names)),
    )
}

/// An op of `object` operands and one `!py.object` result: `GETITEM`, `SLICE`, `ITER`.
pub fn object_op(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    operands: &[ValueId],
) -> ValueId {
    object(builder, OpState::new(op).operands(operands))
}

pub fn setitem(builder: &mut Builder<'_>, object: ValueId, key: ValueId, value: ValueId) -> OpId {
    builder.append(OpState::new(&SETITEM).operands(&[object, key, value]))
}

/// `BINARY` with an `op` (`"add"`...), `UNARY` with an `op`, or `COMPARE` with a `predicate`.
pub fn operator(
    builder: &mut Builder<'_>,
    op: &'static OpDefinition,
    name: &str,
    operands: &[ValueId],
) -> ValueId {
    let key = if std::ptr::eq(op, &COMPARE) { "predicate" } else { "op" };
    object(builder, OpState::new(op).operands(operands).attribute(key, text(name)))
}

/// A native value as a Python object.
pub fn from(builder: &mut Builder<'_>, value: ValueId) -> ValueId {
    object(builder, OpState::new(&FROM).operands(&[value]))
}

/// `T(o)`: a Python object as a native `target`.
pub fn to(builder: &mut Builder<'_>, object: ValueId, target: Type) -> ValueId {
    builder.append_value(OpState::new(&TO).operands(&[object]).results(&[target]))
}

/// `LEN` (`i64`), `TRUTHY` (`i1`) or `STR` (`!str`) of an object.
pub fn query(builder: &mut Builder<'_>, op: &'static OpDefinition, object: ValueId) -> ValueId {
    let ty = if std::ptr::eq(op, &LEN) {
        Type::I64
    } else if std::ptr::eq(op, &TRUTHY) {
        Type::I1
    } else {
        Type::Str
    };
    builder.append_value(OpState::new(op).operands(&[object]).results(&[ty]))
}

/// `next(iterator)`: `(has_item, item)`.
pub fn next(builder: &mut Builder<'_>, iterator: ValueId) -> (ValueId, ValueId) {
    let op = builder
        .append(OpState::new(&NEXT).operands(&[iterator]).results(&[Type::I1, Type::PyObject]));
    (builder.module.result(op, 0), builder.module.result(op, 1))
}
