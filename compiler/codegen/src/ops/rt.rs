//! `rt` ops: strings, printing and formatting, panics and assertions, errors, `argv`, and
//! the named built-ins (`builtins.rs`).

use mlc_ir::dialect::cf;
use mlc_ir::{OpId, Type};

use crate::emitter::Emitter;

pub fn lower(emitter: &mut Emitter<'_>, op: OpId) -> Result<(), String> {
    let name = emitter.module.ops[op].name();
    let operands = emitter.operands(op);
    match name {
        "rt.string" => {
            let text = emitter.string_attribute(op, "value").unwrap_or_default();
            let bytes = emitter.cstring(&text);
            let length = emitter.i64(text.len() as i64);
            let value = emitter.call("mlc_str_new", &[bytes, length], Some(Type::Str));
            emitter.replace(op, &[value.expect("a result")]);
        }
        "rt.print" => {
            let (separator, end) = (operands[0], operands[1]);
            for (i, &value) in operands[2..].iter().enumerate() {
                if i > 0 {
                    emitter.call("mlc_print_str", &[separator], None);
                }
                let ty = emitter.type_of(value);
                if ty == Type::Str {
                    emitter.call("mlc_print_str", &[value], None);
                } else {
                    let descriptor = emitter.descriptor(&ty)?;
                    let pointer = emitter.spill(value);
                    emitter.call("mlc_print", &[pointer, descriptor], None);
                }
            }
            emitter.call("mlc_print_str", &[end], None);
            emitter.replace(op, &[]);
        }
        "rt.format" => {
            let spec = emitter.string_attribute(op, "spec").unwrap_or_default();
            let ty = emitter.type_of(operands[0]);
            let descriptor = emitter.descriptor(&ty)?;
            let pointer = emitter.spill(operands[0]);
            let spec = emitter.cstring(&spec);
            let value = emitter.call("mlc_format", &[pointer, descriptor, spec], Some(Type::Str));
            emitter.replace(op, &[value.expect("a result")]);
        }
        "rt.concat" => {
            let (parts, count) = emitter.array_of(&operands, Type::Str);
            let value = emitter.call("mlc_str_concat", &[parts, count], Some(Type::Str));
            emitter.replace(op, &[value.expect("a result")]);
        }
        "rt.panic" => {
            let message = emitter.string_attribute(op, "message").unwrap_or_default();
            emitter.panic(&message);
            emitter.replace(op, &[]);
        }
        "rt.panic_if" => {
            let message = emitter.string_attribute(op, "message").unwrap_or_default();
            emitter.panic_if(operands[0], &message);
            emitter.replace(op, &[]);
        }
        "rt.assert" => {
            let passed = emitter.new_block(&[]);
            let failed = emitter.new_block(&[]);
            cf::cond_br(&mut emitter.builder(), operands[0], (passed, &[]), (failed, &[]));
            emitter.current = failed;
            let message = match operands.get(1) {
                Some(&message) => message,
                None => emitter.zero(Type::Str),
            };
            emitter.call_at("mlc_assert_fail", &[message], None);
            cf::unreachable(&mut emitter.builder());
            emitter.current = passed;
            emitter.replace(op, &[]);
        }
        "rt.error" => {
            let value = emitter.call("mlc_error_new", &[operands[0]], Some(Type::RtError));
            emitter.replace(op, &[value.expect("a result")]);
        }
        "rt.error_message" => {
            let value = emitter.call("mlc_error_message", &[operands[0]], Some(Type::Str));
            emitter.replace(op, &[value.expect("a result")]);
        }
        "rt.raise" => {
            let callee = match emitter.type_of(operands[0]) {
                Type::PyObject => "mlc_py_raise",
                _ => "mlc_err_raise",
            };
            emitter.call_at(callee, &[operands[0]], None);
            let target = emitter.raise_target();
            cf::br(&mut emitter.builder(), target, &[]);
            emitter.replace(op, &[]);
        }
        "rt.argv" => {
            let ty = emitter.result_type(op).expect("a result");
            let value = emitter.call("mlc_argv", &[], Some(ty));
            emitter.replace(op, &[value.expect("a result")]);
        }
        "rt.builtin" => super::builtins::lower(emitter, op)?,
        _ => return Err(format!("`{name}` has no lowering to the low form")),
    }
    Ok(())
}
