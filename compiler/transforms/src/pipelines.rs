//! The passes by name, and the named pipelines.
//!
//! `default` is what every build runs (`-O0` runs only it): clean up, inline small functions
//! and clean up what inlining exposed, hoist invariants, fuse tensor expressions and lower them to loops,
//! drop the bounds checks those loops make provably redundant, copy innermost loops whose
//! list indices one test before the loop can prove in range, clean up once more, fold the
//! conversions around Python calls into the calls, and lower
//! structured control flow last, since every pass before it works on `scf`.
//!
//! `optimize` is what optimized builds (`-O1` and up) run: first make integer arithmetic
//! wrap as those builds do (so no pass needs to keep an overflow panic), then `default`,
//! then the passes on recursion, which work on the multi-block form: loops for tail calls,
//! then copies of small recursive functions into themselves.

use crate::pass_manager::{Pass, PassManager};
use crate::passes::bounds_check_elim::BoundsCheckElim;
use crate::passes::canonicalize::Canonicalize;
use crate::passes::cse::CommonSubexpressionElimination;
use crate::passes::dce::DeadCodeElimination;
use crate::passes::drop_overflow_checks::DropOverflowChecks;
use crate::passes::inline::Inline;
use crate::passes::inline_recursive::InlineRecursive;
use crate::passes::licm::LoopInvariantCodeMotion;
use crate::passes::loop_versioning::LoopVersioning;
use crate::passes::py_fold_conversions::FoldPythonConversions;
use crate::passes::scf_to_cf::ScfToCf;
use crate::passes::tail_recursion_elim::TailRecursionElim;
use crate::passes::tensor_fusion::TensorFusion;
use crate::passes::tensor_to_loops::TensorToLoops;

/// Every pass, by name (the order `mlc-opt --list-passes` shows them in).
pub fn all_passes() -> Vec<Box<dyn Pass>> {
    vec![
        Box::new(BoundsCheckElim),
        Box::new(Canonicalize),
        Box::new(CommonSubexpressionElimination),
        Box::new(DeadCodeElimination),
        Box::new(DropOverflowChecks),
        Box::new(Inline),
        Box::new(InlineRecursive),
        Box::new(LoopInvariantCodeMotion),
        Box::new(LoopVersioning),
        Box::new(FoldPythonConversions),
        Box::new(ScfToCf),
        Box::new(TailRecursionElim),
        Box::new(TensorFusion),
        Box::new(TensorToLoops),
    ]
}

/// The pass named `name` (`cse`, `scf-to-cf`).
pub fn pass_by_name(name: &str) -> Option<Box<dyn Pass>> {
    all_passes().into_iter().find(|pass| pass.name() == name)
}

/// The names of the pipelines, for `--list-passes` and error messages.
pub const PIPELINE_NAMES: &[&str] = &["default", "optimize"];

/// What every build runs.
const DEFAULT: &[&str] = &[
    "canonicalize",
    "cse",
    "inline",
    "canonicalize",
    "licm",
    "tensor-fusion",
    "tensor-to-loops",
    "bounds-check-elim",
    "loop-versioning",
    "canonicalize",
    "cse",
    "py-fold-conversions",
    "dce",
    "scf-to-cf",
];

/// The passes of the pipeline named `name`, in order.
pub fn pipeline(name: &str) -> Option<Vec<Box<dyn Pass>>> {
    let names: Vec<&str> = match name {
        "default" => DEFAULT.to_vec(),
        "optimize" => ["drop-overflow-checks"]
            .into_iter()
            .chain(DEFAULT.iter().copied())
            .chain(["tail-recursion-elim", "inline-recursive"])
            .collect(),
        _ => return None,
    };
    Some(
        names.iter().map(|name| pass_by_name(name).expect("pipelines name known passes")).collect(),
    )
}

/// A pass manager running the pipeline named `name`.
pub fn pipeline_manager(name: &str) -> Option<PassManager> {
    let mut manager = PassManager::new();
    for pass in pipeline(name)? {
        manager.add(pass);
    }
    Some(manager)
}
