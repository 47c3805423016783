//! The passes, one module each. Each is a unit struct implementing [`Pass`]; the registry
//! by name is `pipelines.rs`.
//!
//! [`Pass`]: crate::Pass

pub mod bounds_check_elim;
pub mod canonicalize;
pub mod cse;
pub mod dce;
pub mod drop_overflow_checks;
pub mod inline;
pub mod inline_recursive;
pub mod licm;
pub mod loop_versioning;
pub mod py_fold_conversions;
pub mod scf_to_cf;
pub mod tail_recursion_elim;
pub mod tensor_fusion;
pub mod tensor_to_loops;
