//! Calls and returns: `func.call` (program functions in the program convention of `abi.rs`,
//! `extern` declarations as C calls), `func.return`, and `ll.call` (C calls of runtime
//! functions by symbol).

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value};
use mlc_ir::{Attribute, OpId};

use super::memory::{load_layout, store_layout};
use crate::abi::{self, InternalAbi};
use crate::function::Translator;
use crate::module::Callee;

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    match short {
        "call" => call(t, op)?,
        "return" => {
            let mut leaves = Vec::new();
            for &operand in &t.ir.ops[op].operands {
                leaves.extend(t.leaves(operand)?);
            }
            match t.return_area.clone() {
                Some((area, layout)) => {
                    store_layout(t, &layout, &leaves, area, MemFlagsData::trusted());
                    t.b.ins().return_(&[]);
                }
                None => {
                    t.b.ins().return_(&leaves);
                }
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `ll.call`: a C call of the runtime function `{callee}`.
pub(crate) fn ll_call(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let callee = super::string_attribute(t.ir, op, "callee")?;
    let ir = t.ir;
    let data = &ir.ops[op];
    let params = data
        .operands
        .iter()
        .map(|&v| abi::c_scalar(ir.value_type(v)))
        .collect::<Result<Vec<_>, _>>()?;
    let result = match data.results.as_slice() {
        [] => None,
        [single] => Some(abi::c_scalar(ir.value_type(*single))?),
        _ => return Err("expects at most one result".to_string()),
    };
    let args = data.operands.iter().map(|&v| t.scalar(v)).collect::<Result<Vec<_>, _>>()?;
    let value = t.call_c(callee, &params, result, &args)?;
    if let Some(value) = value {
        t.define_result(op, value)?;
    }
    Ok(())
}

fn call(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let ir = t.ir;
    let data = &ir.ops[op];
    let symbol = match data.attributes.get("callee") {
        Some(Attribute::SymbolRef(symbol)) => symbol,
        other => return Err(format!("expects a symbol `callee`, found {other:?}")),
    };
    let callee =
        t.cx.callees
            .get(symbol)
            .cloned()
            .ok_or_else(|| format!("calls @{symbol}, which is not a `func.func` of the module"))?;
    let mut args = Vec::new();
    for &operand in &data.operands {
        args.extend(t.leaves(operand)?);
    }
    let leaves = match callee {
        Callee::Defined { id, abi } => {
            call_program_function(t, &abi, args, |t, args| t.call_defined(id, args))
        }
        Callee::Declared { symbol, abi } => {
            let address = t.cx.symbols.address(&symbol)?;
            let signature = abi.signature.clone();
            call_program_function(t, &abi, args, |t, args| t.call_address(address, signature, args))
        }
        Callee::Extern { symbol, params, result } => {
            let value = t.call_c(&symbol, &params, result, &args)?;
            value.into_iter().collect()
        }
    };
    // Hand each result its run of leaves.
    let mut rest = leaves.as_slice();
    for &result in &data.results {
        let count = t.leaf_scalars(ir.value_type(result))?.len();
        if rest.len() < count {
            return Err("the callee returns fewer values than the call's results".to_string());
        }
        let (mine, others) = rest.split_at(count);
        t.define(result, mine.to_vec());
        rest = others;
    }
    Ok(())
}

/// Calls a program function with `emit` (a direct or indirect call), passing a return area
/// when its convention has one, and returns the result leaves.
fn call_program_function(
    t: &mut Translator<'_, '_, '_>,
    abi: &InternalAbi,
    mut args: Vec<Value>,
    emit: impl FnOnce(&mut Translator<'_, '_, '_>, &[Value]) -> Vec<Value>,
) -> Vec<Value> {
    match &abi.return_area {
        Some(layout) => {
            let area = t.stack_slot(layout.size, layout.align);
            args.insert(0, area);
            emit(t, &args);
            load_layout(t, layout, area, MemFlagsData::trusted())
        }
        None => emit(t, &args),
    }
}
