//! Module scopes: what each top-level name of a file refers to, imports resolved.
//!
//! A [`ModuleScope`] holds ids only (no spans, no chunk texts), so it is equal before and
//! after any edit that adds, removes or renames no item: it is the firewall between edits
//! of bodies and the inference of every other function.

use std::sync::Arc;

use mlc_syntax::ast;
use rustc_hash::FxHashMap;

use crate::db::{Db, SourceFile};
use crate::item_tree::{item_tree, ConstId, FunctionId, ItemId, StructId};
use crate::source_chunks::DeclaredItem;
use crate::stdlib::stdlib_module;

/// What a top-level name refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ScopeEntry {
    Function(FunctionId),
    Struct(StructId),
    Const(ConstId),
    /// A standard library module (`import math`).
    Module {
        name: String,
        file: SourceFile,
    },
    /// A Python module (`from python import numpy as np`): a PyObject.
    Python(String),
    /// An import that failed (reported once, where the import is); uses stay silent.
    Unresolved,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ModuleScope {
    pub entries: FxHashMap<String, ScopeEntry>,
}

impl ModuleScope {
    pub fn get(&self, name: &str) -> Option<&ScopeEntry> {
        self.entries.get(name)
    }
}

/// The names of a module. The first definition of a name wins (later ones are reported as
/// duplicates by `check_file`).
///
/// Equality: ids and names only, so it backdates after every edit that keeps the set of
/// items; inference of all functions depends on it. Like the item tree, it reads what chunks
/// declare, never their bodies: an edit inside a body does not re-run it.
#[salsa::tracked(returns(clone))]
pub fn module_scope(db: &dyn Db, file: SourceFile) -> Arc<ModuleScope> {
    let mut scope = ModuleScope::default();
    let tree = item_tree(db, file);
    for entry in &tree.chunks {
        for (item, id) in entry.items.items.iter().zip(entry.ids.iter()) {
            let entry = match (item, id) {
                (DeclaredItem::Function(_), ItemId::Function(id)) => ScopeEntry::Function(*id),
                (DeclaredItem::Struct { .. }, ItemId::Struct { id, .. }) => ScopeEntry::Struct(*id),
                (DeclaredItem::Const(_), ItemId::Const(id)) => ScopeEntry::Const(*id),
                (DeclaredItem::Import(import), _) => {
                    for (name, entry) in resolve_import(db, import) {
                        scope.entries.entry(name).or_insert(entry);
                    }
                    continue;
                }
                _ => continue,
            };
            let Some(name) = item.name() else { continue };
            if !scope.entries.contains_key(&name.text) {
                scope.entries.insert(name.text.clone(), entry);
            }
        }
    }
    Arc::new(scope)
}

/// What an import binds, as `(name, entry)` pairs; failures bind [`ScopeEntry::Unresolved`].
pub fn resolve_import(db: &dyn Db, import: &ast::Import) -> Vec<(String, ScopeEntry)> {
    match &import.kind {
        ast::ImportKind::Module { path, alias } => {
            let Some(bound) = alias.as_ref().or(path.first()).map(|name| name.text.clone()) else {
                return Vec::new();
            };
            let entry = match path.as_slice() {
                [name] => match stdlib_module(db, &name.text) {
                    Some(file) => ScopeEntry::Module { name: name.text.clone(), file },
                    None => ScopeEntry::Unresolved,
                },
                _ => ScopeEntry::Unresolved,
            };
            vec![(bound, entry)]
        }
        ast::ImportKind::From { module, names } => {
            let module_path: Vec<&str> = module.iter().map(|name| name.text.as_str()).collect();
            names
                .iter()
                .map(|imported| {
                    let bound = imported
                        .alias
                        .as_ref()
                        .or(imported.path.last())
                        .map(|name| name.text.clone());
                    let imported_path: Vec<&str> =
                        imported.path.iter().map(|name| name.text.as_str()).collect();
                    let entry = resolve_from_import(db, &module_path, &imported_path);
                    (bound.unwrap_or_default(), entry)
                })
                .collect()
        }
    }
}

fn resolve_from_import(db: &dyn Db, module: &[&str], imported: &[&str]) -> ScopeEntry {
    match module {
        ["python", rest @ ..] => {
            let mut path: Vec<&str> = rest.to_vec();
            path.extend_from_slice(imported);
            ScopeEntry::Python(path.join("."))
        }
        [name] => {
            let (Some(file), [imported]) = (stdlib_module(db, name), imported) else {
                return ScopeEntry::Unresolved;
            };
            match module_scope(db, file).get(imported) {
                Some(
                    entry
                    @ (ScopeEntry::Function(_) | ScopeEntry::Struct(_) | ScopeEntry::Const(_)),
                ) => entry.clone(),
                _ => ScopeEntry::Unresolved,
            }
        }
        _ => ScopeEntry::Unresolved,
    }
}
