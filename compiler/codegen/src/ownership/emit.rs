//! Writing a [`Plan`] into the function: retains and releases as `ll.call`s of
//! `mlc_retain`/`mlc_release` (one per handle inside an aggregate), edge blocks, the
//! release of what a store overwrites and of what variables hold at a return, and the null
//! every variable starts with (so the first store has nothing to release).

use mlc_ir::dialect::{agg, cf, ll, mem};
use mlc_ir::{Attribute, Location, Module, OpId, OpState, Successor, Type, ValueId};
use mlc_transforms::rewrite::{insert_ops_at, insert_ops_before, new_block_before};

use super::facts::{holds_references, Facts};
use super::{Count, Plan};

pub fn apply(module: &mut Module, facts: &Facts, plan: Plan) {
    let mut before: Vec<_> = plan.before.into_iter().collect();
    before.sort_by_key(|(op, _)| *op);
    for (op, counts) in before {
        let location = module.ops[op].location.clone();
        let ops = counts_to_ops(module, &counts, &location);
        insert_ops_before(module, op, ops);
    }
    let mut after: Vec<_> = plan.after.into_iter().collect();
    after.sort_by_key(|(op, _)| *op);
    for (op, counts) in after {
        let location = module.ops[op].location.clone();
        let ops = counts_to_ops(module, &counts, &location);
        insert_ops_after(module, op, ops);
    }
    for store in plan.overwriting_stores {
        let location = module.ops[store].location.clone();
        let reference = module.ops[store].operands[1];
        let (load, old) = load(module, reference, &location);
        insert_ops_before(module, store, vec![load]);
        let release = counts_to_ops(module, &[Count::Release(old)], &location);
        insert_ops_after(module, store, release);
    }
    for ret in plan.returns {
        let location = module.ops[ret].location.clone();
        let mut ops = Vec::new();
        for &variable in &facts.local_variables {
            let (load, value) = load(module, variable, &location);
            ops.push(load);
            count(module, value, "mlc_release", &location, &mut ops);
        }
        insert_ops_before(module, ret, ops);
    }
    let mut block_start: Vec<_> = plan.block_start.into_iter().collect();
    block_start.sort_by_key(|(block, _)| *block);
    for (block, counts) in block_start {
        let location =
            module.blocks[block].ops.first().and_then(|&op| module.ops[op].location.clone());
        let ops = counts_to_ops(module, &counts, &location);
        insert_ops_at(module, block, 0, ops);
    }
    for (terminator, index, counts) in plan.edges {
        let location = module.ops[terminator].location.clone();
        let Successor { block: target, arguments } =
            module.ops[terminator].successors[index].clone();
        let edge = new_block_before(module, target, &[]);
        let mut ops = counts_to_ops(module, &counts, &location);
        ops.push(module.create_op(
            OpState::new(&cf::BR).successor(target, &arguments).location(location.clone()),
        ));
        insert_ops_at(module, edge, 0, ops);
        module.ops[terminator].successors[index] = Successor { block: edge, arguments: Vec::new() };
    }
    initialize_variables(module, facts);
}

/// Stores null into every variable right after the slots at the top of the entry block.
fn initialize_variables(module: &mut Module, facts: &Facts) {
    let Some(&entry) = facts.blocks.first() else { return };
    let position = module.blocks[entry]
        .ops
        .iter()
        .position(|&op| module.ops[op].name() != "mem.alloca")
        .unwrap_or(module.blocks[entry].ops.len());
    let mut ops = Vec::new();
    for &variable in &facts.local_variables {
        let location = match module.values[variable].definition {
            mlc_ir::ValueDefinition::OpResult { op, .. } => module.ops[op].location.clone(),
            mlc_ir::ValueDefinition::BlockArgument { .. } => None,
        };
        let ty = element_type(module, variable);
        let zero =
            module.create_op(OpState::new(&ll::ZERO).results(&[ty]).location(location.clone()));
        let value = module.ops[zero].results[0];
        ops.push(zero);
        ops.push(
            module.create_op(
                OpState::new(&mem::STORE).operands(&[value, variable]).location(location),
            ),
        );
    }
    insert_ops_at(module, entry, position, ops);
}

fn insert_ops_after(module: &mut Module, anchor: OpId, ops: Vec<OpId>) {
    let block = module.ops[anchor].parent.expect("the anchor op is in a block");
    let position =
        module.blocks[block].ops.iter().position(|&o| o == anchor).expect("block/op links");
    insert_ops_at(module, block, position + 1, ops);
}

fn element_type(module: &Module, reference: ValueId) -> Type {
    match module.value_type(reference) {
        Type::MemRef { element, .. } => (**element).clone(),
        other => unreachable!("a variable of type {other}"),
    }
}

/// A detached `mem.load` of the variable `reference`, and the value it reads.
fn load(module: &mut Module, reference: ValueId, location: &Option<Location>) -> (OpId, ValueId) {
    let ty = element_type(module, reference);
    let op = module.create_op(
        OpState::new(&mem::LOAD).operands(&[reference]).results(&[ty]).location(location.clone()),
    );
    (op, module.ops[op].results[0])
}

fn counts_to_ops(module: &mut Module, counts: &[Count], location: &Option<Location>) -> Vec<OpId> {
    let mut ops = Vec::new();
    for count_op in counts {
        match *count_op {
            Count::Retain(value) => count(module, value, "mlc_retain", location, &mut ops),
            Count::Release(value) => count(module, value, "mlc_release", location, &mut ops),
        }
    }
    ops
}

/// Calls `callee` (`mlc_retain` or `mlc_release`) on every handle `value` holds.
fn count(
    module: &mut Module,
    value: ValueId,
    callee: &str,
    location: &Option<Location>,
    ops: &mut Vec<OpId>,
) {
    let ty = module.value_type(value).clone();
    if ty.is_handle() {
        // `PyObject`s have a release of their own, without the runtime's vtable dispatch.
        let callee =
            if ty == Type::PyObject && callee == "mlc_release" { "mlc_py_release" } else { callee };
        ops.push(
            module.create_op(
                OpState::new(&ll::CALL)
                    .operands(&[value])
                    .attribute("callee", Attribute::String(callee.to_string()))
                    .location(location.clone()),
            ),
        );
        return;
    }
    let Ok(elements) = agg::element_types(module, &ty) else { return };
    for (position, element) in elements.into_iter().enumerate() {
        if !holds_references(module, &element) {
            continue;
        }
        let extract = module.create_op(
            OpState::new(&agg::EXTRACT)
                .operands(&[value])
                .attribute("index", Attribute::integer(position as i128, Type::I64))
                .results(&[element])
                .location(location.clone()),
        );
        ops.push(extract);
        let part = module.ops[extract].results[0];
        count(module, part, callee, location, ops);
    }
}
