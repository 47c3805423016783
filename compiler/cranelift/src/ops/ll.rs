//! The `ll` dialect (`docs/runtime.md`): constant C strings, slot addresses, zero values,
//! raw loads and stores at byte offsets, and overflow tests. `ll.call` is with the other
//! calls, in `calls.rs`.

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value};
use mlc_ir::OpId;

use super::memory::{load_scalar, store_scalar};
use crate::function::Translator;
use crate::types::Scalar;

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    match short {
        "cstring" => {
            let text = super::string_attribute(t.ir, op, "value")?;
            let address = t.cstring(text)?;
            t.define_result(op, address)?;
        }
        // A `!mem.ref` is already its address.
        "address" => {
            let reference = t.operand(op, 0)?;
            t.define_result(op, reference)?;
        }
        "zero" => {
            let result = t.result_id(op, 0)?;
            let scalars = t.leaf_scalars(t.result_type(op, 0)?)?;
            let leaves = scalars.into_iter().map(|scalar| t.zero(scalar)).collect();
            t.define(result, leaves);
        }
        "load" => {
            let scalar = t.scalar_of(t.result_type(op, 0)?)?;
            let address = byte_address(t, op, 0)?;
            // Runtime data: alignment is not promised, and a bad pointer should fault.
            let value = load_scalar(t, scalar, address, 0, MemFlagsData::new());
            t.define_result(op, value)?;
        }
        "store" => {
            let scalar = t.scalar_of(t.operand_type(op, 0)?)?;
            let value = t.operand(op, 0)?;
            let address = byte_address(t, op, 1)?;
            store_scalar(t, scalar, value, address, 0, MemFlagsData::new());
        }
        "is_null" => {
            let pointer = t.operand(op, 0)?;
            let null =
                t.b.ins().icmp_imm_u(cranelift_codegen::ir::condcodes::IntCC::Equal, pointer, 0);
            t.define_result(op, null)?;
        }
        "overflows" => overflows(t, op)?,
        "call" => super::calls::ll_call(t, op)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// `pointer + offset` from operands `first` and `first + 1`.
fn byte_address(t: &mut Translator<'_, '_, '_>, op: OpId, first: usize) -> Result<Value, String> {
    let pointer = t.operand(op, first)?;
    let offset = t.operand(op, first + 1)?;
    Ok(t.b.ins().iadd(pointer, offset))
}

/// Whether `a kind b` overflows the operands' type: signed for `iN`, unsigned for `uN`.
fn overflows(t: &mut Translator<'_, '_, '_>, op: OpId) -> Result<(), String> {
    let kind = super::string_attribute(t.ir, op, "kind")?;
    let Scalar::Int { signed, .. } = t.scalar_of(t.operand_type(op, 0)?)? else {
        return Err(format!("expects integer operands, found {}", t.operand_type(op, 0)?));
    };
    let (a, b) = (t.operand(op, 0)?, t.operand(op, 1)?);
    let ins = t.b.ins();
    let (_, overflowed) = match (kind, signed) {
        ("add", true) => ins.sadd_overflow(a, b),
        ("add", false) => ins.uadd_overflow(a, b),
        ("sub", true) => ins.ssub_overflow(a, b),
        ("sub", false) => ins.usub_overflow(a, b),
        ("mul", true) => ins.smul_overflow(a, b),
        ("mul", false) => ins.umul_overflow(a, b),
        (other, _) => return Err(format!("unknown `kind` \"{other}\"")),
    };
    t.define_result(op, overflowed)
}
