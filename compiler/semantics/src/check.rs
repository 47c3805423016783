//! `check_file`: every diagnostic of a file, syntax and semantic, with absolute spans.
//!
//! The work is memoized per chunk and per module, chunk-relative:
//! - [`chunk_diagnostics`]: a chunk's syntax errors, the problems of its items' signatures,
//!   struct fields and constants, the inference of each body, its imports;
//! - [`module_diagnostics`]: duplicate top-level names, which span chunks;
//! - [`main_diagnostics`]: the entry point (`fn main`) of a program.
//!
//! `check_file` is not a query: it fetches those of each block of 64 chunks
//! ([`block_diagnostics`]) and shifts each diagnostic by its chunk's offset, the only place
//! offsets are read. An edit that moves code changes no query's input, and after an edit
//! inside a body only that chunk's diagnostics (and those of the callers, if its signature
//! changed) are recomputed.

pub(crate) mod imports;
mod module_level;
mod recursion;

use std::sync::Arc;

use mlc_diagnostics::Diagnostic;

use crate::db::{Db, SourceFile};
use crate::infer::infer_function;
use crate::item_tree::{chunk_item_ids, FunctionId, ItemId};
use crate::signatures::{const_data, function_signature, struct_data};
use crate::source_chunks::{chunk_items, parse_chunk, Chunk, DeclaredItem};

pub use module_level::{main_diagnostics, module_diagnostics};

/// Whether a file is a whole program (it needs `fn main()`) or a library.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CheckMode {
    /// Built or run: needs `fn main()` (E0400), which takes no parameters (E0401).
    Program,
    Library,
}

/// Every diagnostic of `file`, spans absolute, sorted by position.
pub fn check_file(db: &dyn Db, file: SourceFile, mode: CheckMode) -> Vec<Diagnostic> {
    let offsets = file.chunk_offsets(db);
    let mut diagnostics: Vec<Diagnostic> =
        module_diagnostics(db, file).iter().map(|placed| placed.absolute(offsets)).collect();
    for block in 0..offsets.len().div_ceil(BLOCK) {
        for (chunk, diagnostic) in block_diagnostics(db, file, block as u32).iter() {
            diagnostics.push(diagnostic.clone().shifted(offsets[*chunk as usize]));
        }
    }
    if mode == CheckMode::Program {
        diagnostics
            .extend(main_diagnostics(db, file).iter().map(|placed| placed.absolute(offsets)));
    }
    diagnostics.sort_by(|a, b| {
        (a.primary.span.start, a.primary.span.end, a.code).cmp(&(
            b.primary.span.start,
            b.primary.span.end,
            b.code,
        ))
    });
    diagnostics
}

/// How many consecutive chunks a [`block_diagnostics`] memo gathers.
const BLOCK: usize = 64;

/// The diagnostics of the chunks `block * 64 ..` of a file's chunk list (at most 64), each
/// with its chunk's index in the list, spans relative to that chunk.
///
/// Why blocks: fetching a memo costs salsa a few cache misses even when durability proves it
/// valid (about 0.4 µs measured), so fetching the memo of every chunk of a 4,000-chunk file
/// would cost more than the rest of a re-check. A block whose chunks are all unchanged is
/// valid by durability as a whole; an edit inside a body re-runs the one block holding it,
/// which fetches its 64 chunks' memos. `no_eq`: only `check_file`, not a query, reads it.
#[salsa::tracked(returns(clone), no_eq)]
pub fn block_diagnostics(db: &dyn Db, file: SourceFile, block: u32) -> Arc<[(u32, Diagnostic)]> {
    let chunks = file.chunks(db);
    let start = (block as usize * BLOCK).min(chunks.len());
    let end = (start + BLOCK).min(chunks.len());
    let mut diagnostics = Vec::new();
    for (index, &chunk) in (start..end).zip(&chunks[start..end]) {
        let local = chunk_diagnostics(db, chunk);
        diagnostics.extend(local.iter().map(|diagnostic| (index as u32, diagnostic.clone())));
    }
    diagnostics.into()
}

/// A diagnostic of a module-level check, whose labels may lie in different chunks: each
/// label's span is relative to the start of a chunk, given by its index in the file's chunk
/// list (the lists of a revision agree: these checks read the item tree, which reads it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedDiagnostic {
    pub diagnostic: Diagnostic,
    pub primary_chunk: u32,
    /// Parallel to `diagnostic.secondary`.
    pub secondary_chunks: Vec<u32>,
}

impl PlacedDiagnostic {
    /// The diagnostic with absolute spans, given the chunks' offsets. An empty file has no
    /// chunk: its diagnostics (only "no `main`") are at offset 0.
    fn absolute(&self, offsets: &[u32]) -> Diagnostic {
        let offset = |chunk: u32| offsets.get(chunk as usize).copied().unwrap_or(0);
        let mut diagnostic = self.diagnostic.clone();
        diagnostic.primary.span = diagnostic.primary.span.shifted(offset(self.primary_chunk));
        for (label, &chunk) in diagnostic.secondary.iter_mut().zip(&self.secondary_chunks) {
            label.span = label.span.shifted(offset(chunk));
        }
        diagnostic
    }
}

/// The diagnostics of one chunk (chunk-relative spans): its syntax errors, then per item the
/// problems of its signature or fields and of its body's inference, and of its imports.
///
/// Firewall: reads only memoized per-item results, so when it re-runs it does no analysis of
/// its own. It re-runs when its chunk's parse or one of those results changed. `no_eq`:
/// only `check_file`, which is not a query, reads it.
#[salsa::tracked(returns(clone), no_eq)]
pub fn chunk_diagnostics(db: &dyn Db, chunk: Chunk) -> Arc<[Diagnostic]> {
    let mut diagnostics = parse_chunk(db, chunk).syntax_errors.clone();
    let items = chunk_items(db, chunk);
    let ids = chunk_item_ids(db, chunk);
    for (item, id) in items.items.iter().zip(ids.iter()) {
        match (item, id) {
            (_, ItemId::Function(function)) => {
                function_diagnostics(db, *function, &mut diagnostics)
            }
            (_, ItemId::Struct { id, methods }) => {
                diagnostics.extend(struct_data(db, *id).diagnostics.iter().cloned());
                if let Some(diagnostic) = recursion::recursion_diagnostic(db, *id) {
                    diagnostics.push(diagnostic);
                }
                for method in methods {
                    function_diagnostics(db, *method, &mut diagnostics);
                }
            }
            (_, ItemId::Const(konst)) => {
                diagnostics.extend(const_data(db, *konst).diagnostics.iter().cloned())
            }
            (DeclaredItem::Import(import), _) => {
                imports::import_diagnostics(db, import, &mut diagnostics)
            }
            _ => {}
        }
    }
    diagnostics.into()
}

fn function_diagnostics(db: &dyn Db, function: FunctionId, out: &mut Vec<Diagnostic>) {
    out.extend(function_signature(db, function).diagnostics.iter().cloned());
    out.extend(infer_function(db, function).diagnostics.iter().cloned());
}
