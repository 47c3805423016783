//! The semantic database: name resolution and type checking on salsa, incremental.
//!
//! Source files are inputs ([`SourceFile`]), split into top-level chunks that are inputs
//! too ([`source_chunks`]): each is parsed on its own, and an edit rewrites only the chunks
//! it reaches ([`Database::set_file_text`]). The [`item_tree`] gives items stable ids from
//! what chunks declare; [`scope`] resolves names and imports; [`signatures`] describes items
//! as other code sees them; [`infer`] checks one body at a time. [`check_file`] gathers every
//! diagnostic of a file, memoized per chunk, with absolute spans.
//!
//! The layering is what makes editing cheap: a body edit re-parses that chunk and re-infers
//! that body; the item tree, the module scope and every other chunk's results do not depend
//! on it, so nothing else re-runs, and durabilities let salsa know that without re-checking
//! them one by one (see [`db`]).

pub mod builtins;
pub mod check;
pub mod db;
pub mod infer;
pub mod item_tree;
pub mod lower_type;
pub mod pretty;
mod resplit;
pub mod scope;
pub mod signatures;
pub mod source_chunks;
pub mod stdlib;
pub mod suggest;
pub mod ty;

pub use builtins::BuiltinFunction;
pub use check::{check_file, CheckMode};
pub use db::{Database, Db, SourceFile};
pub use infer::{
    device_compatibility, infer_function, ArgumentSource, AttributeResolution, Binding, BindingId,
    BindingKind, CallResolution, CallTarget, Coercion, IndexResolution, InferenceResult,
    NameResolution, OperatorResolution,
};
pub use item_tree::{function_body, function_chunk, ConstId, FunctionId, ItemId, StructId};
pub use scope::{module_scope, ScopeEntry};
pub use signatures::{const_data, function_signature, struct_data, FunctionSignature, StructData};
pub use source_chunks::Chunk;
pub use ty::{Bound, FloatTy, IntTy, Ty};

/// The functions and methods of a file, in source order (for listings and IR lowering).
pub fn file_functions(db: &dyn Db, file: SourceFile) -> Vec<FunctionId> {
    item_tree::item_tree(db, file)
        .chunks
        .iter()
        .flat_map(|entry| entry.ids.iter())
        .flat_map(|id| match id {
            ItemId::Function(function) => vec![*function],
            ItemId::Struct { methods, .. } => methods.clone(),
            _ => Vec::new(),
        })
        .collect()
}
