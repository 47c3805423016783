//! Passes over the IR and the pass manager that runs them (see `docs/ir.md`, "Passes").
//!
//! A pass is a value implementing [`Pass`]: a name (what `mlc-opt --pass` and pipelines
//! call it) and a `run` over a whole module. The [`PassManager`] runs a list of passes,
//! verifying after each one when asked (the tests always ask) and printing the IR after
//! each one for `--print-ir-after-all`.
//!
//! - [`passes`]: one module per pass; [`pipelines`]: the registry of passes by name and the
//!   named pipelines (`default`);
//! - [`opt`]: `mlc-opt`, the command that runs passes over IR text (in-process for tests);
//! - [`effects`], [`rewrite`], [`dominance`]: what the passes share: which ops may be moved
//!   or erased, edits beyond `Module`'s own, dominator trees of multi-block regions.
//!
//! Passes know the dialects only through the contract of `docs/ir.md`: they recognise ops by
//! their dialect-qualified names and leave any op they do not know alone.

pub mod constants;
pub mod dominance;
pub mod effects;
pub mod opt;
pub mod pass_manager;
pub mod passes;
pub mod pipelines;
pub mod recursion;
pub mod rewrite;

pub use opt::{run_opt, OptOutput};
pub use pass_manager::{Pass, PassError, PassManager};
pub use pipelines::{all_passes, pass_by_name, pipeline};
