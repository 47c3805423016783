//! The checks of a whole module: duplicate top-level names (E0103), and a program's entry
//! point (E0400 no `main`, E0401 a `main` that takes parameters, is generic, returns
//! something other than an exit code, or is a kernel).
//!
//! Both are queries over the item tree (and `main`'s own signature), never over bodies, so
//! an edit inside any other function re-runs neither.

use std::sync::Arc;

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast;
use rustc_hash::FxHashMap;

use crate::check::PlacedDiagnostic;
use crate::db::{Db, SourceFile};
use crate::item_tree::{function_header, item_tree, ItemId};
use crate::scope::{module_scope, ScopeEntry};
use crate::signatures::function_signature;
use crate::source_chunks::DeclaredItem;
use crate::ty::{IntTy, Ty};

/// Every later definition of a top-level name, with the first one as a secondary label.
///
/// Equality: backdates unless a duplicate appears, goes or moves to another chunk.
#[salsa::tracked(returns(clone))]
pub fn module_diagnostics(db: &dyn Db, file: SourceFile) -> Arc<[PlacedDiagnostic]> {
    let tree = item_tree(db, file);
    let mut first_definitions: FxHashMap<&str, (u32, Span)> = FxHashMap::default();
    let mut diagnostics = Vec::new();
    for (index, entry) in tree.chunks.iter().enumerate() {
        let chunk = index as u32;
        for item in &entry.items.items {
            for_each_bound_name(item, |name| {
                match first_definitions.get(name.text.as_str()) {
                Some(&(first_chunk, first_span)) => diagnostics.push(PlacedDiagnostic {
                    diagnostic: Diagnostic::error(
                        codes::DUPLICATE_DEFINITION,
                        format!("the name `{}` is defined more than once", name.text),
                        Label::new(name.span, "defined again here"),
                    )
                    .with_secondary(first_span, "first defined here")
                    .with_hint(format!(
                        "rename one of the two definitions of `{}`, or remove this one if it repeats the first",
                        name.text
                    )),
                    primary_chunk: chunk,
                    secondary_chunks: vec![first_chunk],
                }),
                None => {
                    first_definitions.insert(&name.text, (chunk, name.span));
                }
            }
            });
        }
    }
    diagnostics.into()
}

/// Calls `f` with each module-level name an item binds.
fn for_each_bound_name<'a>(item: &'a DeclaredItem, f: impl FnMut(&'a ast::Name)) {
    match item {
        DeclaredItem::Import(import) => match &import.kind {
            ast::ImportKind::Module { path, alias } => {
                alias.as_ref().or(path.first()).into_iter().for_each(f)
            }
            ast::ImportKind::From { names, .. } => names
                .iter()
                .filter_map(|imported| imported.alias.as_ref().or(imported.path.last()))
                .for_each(f),
        },
        _ => item.name().into_iter().for_each(f),
    }
}

/// E0400 / E0401: the problems of a program's entry point.
///
/// Reads declarations only (the item tree, `main`'s header and signature): an edit inside a
/// body, `main`'s included, does not re-run it.
#[salsa::tracked(returns(clone))]
pub fn main_diagnostics(db: &dyn Db, file: SourceFile) -> Arc<[PlacedDiagnostic]> {
    let scope = module_scope(db, file);
    let Some(ScopeEntry::Function(main)) = scope
        .get("main")
        .filter(|entry| matches!(entry, ScopeEntry::Function(f) if f.file(db) == file))
        .cloned()
    else {
        let missing = Diagnostic::error(
            codes::MISSING_MAIN,
            "this program has no `main` function",
            Label::new(Span::at(0), "no entry point"),
        )
        .with_hint("add the entry point: `fn main():` followed by the program's statements");
        return Arc::new([PlacedDiagnostic {
            diagnostic: missing,
            primary_chunk: 0,
            secondary_chunks: Vec::new(),
        }]);
    };
    let chunk = item_tree(db, file)
        .chunks
        .iter()
        .position(|entry| entry.ids.contains(&ItemId::Function(main)))
        .unwrap_or(0) as u32;
    let signature = function_signature(db, main);
    let Some(ast) = function_header(db, main) else {
        return Arc::new([]);
    };
    let mut problems = Vec::new();
    if let (Some(first), Some(last)) = (ast.params.first(), ast.params.last()) {
        problems.push((
            first.span.cover(last.span),
            "`main` takes no parameters",
            "read command-line arguments with `argv()`",
        ));
    }
    if let (Some(first), Some(last)) = (ast.generics.first(), ast.generics.last()) {
        problems.push((
            first.span.cover(last.span),
            "`main` cannot be generic",
            "remove the type parameters",
        ));
    }
    if let Some(span) = signature.return_span {
        if !matches!(signature.return_ty, Ty::None | Ty::Error | Ty::Int(IntTy::I64)) {
            problems.push((
                span,
                "`main` returns nothing or an `i64` exit code",
                "remove the return type, or return an `i64`",
            ));
        }
    }
    if signature.flags.kernel {
        problems.push((
            ast.name.span,
            "`main` cannot be a `@kernel`",
            "launch kernels from `main` instead",
        ));
    }
    problems
        .into_iter()
        .map(|(span, message, hint)| PlacedDiagnostic {
            diagnostic: Diagnostic::error(
                codes::INVALID_MAIN_SIGNATURE,
                message,
                Label::new(span, "here"),
            )
            .with_hint(hint)
            .with_note("the entry point is `fn main():`"),
            primary_chunk: chunk,
            secondary_chunks: Vec::new(),
        })
        .collect()
}
