//! Passes over the IR and the pass manager that runs them (see `docs/ir.md`, "Passes").
//!
//! A pass is a value implementing [`Pass`]: a name (what `mlc-opt --pass` and pipelines
//! call it) and a `run` over a whole module. The [`PassManager`] runs a list of passes,
//! verifying after each one when asked (the tests always ask) and printing the IR after
//! each one for `--print-ir-after-all`.

pub mod pass_manager;

pub use pass_manager::{Pass, PassError, PassManager};
