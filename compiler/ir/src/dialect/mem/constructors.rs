//! Builders for `mem` ops; result types follow from the operands.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::{Dim, Type};

use super::{
    ALLOCA, DICT_CONTAINS, DICT_GET, DICT_LEN, DICT_NEW, DICT_SET, LIST_APPEND, LIST_GET, LIST_LEN,
    LIST_NEW, LIST_SET, LOAD, RELEASE, RETAIN, STORE,
};

fn element_of(builder: &Builder<'_>, value: ValueId) -> Type {
    match builder.module.value_type(value) {
        Type::MemRef { element, .. } | Type::List(element) => (**element).clone(),
        Type::Dict(_, value) => (**value).clone(),
        other => panic!("expected a !mem.ref, !list or !dict, found {other}"),
    }
}

/// A stack slot for one `element` (a `var` binding).
pub fn alloca(builder: &mut Builder<'_>, element: Type) -> ValueId {
    alloca_array(builder, element, &[])
}

/// A stack array of a static `shape`.
pub fn alloca_array(builder: &mut Builder<'_>, element: Type, shape: &[u64]) -> ValueId {
    let ty = Type::MemRef {
        element: Box::new(element),
        shape: shape.iter().map(|&size| Dim::Static(size)).collect(),
        strides: None,
    };
    builder.append_value(OpState::new(&ALLOCA).results(&[ty]))
}

pub fn load(builder: &mut Builder<'_>, reference: ValueId, indices: &[ValueId]) -> ValueId {
    let element = element_of(builder, reference);
    let mut operands = vec![reference];
    operands.extend_from_slice(indices);
    builder.append_value(OpState::new(&LOAD).operands(&operands).results(&[element]))
}

pub fn store(
    builder: &mut Builder<'_>,
    value: ValueId,
    reference: ValueId,
    indices: &[ValueId],
) -> OpId {
    let mut operands = vec![value, reference];
    operands.extend_from_slice(indices);
    builder.append(OpState::new(&STORE).operands(&operands))
}

pub fn retain(builder: &mut Builder<'_>, handle: ValueId) -> OpId {
    builder.append(OpState::new(&RETAIN).operands(&[handle]))
}

pub fn release(builder: &mut Builder<'_>, handle: ValueId) -> OpId {
    builder.append(OpState::new(&RELEASE).operands(&[handle]))
}

/// A new `!list<element>` holding `elements`.
pub fn list_new(builder: &mut Builder<'_>, element: Type, elements: &[ValueId]) -> ValueId {
    builder.append_value(
        OpState::new(&LIST_NEW).operands(elements).results(&[Type::List(Box::new(element))]),
    )
}

pub fn list_len(builder: &mut Builder<'_>, list: ValueId) -> ValueId {
    builder.append_value(OpState::new(&LIST_LEN).operands(&[list]).results(&[Type::I64]))
}

/// `list[index]`, checked (see `set_in_bounds`).
pub fn list_get(builder: &mut Builder<'_>, list: ValueId, index: ValueId) -> ValueId {
    let element = element_of(builder, list);
    builder.append_value(OpState::new(&LIST_GET).operands(&[list, index]).results(&[element]))
}

pub fn list_set(builder: &mut Builder<'_>, list: ValueId, index: ValueId, value: ValueId) -> OpId {
    builder.append(OpState::new(&LIST_SET).operands(&[list, index, value]))
}

pub fn list_append(builder: &mut Builder<'_>, list: ValueId, value: ValueId) -> OpId {
    builder.append(OpState::new(&LIST_APPEND).operands(&[list, value]))
}

/// A new `!dict<key, value>` holding `entries`.
pub fn dict_new(
    builder: &mut Builder<'_>,
    key: Type,
    value: Type,
    entries: &[(ValueId, ValueId)],
) -> ValueId {
    let operands: Vec<ValueId> = entries.iter().flat_map(|&(k, v)| [k, v]).collect();
    let ty = Type::Dict(Box::new(key), Box::new(value));
    builder.append_value(OpState::new(&DICT_NEW).operands(&operands).results(&[ty]))
}

pub fn dict_len(builder: &mut Builder<'_>, dict: ValueId) -> ValueId {
    builder.append_value(OpState::new(&DICT_LEN).operands(&[dict]).results(&[Type::I64]))
}

pub fn dict_get(builder: &mut Builder<'_>, dict: ValueId, key: ValueId) -> ValueId {
    let value = element_of(builder, dict);
    builder.append_value(OpState::new(&DICT_GET).operands(&[dict, key]).results(&[value]))
}

pub fn dict_set(builder: &mut Builder<'_>, dict: ValueId, key: ValueId, value: ValueId) -> OpId {
    builder.append(OpState::new(&DICT_SET).operands(&[dict, key, value]))
}

pub fn dict_contains(builder: &mut Builder<'_>, dict: ValueId, key: ValueId) -> ValueId {
    builder.append_value(OpState::new(&DICT_CONTAINS).operands(&[dict, key]).results(&[Type::I1]))
}

/// Sets `{in_bounds = true}` on a `mem.list_get`/`list_set` or `tensor.load`/`store`: a pass
/// proved the index in range.
pub fn set_in_bounds(module: &mut Module, op: OpId) {
    module.ops[op].attributes.insert("in_bounds".to_string(), Attribute::Bool(true));
}
