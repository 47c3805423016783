//! Lowering of checked programs to the IR (see `docs/ir.md`, "Lowering").
//!
//! [`lower_function`] is a salsa query: one function instance (a generic function with its
//! type arguments: monomorphization) lowered from its checked body to a module of its own.
//! [`lower_file`] collects the instances a file needs, starting from its non-generic
//! functions, and assembles them with the layouts of the structs they use into one module.
//!
//! The code is split by what it lowers: [`function`] (the state and shared helpers),
//! `stmt`, `expr`, `operators`, `call`, `place` (assignment targets), `iterate` (`for` and
//! `sum`), `constant` (compile-time constants), `transplant` (copying ops between modules).
//! The input is a checked program: a construct the checker rejects is a bug here (a panic,
//! reported by the driver as an internal error), never a silent miscompilation.

mod call;
mod constant;
mod expr;
pub mod function;
mod iterate;
mod operators;
mod ops;
mod place;
mod program;
mod query;
mod stmt;
mod transplant;
pub mod types;

pub use program::lower_file;
pub use query::{lower_function, LoweredFunction};
