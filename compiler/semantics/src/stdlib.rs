//! The standard library: its modules' source, compiled into the binary, and how a module
//! name finds its file.
//!
//! The modules are written in the language itself (`stdlib/*.ml`) with `extern fn` and
//! `extern const` declarations whose bodies are built into the compiler. `Database::new`
//! registers them as ordinary [`SourceFile`]s, so they are parsed and resolved by the same
//! queries as user code. Inside them, the decorators `@device` (only inside `@kernel`s) and
//! `@host` (only outside) are allowed; constants of `gpu` are device-only.

use crate::db::{Db, SourceFile};

/// `(module name, source text)` of every standard library module.
pub const SOURCES: &[(&str, &str)] = &[
    ("math", include_str!("../../../stdlib/math.ml")),
    ("tensor", include_str!("../../../stdlib/tensor.ml")),
    ("gpu", include_str!("../../../stdlib/gpu.ml")),
    ("time", include_str!("../../../stdlib/time.ml")),
];

/// The module whose constants are GPU intrinsics (`thread_idx`, ...).
pub const GPU_MODULE: &str = "gpu";

/// The file of the standard library module `name`, if there is one.
pub fn stdlib_module(db: &dyn Db, name: &str) -> Option<SourceFile> {
    db.stdlib().modules(db).iter().find(|(module, _)| module == name).map(|(_, file)| *file)
}

/// The module name of a standard library file, or `None` for user files.
pub fn stdlib_module_name(db: &dyn Db, file: SourceFile) -> Option<String> {
    db.stdlib()
        .modules(db)
        .iter()
        .find(|(_, candidate)| *candidate == file)
        .map(|(name, _)| name.clone())
}

/// Names of every standard library module, for "did you mean" hints.
pub fn module_names() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(name, _)| *name)
}
