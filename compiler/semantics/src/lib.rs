//! The semantic database: name resolution and type checking on salsa, incremental.
//!
//! Source files are inputs ([`SourceFile`]). A file is split into top-level chunks
//! ([`source_chunks`]), each parsed on its own, so an edit re-parses one chunk. The
//! [`item_tree`] gives items stable ids; [`scope`] resolves names and imports;
//! [`signatures`] describes items as other code sees them; [`infer`] checks one body at a
//! time. [`check_file`] gathers every diagnostic of a file with absolute spans.
//!
//! The layering is what makes editing cheap: a body edit re-parses that chunk and re-infers
//! that body; the module scope and every signature come out equal, so nothing else re-runs.

pub mod builtins;
pub mod check;
pub mod db;
pub mod infer;
pub mod item_tree;
pub mod lower_type;
pub mod pretty;
pub mod scope;
pub mod signatures;
pub mod source_chunks;
pub mod stdlib;
pub mod suggest;
pub mod ty;

pub use check::{check_file, CheckMode};
pub use db::{Database, Db, SourceFile};
pub use infer::{
    device_compatibility, infer_function, ArgumentSource, AttributeResolution, Binding, BindingId,
    BindingKind, CallResolution, CallTarget, Coercion, IndexResolution, InferenceResult,
    NameResolution, OperatorResolution,
};
pub use item_tree::{function_body, ConstId, FunctionId, ItemId, StructId};
pub use scope::{module_scope, ScopeEntry};
pub use signatures::{const_data, function_signature, struct_data, FunctionSignature, StructData};
pub use ty::{Bound, FloatTy, IntTy, Ty};

/// The functions and methods of a file, in source order (for listings and IR lowering).
pub fn file_functions(db: &dyn Db, file: SourceFile) -> Vec<FunctionId> {
    item_tree::item_tree(db, file)
        .chunks
        .iter()
        .flat_map(|entry| &entry.ids)
        .flat_map(|id| match id {
            ItemId::Function(function) => vec![*function],
            ItemId::Struct { methods, .. } => methods.clone(),
            _ => Vec::new(),
        })
        .collect()
}
