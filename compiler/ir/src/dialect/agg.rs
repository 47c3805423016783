//! The `agg` dialect: tuples and structs as SSA values. `agg.insert` makes a new value (a
//! struct in a `var` lives in a `mem.alloca` slot and is stored back). A struct's field types
//! come from the module's `builtin.struct` of that name.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::builtin::struct_fields;
use crate::dialect::checks::{
    expect_operands, expect_results, expect_type, index_attribute, operand, result, type_list,
    types_of, Check,
};
use crate::dialect::OpDefinition;
use crate::entity::{OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

op!(
    MAKE,
    "agg.make",
    "a tuple or struct from its elements or fields, in order",
    [Pure],
    verify_make
);
op!(EXTRACT, "agg.extract", "the element or field at `index`", [Pure], verify_extract);
op!(
    INSERT,
    "agg.insert",
    "a copy of the aggregate with the element or field at `index` replaced",
    [Pure],
    verify_insert
);

pub static OPS: &[&OpDefinition] = &[&MAKE, &EXTRACT, &INSERT];

/// The element types of a tuple, or the field types of a struct.
pub fn element_types(module: &Module, aggregate: &Type) -> Result<Vec<Type>, String> {
    match aggregate {
        Type::Tuple(elements) => Ok(elements.clone()),
        Type::Struct(name) => struct_fields(module, name),
        other => Err(format!("expects a tuple or a !struct, found {other}")),
    }
}

/// The type of element `index` of `aggregate`, or why there is none.
fn element_at(module: &Module, aggregate: &Type, index: usize) -> Result<Type, String> {
    let elements = element_types(module, aggregate)?;
    let what = if matches!(aggregate, Type::Struct(_)) { "fields" } else { "elements" };
    elements.get(index).cloned().ok_or_else(|| {
        format!("index {index} is out of range for {aggregate} ({} {what})", elements.len())
    })
}

fn verify_make(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    let aggregate = result(module, op, 0);
    let expected = element_types(module, aggregate)?;
    let found = types_of(module, &module.ops[op].operands);
    if found.len() != expected.len() || found.iter().zip(&expected).any(|(a, b)| *a != b) {
        return Err(format!(
            "makes {aggregate} from {} but its elements are {}",
            type_list(&found),
            type_list(&expected)
        ));
    }
    Ok(())
}

fn verify_extract(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    let index = index_attribute(module, op, "index")?;
    let element = element_at(module, operand(module, op, 0), index)?;
    expect_type("a result", result(module, op, 0), &element)
}

fn verify_insert(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 2)?;
    expect_results(module, op, 1)?;
    let index = index_attribute(module, op, "index")?;
    let aggregate = operand(module, op, 0);
    let element = element_at(module, aggregate, index)?;
    expect_type(&format!("a value for index {index}"), operand(module, op, 1), &element)?;
    expect_type("a result", result(module, op, 0), aggregate)
}

// ---- constructors ----

fn index(value: usize) -> Attribute {
    Attribute::integer(value as i128, Type::I64)
}

/// A tuple or struct of type `aggregate` from `values`.
pub fn make(builder: &mut Builder<'_>, aggregate: Type, values: &[ValueId]) -> ValueId {
    builder.append_value(OpState::new(&MAKE).operands(values).results(&[aggregate]))
}

/// A tuple of `values`, typed by them.
pub fn tuple(builder: &mut Builder<'_>, values: &[ValueId]) -> ValueId {
    let types = values.iter().map(|&v| builder.module.value_type(v).clone()).collect();
    make(builder, Type::Tuple(types), values)
}

/// Element `position` of a tuple or struct value. Panics if the aggregate has no such element
/// (lowering only asks for elements the type checker has seen).
pub fn extract(builder: &mut Builder<'_>, aggregate: ValueId, position: usize) -> ValueId {
    let ty = builder.module.value_type(aggregate).clone();
    let element = element_at(builder.module, &ty, position).unwrap_or_else(|e| panic!("{e}"));
    builder.append_value(
        OpState::new(&EXTRACT)
            .operands(&[aggregate])
            .attribute("index", index(position))
            .results(&[element]),
    )
}

/// A copy of `aggregate` with element `position` replaced by `value`.
pub fn insert(
    builder: &mut Builder<'_>,
    aggregate: ValueId,
    value: ValueId,
    position: usize,
) -> ValueId {
    let ty = builder.module.value_type(aggregate).clone();
    builder.append_value(
        OpState::new(&INSERT)
            .operands(&[aggregate, value])
            .attribute("index", index(position))
            .results(&[ty]),
    )
}
