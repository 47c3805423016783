//! Builders for `scf` ops. The region ops create their regions and blocks (with the block
//! arguments the verifier expects) and hand the blocks back for the caller to fill; the
//! builder stays where it was, after the new op.

use crate::builder::Builder;
use crate::dialect::region_with_block;
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::OpState;
use crate::types::Type;

use super::{BREAK, CONDITION, CONTINUE, FOR, IF, WHILE, YIELD};

/// An `scf.if` with both blocks; each must end in `scf.yield` of `results`' types or an early
/// exit.
pub struct If {
    pub op: OpId,
    pub results: Vec<ValueId>,
    pub then_block: BlockId,
    pub else_block: BlockId,
}

pub fn if_(builder: &mut Builder<'_>, condition: ValueId, result_types: &[Type]) -> If {
    let (then_region, then_block) = region_with_block(builder.module, &[]);
    let (else_region, else_block) = region_with_block(builder.module, &[]);
    let op = builder.append(
        OpState::new(&IF)
            .operands(&[condition])
            .results(result_types)
            .region(then_region)
            .region(else_region),
    );
    If { op, results: builder.module.ops[op].results.clone(), then_block, else_block }
}

/// An `scf.if` without results and with an empty else region (Python's `if` without `else`);
/// returns the op and its then block.
pub fn if_then(builder: &mut Builder<'_>, condition: ValueId) -> (OpId, BlockId) {
    let (then_region, then_block) = region_with_block(builder.module, &[]);
    let else_region = builder.module.create_region();
    let op = builder
        .append(OpState::new(&IF).operands(&[condition]).region(then_region).region(else_region));
    (op, then_block)
}

/// An `scf.for`: `body` takes the induction variable and the loop values, and ends in
/// `scf.yield` of the next loop values (or an early exit).
pub struct For {
    pub op: OpId,
    pub results: Vec<ValueId>,
    pub body: BlockId,
    pub induction_variable: ValueId,
    pub loop_values: Vec<ValueId>,
}

/// `for i in range(lower, upper, step)` carrying `initial` values; the bounds share one
/// integer type, which the induction variable has.
pub fn for_(
    builder: &mut Builder<'_>,
    lower: ValueId,
    upper: ValueId,
    step: ValueId,
    initial: &[ValueId],
) -> For {
    let carried: Vec<Type> =
        initial.iter().map(|&v| builder.module.value_type(v).clone()).collect();
    let mut arguments = vec![builder.module.value_type(lower).clone()];
    arguments.extend(carried.iter().cloned());
    let (region, body) = region_with_block(builder.module, &arguments);
    let mut operands = vec![lower, upper, step];
    operands.extend_from_slice(initial);
    let op =
        builder.append(OpState::new(&FOR).operands(&operands).results(&carried).region(region));
    let block_arguments = &builder.module.blocks[body].arguments;
    For {
        op,
        results: builder.module.ops[op].results.clone(),
        body,
        induction_variable: block_arguments[0],
        loop_values: block_arguments[1..].to_vec(),
    }
}

/// An `scf.while`: `before` takes the loop values and ends in `scf.condition`; `after` takes
/// the values that condition passes (the results' types) and ends in `scf.yield` of the next
/// loop values.
pub struct While {
    pub op: OpId,
    pub results: Vec<ValueId>,
    pub before: BlockId,
    pub after: BlockId,
}

pub fn while_(builder: &mut Builder<'_>, initial: &[ValueId], result_types: &[Type]) -> While {
    let carried: Vec<Type> =
        initial.iter().map(|&v| builder.module.value_type(v).clone()).collect();
    let (before_region, before) = region_with_block(builder.module, &carried);
    let (after_region, after) = region_with_block(builder.module, result_types);
    let op = builder.append(
        OpState::new(&WHILE)
            .operands(initial)
            .results(result_types)
            .region(before_region)
            .region(after_region),
    );
    While { op, results: builder.module.ops[op].results.clone(), before, after }
}

pub fn yield_(builder: &mut Builder<'_>, values: &[ValueId]) -> OpId {
    builder.append(OpState::new(&YIELD).operands(values))
}

pub fn condition(builder: &mut Builder<'_>, condition: ValueId, values: &[ValueId]) -> OpId {
    let mut operands = vec![condition];
    operands.extend_from_slice(values);
    builder.append(OpState::new(&CONDITION).operands(&operands))
}

/// `break` out of the innermost loop, giving its results.
pub fn break_(builder: &mut Builder<'_>, values: &[ValueId]) -> OpId {
    builder.append(OpState::new(&BREAK).operands(values))
}

/// `continue` the innermost loop with its next loop values.
pub fn continue_(builder: &mut Builder<'_>, values: &[ValueId]) -> OpId {
    builder.append(OpState::new(&CONTINUE).operands(values))
}
