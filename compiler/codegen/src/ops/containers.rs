//! `mem` ops: slots stay (the back ends lay them out); reference counts, lists and dicts
//! become runtime calls, with elements passed by pointer in their memory layout.

use mlc_ir::{OpId, Type};

use crate::emitter::Emitter;

pub fn lower(emitter: &mut Emitter<'_>, op: OpId) -> Result<(), String> {
    let name = emitter.module.ops[op].name();
    let operands = emitter.operands(op);
    let result = emitter.result_type(op);
    let in_bounds = matches!(
        emitter.module.ops[op].attributes.get("in_bounds"),
        Some(mlc_ir::Attribute::Bool(true))
    );
    match name {
        "mem.alloca" | "mem.load" | "mem.store" => {
            emitter.keep(op);
            return Ok(());
        }
        "mem.retain" | "mem.release" => {
            let callee = if name == "mem.retain" { "mlc_retain" } else { "mlc_release" };
            emitter.call(callee, &operands, None);
            emitter.replace(op, &[]);
        }
        "mem.list_new" => {
            let Some(Type::List(element)) = result.clone() else {
                return Err("`mem.list_new` without a list result".to_string());
            };
            let descriptor = emitter.descriptor(&element)?;
            let capacity = emitter.i64(operands.len() as i64);
            let list =
                emitter.call("mlc_list_new", &[descriptor, capacity], result).expect("a result");
            for &element in &operands {
                let pointer = emitter.spill(element);
                emitter.call("mlc_list_append", &[list, pointer], None);
            }
            emitter.replace(op, &[list]);
        }
        "mem.list_len" => {
            let value = super::list_in_place::length(emitter, operands[0]);
            emitter.replace(op, &[value]);
        }
        "mem.dict_len" => {
            let value = emitter.call("mlc_dict_len", &operands, Some(Type::I64)).expect("a result");
            emitter.replace(op, &[value]);
        }
        "mem.list_get" => {
            let ty = result.expect("a result");
            let value = match super::list_in_place::get(
                emitter,
                operands[0],
                operands[1],
                &ty,
                in_bounds,
            ) {
                Some(value) => value,
                None => emitter.call_out("mlc_list_get", &operands, ty, true),
            };
            emitter.replace(op, &[value]);
        }
        "mem.list_set" => {
            if !super::list_in_place::set(emitter, operands[0], operands[1], operands[2], in_bounds)
            {
                let pointer = emitter.spill(operands[2]);
                emitter.call_at("mlc_list_set", &[operands[0], operands[1], pointer], None);
            }
            emitter.replace(op, &[]);
        }
        "mem.list_append" => {
            let pointer = emitter.spill(operands[1]);
            emitter.call("mlc_list_append", &[operands[0], pointer], None);
            emitter.replace(op, &[]);
        }
        "mem.dict_new" => {
            let Some(Type::Dict(key, value)) = result.clone() else {
                return Err("`mem.dict_new` without a dict result".to_string());
            };
            let key = emitter.descriptor(&key)?;
            let value = emitter.descriptor(&value)?;
            let dict = emitter.call("mlc_dict_new", &[key, value], result).expect("a result");
            for pair in operands.chunks(2) {
                let key = emitter.spill(pair[0]);
                let value = emitter.spill(pair[1]);
                emitter.call("mlc_dict_set", &[dict, key, value], None);
            }
            emitter.replace(op, &[dict]);
        }
        "mem.dict_get" => {
            let ty = result.expect("a result");
            let key = emitter.spill(operands[1]);
            let value = emitter.call_out("mlc_dict_getitem", &[operands[0], key], ty, true);
            emitter.replace(op, &[value]);
            emitter.check_raised();
        }
        "mem.dict_set" => {
            let key = emitter.spill(operands[1]);
            let value = emitter.spill(operands[2]);
            emitter.call("mlc_dict_set", &[operands[0], key, value], None);
            emitter.replace(op, &[]);
        }
        "mem.dict_contains" => {
            let key = emitter.spill(operands[1]);
            let value = emitter
                .call("mlc_dict_contains", &[operands[0], key], Some(Type::I1))
                .expect("a result");
            emitter.replace(op, &[value]);
        }
        _ => return Err(format!("`{name}` has no lowering to the low form")),
    }
    Ok(())
}
