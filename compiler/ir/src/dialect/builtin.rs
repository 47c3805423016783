//! The `builtin` dialect: `builtin.module`, the top op holding the functions, and
//! `builtin.struct`, the layout of a struct type `!struct<Name>`, which `agg` ops look up.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{attribute, is_op, string_attribute, Check};
use crate::dialect::func::lookup_symbol;
use crate::dialect::{expect_counts, OpDefinition, Trait};
use crate::entity::OpId;
use crate::module::{Module, OpState};
use crate::types::Type;

pub static MODULE: OpDefinition = OpDefinition {
    name: "builtin.module",
    summary: "the top-level container: one region of one block holding symbols",
    traits: &[Trait::IsolatedFromAbove, Trait::NoTerminator],
    regions: 1,
    verify: verify_module,
};

op!(
    STRUCT,
    "builtin.struct",
    "a struct's layout: `sym_name`, `fields` (their types) and `field_names`",
    [],
    verify_struct
);

pub static OPS: &[&OpDefinition] = &[&MODULE, &STRUCT];

fn verify_module(module: &Module, op: OpId) -> Result<(), String> {
    expect_counts(module, op, 0, 0)?;
    let region = module.ops[op].regions[0];
    let blocks = &module.regions[region].blocks;
    if blocks.len() != 1 || !module.blocks[blocks[0]].arguments.is_empty() {
        return Err("expects its region to hold one block without arguments".to_string());
    }
    Ok(())
}

fn verify_struct(module: &Module, op: OpId) -> Check {
    expect_counts(module, op, 0, 0)?;
    if !module.parent_op(op).is_some_and(|parent| is_op(module, parent, &MODULE)) {
        return Err("must be in the body of the `builtin.module`".to_string());
    }
    string_attribute(module, op, "sym_name")?;
    let fields = field_types(module, op)?;
    let names = match attribute(module, op, "field_names") {
        Some(Attribute::Array(names)) => names,
        Some(other) => return Err(format!("expects an array `field_names`, found {other}")),
        None => return Err("expects a `field_names` attribute".to_string()),
    };
    if names.len() != fields.len() {
        return Err(format!("has {} fields but {} field names", fields.len(), names.len()));
    }
    let mut seen = Vec::new();
    for name in names {
        let Attribute::String(name) = name else {
            return Err(format!("expects string field names, found {name}"));
        };
        if seen.contains(&name) {
            return Err(format!("has two fields named `{name}`"));
        }
        seen.push(name);
    }
    Ok(())
}

/// The `fields` of a `builtin.struct` op, as types.
fn field_types(module: &Module, op: OpId) -> Result<Vec<Type>, String> {
    let Some(Attribute::Array(fields)) = attribute(module, op, "fields") else {
        return Err("expects an array of types `fields`".to_string());
    };
    fields
        .iter()
        .map(|field| match field {
            Attribute::Type(ty) => Ok(ty.clone()),
            other => Err(format!("expects a type in `fields`, found {other}")),
        })
        .collect()
}

/// The field types of the struct `name`, from its `builtin.struct` in the module's body.
pub fn struct_fields(module: &Module, name: &str) -> Result<Vec<Type>, String> {
    match lookup_symbol(module, &STRUCT, name) {
        Some(op) => field_types(module, op),
        None => Err(format!("struct `{name}` is not defined by a `builtin.struct`")),
    }
}

/// The field names of the struct `name`, in order (printing a struct shows them).
pub fn struct_field_names(module: &Module, name: &str) -> Result<Vec<String>, String> {
    let op = lookup_symbol(module, &STRUCT, name)
        .ok_or_else(|| format!("struct `{name}` is not defined by a `builtin.struct`"))?;
    let Some(Attribute::Array(names)) = attribute(module, op, "field_names") else {
        return Err("expects an array `field_names`".to_string());
    };
    names
        .iter()
        .map(|field| match field {
            Attribute::String(name) => Ok(name.clone()),
            other => Err(format!("expects a string in `field_names`, found {other}")),
        })
        .collect()
}

// ---- constructors ----

/// Appends the layout of struct `name` to the module's body.
pub fn struct_(module: &mut Module, name: &str, fields: &[(&str, Type)]) -> OpId {
    let types = fields.iter().map(|(_, ty)| Attribute::Type(ty.clone())).collect();
    let names = fields.iter().map(|(name, _)| Attribute::String(name.to_string())).collect();
    let state = OpState::new(&STRUCT)
        .attribute("sym_name", Attribute::String(name.to_string()))
        .attribute("fields", Attribute::Array(types))
        .attribute("field_names", Attribute::Array(names));
    let body = module.body();
    Builder::at_end(module, body).append(state)
}
