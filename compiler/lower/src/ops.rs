//! Op definitions by name, from the registry of every dialect.
//!
//! Lowering names ops as the textual form does (`"scf.if"`): one lookup table rather than
//! a `use` of each dialect's statics keeps this crate's code readable as IR. A name missing
//! from the registry is a bug in lowering, caught by the tests that lower every example.

use std::sync::OnceLock;

use mlc_ir::{OpDefinition, Registry};

pub fn op(name: &str) -> &'static OpDefinition {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY
        .get_or_init(Registry::with_all_dialects)
        .get(name)
        .unwrap_or_else(|| panic!("lowering uses the unknown op `{name}`"))
}
