//! mlc's intermediate representation, after MLIR: generic ops with a dialect-qualified
//! name, operands, typed results, attributes, regions and successor blocks, stored in
//! Cranelift-style arenas of `u32` ids (see `docs/ir.md`).
//!
//! - [`entity`]: the ids and arenas; [`module`]: the container and its edits;
//! - [`types`], [`attribute`]: plain values;
//! - [`dialect`]: op definitions as data, the registry, and the dialects of `docs/ir.md`
//!   (`builtin func arith math scf cf agg mem rt tensor gpu py`), each with its verifiers
//!   and constructors;
//! - [`printer`] and [`parser`]: the one generic textual form, which round-trips exactly;
//! - [`verifier`]: terminators, successors, dominance and each op's own rules.
//!
//! This crate knows nothing of the language's syntax, salsa or any back end.

pub mod attribute;
pub mod builder;
pub mod dialect;
pub mod entity;
pub mod module;
pub mod parser;
pub mod printer;
pub mod types;
pub mod verifier;

pub use attribute::Attribute;
pub use builder::Builder;
pub use dialect::{OpDefinition, Registry, Trait};
pub use entity::{BlockId, OpId, RegionId, ValueId};
pub use module::{Location, Module, OpState, Successor, ValueDefinition};
pub use parser::{parse_module, ParseError};
pub use printer::{print_module, print_op};
pub use types::{Dim, FloatKind, Type};
pub use verifier::{verify, VerifyError};
