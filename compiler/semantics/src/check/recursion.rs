//! E0110: a struct that contains itself by value, which would have no finite size.

use mlc_diagnostics::{codes, Diagnostic, Label};
use rustc_hash::FxHashSet;

use crate::db::Db;
use crate::item_tree::StructId;
use crate::signatures::struct_data;
use crate::ty::Ty;

/// E0110 when a struct contains itself by value (directly, or through other structs and
/// tuples); reported on the struct's first field that leads back to it.
pub fn recursion_diagnostic(db: &dyn Db, strukt: StructId) -> Option<Diagnostic> {
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
                            "`{}` holds {} by value",
                            field.name,
                            crate::pretty::with_article(&field.ty.display(db).to_string())
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
        Ty::Tuple(elements) => {
            elements.iter().find_map(|element| reaches(db, element, target, visited))
        }
        _ => None,
    }
}
