//! Op definitions as data, and the registry the parser looks names up in.
//!
//! An op is not a Rust type: it is a [`OpDefinition`] (a `static`), and every op in a
//! [`Module`] points at its definition. A dialect is a module of such statics plus a list
//! of them ([`builtin::OPS`], [`func::OPS`], [`arith::OPS`]); adding a dialect is adding a
//! module and registering its list.

pub mod arith;
pub mod builtin;
pub mod func;

use std::collections::HashMap;

use crate::entity::OpId;
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
