//! A test-only dialect with unchecked branches and a plain region op, shared by the
//! integration tests: the core's generic rules are tested with ops whose own rules check
//! nothing.
#![allow(dead_code)]

use mlc_ir::{Module, OpDefinition, OpId, Registry, Trait};

fn no_rules(_: &Module, _: OpId) -> Result<(), String> {
    Ok(())
}

pub static BR: OpDefinition = OpDefinition {
    name: "test.br",
    summary: "unconditional branch",
    traits: &[Trait::Terminator],
    regions: 0,
    verify: no_rules,
};

pub static COND_BR: OpDefinition = OpDefinition {
    name: "test.cond_br",
    summary: "conditional branch on an i1",
    traits: &[Trait::Terminator],
    regions: 0,
    verify: no_rules,
};

/// An op with one region that sees the values around it (like `scf.execute_region`).
pub static SCOPE: OpDefinition = OpDefinition {
    name: "test.scope",
    summary: "one region, not isolated from above",
    traits: &[],
    regions: 1,
    verify: no_rules,
};

pub fn registry_with_test_dialect() -> Registry {
    let mut registry = Registry::with_all_dialects();
    registry.register(&[&BR, &COND_BR, &SCOPE]);
    registry
}
