//! The `cf` dialect: unstructured control flow between the blocks of one region, what
//! `scf-to-cf` produces. The generic verifier checks that successors are blocks of the same
//! region and that the values passed match their arguments; these ops check their counts.

use crate::builder::Builder;
use crate::dialect::checks::{expect_operands, expect_results, expect_type, operand, Check};
use crate::dialect::OpDefinition;
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

op!(
    BR,
    "cf.br",
    "jumps to its successor, passing values to its arguments",
    [Terminator, Pure],
    verify_br
);
op!(
    COND_BR,
    "cf.cond_br",
    "jumps to the first successor if the i1 operand is true, else to the second",
    [Terminator, Pure],
    verify_cond_br
);
// Not `Pure`: reaching it is a bug the back end may trap on, so it is kept where it is.
op!(
    UNREACHABLE,
    "cf.unreachable",
    "marks a point control never reaches",
    [Terminator],
    verify_unreachable
);

pub static OPS: &[&OpDefinition] = &[&BR, &COND_BR, &UNREACHABLE];

fn expect_successors(module: &Module, op: OpId, count: usize) -> Check {
    let found = module.ops[op].successors.len();
    if found != count {
        return Err(format!("expects {count} successors, found {found}"));
    }
    Ok(())
}

fn verify_br(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 0)?;
    expect_successors(module, op, 1)
}

fn verify_cond_br(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 0)?;
    expect_type("a condition", operand(module, op, 0), &Type::I1)?;
    expect_successors(module, op, 2)
}

fn verify_unreachable(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 0)?;
    expect_successors(module, op, 0)
}

// ---- constructors ----

pub fn br(builder: &mut Builder<'_>, destination: BlockId, arguments: &[ValueId]) -> OpId {
    builder.append(OpState::new(&BR).successor(destination, arguments))
}

pub fn cond_br(
    builder: &mut Builder<'_>,
    condition: ValueId,
    if_true: (BlockId, &[ValueId]),
    if_false: (BlockId, &[ValueId]),
) -> OpId {
    builder.append(
        OpState::new(&COND_BR)
            .operands(&[condition])
            .successor(if_true.0, if_true.1)
            .successor(if_false.0, if_false.1),
    )
}

pub fn unreachable(builder: &mut Builder<'_>) -> OpId {
    builder.append(OpState::new(&UNREACHABLE))
}
