//! The `scf` dialect: structured control flow with early exits.
//!
//! `scf.if`, `scf.for` and `scf.while` hold single-block regions. A region ends with its
//! normal terminator (`scf.yield`, or `scf.condition` for a while's `before` region) or with
//! an early exit that leaves it: `scf.break`/`scf.continue` (the innermost loop),
//! `func.return` (the function), `rt.raise`, `rt.panic`, `cf.unreachable`. Lowering writes
//! Python's `break`, `continue` and `return` where they stand; `scf-to-cf` turns them all
//! into branches. Each terminator checks its own types against the op it leaves; each
//! region op checks that its regions end with an allowed terminator.

mod constructors;

pub use constructors::*;

use crate::dialect::checks::{
    describe_region, enclosing, expect_block_arguments, expect_operands, expect_operands_at_least,
    expect_results, expect_type, is_op, operand, same_types, single_block, type_list, types_of,
    Check,
};
use crate::dialect::{cf, func, rt, OpDefinition, Trait};
use crate::entity::OpId;
use crate::module::Module;
use crate::types::Type;

op!(
    IF,
    "scf.if",
    "runs `then` or `else` on an i1; the yielded values are its results",
    [],
    regions = 2,
    verify_if
);
op!(
    FOR,
    "scf.for",
    "Python's `range` loop over `lb, ub, step` carrying values; the final values are its results",
    [],
    regions = 1,
    verify_for
);
op!(
    WHILE,
    "scf.while",
    "`before` computes the condition and the values passed on, `after` the next loop values",
    [],
    regions = 2,
    verify_while
);
op!(
    YIELD,
    "scf.yield",
    "ends a structured region with its values",
    [Terminator, Pure],
    verify_yield
);
op!(
    CONDITION,
    "scf.condition",
    "ends a while's `before` region: go on to `after` with the values when true, else leave",
    [Terminator, Pure],
    verify_condition
);
op!(
    BREAK,
    "scf.break",
    "leaves the innermost enclosing loop, whose results are its operands",
    [Terminator, Pure],
    verify_break
);
op!(
    CONTINUE,
    "scf.continue",
    "starts the next iteration of the innermost enclosing loop with its operands",
    [Terminator, Pure],
    verify_continue
);

pub static OPS: &[&OpDefinition] = &[&IF, &FOR, &WHILE, &YIELD, &CONDITION, &BREAK, &CONTINUE];

/// Ops whose regions are structured (single block, ending in `scf.yield` or an early exit):
/// `func.return`, `scf.break` and `scf.continue` look through them.
pub fn is_structured(definition: &OpDefinition) -> bool {
    [&IF, &FOR, &WHILE, &rt::TRY].iter().any(|d| std::ptr::eq(*d, definition))
}

/// Terminators that may end a structured region instead of its normal terminator.
pub fn is_early_exit(definition: &OpDefinition) -> bool {
    [&BREAK, &CONTINUE, &func::RETURN, &rt::RAISE, &rt::PANIC, &cf::UNREACHABLE]
        .iter()
        .any(|d| std::ptr::eq(*d, definition))
}

/// Checks that region `index` of `op` (called `name` in messages) is one block, with the
/// argument types `arguments`, ending in `terminator` or an early exit. A block that does not
/// end in a terminator at all is left to the generic verifier, which reports it.
pub(crate) fn check_structured_region(
    module: &Module,
    op: OpId,
    index: usize,
    name: &str,
    arguments: &[Type],
    terminator: &OpDefinition,
) -> Check {
    let block = single_block(module, op, index, name)?;
    expect_block_arguments(module, block, name, arguments)?;
    let Some(&last) = module.blocks[block].ops.last() else { return Ok(()) };
    let definition = module.ops[last].definition;
    if definition.has_trait(Trait::Terminator)
        && !std::ptr::eq(definition, terminator)
        && !is_early_exit(definition)
    {
        return Err(format!(
            "expects its {name} region to end with `{}` or an early exit, found `{}`",
            terminator.name, definition.name
        ));
    }
    Ok(())
}

fn verify_if(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_type("a condition", operand(module, op, 0), &Type::I1)?;
    check_structured_region(module, op, 0, "then", &[], &YIELD)?;
    let else_region = module.ops[op].regions[1];
    if module.regions[else_region].blocks.is_empty() {
        if !module.ops[op].results.is_empty() {
            return Err("expects an else region, since it has results".to_string());
        }
        return Ok(());
    }
    check_structured_region(module, op, 1, "else", &[], &YIELD)
}

/// The loop-carried values of `scf.for` (after `lb, ub, step`) or `scf.while` (all).
fn loop_values(module: &Module, op: OpId) -> Vec<&Type> {
    let operands = &module.ops[op].operands;
    let skip = if is_op(module, op, &FOR) { 3.min(operands.len()) } else { 0 };
    types_of(module, &operands[skip..])
}

fn owned(types: &[&Type]) -> Vec<Type> {
    types.iter().map(|&t| t.clone()).collect()
}

fn verify_for(module: &Module, op: OpId) -> Check {
    expect_operands_at_least(module, op, 3)?;
    let bounds = [operand(module, op, 0), operand(module, op, 1), operand(module, op, 2)];
    if bounds[1] != bounds[0] || bounds[2] != bounds[0] || !bounds[0].is_integer_like() {
        return Err(format!(
            "expects `lb`, `ub` and `step` of one integer type, found {}",
            type_list(&bounds)
        ));
    }
    let carried = owned(&loop_values(module, op));
    let results = types_of(module, &module.ops[op].results);
    if !same_types(&results, &carried) {
        return Err(format!(
            "expects results of the loop-carried types {}, found {}",
            type_list(&carried),
            type_list(&results)
        ));
    }
    let mut arguments = vec![bounds[0].clone()];
    arguments.extend(carried);
    check_structured_region(module, op, 0, "body", &arguments, &YIELD)
}

fn verify_while(module: &Module, op: OpId) -> Check {
    let carried = owned(&loop_values(module, op));
    check_structured_region(module, op, 0, "before", &carried, &CONDITION)?;
    let results = owned(&types_of(module, &module.ops[op].results));
    check_structured_region(module, op, 1, "after", &results, &YIELD)
}

fn verify_yield(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    let misplaced = |parent| {
        format!(
            "must end a region of `scf.if`, `scf.for`, `rt.try` or the `after` region of `scf.while`, found {}",
            describe_parent(module, parent)
        )
    };
    let Some((parent, index)) = enclosing(module, op, |_| false) else {
        return Err(misplaced(None));
    };
    let expected = if is_op(module, parent, &IF) {
        owned(&types_of(module, &module.ops[parent].results))
    } else if is_op(module, parent, &FOR) || (is_op(module, parent, &WHILE) && index == 1) {
        owned(&loop_values(module, parent))
    } else if is_op(module, parent, &WHILE) {
        // The `scf.while` reports a `before` region that does not end in `scf.condition`.
        return Ok(());
    } else if is_op(module, parent, &rt::TRY) {
        Vec::new()
    } else {
        return Err(misplaced(Some((parent, index))));
    };
    check_values(module, op, parent, &expected, "yields")
}

/// Compares `op`'s operand types with what `parent` expects.
fn check_values(module: &Module, op: OpId, parent: OpId, expected: &[Type], verb: &str) -> Check {
    let found = types_of(module, &module.ops[op].operands);
    if !same_types(&found, expected) {
        return Err(format!(
            "{verb} {} but the enclosing `{}` expects {}",
            type_list(&found),
            module.ops[parent].name(),
            type_list(expected)
        ));
    }
    Ok(())
}

fn describe_parent(module: &Module, parent: Option<(OpId, usize)>) -> String {
    match parent {
        Some((parent, index)) => format!("in {}", describe_region(module, parent, index)),
        None => "in no op".to_string(),
    }
}

fn verify_condition(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    let parent = match enclosing(module, op, |_| false) {
        Some((parent, 0)) if is_op(module, parent, &WHILE) => parent,
        other => {
            return Err(format!(
                "must end the `before` region of `scf.while`, found {}",
                describe_parent(module, other)
            ))
        }
    };
    expect_operands_at_least(module, op, 1)?;
    expect_type("a condition", operand(module, op, 0), &Type::I1)?;
    let found = types_of(module, &module.ops[op].operands[1..]);
    let expected = owned(&types_of(module, &module.ops[parent].results));
    if !same_types(&found, &expected) {
        return Err(format!(
            "passes {} but the enclosing `scf.while` has results {}",
            type_list(&found),
            type_list(&expected)
        ));
    }
    Ok(())
}

/// The innermost loop whose body holds `op` (through `scf.if` and `rt.try` only).
fn enclosing_loop(module: &Module, op: OpId) -> Result<OpId, String> {
    let transparent = |d: &OpDefinition| std::ptr::eq(d, &IF) || std::ptr::eq(d, &rt::TRY);
    match enclosing(module, op, transparent) {
        Some((parent, 0)) if is_op(module, parent, &FOR) => Ok(parent),
        Some((parent, 1)) if is_op(module, parent, &WHILE) => Ok(parent),
        other => Err(format!(
            "must be inside a loop body (`scf.for`, or the `after` region of `scf.while`, possibly nested in `scf.if` or `rt.try`), found {}",
            describe_parent(module, other)
        )),
    }
}

fn verify_break(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    let parent = enclosing_loop(module, op)?;
    let expected = owned(&types_of(module, &module.ops[parent].results));
    check_values(module, op, parent, &expected, "breaks with")
}

fn verify_continue(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    let parent = enclosing_loop(module, op)?;
    let expected = owned(&loop_values(module, parent));
    check_values(module, op, parent, &expected, "continues with")
}
