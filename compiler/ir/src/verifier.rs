//! The verifier: the rules every module must keep before and after every pass.
//!
//! Generic rules, checked for every op:
//! - the op has as many regions as its definition says;
//! - every block of a region ends with exactly one terminator (an op with the `Terminator`
//!   trait) and terminators appear nowhere else, unless the region's op is `NoTerminator`;
//! - only terminators have successors; a successor is a block of the same region as the
//!   terminator, and the values passed match that block's argument types;
//! - SSA dominance: every operand (and successor argument) is defined before its use, either
//!   earlier in the same block, in a block of the same region that dominates the use's block,
//!   or in an enclosing region, never across an `IsolatedFromAbove` op; a value whose op was
//!   erased or is in no block is undefined;
//! - then the op's own `verify` from its dialect (operand and result types, attributes).
//!
//! Every error names the op and its location. The verifier never stops at the first error.

use std::collections::HashMap;
use std::fmt;

use crate::dialect::Trait;
use crate::entity::{BlockId, OpId, RegionId, ValueId};
use crate::module::{Location, Module, ValueDefinition};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    pub op: OpId,
    pub op_name: &'static str,
    pub location: Option<Location>,
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{}:{}:{}: ", location.file, location.line, location.column)?;
        }
        write!(f, "`{}`: {}", self.op_name, self.message)
    }
}

/// Verifies the whole module, returning every error found, in walk order.
pub fn verify(module: &Module) -> Result<(), Vec<VerifyError>> {
    let mut verifier = Verifier { module, dominators: HashMap::new(), errors: Vec::new() };
    verifier.op(module.top());
    if verifier.errors.is_empty() {
        Ok(())
    } else {
        Err(verifier.errors)
    }
}

/// For each block of a region, the set of blocks (by position in the region) dominating it.
type Dominators = HashMap<BlockId, Vec<bool>>;

struct Verifier<'m> {
    module: &'m Module,
    dominators: HashMap<RegionId, Dominators>,
    errors: Vec<VerifyError>,
}

impl Verifier<'_> {
    fn error(&mut self, op: OpId, message: String) {
        let data = &self.module.ops[op];
        self.errors.push(VerifyError {
            op,
            op_name: data.name(),
            location: data.location.clone(),
            message,
        });
    }

    fn op(&mut self, op: OpId) {
        let module = self.module;
        let data = &module.ops[op];
        if data.regions.len() != data.definition.regions {
            self.error(
                op,
                format!(
                    "expects {} regions, found {}",
                    data.definition.regions,
                    data.regions.len()
                ),
            );
        }
        for (index, &operand) in data.operands.iter().enumerate() {
            self.check_use(op, operand, &format!("operand {index}"));
        }
        let is_terminator = data.definition.has_trait(Trait::Terminator);
        if !data.successors.is_empty() && !is_terminator {
            self.error(op, "only a terminator may have successors".to_string());
        }
        for (index, successor) in data.successors.iter().enumerate() {
            for &argument in &successor.arguments {
                self.check_use(op, argument, &format!("an argument of successor {index}"));
            }
            let own_region = data.parent.and_then(|block| module.blocks[block].parent);
            if module.blocks[successor.block].parent != own_region || own_region.is_none() {
                self.error(op, format!("successor {index} is not a block of the same region"));
                continue;
            }
            let expected: Vec<_> = module.blocks[successor.block]
                .arguments
                .iter()
                .map(|&v| module.value_type(v))
                .collect();
            let passed: Vec<_> =
                successor.arguments.iter().map(|&v| module.value_type(v)).collect();
            if expected != passed {
                self.error(
                    op,
                    format!(
                        "successor {index} expects {} arguments of types matching its block",
                        expected.len()
                    ),
                );
            }
        }
        if let Err(message) = (data.definition.verify)(module, op) {
            self.error(op, message);
        }
        let needs_terminators = !data.definition.has_trait(Trait::NoTerminator);
        for (region_index, &region) in data.regions.iter().enumerate() {
            for (block_index, &block) in module.regions[region].blocks.iter().enumerate() {
                let ops = &module.blocks[block].ops;
                for (position, &nested) in ops.iter().enumerate() {
                    let last = position + 1 == ops.len();
                    if module.ops[nested].definition.has_trait(Trait::Terminator) && !last {
                        self.error(
                            nested,
                            "a terminator must be the last op of its block".to_string(),
                        );
                    }
                    self.op(nested);
                }
                let ends_with_terminator = ops
                    .last()
                    .is_some_and(|&last| module.ops[last].definition.has_trait(Trait::Terminator));
                if needs_terminators && !ends_with_terminator {
                    self.error(op, format!("block {block_index} of region {region_index} does not end with a terminator"));
                }
            }
        }
    }

    /// Checks that `value` is visible at and defined before its use by `user`.
    fn check_use(&mut self, user: OpId, value: ValueId, what: &str) {
        let module = self.module;
        let (definition_block, defining_op) = match module.values[value].definition {
            ValueDefinition::OpResult { op, .. } => {
                if module.ops[op].erased {
                    return self.error(
                        user,
                        format!(
                            "use of undefined value: {what} was defined by an erased `{}`",
                            module.ops[op].name()
                        ),
                    );
                }
                match module.ops[op].parent {
                    Some(block) => (block, Some(op)),
                    None => {
                        return self.error(
                            user,
                            format!(
                                "use of undefined value: {what} is defined by an op in no block"
                            ),
                        )
                    }
                }
            }
            ValueDefinition::BlockArgument { block, .. } => (block, None),
        };
        let Some(definition_region) = module.blocks[definition_block].parent else {
            return self.error(
                user,
                format!("use of undefined value: {what} is an argument of a block in no region"),
            );
        };
        // Climb from the user to its ancestor in the definition's region, noting the first
        // isolated op crossed on the way.
        let mut ancestor = user;
        let mut crossed_isolated = None;
        let use_block = loop {
            let Some(block) = module.ops[ancestor].parent else {
                return self.error(user, format!("{what} is not defined in an enclosing region"));
            };
            if module.blocks[block].parent == Some(definition_region) {
                break block;
            }
            match module.parent_op_of_block(block) {
                Some(parent) => {
                    if crossed_isolated.is_none()
                        && module.ops[parent].definition.has_trait(Trait::IsolatedFromAbove)
                    {
                        crossed_isolated = Some(parent);
                    }
                    ancestor = parent;
                }
                None => {
                    return self
                        .error(user, format!("{what} is not defined in an enclosing region"))
                }
            }
        };
        if let Some(isolated) = crossed_isolated {
            return self.error(
                user,
                format!(
                    "{what} is defined outside the enclosing `{}`, which is isolated from above",
                    module.ops[isolated].name()
                ),
            );
        }
        let dominated = if use_block == definition_block {
            match defining_op {
                None => true,
                Some(defining_op) => {
                    let ops = &module.blocks[use_block].ops;
                    let position = |op| ops.iter().position(|&o| o == op);
                    defining_op != ancestor && position(defining_op) < position(ancestor)
                }
            }
        } else {
            self.dominates(definition_region, definition_block, use_block)
        };
        if !dominated {
            let definer = defining_op.map_or("a block argument".to_string(), |op| {
                format!("`{}`", module.ops[op].name())
            });
            self.error(
                user,
                format!(
                    "dominance violation: {what}, defined by {definer}, does not dominate this use"
                ),
            );
        }
    }

    fn dominates(&mut self, region: RegionId, dominator: BlockId, block: BlockId) -> bool {
        let module = self.module;
        let dominators =
            self.dominators.entry(region).or_insert_with(|| compute_dominators(module, region));
        let position = module.regions[region].blocks.iter().position(|&b| b == dominator);
        match (dominators.get(&block), position) {
            (Some(set), Some(position)) => set[position],
            _ => false,
        }
    }
}

/// Iterative dataflow over the region's blocks: the entry is dominated by itself only; every
/// other block by itself and what dominates all its predecessors. An unreachable block keeps
/// the full set (everything dominates it), as in MLIR.
fn compute_dominators(module: &Module, region: RegionId) -> Dominators {
    let blocks = &module.regions[region].blocks;
    let index_of: HashMap<BlockId, usize> =
        blocks.iter().enumerate().map(|(i, &b)| (b, i)).collect();
    let mut predecessors = vec![Vec::new(); blocks.len()];
    for (index, &block) in blocks.iter().enumerate() {
        for &op in &module.blocks[block].ops {
            for successor in &module.ops[op].successors {
                if let Some(&target) = index_of.get(&successor.block) {
                    predecessors[target].push(index);
                }
            }
        }
    }
    let mut sets: Vec<Vec<bool>> = (0..blocks.len())
        .map(|i| {
            if i == 0 {
                (0..blocks.len()).map(|j| j == 0).collect()
            } else {
                vec![true; blocks.len()]
            }
        })
        .collect();
    let mut changed = true;
    while changed {
        changed = false;
        for index in 1..blocks.len() {
            if predecessors[index].is_empty() {
                continue;
            }
            let mut set = vec![true; blocks.len()];
            for &predecessor in &predecessors[index] {
                for (slot, &dominates) in set.iter_mut().zip(&sets[predecessor]) {
                    *slot &= dominates;
                }
            }
            set[index] = true;
            if set != sets[index] {
                sets[index] = set;
                changed = true;
            }
        }
    }
    blocks.iter().copied().zip(sets).collect()
}
