//! Op definitions as data, and the registry the parser looks names up in.
//!
//! An op is not a Rust type: it is a [`OpDefinition`] (a `static`), and every op in a
//! [`Module`] points at its definition. A dialect is a module of such statics plus a list
//! of them ([`builtin::OPS`], [`scf::OPS`]...), verifiers, and constructors over
//! [`Builder`](crate::Builder); adding a dialect is adding a module and registering its
//! list in `ALL_DIALECTS`. Shared verifier checks are in `checks`.

/// Defines an op's `static`: `op!(ADDI, "arith.addi", "summary", [Pure], verify_fn)`, with
/// `regions = n` before the verify fn for ops with regions.
macro_rules! op {
    ($static:ident, $name:literal, $summary:literal, [$($t:ident),*], $verify:expr) => {
        op!($static, $name, $summary, [$($t),*], regions = 0, $verify);
    };
    ($static:ident, $name:literal, $summary:literal, [$($t:ident),*], regions = $regions:literal, $verify:expr) => {
        pub static $static: $crate::dialect::OpDefinition = $crate::dialect::OpDefinition {
            name: $name,
            summary: $summary,
            traits: &[$($crate::dialect::Trait::$t),*],
            regions: $regions,
            verify: $verify,
        };
    };
}

pub mod agg;
pub mod arith;
pub mod builtin;
pub mod cf;
pub(crate) mod checks;
pub mod func;
pub mod gpu;
pub mod ll;
pub mod math;
pub mod mem;
pub mod py;
pub mod rt;
pub mod scf;
pub mod tensor;

use std::collections::HashMap;

use crate::entity::{BlockId, OpId, RegionId};
use crate::module::Module;
use crate::types::Type;

/// Properties the generic verifier and passes rely on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trait {
    /// Ends a block; the only kind of op that may.
    Terminator,
    /// No side effects: may be erased when unused, moved, deduplicated.
    Pure,
    /// Its regions see no value defined outside them.
    IsolatedFromAbove,
    /// Its regions' blocks need not end with a terminator (`builtin.module`).
    NoTerminator,
}

pub type VerifyFn = fn(&Module, OpId) -> Result<(), String>;

#[derive(Debug)]
pub struct OpDefinition {
    /// Dialect-qualified name, `arith.addi`.
    pub name: &'static str,
    pub summary: &'static str,
    pub traits: &'static [Trait],
    pub regions: usize,
    /// This op's own rules (operand and result types, attributes); the generic rules
    /// (terminators, dominance, successors) are checked by `verifier.rs` for every op.
    pub verify: VerifyFn,
}

impl OpDefinition {
    pub fn has_trait(&self, t: Trait) -> bool {
        self.traits.contains(&t)
    }
}

/// Every op the parser knows, by name.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    ops: HashMap<&'static str, &'static OpDefinition>,
}

impl Registry {
    pub fn new() -> Registry {
        Registry::default()
    }

    /// `builtin`, `func` and `arith`.
    pub fn with_core_dialects() -> Registry {
        let mut registry = Registry::new();
        registry.register(builtin::OPS);
        registry.register(func::OPS);
        registry.register(arith::OPS);
        registry
    }

    /// Every dialect of `docs/ir.md`.
    pub fn with_all_dialects() -> Registry {
        let mut registry = Registry::with_core_dialects();
        for ops in ALL_DIALECTS {
            registry.register(ops);
        }
        registry
    }

    pub fn register(&mut self, ops: &[&'static OpDefinition]) {
        for op in ops {
            self.ops.insert(op.name, op);
        }
    }

    pub fn get(&self, name: &str) -> Option<&'static OpDefinition> {
        self.ops.get(name).copied()
    }

    /// Every registered op, sorted by name.
    pub fn ops(&self) -> Vec<&'static OpDefinition> {
        let mut ops: Vec<_> = self.ops.values().copied().collect();
        ops.sort_by_key(|op| op.name);
        ops
    }
}

/// The dialects beyond the core ones, in `with_all_dialects`.
const ALL_DIALECTS: &[&[&OpDefinition]] = &[
    scf::OPS,
    cf::OPS,
    agg::OPS,
    mem::OPS,
    rt::OPS,
    math::OPS,
    tensor::OPS,
    gpu::OPS,
    py::OPS,
    ll::OPS,
];

/// A new region holding one block with arguments of `argument_types`: what the constructors
/// of region ops start from.
pub(crate) fn region_with_block(
    module: &mut Module,
    argument_types: &[Type],
) -> (RegionId, BlockId) {
    let region = module.create_region();
    let block = module.append_block(region, argument_types);
    (region, block)
}

/// Whether `op` may be erased when unused, moved or deduplicated: its definition is `Pure`
/// and it is not a `{checked = true}` arithmetic op (which panics on overflow).
pub fn is_pure(module: &Module, op: OpId) -> bool {
    let data = &module.ops[op];
    data.definition.has_trait(Trait::Pure)
        && !matches!(data.attributes.get("checked"), Some(crate::attribute::Attribute::Bool(true)))
}

// ---- small checks the dialects' verifiers share ----

pub(crate) fn expect_counts(
    module: &Module,
    op: OpId,
    operands: usize,
    results: usize,
) -> Result<(), String> {
    let data = &module.ops[op];
    if data.operands.len() != operands {
        return Err(format!("expects {operands} operands, found {}", data.operands.len()));
    }
    if data.results.len() != results {
        return Err(format!("expects {results} results, found {}", data.results.len()));
    }
    Ok(())
}

pub(crate) fn operand_types(module: &Module, op: OpId) -> Vec<&Type> {
    module.ops[op].operands.iter().map(|&v| module.value_type(v)).collect()
}

pub(crate) fn result_types(module: &Module, op: OpId) -> Vec<&Type> {
    module.ops[op].results.iter().map(|&v| module.value_type(v)).collect()
}
