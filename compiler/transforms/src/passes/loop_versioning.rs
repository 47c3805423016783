//! `loop-versioning`: an innermost `scf.for` whose list accesses index with an affine
//! function of the induction variable gets a copy without their bounds checks, entered when
//! one test before the loop shows every index it will use is in range.
//!
//! `bounds-check-elim` proves `xs[i]` for `i in range(len(xs))`; it cannot prove
//! `u[j]` for `j in range(n)` with `n` a parameter, or `a[row + k]` and `b[k * n + j]` in
//! a matrix product over flat lists. Those are in range when the extremes are:
//!
//! ```text
//! scf.for %i = %lb to %ub step %c:        %ok = lb*s + c >= 0  and  (ub-1)*s + c < len(xs)
//!   ... mem.list_get %xs, (%i * %s + %c)   scf.if %ok: the loop, accesses {in_bounds = true}
//!                                           else: the loop as it was
//! ```
//!
//! What qualifies, for a loop without a nested `scf.for` (so copies never multiply):
//! - the step is a constant > 0;
//! - an access (`mem.list_get`/`mem.list_set` not yet `in_bounds`, anywhere in the body)
//!   indexes a list that is the same on every iteration with `%i`, `%i + c`, `c + %i`, `%i * s`,
//!   `s * %i`, or `%i * s + c` / `c + %i * s` (`arith.addi`/`arith.muli`, checked or not),
//!   `s` and `c` the same on every iteration: defined outside the loop, or read in it from
//!   a `var` slot that nothing in the loop writes (the test reads the slot again);
//! - nothing in the loop may change a list's length (`bounds_check_elim::may_change_length`).
//!
//! The test requires `0 <= s < 2^31`, `|c| < 2^61` and `|lb|, |ub| < 2^31`, so the extremes
//! are exact in `i64` (no wrapping makes a bad index look good); with a negative index the
//! checked loop runs (negative indices count from the end, which the fast path does not do).
//! An empty loop may take either copy.

use mlc_ir::dialect::{arith, mem, scf};
use mlc_ir::{Attribute, Builder, Module, OpId, Type, ValueDefinition, ValueId};

use crate::constants::integer_constant;
use crate::pass_manager::Pass;
use crate::passes::bounds_check_elim::may_change_list_length;
use crate::rewrite::{function_bodies, insert_ops_before, is_defined_in, ops_within, Cloner};

pub struct LoopVersioning;

impl Pass for LoopVersioning {
    fn name(&self) -> &'static str {
        "loop-versioning"
    }

    fn description(&self) -> &'static str {
        "copies innermost loops without list bounds checks, entered when the index range is checked once"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            let loops: Vec<OpId> = ops_within(module, function)
                .into_iter()
                .filter(|&op| module.ops[op].name() == "scf.for")
                .collect();
            for loop_op in loops {
                if let Some(accesses) = versionable_accesses(module, loop_op) {
                    version(module, loop_op, &accesses);
                }
            }
        }
        Ok(())
    }
}

/// An access the fast copy marks `in_bounds`: the list, and the index as `iv * scale +
/// offset` (`None`: 1 and 0).
struct AffineAccess {
    op: OpId,
    list: ValueId,
    scale: Option<ValueId>,
    offset: Option<ValueId>,
}

fn versionable_accesses(module: &Module, loop_op: OpId) -> Option<Vec<AffineAccess>> {
    let data = &module.ops[loop_op];
    if data.operands.len() < 3 || integer_constant(module, data.operands[2])? <= 0 {
        return None;
    }
    let body = module.regions[*data.regions.first()?].blocks.first().copied()?;
    let induction = *module.blocks[body].arguments.first()?;
    if *module.value_type(induction) != Type::I64 {
        return None;
    }
    let nested = ops_within(module, loop_op);
    if nested.iter().any(|&op| op != loop_op && module.ops[op].name() == "scf.for")
        || nested.iter().any(|&op| may_change_list_length(module, op))
    {
        return None;
    }
    let outside = |value: ValueId| {
        !is_defined_in(module, value, loop_op) || stable_slot_read(module, value, loop_op)
    };
    let mut accesses = Vec::new();
    for &op in &nested {
        let data = &module.ops[op];
        if !matches!(data.name(), "mem.list_get" | "mem.list_set")
            || matches!(data.attributes.get("in_bounds"), Some(Attribute::Bool(true)))
        {
            continue;
        }
        let (list, index) = (data.operands[0], data.operands[1]);
        if !outside(list) {
            continue;
        }
        if let Some((scale, offset)) = affine(module, index, induction, &outside) {
            accesses.push(AffineAccess { op, list, scale, offset });
        }
    }
    (!accesses.is_empty()).then_some(accesses)
}

/// Whether `value` is a read (`mem.load`) inside the loop of a slot defined outside it that
/// nothing in the loop writes or hands out: the same value on every iteration, which the
/// test before the loop reads again.
fn stable_slot_read(module: &Module, value: ValueId, loop_op: OpId) -> bool {
    let ValueDefinition::OpResult { op, .. } = module.values[value].definition else {
        return false;
    };
    let data = &module.ops[op];
    if data.name() != "mem.load" || data.operands.len() != 1 {
        return false;
    }
    let slot = data.operands[0];
    !is_defined_in(module, slot, loop_op)
        && ops_within(module, loop_op).into_iter().all(|nested| {
            let nested = &module.ops[nested];
            nested.name() == "mem.load" || !nested.operands.contains(&slot)
        })
}

/// `value` where the test before the loop can use it: itself, or a new read of its slot.
fn before_loop(builder: &mut Builder<'_>, value: ValueId, loop_op: OpId) -> ValueId {
    if !is_defined_in(builder.module, value, loop_op) {
        return value;
    }
    let ValueDefinition::OpResult { op, .. } = builder.module.values[value].definition else {
        unreachable!("only slot reads inside the loop are used before it");
    };
    let slot = builder.module.ops[op].operands[0];
    mem::load(builder, slot, &[])
}

/// `index` as `iv * scale + offset`, with `scale` and `offset` defined outside the loop.
type Affine = (Option<ValueId>, Option<ValueId>);

fn affine(
    module: &Module,
    index: ValueId,
    induction: ValueId,
    outside: &impl Fn(ValueId) -> bool,
) -> Option<Affine> {
    if index == induction {
        return Some((None, None));
    }
    let ValueDefinition::OpResult { op, .. } = module.values[index].definition else {
        return None;
    };
    let data = &module.ops[op];
    let (a, b) = (*data.operands.first()?, *data.operands.get(1)?);
    match data.name() {
        "arith.muli" => {
            if a == induction && outside(b) {
                Some((Some(b), None))
            } else if b == induction && outside(a) {
                Some((Some(a), None))
            } else {
                None
            }
        }
        "arith.addi" => {
            let scaled = |x: ValueId| -> Option<Option<ValueId>> {
                match affine(module, x, induction, outside)? {
                    (scale, None) => Some(scale),
                    _ => None,
                }
            };
            if outside(b) {
                Some((scaled(a)?, Some(b)))
            } else if outside(a) {
                Some((scaled(b)?, Some(a)))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Puts `loop_op` in the else branch of an `scf.if` on the range test, with a copy whose
/// `accesses` are `in_bounds` in the then branch.
fn version(module: &mut Module, loop_op: OpId, accesses: &[AffineAccess]) {
    let location = module.ops[loop_op].location.clone();
    let (lower, upper) = (module.ops[loop_op].operands[0], module.ops[loop_op].operands[1]);
    let result_types: Vec<Type> =
        module.ops[loop_op].results.iter().map(|&r| module.value_type(r).clone()).collect();

    // The test and the `scf.if`, built in a scratch block and moved before the loop.
    let scratch_region = module.create_region();
    let scratch = module.append_block(scratch_region, &[]);
    let mut builder = Builder::at_end(module, scratch);
    builder.set_location(location);
    let constant =
        |builder: &mut Builder<'_>, value: i128| arith::constant_integer(builder, value, Type::I64);
    let within = |builder: &mut Builder<'_>, value: ValueId, low: i128, high: i128| {
        let low = constant(builder, low);
        let high = constant(builder, high);
        let above = arith::compare(builder, &arith::CMPI, "sge", value, low);
        let below = arith::compare(builder, &arith::CMPI, "slt", value, high);
        arith::binary(builder, &arith::ANDI, above, below)
    };
    let bound = 1i128 << 31;
    let mut ok = within(&mut builder, lower, -bound, bound);
    let upper_ok = within(&mut builder, upper, -bound, bound);
    ok = arith::binary(&mut builder, &arith::ANDI, ok, upper_ok);
    let one = constant(&mut builder, 1);
    let last = arith::binary(&mut builder, &arith::SUBI, upper, one);
    for access in accesses {
        let scale = access.scale.map(|v| before_loop(&mut builder, v, loop_op));
        let offset = access.offset.map(|v| before_loop(&mut builder, v, loop_op));
        let at = |builder: &mut Builder<'_>, iv: ValueId| {
            let scaled = match scale {
                Some(scale) => arith::binary(builder, &arith::MULI, iv, scale),
                None => iv,
            };
            match offset {
                Some(offset) => arith::binary(builder, &arith::ADDI, scaled, offset),
                None => scaled,
            }
        };
        if let Some(scale) = scale {
            let scale_ok = within(&mut builder, scale, 0, bound);
            ok = arith::binary(&mut builder, &arith::ANDI, ok, scale_ok);
        }
        if let Some(offset) = offset {
            let offset_ok = within(&mut builder, offset, -(1i128 << 61), 1i128 << 61);
            ok = arith::binary(&mut builder, &arith::ANDI, ok, offset_ok);
        }
        let first = at(&mut builder, lower);
        let zero = constant(&mut builder, 0);
        let first_ok = arith::compare(&mut builder, &arith::CMPI, "sge", first, zero);
        let final_index = at(&mut builder, last);
        let list = before_loop(&mut builder, access.list, loop_op);
        let length = mem::list_len(&mut builder, list);
        let final_ok = arith::compare(&mut builder, &arith::CMPI, "slt", final_index, length);
        ok = arith::binary(&mut builder, &arith::ANDI, ok, first_ok);
        ok = arith::binary(&mut builder, &arith::ANDI, ok, final_ok);
    }
    let branch = scf::if_(&mut builder, ok, &result_types);

    // The fast copy, its accesses marked.
    let mut cloner = Cloner::default();
    let copy = cloner.clone_op(module, loop_op);
    let originals: Vec<OpId> = accesses.iter().map(|a| a.op).collect();
    let copies: Vec<OpId> = ops_within(module, copy)
        .into_iter()
        .zip(ops_within(module, loop_op))
        .filter(|(_, original)| originals.contains(original))
        .map(|(copied, _)| copied)
        .collect();
    for op in copies {
        mem::set_in_bounds(module, op);
    }
    module.append_op(branch.then_block, copy);
    let copy_results = module.ops[copy].results.clone();
    let mut builder = Builder::at_end(module, branch.then_block);
    scf::yield_(&mut builder, &copy_results);

    // The original loop moves into the else branch; its users take the `scf.if`'s results.
    let results = module.ops[loop_op].results.clone();
    let ops = std::mem::take(&mut module.blocks[scratch].ops);
    for &op in &ops {
        module.ops[op].parent = None;
    }
    insert_ops_before(module, loop_op, ops);
    for (&old, &new) in results.iter().zip(&branch.results) {
        module.replace_all_uses(old, new);
    }
    module.detach_op(loop_op);
    module.append_op(branch.else_block, loop_op);
    let mut builder = Builder::at_end(module, branch.else_block);
    scf::yield_(&mut builder, &results);
}
