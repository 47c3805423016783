//! Builders for `rt` ops.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::region_with_block;
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::OpState;
use crate::types::Type;

use super::{
    ARGV, ASSERT, BUILTIN, CONCAT, ERROR, ERROR_MESSAGE, FORMAT, PANIC, PANIC_IF, PRINT, RAISE,
    STRING, TRY,
};

fn text(value: &str) -> Attribute {
    Attribute::String(value.to_string())
}

pub fn string(builder: &mut Builder<'_>, value: &str) -> ValueId {
    builder
        .append_value(OpState::new(&STRING).attribute("value", text(value)).results(&[Type::Str]))
}

/// `print(values..., sep=sep, end=end)`.
pub fn print(builder: &mut Builder<'_>, sep: ValueId, end: ValueId, values: &[ValueId]) -> OpId {
    let mut operands = vec![sep, end];
    operands.extend_from_slice(values);
    builder.append(OpState::new(&PRINT).operands(&operands))
}

/// An f-string field `{value:spec}`; an empty spec is `str(value)`.
pub fn format(builder: &mut Builder<'_>, value: ValueId, spec: &str) -> ValueId {
    builder.append_value(
        OpState::new(&FORMAT)
            .operands(&[value])
            .attribute("spec", text(spec))
            .results(&[Type::Str]),
    )
}

pub fn concat(builder: &mut Builder<'_>, parts: &[ValueId]) -> ValueId {
    builder.append_value(OpState::new(&CONCAT).operands(parts).results(&[Type::Str]))
}

/// Ends the block: the program stops with `message` and the builder's location.
pub fn panic(builder: &mut Builder<'_>, message: &str) -> OpId {
    builder.append(OpState::new(&PANIC).attribute("message", text(message)))
}

pub fn panic_if(builder: &mut Builder<'_>, condition: ValueId, message: &str) -> OpId {
    builder
        .append(OpState::new(&PANIC_IF).operands(&[condition]).attribute("message", text(message)))
}

/// `assert condition[, message]`.
pub fn assert(builder: &mut Builder<'_>, condition: ValueId, message: Option<ValueId>) -> OpId {
    let mut operands = vec![condition];
    operands.extend(message);
    builder.append(OpState::new(&ASSERT).operands(&operands))
}

/// `Error(message)`.
pub fn error(builder: &mut Builder<'_>, message: ValueId) -> ValueId {
    builder.append_value(OpState::new(&ERROR).operands(&[message]).results(&[Type::RtError]))
}

pub fn error_message(builder: &mut Builder<'_>, error: ValueId) -> ValueId {
    builder.append_value(OpState::new(&ERROR_MESSAGE).operands(&[error]).results(&[Type::Str]))
}

/// Ends the block by raising `error` (an `!rt.error` or a Python exception `!py.object`).
pub fn raise(builder: &mut Builder<'_>, error: ValueId) -> OpId {
    builder.append(OpState::new(&RAISE).operands(&[error]))
}

/// An `rt.try`: both blocks end in `scf.yield` (no values) or an early exit; `error` is the
/// handler block's argument, the caught error.
pub struct Try {
    pub op: OpId,
    pub body: BlockId,
    pub handler: BlockId,
    pub error: ValueId,
}

pub fn try_(builder: &mut Builder<'_>) -> Try {
    let (body_region, body) = region_with_block(builder.module, &[]);
    let (handler_region, handler) = region_with_block(builder.module, &[Type::RtError]);
    let op = builder.append(OpState::new(&TRY).region(body_region).region(handler_region));
    let error = builder.module.blocks[handler].arguments[0];
    Try { op, body, handler, error }
}

pub fn argv(builder: &mut Builder<'_>) -> ValueId {
    builder.append_value(OpState::new(&ARGV).results(&[Type::List(Box::new(Type::Str))]))
}

/// Calls the built-in `name` (one of `BUILTIN_NAMES`); returns its results.
pub fn builtin(
    builder: &mut Builder<'_>,
    name: &str,
    arguments: &[ValueId],
    result_types: &[Type],
) -> Vec<ValueId> {
    let op = builder.append(
        OpState::new(&BUILTIN)
            .operands(arguments)
            .attribute("name", text(name))
            .results(result_types),
    );
    builder.module.ops[op].results.clone()
}
