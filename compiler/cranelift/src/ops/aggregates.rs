//! `agg`: tuples and structs are their leaves, so making, extracting and inserting only
//! regroup Cranelift values; no instruction is emitted.

use mlc_ir::OpId;

use crate::function::Translator;

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    let result = t.result_id(op, 0);
    match short {
        "make" => {
            let mut leaves = Vec::new();
            for &operand in &t.ir.ops[op].operands {
                leaves.extend(t.leaves(operand)?);
            }
            t.define(result?, leaves);
        }
        "extract" => {
            let aggregate = t.operand_id(op, 0)?;
            let range = element_range(t, op)?;
            let leaves = t.leaves(aggregate)?;
            t.define(result?, leaves[range].to_vec());
        }
        "insert" => {
            let aggregate = t.operand_id(op, 0)?;
            let range = element_range(t, op)?;
            let mut leaves = t.leaves(aggregate)?;
            let value = t.leaves(t.operand_id(op, 1)?)?;
            leaves.splice(range, value);
            t.define(result?, leaves);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The leaves of element `{index}` within the leaves of operand 0.
fn element_range(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
) -> Result<std::ops::Range<usize>, String> {
    let index = super::index_attribute(t.ir, op, "index")?;
    let aggregate = t.operand_type(op, 0)?;
    let ranges = t.cx.types.element_ranges(aggregate)?;
    ranges
        .get(index)
        .cloned()
        .ok_or_else(|| format!("index {index} is out of range for {aggregate}"))
}
