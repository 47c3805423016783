//! `mem.alloca`, `mem.load`, `mem.store`, and the leaf loads and stores every memory access
//! shares (`ll.load`/`ll.store`, return areas).
//!
//! In memory a value has its C layout (`types.rs`): `i1` is one byte (0 or 1), f16/bf16 are
//! 2-byte bit patterns converted to and from the `f32` held in registers. A slot is a
//! Cranelift stack slot and its `!mem.ref` value is the slot's address, so a reference
//! passed as a parameter (`mut self`) and a local slot are accessed alike.

use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value};
use mlc_ir::{Dim, OpId, Type};

use crate::function::Translator;
use crate::symbols::Helper;
use crate::types::{Layout, Scalar};

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    match short {
        "alloca" => {
            let (element, shape) = static_memref(t.result_type(op, 0)?)?;
            let layout = t.layout(element)?;
            let count = shape.iter().try_fold(1u32, |n, &d| n.checked_mul(d));
            let size = count
                .and_then(|count| count.checked_mul(layout.size))
                .ok_or_else(|| "the stack array is too large".to_string())?;
            let address = t.stack_slot(size, layout.align);
            t.define_result(op, address)?;
        }
        "load" => {
            let (address, layout) = element_address(t, op, 0)?;
            let leaves = load_layout(t, &layout, address, MemFlagsData::trusted());
            let result = t.result_id(op, 0)?;
            t.define(result, leaves);
        }
        "store" => {
            let value = t.leaves(t.operand_id(op, 0)?)?;
            let (address, layout) = element_address(t, op, 1)?;
            store_layout(t, &layout, &value, address, MemFlagsData::trusted());
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The element type and static shape of a `!mem.ref` (the only kind in the low form).
fn static_memref(ty: &Type) -> Result<(&Type, Vec<u32>), String> {
    let Type::MemRef { element, shape, strides: None } = ty else {
        return Err(format!("expects a !mem.ref without strides, found {ty}"));
    };
    let dims = shape
        .iter()
        .map(|dim| match dim {
            Dim::Static(size) => u32::try_from(*size).map_err(|_| format!("{ty} is too large")),
            Dim::Dynamic => Err(format!("{ty} has a dynamic shape, which is not in the low form")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((element, dims))
}

/// The address of the element of the reference at operand `reference` indexed by the
/// operands after it (row-major over the static shape), and the element's layout.
fn element_address(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    reference: usize,
) -> Result<(Value, Layout), String> {
    let (element, shape) = static_memref(t.operand_type(op, reference)?)?;
    let layout = t.layout(element)?;
    let base = t.operand(op, reference)?;
    let ir = t.ir;
    let indices = &ir.ops[op].operands[reference + 1..];
    if indices.len() != shape.len() {
        return Err(format!("expects {} indices, found {}", shape.len(), indices.len()));
    }
    let Some((&first, rest)) = indices.split_first() else {
        return Ok((base, layout));
    };
    let mut linear = t.scalar(first)?;
    for (&index, &dim) in rest.iter().zip(&shape[1..]) {
        let index = t.scalar(index)?;
        let scaled = t.b.ins().imul_imm_u(linear, i64::from(dim));
        linear = t.b.ins().iadd(scaled, index);
    }
    let offset = t.b.ins().imul_imm_u(linear, i64::from(layout.size));
    Ok((t.b.ins().iadd(base, offset), layout))
}

/// Reads one leaf at `address + offset`.
pub(crate) fn load_scalar(
    t: &mut Translator<'_, '_, '_>,
    scalar: Scalar,
    address: Value,
    offset: i32,
    flags: MemFlagsData,
) -> Value {
    match scalar {
        Scalar::F16 => {
            let bits = t.b.ins().uload16(types::I32, flags, address, offset);
            t.call_helper(Helper::F16FromBits, bits)
        }
        Scalar::BF16 => {
            let bits = t.b.ins().uload16(types::I32, flags, address, offset);
            t.call_helper(Helper::Bf16FromBits, bits)
        }
        _ => {
            let ty = t.clif(scalar);
            t.b.ins().load(ty, flags, address, offset)
        }
    }
}

/// Writes one leaf at `address + offset`.
pub(crate) fn store_scalar(
    t: &mut Translator<'_, '_, '_>,
    scalar: Scalar,
    value: Value,
    address: Value,
    offset: i32,
    flags: MemFlagsData,
) {
    match scalar {
        Scalar::F16 | Scalar::BF16 => {
            let helper = if scalar == Scalar::F16 { Helper::F16ToBits } else { Helper::Bf16ToBits };
            let bits = t.call_helper(helper, value);
            t.b.ins().istore16(flags, bits, address, offset);
        }
        // An `i1` is already the byte 0 or 1.
        _ => {
            t.b.ins().store(flags, value, address, offset);
        }
    }
}

/// Reads every leaf of a value laid out at `address`.
pub(crate) fn load_layout(
    t: &mut Translator<'_, '_, '_>,
    layout: &Layout,
    address: Value,
    flags: MemFlagsData,
) -> Vec<Value> {
    layout
        .leaves
        .iter()
        .map(|&(offset, scalar)| load_scalar(t, scalar, address, offset as i32, flags))
        .collect()
}

/// Writes every leaf of a value (`leaves`) laid out at `address`.
pub(crate) fn store_layout(
    t: &mut Translator<'_, '_, '_>,
    layout: &Layout,
    leaves: &[Value],
    address: Value,
    flags: MemFlagsData,
) {
    for (&(offset, scalar), &value) in layout.leaves.iter().zip(leaves) {
        store_scalar(t, scalar, value, address, offset as i32, flags);
    }
}
