//! The translation of each op of the low form, by dialect. Each dialect's `translate`
//! returns `Ok(false)` for an op it does not know, which becomes the "not in the low form"
//! error here, naming the op (the caller adds its location).

mod aggregates;
mod arith;
mod calls;
mod casts;
mod control;
mod ll;
mod math;
pub(crate) mod memory;

use mlc_ir::{Attribute, Module, OpId};

use crate::function::Translator;

pub(crate) fn translate(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let name = t.ir.ops[op].name();
    let (dialect, short) = name.split_once('.').unwrap_or(("", name));
    let handled = match dialect {
        "arith" => arith::translate(t, op, short)? || casts::translate(t, op, short)?,
        "math" => math::translate(t, op, short)?,
        "agg" => aggregates::translate(t, op, short)?,
        "mem" => memory::translate(t, op, short)?,
        "ll" => ll::translate(t, op, short)?,
        "func" => calls::translate(t, op, short)?,
        "cf" => control::translate(t, op, short)?,
        _ => false,
    };
    if handled {
        Ok(())
    } else {
        Err("not in the low form: the Cranelift back end cannot translate it".to_string())
    }
}

/// The string attribute `name` of `op`.
pub(crate) fn string_attribute<'m>(
    ir: &'m Module,
    op: OpId,
    name: &str,
) -> Result<&'m str, String> {
    match ir.ops[op].attributes.get(name) {
        Some(Attribute::String(value)) => Ok(value),
        Some(other) => Err(format!("expects a string `{name}`, found {other}")),
        None => Err(format!("expects a `{name}` attribute")),
    }
}

/// The non-negative integer attribute `name` of `op` (an `agg` index).
pub(crate) fn index_attribute(ir: &Module, op: OpId, name: &str) -> Result<usize, String> {
    match ir.ops[op].attributes.get(name) {
        Some(Attribute::Integer { value, .. }) => {
            usize::try_from(*value).map_err(|_| format!("`{name}` = {value} is out of range"))
        }
        Some(other) => Err(format!("expects an integer `{name}`, found {other}")),
        None => Err(format!("expects a `{name}` attribute")),
    }
}
