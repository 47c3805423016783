//! E0101 (unknown module) and E0102 (unknown import): the problems of one import statement.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};
use mlc_syntax::ast;

use crate::db::{Db, SourceFile};
use crate::scope::{module_scope, resolve_import, ScopeEntry};
use crate::stdlib::{module_names, stdlib_module};
use crate::suggest;

/// E0101 / E0102 for an import (chunk-relative).
pub fn import_diagnostics(db: &dyn Db, import: &ast::Import, out: &mut Vec<Diagnostic>) {
    let bound = resolve_import(db, import);
    match &import.kind {
        ast::ImportKind::Module { path, .. } => {
            if bound.iter().all(|(_, entry)| *entry != ScopeEntry::Unresolved) {
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
            let Some(module_span) =
                module.first().map(|first| first.span.cover(module[module.len() - 1].span))
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
                let imported_text: Vec<&str> =
                    imported.path.iter().map(|name| name.text.as_str()).collect();
                let found = matches!(imported_text.as_slice(), [name] if scope.get(name).is_some());
                if found {
                    continue;
                }
                let joined = imported_text.join(".");
                out.push(unknown_import(
                    db,
                    &module_text.join("."),
                    file,
                    &joined,
                    imported.span,
                    "",
                ));
            }
        }
    }
}

/// E0102: `module` (the standard library `file`) has no `name`. The hint suggests a close
/// name, written after `prefix` (`math.` for an attribute, nothing for a `from` import), and
/// lists what the module provides.
pub fn unknown_import(
    db: &dyn Db,
    module: &str,
    file: SourceFile,
    name: &str,
    span: Span,
    prefix: &str,
) -> Diagnostic {
    let scope = module_scope(db, file);
    let provided = || scope.entries.keys().map(String::as_str).filter(|n| !n.starts_with('_'));
    let listed = suggest::list_names(provided(), 40);
    let diagnostic = Diagnostic::error(
        codes::UNKNOWN_IMPORT,
        format!("the module `{module}` has no `{name}`"),
        Label::new(span, "not in the module"),
    );
    match suggest::closest_or_abbreviated(name, provided()) {
        Some(suggestion) => diagnostic
            .with_note(format!("`{module}` provides {listed}"))
            .with_hint(format!("did you mean `{prefix}{suggestion}`?")),
        None => diagnostic.with_hint(format!("use one of the names `{module}` provides: {listed}")),
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
        diagnostic =
            diagnostic.with_hint(format!("for a Python module, write `from python import {name}`"));
    }
    diagnostic.with_note(format!(
        "the standard library modules are {}",
        suggest::list_names(module_names(), 8)
    ))
}
