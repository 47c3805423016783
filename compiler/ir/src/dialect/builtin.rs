//! The `builtin` dialect: `builtin.module`, the top op holding the functions.

use crate::dialect::{expect_counts, OpDefinition, Trait};
use crate::entity::OpId;
use crate::module::Module;

pub static MODULE: OpDefinition = OpDefinition {
    name: "builtin.module",
    summary: "the top-level container: one region of one block holding symbols",
    traits: &[Trait::IsolatedFromAbove, Trait::NoTerminator],
    regions: 1,
    verify: verify_module,
};

pub static OPS: &[&OpDefinition] = &[&MODULE];

fn verify_module(module: &Module, op: OpId) -> Result<(), String> {
    expect_counts(module, op, 0, 0)?;
    let region = module.ops[op].regions[0];
    let blocks = &module.regions[region].blocks;
    if blocks.len() != 1 || !module.blocks[blocks[0]].arguments.is_empty() {
        return Err("expects its region to hold one block without arguments".to_string());
    }
    Ok(())
}
