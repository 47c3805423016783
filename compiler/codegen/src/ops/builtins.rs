//! `rt.builtin "<type>.<method>"` becomes a call of `mlc_<type>_<method>` by the rule of
//! `docs/runtime.md`: operands of an element type (`T`, `K`, `V`) by pointer, the others
//! as they are; a result of an element type through an out-pointer; the location last.

use mlc_ir::{Attribute, OpId, Type, ValueId};

use super::arith::{narrow_float, widen_float};
use crate::emitter::Emitter;

/// Which operands of a built-in are of an element type, and whether its result is.
struct ElementPositions {
    operands: &'static [usize],
    result: bool,
}

fn element_positions(name: &str) -> ElementPositions {
    let (operands, result): (&'static [usize], bool) = match name {
        "list.pop" | "list.min" | "list.max" => (&[], true),
        "list.insert" => (&[2], false),
        "list.index" | "list.count" | "list.contains" => (&[1], false),
        "dict.get" | "dict.pop" => (&[1, 2], true),
        _ => (&[], false),
    };
    ElementPositions { operands, result }
}

/// The built-ins that raise (a catchable error) rather than panic.
pub fn raises(name: &str) -> bool {
    matches!(
        name,
        "str.to_i64"
            | "str.to_f64"
            | "list.index"
            | "list.pop"
            | "list.min"
            | "list.max"
            | "dict.pop"
    )
}

pub fn lower(emitter: &mut Emitter<'_>, op: OpId) -> Result<(), String> {
    let name = emitter.string_attribute(op, "name").unwrap_or_default();
    let operands = emitter.operands(op);
    let result = emitter.result_type(op);
    let callee = format!("mlc_{}", name.replace('.', "_"));
    let value = match name.as_str() {
        "str.slice" | "list.slice" => {
            let layout = slice_layout(emitter, op)?;
            let code = layout.first().ok_or("a slice without a layout")?.clone();
            let mut rest = operands[1..].iter().copied();
            let mut args = vec![operands[0]];
            let mut present = 0;
            for (bit, flag) in code.chars().skip(1).enumerate() {
                if flag == '1' {
                    present |= 1 << bit;
                    args.push(rest.next().ok_or("a slice with too few operands")?);
                } else {
                    args.push(emitter.i64(0));
                }
            }
            args.push(emitter.i32(present));
            emitter.call_at(&callee, &args, result)
        }
        "tensor.slice" => {
            let layout = slice_layout(emitter, op)?.join(",");
            let spec = emitter.cstring(&layout);
            let (indices, count) = emitter.array_of(&operands[1..], Type::I64);
            emitter.call_at(&callee, &[operands[0], spec, indices, count], result)
        }
        "tensor.cast" => {
            let element = match &result {
                Some(Type::Tensor(element)) => (**element).clone(),
                _ => return Err("`tensor.cast` without a tensor result".to_string()),
            };
            let descriptor = emitter.descriptor(&element)?;
            emitter.call_at(&callee, &[operands[0], descriptor], result)
        }
        "math.erf" => {
            let ty = emitter.type_of(operands[0]);
            let wide = widen_float(emitter, operands[0]);
            let value = emitter.call_at(&callee, &[wide], Some(Type::F64)).expect("a result");
            Some(narrow_float(emitter, value, &ty))
        }
        _ => {
            let positions = element_positions(&name);
            let mut args: Vec<ValueId> = Vec::with_capacity(operands.len() + 4);
            for (i, &operand) in operands.iter().enumerate() {
                if positions.operands.contains(&i) {
                    args.push(emitter.spill(operand));
                } else {
                    args.push(operand);
                }
            }
            match (name.as_str(), operands.len()) {
                ("str.split" | "str.strip" | "str.lstrip" | "str.rstrip", 1) => {
                    args.push(emitter.zero(Type::Str))
                }
                ("list.pop", 1) => args.push(emitter.i64(-1)),
                ("dict.pop", 2) => args.push(emitter.zero(Type::Ptr)),
                _ => {}
            }
            match result {
                Some(ty) if positions.result => Some(emitter.call_out(&callee, &args, ty, true)),
                other => emitter.call_at(&callee, &args, other),
            }
        }
    };
    emitter.replace(op, &value.into_iter().collect::<Vec<_>>());
    if raises(&name) {
        emitter.check_raised();
    }
    Ok(())
}

fn slice_layout(emitter: &Emitter<'_>, op: OpId) -> Result<Vec<String>, String> {
    match emitter.module.ops[op].attributes.get("slice") {
        Some(Attribute::Array(entries)) => entries
            .iter()
            .map(|entry| match entry {
                Attribute::String(code) => Ok(code.clone()),
                other => Err(format!("a slice layout entry {other}")),
            })
            .collect(),
        _ => Err("a slice built-in without its `slice` layout".to_string()),
    }
}
