//! `py` ops: each becomes a call of its `mlc_py_*` runtime function (`docs/runtime.md`,
//! *Python*) with the op's location, followed by a check for a raised error. Operators
//! travel as indices into the tables of `mlc-python-abi`, which the runtime and its Python
//! bridge share.

use mlc_ir::dialect::mem;
use mlc_ir::{Attribute, OpId, Type};
use mlc_python_abi::{BINARY_OPERATORS, COMPARISONS, UNARY_OPERATORS};

use crate::emitter::Emitter;
use crate::function::Context;

pub fn lower(emitter: &mut Emitter<'_>, op: OpId, context: &Context<'_>) -> Result<(), String> {
    let name = emitter.module.ops[op].name();
    let operands = emitter.operands(op);
    let object = Some(Type::PyObject);
    let results = match name {
        "py.import" => {
            let module = emitter.string_attribute(op, "module").unwrap_or_default();
            let module = emitter.cstring(&module);
            let folder = context.options.source_folder.clone().unwrap_or_default();
            let folder = emitter.cstring(&folder);
            vec![raising_call(emitter, "mlc_py_import", &[module, folder], object)]
        }
        // `None` cannot fail (a Python that cannot start stops the program).
        "py.none" => vec![emitter.call_at("mlc_py_none", &[], object).expect("a result")],
        "py.getattr" => {
            let attribute = emitter.string_attribute(op, "name").unwrap_or_default();
            let attribute = emitter.cstring(&attribute);
            vec![raising_call(emitter, "mlc_py_getattr", &[operands[0], attribute], object)]
        }
        "py.setattr" => {
            let attribute = emitter.string_attribute(op, "name").unwrap_or_default();
            let attribute = emitter.cstring(&attribute);
            raising_call_void(emitter, "mlc_py_setattr", &[operands[0], attribute, operands[1]]);
            vec![]
        }
        "py.call" => {
            let keywords: Vec<String> = match emitter.module.ops[op].attributes.get("keywords") {
                Some(Attribute::Array(names)) => names
                    .iter()
                    .filter_map(|name| match name {
                        Attribute::String(name) => Some(name.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let kinds = argument_kinds(emitter, &operands[1..])?;
            let (arguments, count) = emitter.word_array(&operands[1..]);
            let kinds = emitter.cstring(&kinds);
            let keywords = emitter.cstring(&keywords.join(","));
            let call = [operands[0], arguments, count, kinds, keywords];
            match emitter.result_type(op).ok_or("`py.call` without a result")? {
                Type::PyObject => vec![raising_call(emitter, "mlc_py_call", &call, object)],
                // The cast folded into the call (`py-fold-conversions`).
                ty => {
                    let descriptor = emitter.descriptor(&ty)?;
                    let slot = emitter.slot(ty);
                    let out = emitter.address(slot);
                    let mut arguments = call.to_vec();
                    arguments.extend([descriptor, out]);
                    let raised = emitter
                        .call_at("mlc_py_call_into", &arguments, Some(Type::I1))
                        .expect("a result");
                    emitter.check_raised_when(raised);
                    vec![mem::load(&mut emitter.builder(), slot, &[])]
                }
            }
        }
        "py.getitem" => vec![raising_call(emitter, "mlc_py_getitem", &operands, object)],
        "py.setitem" => {
            raising_call_void(emitter, "mlc_py_setitem", &operands);
            vec![]
        }
        "py.slice" => vec![raising_call(emitter, "mlc_py_slice", &operands, object)],
        "py.binary" | "py.unary" | "py.compare" => {
            let (key, table, callee): (_, &[&str], _) = match name {
                "py.binary" => ("op", &BINARY_OPERATORS, "mlc_py_binary"),
                "py.unary" => ("op", &UNARY_OPERATORS, "mlc_py_unary"),
                _ => ("predicate", &COMPARISONS, "mlc_py_compare"),
            };
            let operator = emitter.string_attribute(op, key).unwrap_or_default();
            let index = table
                .iter()
                .position(|&known| known == operator)
                .ok_or_else(|| format!("`{name}` with an unknown operator `{operator}`"))?;
            let mut arguments = vec![emitter.i32(index as i32)];
            arguments.extend(&operands);
            vec![raising_call(emitter, callee, &arguments, object)]
        }
        "py.len" => vec![raising_call(emitter, "mlc_py_len", &operands, Some(Type::I64))],
        "py.truthy" => vec![raising_call(emitter, "mlc_py_truthy", &operands, Some(Type::I1))],
        "py.str" => vec![raising_call(emitter, "mlc_py_str", &operands, Some(Type::Str))],
        "py.iter" => vec![raising_call(emitter, "mlc_py_iter", &operands, object)],
        "py.next" => {
            let slot = emitter.slot(Type::PyObject);
            let out = emitter.address(slot);
            let has_item =
                raising_call(emitter, "mlc_py_next", &[operands[0], out], Some(Type::I1));
            let item = mem::load(&mut emitter.builder(), slot, &[]);
            vec![has_item, item]
        }
        // The common scalars skip the descriptor and the trip through memory.
        "py.from" if emitter.type_of(operands[0]) == Type::I64 => {
            vec![raising_call(emitter, "mlc_py_from_i64", &operands, object)]
        }
        "py.from" if emitter.type_of(operands[0]) == Type::F64 => {
            vec![raising_call(emitter, "mlc_py_from_f64", &operands, object)]
        }
        "py.to" if emitter.result_type(op) == Some(Type::I64) => {
            vec![raising_call(emitter, "mlc_py_to_i64", &operands, Some(Type::I64))]
        }
        "py.to" if emitter.result_type(op) == Some(Type::F64) => {
            vec![raising_call(emitter, "mlc_py_to_f64", &operands, Some(Type::F64))]
        }
        "py.from" => {
            let ty = emitter.type_of(operands[0]);
            let descriptor = emitter.descriptor(&ty)?;
            let pointer = emitter.spill(operands[0]);
            vec![raising_call(emitter, "mlc_py_from", &[pointer, descriptor], object)]
        }
        "py.to" => {
            let ty = emitter.result_type(op).ok_or("`py.to` without a result")?;
            let descriptor = emitter.descriptor(&ty)?;
            let value = emitter.call_out("mlc_py_to", &[operands[0], descriptor], ty, true);
            emitter.check_raised();
            vec![value]
        }
        _ => return Err(format!("`{name}` has no lowering to the low form")),
    };
    emitter.replace(op, &results);
    Ok(())
}

/// The `kinds` string of `mlc_py_call`: a letter for each argument, `O` an object, `l` an
/// `i64`, `d` an `f64`, `?` a bool; empty when every argument is an object.
fn argument_kinds(emitter: &Emitter<'_>, arguments: &[mlc_ir::ValueId]) -> Result<String, String> {
    let kinds = arguments
        .iter()
        .map(|&argument| match emitter.type_of(argument) {
            Type::PyObject => Ok('O'),
            Type::Int(64) => Ok('l'),
            Type::Int(1) => Ok('?'),
            Type::Float(mlc_ir::FloatKind::F64) => Ok('d'),
            other => Err(format!("`py.call` with an argument of type {other}")),
        })
        .collect::<Result<String, String>>()?;
    Ok(if kinds.bytes().all(|kind| kind == b'O') { String::new() } else { kinds })
}

/// A located call that may raise, with its result. The functions that return an object
/// (a `PyObject` or a `str`) return null exactly when they raised: the result is tested
/// instead of asking the runtime whether an error is pending.
fn raising_call(
    emitter: &mut Emitter<'_>,
    callee: &str,
    args: &[mlc_ir::ValueId],
    result: Option<Type>,
) -> mlc_ir::ValueId {
    let returns_object = result.as_ref().is_some_and(Type::is_handle);
    let value = emitter.call_at(callee, args, result).expect("a result");
    if returns_object {
        emitter.check_raised_by_null(value);
    } else {
        emitter.check_raised();
    }
    value
}

fn raising_call_void(emitter: &mut Emitter<'_>, callee: &str, args: &[mlc_ir::ValueId]) {
    emitter.call_at(callee, args, None);
    emitter.check_raised();
}
