//! `cse`: common subexpression elimination.
//!
//! Two ops are the same expression when they are `Pure` (`{checked = true}` arithmetic
//! included: the first one would panic first), have no regions and no successors, and have
//! the same name, operands, attributes and result types (locations are ignored; the first
//! op's stays). The later one is erased and its results replaced by the earlier one's.
//! Only ops giving plain values (numbers, tuples of them) are merged: two ops giving handles
//! (`!str`, `!tensor`, ...) give two objects, with their own identity and reference count.
//!
//! Scoping follows dominance: walking each region's dominator tree, an expression seen in a
//! block is available in the blocks it dominates and in regions nested in them, never in a
//! region of an `IsolatedFromAbove` op (a function sees nothing of another). Blocks no path
//! reaches are left alone (`dce` erases them).

use std::collections::HashMap;

use mlc_ir::{BlockId, Module, OpId, RegionId, Trait, Type, ValueId};

use crate::dominance::DominatorTree;
use crate::effects::gives_plain_values;
use crate::pass_manager::Pass;
use crate::rewrite::{compact_blocks, function_bodies, mark_erased, Substitution};

pub struct CommonSubexpressionElimination;

impl Pass for CommonSubexpressionElimination {
    fn name(&self) -> &'static str {
        "cse"
    }

    fn description(&self) -> &'static str {
        "deduplicates identical pure ops where the first dominates the second"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            let mut cse = Cse::default();
            cse.op_regions(module, function);
            cse.substitution.apply_within(module, function);
            compact_blocks(module, function);
        }
        Ok(())
    }
}

/// What makes two ops the same expression.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Expression {
    name: &'static str,
    operands: Vec<ValueId>,
    /// The attributes as printed (the map is sorted, so equal maps print equally).
    attributes: String,
    result_types: Vec<Type>,
}

/// A scoped table: each expression maps to the ops giving it, innermost last; each scope
/// (a block of the dominator tree being visited) lists the expressions it added, removed
/// again when the walk leaves it. A lookup is one hash, however deep the tree.
#[derive(Default)]
struct Cse {
    available: HashMap<Expression, Vec<OpId>>,
    scopes: Vec<Vec<Expression>>,
    substitution: Substitution,
}

/// A step of the walk over a dominator tree.
enum Step {
    Enter(BlockId),
    Leave,
}

impl Cse {
    /// Visits the regions of `op`, isolated ones with nothing available from outside.
    fn op_regions(&mut self, module: &mut Module, op: OpId) {
        let isolated = module.ops[op].definition.has_trait(Trait::IsolatedFromAbove);
        let outer = isolated
            .then(|| (std::mem::take(&mut self.available), std::mem::take(&mut self.scopes)));
        for region in module.ops[op].regions.clone() {
            self.region(module, region);
        }
        if let Some((available, scopes)) = outer {
            self.available = available;
            self.scopes = scopes;
        }
    }

    /// Walks the dominator tree of `region` (with an explicit stack: trees of long block
    /// chains are deep).
    fn region(&mut self, module: &mut Module, region: RegionId) {
        let tree = DominatorTree::new(module, region);
        let Some(entry) = tree.root() else { return };
        let mut steps = vec![Step::Enter(entry)];
        while let Some(step) = steps.pop() {
            match step {
                Step::Enter(block) => {
                    self.scopes.push(Vec::new());
                    self.block(module, block);
                    steps.push(Step::Leave);
                    steps
                        .extend(tree.children(block).iter().rev().map(|&child| Step::Enter(child)));
                }
                Step::Leave => {
                    for expression in self.scopes.pop().expect("a scope per entered block") {
                        if let Some(ops) = self.available.get_mut(&expression) {
                            ops.pop();
                        }
                    }
                }
            }
        }
    }

    fn block(&mut self, module: &mut Module, block: BlockId) {
        for op in module.blocks[block].ops.clone() {
            self.substitution.apply_to_op(module, op);
            if let Some(expression) = expression(module, op) {
                let earlier = self.available.get(&expression).and_then(|ops| ops.last().copied());
                if let Some(earlier) = earlier {
                    let results = module.ops[earlier].results.clone();
                    self.substitution.replace_results(module, op, &results);
                    mark_erased(module, op);
                    continue;
                }
                self.available.entry(expression.clone()).or_default().push(op);
                self.scopes.last_mut().expect("a scope per block").push(expression);
            }
            self.op_regions(module, op);
        }
    }
}

fn expression(module: &Module, op: OpId) -> Option<Expression> {
    let data = &module.ops[op];
    let definition = data.definition;
    let candidate = definition.has_trait(Trait::Pure)
        && !definition.has_trait(Trait::Terminator)
        && data.regions.is_empty()
        && data.successors.is_empty()
        && !data.results.is_empty()
        && gives_plain_values(module, op);
    if !candidate {
        return None;
    }
    let attributes = data.attributes.iter().map(|(k, v)| format!("{k} = {v}, ")).collect();
    Some(Expression {
        name: data.name(),
        operands: data.operands.clone(),
        attributes,
        result_types: data.results.iter().map(|&v| module.value_type(v).clone()).collect(),
    })
}
