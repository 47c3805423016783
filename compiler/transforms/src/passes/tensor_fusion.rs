//! `tensor-fusion`: a chain of elementwise tensor ops becomes one `tensor.map`, and a
//! reduction of such a chain one `tensor.map_reduce`, so that `tensor-to-loops` makes one
//! loop and no temporary tensor per intermediate result.
//!
//! ```text
//! %x = tensor.binary %a, %two {kind = "mul"}     %c = tensor.map %a, %b ({
//! %c = tensor.binary %x, %b {kind = "add"}   =>  ^bb0(%ea: f64, %eb: f64):
//!                                                  %m = arith.mulf %ea, %two : f64
//!                                                  %r = arith.addf %m, %eb : f64
//!                                                  tensor.yield %r : f64
//!                                                })
//! ```
//!
//! Roots are visited from the end of each block, so a chain is taken whole from its last op.
//! A root is a `tensor.binary`, `tensor.unary`, `tensor.broadcast`, `tensor.map` or
//! `tensor.map_reduce`, or a `tensor.reduce`. Its tensor operands are followed upwards: an
//! operand made by one of the elementwise ops (or a `tensor.map`) is absorbed when
//! - it is in the root's block, and every use of it is by the root or by an op absorbed
//!   already (a value used twice by one op is computed once);
//! - it has a scalar form ([`elementwise`]; a `tensor.map` qualifies when its region is
//!   one block of `Pure` ops without regions, and `math.ipowi`);
//! - nothing between it and the root could observe or change the order of evaluation:
//!   every op in between is absorbed, or pure without a possible trap, or one of the reads
//!   in [`TRANSPARENT`]. The first op that is neither bounds the chain: what lies before it
//!   stays a separate op.
//!
//! Anything else is a leaf: an operand of the new op, whose element its region reads (a
//! `tensor.broadcast`'s second operand is a leaf whose element is unused: it gives its
//! shape to the iteration space). Scalar operands are used in the region as they are,
//! defined above it. The new op takes the root's place and location; the absorbed ops are
//! erased. A root that absorbs nothing stays as it is (`tensor-to-loops` lowers it alone).
//!
//! Semantics kept: the elements are the ones the chain computed, by the rules of
//! [`elementwise`]. The iteration space is the broadcast of every leaf's shape, which is the
//! chain's result shape; a chain whose shapes do not broadcast panics (at `tensor.space`)
//! where it panicked before, at the root instead of the intermediate op. One difference:
//! `tensor.broadcast %t, %like` broadcasts `%t` to `%like`'s shape one way; fused, the two
//! shapes broadcast both ways, so shapes that only broadcast both ways (`[3, 1]` to `[1, 4]`)
//! give a `[3, 4]` result instead of a panic. Lowering never writes `tensor.broadcast`.

pub mod elementwise;

use std::collections::HashMap;

use mlc_ir::dialect::tensor;
use mlc_ir::{Attribute, BlockId, Builder, Module, OpId, Trait, Type, ValueDefinition, ValueId};

use crate::effects::{is_pure, may_trap};
use crate::pass_manager::Pass;
use crate::rewrite::{function_bodies, ops_within, Cloner};

pub struct TensorFusion;

impl Pass for TensorFusion {
    fn name(&self) -> &'static str {
        "tensor-fusion"
    }

    fn description(&self) -> &'static str {
        "fuses chains of elementwise tensor ops into one tensor.map (tensor.map_reduce under a reduction)"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            fuse_function(module, function);
        }
        Ok(())
    }
}

/// Ops that only read and cannot trap: they may stand between a chain's ops (which read
/// tensors' elements) without ordering them.
pub const TRANSPARENT: &[&str] = &[
    "mem.load",
    "mem.alloca",
    "mem.retain",
    "tensor.numel",
    "tensor.rank",
    "tensor.shape",
    "tensor.space_size",
];

fn fuse_function(module: &mut Module, function: OpId) {
    let blocks: Vec<BlockId> = ops_within(module, function)
        .into_iter()
        .flat_map(|op| module.ops[op].regions.clone())
        .flat_map(|region| module.regions[region].blocks.clone())
        .collect();
    let mut users = users_in(module, function);
    for block in blocks {
        let ops = module.blocks[block].ops.clone();
        for &op in ops.iter().rev() {
            if module.ops[op].erased || module.ops[op].parent != Some(block) {
                continue;
            }
            if let Some(fusion) = Fusion::plan(module, op, &users, Absorb::Producers) {
                if fusion.absorbed.is_empty() {
                    continue;
                }
                fusion.apply(module, op);
                users = users_in(module, function);
            }
        }
    }
}

/// The ops using each value (each op once, in order), among the ops nested in `root`.
fn users_in(module: &Module, root: OpId) -> HashMap<ValueId, Vec<OpId>> {
    let mut users: HashMap<ValueId, Vec<OpId>> = HashMap::new();
    module.walk(root, &mut |op| {
        let data = &module.ops[op];
        let successor_arguments = data.successors.iter().flat_map(|s| &s.arguments);
        for &value in data.operands.iter().chain(successor_arguments) {
            let list = users.entry(value).or_default();
            if list.last() != Some(&op) {
                list.push(op);
            }
        }
    });
    users
}

/// Whether planning follows operands to their producers (`tensor-fusion`) or converts the
/// root alone (`tensor-to-loops`, for what fusion left).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Absorb {
    Producers,
    Nothing,
}

/// An operand of a node: a leaf (an operand of the new op, by index), a scalar used as it
/// is, or the value of an earlier node.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Operand {
    Leaf(usize),
    Scalar(ValueId),
    Node(usize),
}

#[derive(Clone, Debug)]
enum NodeKind {
    Binary {
        kind: String,
        element: Type,
    },
    Unary {
        kind: String,
        element: Type,
    },
    /// The first operand's element (the second is a leaf giving its shape).
    Broadcast,
    /// The region of a `tensor.map` or `tensor.map_reduce`, one operand per block argument.
    Region {
        op: OpId,
    },
}

#[derive(Clone, Debug)]
struct Node {
    kind: NodeKind,
    operands: Vec<Operand>,
}

/// What the new op is.
#[derive(Clone, Debug)]
enum Output {
    /// A `tensor.map` of this element type.
    Map(Type),
    /// A `tensor.map_reduce {kind}` of this result type.
    MapReduce { kind: String, result: Type },
}

/// One planned fusion at a root.
pub struct Fusion {
    leaves: Vec<ValueId>,
    /// In dependency order; each node's operands come before it.
    nodes: Vec<Node>,
    /// The value the region yields.
    top: Operand,
    output: Output,
    /// The producers absorbed (the root not included), to be erased.
    absorbed: Vec<OpId>,
}

/// Builds a plan: the leaves and nodes found from the root.
struct Planner<'m> {
    module: &'m Module,
    users: &'m HashMap<ValueId, Vec<OpId>>,
    root: OpId,
    /// Positions of the ops of the root's block.
    positions: HashMap<OpId, usize>,
    /// Producers at or before this position are not absorbed.
    barrier: Option<usize>,
    absorb: Absorb,
    leaves: Vec<ValueId>,
    nodes: Vec<Node>,
    memo: HashMap<ValueId, Operand>,
    absorbed: Vec<OpId>,
}

impl Fusion {
    /// The fusion rooted at `op`, or `None` when `op` is not a root (or has no scalar form).
    pub fn plan(
        module: &Module,
        op: OpId,
        users: &HashMap<ValueId, Vec<OpId>>,
        absorb: Absorb,
    ) -> Option<Fusion> {
        root_kind(module, op)?;
        let block = module.ops[op].parent?;
        let positions: HashMap<OpId, usize> =
            module.blocks[block].ops.iter().enumerate().map(|(i, &o)| (o, i)).collect();
        let mut barrier = None;
        loop {
            let mut planner = Planner {
                module,
                users,
                root: op,
                positions: positions.clone(),
                barrier,
                absorb,
                leaves: Vec::new(),
                nodes: Vec::new(),
                memo: HashMap::new(),
                absorbed: Vec::new(),
            };
            let (top, output) = planner.root()?;
            match planner.blocking_op(block) {
                Some(position) => barrier = Some(position),
                None => {
                    return Some(Fusion {
                        leaves: planner.leaves,
                        nodes: planner.nodes,
                        top,
                        output,
                        absorbed: planner.absorbed,
                    })
                }
            }
        }
    }

    pub fn absorbed(&self) -> &[OpId] {
        &self.absorbed
    }

    /// Replaces the root by the new op (placed before it) and erases the root and the
    /// absorbed ops. Returns the new op.
    pub fn apply(&self, module: &mut Module, root: OpId) -> OpId {
        let location = module.ops[root].location.clone();
        let scratch_region = module.create_region();
        let scratch = module.append_block(scratch_region, &[]);
        let mut builder = Builder::at_end(module, scratch);
        builder.set_location(location);
        let map = match &self.output {
            Output::Map(element) => tensor::map(&mut builder, &self.leaves, element.clone()),
            Output::MapReduce { kind, result } => {
                tensor::map_reduce(&mut builder, &self.leaves, kind, result.clone())
            }
        };
        builder.set_block(map.body);
        let mut values: Vec<ValueId> = Vec::with_capacity(self.nodes.len());
        let value_of = |values: &[ValueId], operand: Operand| match operand {
            Operand::Leaf(index) => map.elements[index],
            Operand::Scalar(value) => value,
            Operand::Node(index) => values[index],
        };
        for node in &self.nodes {
            let operands: Vec<ValueId> =
                node.operands.iter().map(|&operand| value_of(&values, operand)).collect();
            let value = match &node.kind {
                NodeKind::Binary { kind, element } => {
                    elementwise::binary(&mut builder, kind, element, operands[0], operands[1])
                }
                NodeKind::Unary { kind, element } => {
                    elementwise::unary(&mut builder, kind, element, operands[0])
                }
                NodeKind::Broadcast => operands[0],
                NodeKind::Region { op } => inline_region(&mut builder, *op, &operands),
            };
            values.push(value);
        }
        let yielded = value_of(&values, self.top);
        tensor::yield_(&mut builder, yielded);
        module.insert_before(root, map.op);
        module.replace_all_uses(module.result(root, 0), map.result);
        module.erase_op(root);
        for &op in &self.absorbed {
            module.erase_op(op);
        }
        module.regions[scratch_region].blocks.clear();
        map.op
    }
}

/// Copies the region of `op` (a `tensor.map` or `tensor.map_reduce`) at the builder, its
/// block arguments standing for `operands`; returns the value it yields.
pub(crate) fn inline_region(builder: &mut Builder<'_>, op: OpId, operands: &[ValueId]) -> ValueId {
    let block = builder.block();
    let module = &mut *builder.module;
    let region = module.ops[op].regions[0];
    let body = module.regions[region].blocks[0];
    let arguments = module.blocks[body].arguments.clone();
    let mut cloner = Cloner::new(arguments.into_iter().zip(operands.iter().copied()).collect());
    let ops = module.blocks[body].ops.clone();
    let (terminator, rest) = ops.split_last().expect("a map region ends in tensor.yield");
    for &nested in rest {
        let copy = cloner.clone_op(module, nested);
        module.append_op(block, copy);
    }
    let yielded = module.ops[*terminator].operands[0];
    cloner.values.get(&yielded).copied().unwrap_or(yielded)
}

/// What kind of root `op` can be: its scalar form exists.
fn root_kind(module: &Module, op: OpId) -> Option<()> {
    let data = &module.ops[op];
    match data.name() {
        "tensor.reduce" => {
            let element = module.value_type(data.results[0]);
            elementwise::supports_reduce(string_attribute(module, op, "kind")?, element)
                .then_some(())
        }
        "tensor.map_reduce" => {
            let element = module.value_type(data.results[0]);
            (region_is_elementwise(module, op)
                && elementwise::supports_reduce(string_attribute(module, op, "kind")?, element))
            .then_some(())
        }
        _ => elementwise_node(module, op).map(|_| ()),
    }
}

fn string_attribute<'m>(module: &'m Module, op: OpId, name: &str) -> Option<&'m str> {
    match module.ops[op].attributes.get(name) {
        Some(Attribute::String(value)) => Some(value),
        _ => None,
    }
}

/// The element type of a tensor value, or the type of a scalar.
fn element_type(module: &Module, value: ValueId) -> Type {
    let ty = module.value_type(value);
    ty.tensor_element().unwrap_or(ty).clone()
}

/// The node an elementwise op makes, if it is one with a scalar form.
fn elementwise_node(module: &Module, op: OpId) -> Option<NodeKind> {
    let data = &module.ops[op];
    match data.name() {
        "tensor.binary" => {
            let kind = string_attribute(module, op, "kind")?;
            let element = element_type(module, *data.operands.first()?);
            elementwise::supports_binary(kind, &element)
                .then(|| NodeKind::Binary { kind: kind.to_string(), element })
        }
        "tensor.unary" => {
            let kind = string_attribute(module, op, "kind")?;
            let element = element_type(module, *data.operands.first()?);
            elementwise::supports_unary(kind, &element)
                .then(|| NodeKind::Unary { kind: kind.to_string(), element })
        }
        "tensor.broadcast" => Some(NodeKind::Broadcast),
        "tensor.map" => region_is_elementwise(module, op).then_some(NodeKind::Region { op }),
        _ => None,
    }
}

/// A map region that may be copied anywhere: one block of ops without regions, each
/// `Pure` or `math.ipowi` (which may panic, like the `tensor.binary {pow}` it comes from).
fn region_is_elementwise(module: &Module, op: OpId) -> bool {
    let Some(&region) = module.ops[op].regions.first() else { return false };
    let blocks = &module.regions[region].blocks;
    blocks.len() == 1
        && module.blocks[blocks[0]].ops.iter().all(|&nested| {
            let data = &module.ops[nested];
            data.regions.is_empty()
                && (data.definition.has_trait(Trait::Pure) || data.name() == "math.ipowi")
        })
}

impl Planner<'_> {
    /// Plans the root: the value its region yields and what the new op is.
    fn root(&mut self) -> Option<(Operand, Output)> {
        let module = self.module;
        let data = &module.ops[self.root];
        match data.name() {
            "tensor.reduce" => {
                let kind = string_attribute(module, self.root, "kind")?.to_string();
                let result = module.value_type(data.results[0]).clone();
                let top = self.operand(data.operands[0]);
                Some((top, Output::MapReduce { kind, result }))
            }
            "tensor.map_reduce" => {
                let kind = string_attribute(module, self.root, "kind")?.to_string();
                let result = module.value_type(data.results[0]).clone();
                let top = self.node(self.root, NodeKind::Region { op: self.root });
                Some((top, Output::MapReduce { kind, result }))
            }
            _ => {
                let kind = elementwise_node(module, self.root)?;
                let element = element_type(module, data.results[0]);
                let top = self.node(self.root, kind);
                Some((top, Output::Map(element)))
            }
        }
    }

    /// The node of op `op` (the root or an absorbed producer), its operands planned first.
    fn node(&mut self, op: OpId, kind: NodeKind) -> Operand {
        let operands = self.module.ops[op].operands.clone();
        let planned: Vec<Operand> = match kind {
            NodeKind::Broadcast => vec![self.operand(operands[0]), self.leaf(operands[1])],
            _ => operands.iter().map(|&value| self.operand(value)).collect(),
        };
        self.nodes.push(Node { kind, operands: planned });
        Operand::Node(self.nodes.len() - 1)
    }

    fn leaf(&mut self, value: ValueId) -> Operand {
        let index = match self.leaves.iter().position(|&leaf| leaf == value) {
            Some(index) => index,
            None => {
                self.leaves.push(value);
                self.leaves.len() - 1
            }
        };
        Operand::Leaf(index)
    }

    /// A scalar as it is; a tensor made by an absorbable producer as that producer's node;
    /// any other tensor as a leaf.
    fn operand(&mut self, value: ValueId) -> Operand {
        if self.module.value_type(value).tensor_element().is_none() {
            return Operand::Scalar(value);
        }
        if let Some(&planned) = self.memo.get(&value) {
            return planned;
        }
        let planned = match self.absorbable_producer(value) {
            Some((producer, kind)) => {
                self.absorbed.push(producer);
                self.node(producer, kind)
            }
            None => self.leaf(value),
        };
        self.memo.insert(value, planned);
        planned
    }

    fn absorbable_producer(&self, value: ValueId) -> Option<(OpId, NodeKind)> {
        if self.absorb == Absorb::Nothing {
            return None;
        }
        let ValueDefinition::OpResult { op: producer, .. } = self.module.values[value].definition
        else {
            return None;
        };
        let position = *self.positions.get(&producer)?;
        if self.barrier.is_some_and(|barrier| position <= barrier) {
            return None;
        }
        let users = self.users.get(&value)?;
        let only_fused_users =
            users.iter().all(|&user| user == self.root || self.absorbed.contains(&user));
        // A value giving a `tensor.broadcast` its shape is a leaf there: it must stay.
        let gives_a_shape = users.iter().any(|&user| {
            let data = &self.module.ops[user];
            data.name() == "tensor.broadcast" && data.operands.get(1) == Some(&value)
        });
        if !only_fused_users || gives_a_shape {
            return None;
        }
        elementwise_node(self.module, producer).map(|kind| (producer, kind))
    }

    /// The last op between the earliest absorbed producer and the root that is neither
    /// absorbed nor transparent: its position.
    fn blocking_op(&self, block: BlockId) -> Option<usize> {
        let module = self.module;
        let earliest = self.absorbed.iter().map(|op| self.positions[op]).min()?;
        let root = self.positions[&self.root];
        let ops = &module.blocks[block].ops;
        (earliest + 1..root).rev().find(|&position| {
            let op = ops[position];
            !self.absorbed.contains(&op) && !is_transparent(module, op)
        })
    }
}

/// Neither observes nor changes anything a chain's ops do, and cannot trap.
fn is_transparent(module: &Module, op: OpId) -> bool {
    let data = &module.ops[op];
    if !data.regions.is_empty() {
        return false;
    }
    TRANSPARENT.contains(&data.name()) || (is_pure(module, op) && !may_trap(module, op))
}
