//! `cf`: branches pass the leaves of their block arguments; `cf.unreachable` traps (it
//! follows calls that never return, such as `mlc_panic`).

use cranelift_codegen::ir::{BlockArg, InstBuilder, TrapCode};
use mlc_ir::{OpId, Successor};

use crate::function::Translator;

/// The trap code of `cf.unreachable` (any user code: the trap is never reached).
const UNREACHABLE: TrapCode = TrapCode::unwrap_user(1);

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    let successors = &t.ir.ops[op].successors;
    match (short, successors.as_slice()) {
        ("br", [target]) => {
            let (block, args) = destination(t, target)?;
            t.b.ins().jump(block, &args);
        }
        ("cond_br", [if_true, if_false]) => {
            let condition = t.operand(op, 0)?;
            let (then_block, then_args) = destination(t, if_true)?;
            let (else_block, else_args) = destination(t, if_false)?;
            t.b.ins().brif(condition, then_block, &then_args, else_block, &else_args);
        }
        ("unreachable", []) => {
            t.b.ins().trap(UNREACHABLE);
        }
        ("br" | "cond_br" | "unreachable", _) => {
            return Err(format!("unexpected {} successors", successors.len()));
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The Cranelift block of a successor and the leaves it passes.
fn destination(
    t: &Translator<'_, '_, '_>,
    successor: &Successor,
) -> Result<(cranelift_codegen::ir::Block, Vec<BlockArg>), String> {
    let mut args = Vec::new();
    for &argument in &successor.arguments {
        args.extend(t.leaves(argument)?.into_iter().map(BlockArg::Value));
    }
    Ok((t.block(successor.block)?, args))
}
