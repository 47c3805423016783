//! `bounds-check-elim`: marks `tensor.load`, `tensor.store`, `mem.list_get` and
//! `mem.list_set` `{in_bounds = true}` when every index is provably in range, so the back end
//! drops their range check (the check that the number of indices is the tensor's rank
//! stays: `in_bounds` says nothing of it).
//!
//! What it proves, for an index `%i` at position `d` of the indices of an access to `%c`:
//! 1. `%i` is the induction variable of an enclosing `scf.for %lb, %ub, %step` (the first
//!    argument of its body block; the access is inside that body, at any depth);
//! 2. `%lb` is an `arith.constant` >= 0 and `%step` an `arith.constant` > 0, so every value
//!    of `%i` is in `[lb, ub)`, never negative (a negative index would count from the end:
//!    a negative step is not handled);
//! 3. `%ub` is the length of that dimension of the same SSA value `%c`:
//!    `tensor.dim %c, %k` with `%k` an `arith.constant` equal to `d`; or, for an access with
//!    one index, `tensor.numel %c` (equal to dimension 0 once the rank check passed); or, for
//!    a list, `mem.list_len %c`;
//! 4. the length cannot change from where `%ub` is computed to the access. A tensor's shape
//!    never changes in place, but Python code given a tensor might resize it: no `py.*` op
//!    may come in between. A list's length changes with `mem.list_append`, the `list.*`
//!    built-ins other than [`LIST_BUILTINS_KEEPING_LENGTH`] (on any list: lists may alias),
//!    any `func.call` (a callee may append) and `py.*` ops; none may come in between.
//!    "In between" is, conservatively: every op after the `%ub` op in its block up to the op
//!    of that block that holds the loop, including everything nested in them (the whole
//!    loop body among them). The `%ub` op must be in a block enclosing the loop.
//!
//! Accesses already marked are left as they are; nothing else changes.

use mlc_ir::dialect::mem;
use mlc_ir::{Attribute, BlockId, Module, OpId, ValueDefinition, ValueId};

use crate::constants::{defining_op, integer_constant};
use crate::pass_manager::Pass;
use crate::rewrite::{function_bodies, ops_within};

pub struct BoundsCheckElim;

impl Pass for BoundsCheckElim {
    fn name(&self) -> &'static str {
        "bounds-check-elim"
    }

    fn description(&self) -> &'static str {
        "marks tensor and list accesses in_bounds when loop bounds prove every index in range"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            for op in ops_within(module, function) {
                if access(module, op).is_some_and(|access| access.provably_in_bounds(module)) {
                    mem::set_in_bounds(module, op);
                }
            }
        }
        Ok(())
    }
}

/// The `list.*` built-ins that never change a list's length.
pub const LIST_BUILTINS_KEEPING_LENGTH: &[&str] = &[
    "list.copy",
    "list.reverse",
    "list.sort",
    "list.index",
    "list.count",
    "list.contains",
    "list.concat",
    "list.eq",
    "list.compare",
    "list.slice",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    Tensor,
    List,
}

/// An element access: the container, its kind and the indices.
struct Access {
    container: ValueId,
    kind: Container,
    indices: Vec<ValueId>,
}

fn access(module: &Module, op: OpId) -> Option<Access> {
    let data = &module.ops[op];
    if matches!(data.attributes.get("in_bounds"), Some(Attribute::Bool(true))) {
        return None;
    }
    let (kind, container, first_index) = match data.name() {
        "tensor.load" => (Container::Tensor, 0, 1),
        "tensor.store" => (Container::Tensor, 1, 2),
        "mem.list_get" | "mem.list_set" => (Container::List, 0, 1),
        _ => return None,
    };
    let indices = match kind {
        Container::Tensor => data.operands.get(first_index..)?.to_vec(),
        Container::List => vec![*data.operands.get(first_index)?],
    };
    if indices.is_empty() {
        return None;
    }
    Some(Access { container: *data.operands.get(container)?, kind, indices })
}

impl Access {
    fn provably_in_bounds(&self, module: &Module) -> bool {
        self.indices
            .iter()
            .enumerate()
            .all(|(position, &index)| self.index_in_bounds(module, position, index))
    }

    fn index_in_bounds(&self, module: &Module, position: usize, index: ValueId) -> bool {
        let ValueDefinition::BlockArgument { block, index: 0 } = module.values[index].definition
        else {
            return false;
        };
        let Some(loop_op) = module.parent_op_of_block(block) else { return false };
        let loop_data = &module.ops[loop_op];
        if loop_data.name() != "scf.for" || loop_data.operands.len() < 3 {
            return false;
        }
        let (lower, upper, step) =
            (loop_data.operands[0], loop_data.operands[1], loop_data.operands[2]);
        let counts_up_from_zero = integer_constant(module, lower).is_some_and(|lb| lb >= 0)
            && integer_constant(module, step).is_some_and(|step| step > 0);
        if !counts_up_from_zero {
            return false;
        }
        let Some(bound) = defining_op(module, upper) else { return false };
        self.bounds_dimension(module, bound, position)
            && length_is_stable(module, bound, loop_op, self.kind)
    }

    /// Whether `bound` computes the length of dimension `position` of the container.
    fn bounds_dimension(&self, module: &Module, bound: OpId, position: usize) -> bool {
        let data = &module.ops[bound];
        let of_container = data.operands.first() == Some(&self.container);
        match (self.kind, data.name()) {
            (Container::Tensor, "tensor.dim") => {
                of_container
                    && data.operands.get(1).and_then(|&d| integer_constant(module, d))
                        == Some(position as i128)
            }
            (Container::Tensor, "tensor.numel") => of_container && self.indices.len() == 1,
            (Container::List, "mem.list_len") => of_container,
            _ => false,
        }
    }
}

/// Whether no op between `bound` and the loop (see the module doc) may change a length of
/// the `kind` of container.
fn length_is_stable(module: &Module, bound: OpId, loop_op: OpId, kind: Container) -> bool {
    let Some(block) = module.ops[bound].parent else { return false };
    let Some(holder) = ancestor_in_block(module, loop_op, block) else { return false };
    let ops = &module.blocks[block].ops;
    let (Some(start), Some(end)) =
        (ops.iter().position(|&o| o == bound), ops.iter().position(|&o| o == holder))
    else {
        return false;
    };
    start < end
        && ops[start + 1..=end].iter().all(|&op| {
            ops_within(module, op)
                .into_iter()
                .all(|nested| !may_change_length(module, nested, kind))
        })
}

/// `op` itself, or the op enclosing it that sits directly in `block`.
fn ancestor_in_block(module: &Module, mut op: OpId, block: BlockId) -> Option<OpId> {
    loop {
        if module.ops[op].parent == Some(block) {
            return Some(op);
        }
        op = module.parent_op(op)?;
    }
}

/// Whether `op` may change the length of a list (any one: lists may alias).
pub fn may_change_list_length(module: &Module, op: OpId) -> bool {
    may_change_length(module, op, Container::List)
}

/// Whether `op` may change the length of a container of `kind` (any one: they may alias).
fn may_change_length(module: &Module, op: OpId, kind: Container) -> bool {
    let name = module.ops[op].name();
    if name.starts_with("py.") {
        return true;
    }
    match kind {
        Container::Tensor => false,
        Container::List => match name {
            "mem.list_append" | "gpu.launch" => true,
            "rt.builtin" => match module.ops[op].attributes.get("name") {
                Some(Attribute::String(builtin)) => {
                    builtin.starts_with("list.")
                        && !LIST_BUILTINS_KEEPING_LENGTH.contains(&builtin.as_str())
                }
                _ => true,
            },
            _ => name.starts_with("func.call"),
        },
    }
}
