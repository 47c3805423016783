//! Reference counting: where generated code retains and releases the runtime's objects.
//!
//! Runs on each function once it is in the low form, when every path an error or a branch
//! can take is an explicit CFG edge. The rule is `docs/runtime.md`'s *Ownership*: runtime
//! functions and the program's functions borrow their arguments and return new references.
//! Every value that holds references (a handle, or a tuple or struct with one) is either
//! owned by the function or borrowed from something that outlives its uses
//! ([`facts::Ownership`]). An owned value is released once on every path: right after its
//! last use in a block, or on the CFG edge where it stops being live ([`liveness`]); it is
//! handed on instead, without a release, where its last use consumes it (`func.return`,
//! a block argument, a store into a variable, an `agg.make`). Consuming a borrowed value,
//! or an owned one still needed, retains it first.
//!
//! Variables (`mem.alloca` slots not marked scratch, and `mut self` receivers) own what they
//! hold: a store releases the value it overwrites, and a return releases what the
//! function's own variables hold. Paths that end in a panic (`cf.unreachable`) release
//! nothing: the process is about to exit.

mod emit;
mod facts;
mod liveness;

use std::collections::{BTreeSet, HashMap, HashSet};

use mlc_ir::{BlockId, Module, OpId, ValueId};

use facts::{holds_references, Facts, Ownership};
use liveness::Liveness;

/// A retain or release of all the references a value holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Retain(ValueId),
    Release(ValueId),
}

/// What to insert, gathered before anything is inserted (so every position is still the
/// one the analysis saw).
#[derive(Default)]
struct Plan {
    before: HashMap<OpId, Vec<Count>>,
    after: HashMap<OpId, Vec<Count>>,
    block_start: HashMap<BlockId, Vec<Count>>,
    /// Counts on a conditional branch's edge (`terminator`, successor index) that need a
    /// block of their own.
    edges: Vec<(OpId, usize, Vec<Count>)>,
    /// Stores into variables: each releases the value it overwrites.
    overwriting_stores: Vec<OpId>,
    /// Returns: each releases what the function's own variables hold.
    returns: Vec<OpId>,
}

/// Inserts the retains and releases of `function` (in the low form).
pub fn insert_reference_counting(module: &mut Module, function: OpId) {
    if module.ops[function].regions.is_empty() {
        return;
    }
    let facts = facts::gather(module, function);
    if facts.ownership.is_empty() && facts.owning_references.is_empty() {
        return;
    }
    let liveness = liveness::compute(module, &facts);
    let plan = plan(module, &facts, &liveness);
    emit::apply(module, &facts, plan);
}

fn ends_in_panic(module: &Module, block: BlockId) -> bool {
    match module.blocks[block].ops.last() {
        Some(&last) => module.ops[last].name() == "cf.unreachable",
        None => false,
    }
}

fn plan(module: &Module, facts: &Facts, liveness: &Liveness) -> Plan {
    let mut plan = Plan::default();
    let mut incoming: HashMap<BlockId, usize> = HashMap::new();
    for &block in &facts.blocks {
        if let Some(&last) = module.blocks[block].ops.last() {
            for successor in &module.ops[last].successors {
                *incoming.entry(successor.block).or_default() += 1;
            }
        }
    }
    let holds = |value: ValueId| holds_references(module, module.value_type(value));

    for &block in &facts.blocks {
        if ends_in_panic(module, block) {
            continue;
        }
        let ops = &module.blocks[block].ops;
        let Some((&terminator, body)) = ops.split_last() else { continue };
        let mut live: HashSet<ValueId> = liveness.live_out[&block].clone();
        let data = &module.ops[terminator];

        match data.name() {
            "func.return" => {
                let (retains, releases) = consume(facts, &live, &data.operands, &holds, |_| true);
                let counts = plan.before.entry(terminator).or_default();
                counts.extend(retains);
                counts.extend(releases);
                plan.returns.push(terminator);
                live.extend(data.operands.iter().flat_map(|&v| facts.tracked_by_use(v)));
            }
            "cf.br" | "cf.cond_br" => {
                let arguments = data.successors.iter().flat_map(|s| &s.arguments);
                let mut live_before = live.clone();
                live_before.extend(
                    data.operands.iter().chain(arguments).flat_map(|&v| facts.tracked_by_use(v)),
                );
                for (index, successor) in data.successors.iter().enumerate() {
                    if ends_in_panic(module, successor.block) {
                        continue;
                    }
                    let needed = &liveness.live_in[&successor.block];
                    let dead: BTreeSet<ValueId> =
                        live_before.iter().copied().filter(|v| !needed.contains(v)).collect();
                    let mut moved = HashSet::new();
                    let mut counts = Vec::new();
                    for &argument in &successor.arguments {
                        if !holds(argument) {
                            continue;
                        }
                        if facts.is_tracked(argument)
                            && dead.contains(&argument)
                            && moved.insert(argument)
                        {
                            continue;
                        }
                        counts.push(Count::Retain(argument));
                    }
                    let has_retains = !counts.is_empty();
                    counts.extend(
                        dead.iter().filter(|v| !moved.contains(*v)).map(|&v| Count::Release(v)),
                    );
                    if counts.is_empty() {
                        continue;
                    }
                    if data.name() == "cf.br" {
                        plan.before.entry(terminator).or_default().extend(counts);
                    } else if incoming[&successor.block] == 1 && !has_retains {
                        plan.block_start.entry(successor.block).or_default().extend(counts);
                    } else {
                        plan.edges.push((terminator, index, counts));
                    }
                }
                live = live_before;
            }
            _ => {}
        }

        for &op in body.iter().rev() {
            let data = &module.ops[op];
            let mut after = Vec::new();
            for &result in &data.results {
                if !facts.is_tracked(result) {
                    continue;
                }
                let retained = facts.ownership[&result] == Ownership::Retained;
                match (live.remove(&result), retained) {
                    (true, true) => after.push(Count::Retain(result)),
                    (false, false) => after.push(Count::Release(result)),
                    _ => {}
                }
            }
            let overwrites = data.name() == "mem.store"
                && data.operands.len() == 2
                && facts.owning_references.contains(&data.operands[1]);
            let consumed = |index: usize| match data.name() {
                "agg.make" => true,
                "mem.store" => overwrites && index == 0,
                _ => false,
            };
            let (retains, releases) = consume(facts, &live, &data.operands, &holds, consumed);
            after.extend(releases);
            if !retains.is_empty() {
                plan.before.entry(op).or_default().extend(retains);
            }
            if !after.is_empty() {
                plan.after.entry(op).or_default().extend(after);
            }
            if overwrites {
                plan.overwriting_stores.push(op);
            }
            live.extend(data.operands.iter().flat_map(|&v| facts.tracked_by_use(v)));
        }

        let unused_arguments: Vec<Count> = module.blocks[block]
            .arguments
            .iter()
            .filter(|&&v| facts.is_tracked(v) && !live.contains(&v))
            .map(|&v| Count::Release(v))
            .collect();
        if !unused_arguments.is_empty() {
            plan.block_start.entry(block).or_default().extend(unused_arguments);
        }
    }
    plan
}

/// The counts around an op using `operands`, with `live` the values needed after it: retains
/// (before it) of the consumed operands it cannot take over, and releases (after it) of the
/// owned values whose last use it is.
fn consume(
    facts: &Facts,
    live: &HashSet<ValueId>,
    operands: &[ValueId],
    holds: &impl Fn(ValueId) -> bool,
    consumed: impl Fn(usize) -> bool,
) -> (Vec<Count>, Vec<Count>) {
    let mut moved = HashSet::new();
    let mut retains = Vec::new();
    for (index, &operand) in operands.iter().enumerate() {
        if !consumed(index) || !holds(operand) {
            continue;
        }
        if facts.is_tracked(operand) && !live.contains(&operand) && moved.insert(operand) {
            continue;
        }
        retains.push(Count::Retain(operand));
    }
    let mut released = HashSet::new();
    let mut releases = Vec::new();
    for &operand in operands {
        for tracked in facts.tracked_by_use(operand) {
            if !live.contains(&tracked) && !moved.contains(&tracked) && released.insert(tracked) {
                releases.push(Count::Release(tracked));
            }
        }
    }
    (retains, releases)
}
