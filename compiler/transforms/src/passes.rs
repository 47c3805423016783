//! The passes, one module each. Each is a unit struct implementing [`Pass`]; the registry
//! by name is `pipelines.rs`.
//!
//! [`Pass`]: crate::Pass

pub mod canonicalize;
pub mod cse;
pub mod dce;
pub mod inline;
pub mod licm;
pub mod scf_to_cf;
