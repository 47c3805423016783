//! The `mem` dialect: stack slots (`var` bindings, `mut self`), reference counting of handles,
//! and the runtime's lists and dicts.
//!
//! No op here is `Pure`: slots, lists and dicts are mutable, so reads cannot move across
//! writes, and each new list or dict is its own object. List indices may be negative (from
//! the end); an index out of range panics at the op's location unless `{in_bounds = true}`,
//! set when a pass proved it in range. A missing dict key raises. A `mem.alloca` marked
//! `{scratch = true}` was made by code generation to pass values to and from the runtime by
//! pointer; it owns nothing (see `docs/runtime.md`, *Ownership*).

mod constructors;

pub use constructors::*;

use crate::dialect::checks::{
    expect_operands, expect_operands_at_least, expect_results, expect_type, operand, optional_flag,
    result, types_of, Check,
};
use crate::dialect::OpDefinition;
use crate::entity::OpId;
use crate::module::Module;
use crate::types::{Dim, Type};

op!(ALLOCA, "mem.alloca", "a stack slot (rank 0) or stack array (static shape)", [], verify_alloca);
op!(
    LOAD,
    "mem.load",
    "reads the element of a memory reference at the `index` operands",
    [],
    verify_load
);
op!(
    STORE,
    "mem.store",
    "writes a value to a memory reference at the `index` operands",
    [],
    verify_store
);
op!(RETAIN, "mem.retain", "adds a reference to a handle", [], verify_reference_count);
op!(
    RELEASE,
    "mem.release",
    "drops a reference to a handle, freeing it at zero",
    [],
    verify_reference_count
);
op!(LIST_NEW, "mem.list_new", "a new list of the operands", [], verify_list_new);
op!(LIST_LEN, "mem.list_len", "the length of a list", [], verify_list_len);
op!(
    LIST_GET,
    "mem.list_get",
    "the element at an index (negative: from the end)",
    [],
    verify_list_get
);
op!(
    LIST_SET,
    "mem.list_set",
    "replaces the element at an index (negative: from the end)",
    [],
    verify_list_set
);
op!(LIST_APPEND, "mem.list_append", "appends an element to a list", [], verify_list_append);
op!(
    DICT_NEW,
    "mem.dict_new",
    "a new dict of the operands, key and value in turn",
    [],
    verify_dict_new
);
op!(DICT_LEN, "mem.dict_len", "the number of entries of a dict", [], verify_dict_len);
op!(DICT_GET, "mem.dict_get", "the value of a key; a missing key raises", [], verify_dict_get);
op!(DICT_SET, "mem.dict_set", "sets the value of a key", [], verify_dict_set);
op!(DICT_CONTAINS, "mem.dict_contains", "whether a dict has a key", [], verify_dict_contains);

pub static OPS: &[&OpDefinition] = &[
    &ALLOCA,
    &LOAD,
    &STORE,
    &RETAIN,
    &RELEASE,
    &LIST_NEW,
    &LIST_LEN,
    &LIST_GET,
    &LIST_SET,
    &LIST_APPEND,
    &DICT_NEW,
    &DICT_LEN,
    &DICT_GET,
    &DICT_SET,
    &DICT_CONTAINS,
];

fn verify_alloca(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 1)?;
    optional_flag(module, op, "scratch")?;
    match result(module, op, 0) {
        Type::MemRef { shape, strides: None, .. }
            if shape.iter().all(|d| matches!(d, Dim::Static(_))) =>
        {
            Ok(())
        }
        other => Err(format!(
            "expects a result !mem.ref with a static shape and no strides, found {other}"
        )),
    }
}

/// Checks `ref, indices...` starting at operand `first`; returns the element type.
fn memory_access(module: &Module, op: OpId, first: usize) -> Result<&Type, String> {
    expect_operands_at_least(module, op, first + 1)?;
    let Type::MemRef { element, shape, .. } = operand(module, op, first) else {
        return Err(format!("expects a !mem.ref, found {}", operand(module, op, first)));
    };
    let indices = types_of(module, &module.ops[op].operands[first + 1..]);
    if indices.len() != shape.len() {
        return Err(format!(
            "expects {} indices for a rank-{} !mem.ref, found {}",
            shape.len(),
            shape.len(),
            indices.len()
        ));
    }
    for (position, index) in indices.into_iter().enumerate() {
        expect_type(&format!("index {position}"), index, &Type::Index)?;
    }
    Ok(element)
}

fn verify_load(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    let element = memory_access(module, op, 0)?;
    expect_type("a result", result(module, op, 0), element)
}

fn verify_store(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    let element = memory_access(module, op, 1)?;
    expect_type("a value", operand(module, op, 0), element)
}

fn verify_reference_count(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 0)?;
    let ty = operand(module, op, 0);
    if !ty.is_handle() {
        return Err(format!(
            "expects a handle (!str, !list, !dict, !tensor, !py.object, !rt.error), found {ty}"
        ));
    }
    Ok(())
}

/// The element type of the list in operand `index`.
fn list_element(module: &Module, op: OpId, index: usize) -> Result<&Type, String> {
    match operand(module, op, index) {
        Type::List(element) => Ok(element),
        other => Err(format!("expects a !list, found {other}")),
    }
}

/// The key and value types of the dict in operand 0.
fn dict_types(module: &Module, op: OpId) -> Result<(&Type, &Type), String> {
    match operand(module, op, 0) {
        Type::Dict(key, value) => Ok((key, value)),
        other => Err(format!("expects a !dict, found {other}")),
    }
}

fn verify_list_new(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    let Type::List(element) = result(module, op, 0) else {
        return Err(format!("expects a result !list, found {}", result(module, op, 0)));
    };
    for (index, ty) in types_of(module, &module.ops[op].operands).into_iter().enumerate() {
        expect_type(&format!("element {index}"), ty, element)?;
    }
    Ok(())
}

fn verify_list_len(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    list_element(module, op, 0)?;
    expect_type("a result", result(module, op, 0), &Type::I64)
}

fn verify_list_get(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    let element = list_element(module, op, 0)?;
    expect_type("an index", operand(module, op, 1), &Type::I64)?;
    expect_type("a result", result(module, op, 0), element)?;
    optional_flag(module, op, "in_bounds").map(|_| ())
}

fn verify_list_set(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 3)?;
    expect_results(module, op, 0)?;
    let element = list_element(module, op, 0)?;
    expect_type("an index", operand(module, op, 1), &Type::I64)?;
    expect_type("a value", operand(module, op, 2), element)?;
    optional_flag(module, op, "in_bounds").map(|_| ())
}

fn verify_list_append(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 0)?;
    let element = list_element(module, op, 0)?;
    expect_type("a value", operand(module, op, 1), element)
}

fn verify_dict_new(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    let Type::Dict(key, value) = result(module, op, 0) else {
        return Err(format!("expects a result !dict, found {}", result(module, op, 0)));
    };
    let operands = types_of(module, &module.ops[op].operands);
    let pairs = operands.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return Err(format!("expects keys and values in pairs, found {} operands", operands.len()));
    }
    for (index, pair) in pairs.enumerate() {
        expect_type(&format!("key {index}"), pair[0], key)?;
        expect_type(&format!("value {index}"), pair[1], value)?;
    }
    Ok(())
}

fn verify_dict_len(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    dict_types(module, op)?;
    expect_type("a result", result(module, op, 0), &Type::I64)
}

fn verify_dict_get(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    let (key, value) = dict_types(module, op)?;
    expect_type("a key", operand(module, op, 1), key)?;
    expect_type("a result", result(module, op, 0), value)
}

fn verify_dict_set(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 3)?;
    expect_results(module, op, 0)?;
    let (key, value) = dict_types(module, op)?;
    expect_type("a key", operand(module, op, 1), key)?;
    expect_type("a value", operand(module, op, 2), value)
}

fn verify_dict_contains(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    let (key, _) = dict_types(module, op)?;
    expect_type("a key", operand(module, op, 1), key)?;
    expect_type("a result", result(module, op, 0), &Type::I1)
}
