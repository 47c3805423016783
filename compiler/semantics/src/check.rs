//! `check_file`: every diagnostic of a file, syntax and semantic, with absolute spans.
//!
//! It walks the file's chunks and collects, per chunk, the memoized chunk-relative results
//! (syntax errors, signatures, struct data, inference of each body) and shifts them by the
//! chunk's offset; only the module-level checks (duplicate items, imports, recursive structs,
//! `main`) are computed here, each linear and cheap. It is not a query: its output changes
//! with every edit that moves code, so memoizing it would buy nothing.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::db::{Db, SourceFile};
use crate::infer::infer_function;
use crate::item_tree::{item_tree, ChunkItem, FunctionId, ItemId, StructId};
use crate::scope::{module_scope, resolve_import, ScopeEntry};
use crate::signatures::{const_data, function_signature, struct_data};
use crate::source_chunks::file_chunks;
use crate::stdlib::{module_names, stdlib_module};
use crate::suggest;
use crate::ty::Ty;

/// Whether a file is a whole program (it needs `fn main()`) or a library.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CheckMode {
    /// Built or run: needs `fn main()` (E0400), which takes no parameters (E0401).
    Program,
    Library,
}

/// Every diagnostic of `file`, spans absolute, sorted by position.
pub fn check_file(db: &dyn Db, file: SourceFile, mode: CheckMode) -> Vec<Diagnostic> {
    let chunks = file_chunks(db, file);
    let tree = item_tree(db, file);
    let mut diagnostics = Vec::new();
    let mut first_definitions: FxHashMap<&str, Span> = FxHashMap::default();
    let mut local: Vec<Diagnostic> = Vec::new();
    for (chunk, entry) in chunks.iter().zip(&tree.chunks) {
        let offset = chunk.offset;
        local.extend(entry.items.syntax_errors.iter().cloned());
        for (item, id) in entry.items.items.iter().zip(&entry.ids) {
            match (item, id) {
                (ChunkItem::Function(_), ItemId::Function(function)) => {
                    function_diagnostics(db, *function, &mut local)
                }
                (ChunkItem::Struct { .. }, ItemId::Struct { id, methods }) => {
                    local.extend(struct_data(db, *id).diagnostics.iter().cloned());
                    if let Some(diagnostic) = recursion_diagnostic(db, *id) {
                        local.push(diagnostic);
                    }
                    for method in methods {
                        function_diagnostics(db, *method, &mut local);
                    }
                }
                (ChunkItem::Const(_), ItemId::Const(konst)) => {
                    local.extend(const_data(db, *konst).diagnostics.iter().cloned())
                }
                (ChunkItem::Import(import), _) => import_diagnostics(db, import, &mut local),
                _ => {}
            }
            for_each_bound_name(item, |name| {
                let span = name.span.shifted(offset);
                match first_definitions.get(name.text.as_str()) {
                    Some(first) => diagnostics.push(
                        Diagnostic::error(
                            codes::DUPLICATE_DEFINITION,
                            format!("the name `{}` is defined more than once", name.text),
                            Label::new(span, "defined again here"),
                        )
                        .with_secondary(*first, "first defined here"),
                    ),
                    None => {
                        first_definitions.insert(&name.text, span);
                    }
                }
            });
        }
        diagnostics.extend(local.drain(..).map(|diagnostic| diagnostic.shifted(offset)));
    }
    if mode == CheckMode::Program {
        check_main(db, file, &chunks, &tree, &mut diagnostics);
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

fn function_diagnostics(db: &dyn Db, function: FunctionId, out: &mut Vec<Diagnostic>) {
    out.extend(function_signature(db, function).diagnostics.iter().cloned());
    out.extend(infer_function(db, function).diagnostics.iter().cloned());
}

/// Calls `f` with each module-level name an item binds.
fn for_each_bound_name<'a>(item: &'a ChunkItem, mut f: impl FnMut(&'a ast::Name)) {
    match item {
        ChunkItem::Function(function) => f(&function.name),
        ChunkItem::Struct { ast, .. } => f(&ast.name),
        ChunkItem::Const(konst) => f(&konst.name),
        ChunkItem::Import(import) => match &import.kind {
            ast::ImportKind::Module { path, alias } => {
                alias.as_ref().or(path.first()).into_iter().for_each(f)
            }
            ast::ImportKind::From { names, .. } => names
                .iter()
                .filter_map(|imported| imported.alias.as_ref().or(imported.path.last()))
                .for_each(f),
        },
        ChunkItem::Error => {}
    }
}

/// E0101 / E0102 for an import (chunk-relative).
fn import_diagnostics(db: &dyn Db, import: &ast::Import, out: &mut Vec<Diagnostic>) {
    let bound = resolve_import(db, import);
    match &import.kind {
        ast::ImportKind::Module { path, .. } => {
            if bound
                .iter()
                .all(|(_, entry)| *entry != ScopeEntry::Unresolved)
            {
                return;
            }
            let (Some(first), Some(last)) = (path.first(), path.last()) else {
                return;
            };
            let text: Vec<&str> = path.iter().map(|name| name.text.as_str()).collect();
            out.push(unknown_module(&text.join("."), first.span.cover(last.span)));
        }
        ast::ImportKind::From { module, names } => {
            let module_text: Vec<&str> = module.iter().map(|name| name.text.as_str()).collect();
            if module_text.first() == Some(&"python") {
                return;
            }
            let Some(module_span) = module
                .first()
                .map(|first| first.span.cover(module[module.len() - 1].span))
            else {
                return;
            };
            let file = match module_text.as_slice() {
                [name] => stdlib_module(db, name),
                _ => None,
            };
            let Some(file) = file else {
                out.push(unknown_module(&module_text.join("."), module_span));
                return;
            };
            let scope = module_scope(db, file);
            for imported in names {
                let imported_text: Vec<&str> = imported
                    .path
                    .iter()
                    .map(|name| name.text.as_str())
                    .collect();
                let found = matches!(imported_text.as_slice(), [name] if scope.get(name).is_some());
                if found {
                    continue;
                }
                let joined = imported_text.join(".");
                let mut diagnostic = Diagnostic::error(
                    codes::UNKNOWN_IMPORT,
                    format!("the module `{}` has no `{joined}`", module_text.join(".")),
                    Label::new(imported.span, "not in the module"),
                );
                if let Some(suggestion) =
                    suggest::closest(&joined, scope.entries.keys().map(String::as_str))
                {
                    diagnostic = diagnostic.with_hint(format!("did you mean `{suggestion}`?"));
                }
                out.push(diagnostic);
            }
        }
    }
}

fn unknown_module(name: &str, span: Span) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(
        codes::UNKNOWN_MODULE,
        format!("unknown module `{name}`"),
        Label::new(span, "not a standard library module"),
    );
    if name == "python" {
        diagnostic =
            diagnostic.with_hint("import Python modules one by one: `from python import numpy`");
    } else if let Some(suggestion) = suggest::closest(name, module_names()) {
        diagnostic = diagnostic.with_hint(format!("did you mean `{suggestion}`?"));
    } else {
        diagnostic = diagnostic.with_hint(format!(
            "for a Python module, write `from python import {name}`"
        ));
    }
    diagnostic.with_note(format!(
        "the standard library modules are {}",
        suggest::list_names(module_names(), 8)
    ))
}

/// E0110 when a struct contains itself by value (directly, or through other structs and
/// tuples); reported on the struct's first field that leads back to it.
fn recursion_diagnostic(db: &dyn Db, strukt: StructId) -> Option<Diagnostic> {
    let data = struct_data(db, strukt);
    for field in &data.fields {
        let mut visited = FxHashSet::default();
        if let Some(path) = reaches(db, &field.ty, strukt, &mut visited) {
            let mut chain = vec![data.name.clone()];
            chain.extend(path.iter().map(|id| id.name(db).clone()));
            return Some(
                Diagnostic::error(
                    codes::RECURSIVE_STRUCT,
                    format!("the struct `{}` contains itself", data.name),
                    Label::new(
                        field.span,
                        format!(
                            "`{}` holds a `{}` by value",
                            field.name,
                            field.ty.display(db)
                        ),
                    ),
                )
                .with_note(format!("containment: {}", chain.join(" -> ")))
                .with_hint(format!(
                    "hold other values in a `List`: `{}: List[{}]`",
                    field.name,
                    field.ty.display(db)
                )),
            );
        }
    }
    None
}

/// The struct path from `ty` to `target` through by-value containment, if there is one.
fn reaches(
    db: &dyn Db,
    ty: &Ty,
    target: StructId,
    visited: &mut FxHashSet<StructId>,
) -> Option<Vec<StructId>> {
    match ty {
        Ty::Struct(id) if *id == target => Some(vec![*id]),
        Ty::Struct(id) => {
            if !visited.insert(*id) {
                return None;
            }
            let data = struct_data(db, *id);
            data.fields.iter().find_map(|field| {
                reaches(db, &field.ty, target, visited).map(|mut path| {
                    path.insert(0, *id);
                    path
                })
            })
        }
        Ty::Tuple(elements) => elements
            .iter()
            .find_map(|element| reaches(db, element, target, visited)),
        _ => None,
    }
}

/// E0400 / E0401 (absolute spans).
fn check_main(
    db: &dyn Db,
    file: SourceFile,
    chunks: &[crate::source_chunks::Chunk],
    tree: &crate::item_tree::ItemTree,
    out: &mut Vec<Diagnostic>,
) {
    let scope = module_scope(db, file);
    let Some(ScopeEntry::Function(main)) = scope
        .get("main")
        .filter(|entry| matches!(entry, ScopeEntry::Function(f) if f.file(db) == file))
        .cloned()
    else {
        out.push(
            Diagnostic::error(
                codes::MISSING_MAIN,
                "this program has no `main` function",
                Label::new(Span::at(0), "no entry point"),
            )
            .with_hint("add the entry point: `fn main():` followed by the program's statements"),
        );
        return;
    };
    let offset = chunks
        .iter()
        .zip(&tree.chunks)
        .find(|(_, entry)| entry.ids.contains(&ItemId::Function(main)))
        .map_or(0, |(chunk, _)| chunk.offset);
    let signature = function_signature(db, main);
    let Some(ast) = crate::item_tree::function_body(db, main) else {
        return;
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
        if !matches!(
            signature.return_ty,
            Ty::None | Ty::Error | Ty::Int(crate::ty::IntTy::I64)
        ) {
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
    for (span, message, hint) in problems {
        out.push(
            Diagnostic::error(
                codes::INVALID_MAIN_SIGNATURE,
                message,
                Label::new(span.shifted(offset), "here"),
            )
            .with_hint(hint)
            .with_note("the entry point is `fn main():`"),
        );
    }
}
