//! A whole file's IR: every function instance reachable from the file's own non-generic
//! functions, the layouts of the structs they use, and absolute source locations.

use mlc_ir::{Attribute, Module, OpState, Type};
use mlc_semantics::{
    file_functions, function_signature, struct_data, Db, FunctionId, SourceFile, StructId, Ty,
};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::ops::op;
use crate::query::lower_function;
use crate::transplant::Transplant;
use crate::types::ir_type;

/// Lowers a checked file (its diagnostics must hold no error).
pub fn lower_file(db: &dyn Db, file: SourceFile) -> Module {
    let mut pending: Vec<(FunctionId, Vec<Ty>)> = file_functions(db, file)
        .into_iter()
        .filter(|&function| {
            let signature = function_signature(db, function);
            !signature.is_generic() && !signature.flags.is_extern
        })
        .map(|function| (function, Vec::new()))
        .collect();
    pending.reverse();
    let mut seen = FxHashSet::default();
    let mut lowered = Vec::new();
    while let Some(instance) = pending.pop() {
        if !seen.insert(instance.clone()) {
            continue;
        }
        let function = lower_function(db, instance.0, instance.1.clone());
        for callee in function.callees.iter().rev() {
            if !seen.contains(callee) {
                pending.push(callee.clone());
            }
        }
        lowered.push(function);
    }

    let mut module = Module::new();
    let body = module.body();
    let mut structs: Vec<StructId> = Vec::new();
    for function in &lowered {
        for strukt in &function.structs {
            if !structs.contains(strukt) {
                structs.push(*strukt);
            }
        }
    }
    for strukt in structs {
        let data = struct_data(db, strukt);
        let fields: Vec<Attribute> = data
            .fields
            .iter()
            .map(|field| Attribute::Type(ir_type(db, &field.ty).unwrap_or(Type::None)))
            .collect();
        let names: Vec<Attribute> =
            data.fields.iter().map(|field| Attribute::String(field.name.clone())).collect();
        let layout = module.create_op(
            OpState::new(op("builtin.struct"))
                .attribute("sym_name", Attribute::String(data.name.clone()))
                .attribute("fields", Attribute::Array(fields))
                .attribute("field_names", Attribute::Array(names)),
        );
        module.append_op(body, layout);
    }

    let line_offsets = chunk_first_lines(db, file);
    for function in &lowered {
        let source_body = function.module.body();
        for &op in &function.module.blocks[source_body].ops {
            let copy = Transplant::new(&function.module).copy(&mut module, op);
            module.append_op(body, copy);
            let offset =
                function.chunk.and_then(|chunk| line_offsets.get(&chunk).copied()).unwrap_or(1);
            let mut nested = Vec::new();
            module.walk(copy, &mut |o| nested.push(o));
            for o in nested {
                if let Some(location) = &mut module.ops[o].location {
                    location.line += offset;
                }
            }
        }
    }
    module
}

/// The 1-based line each chunk of `file` starts on.
fn chunk_first_lines(db: &dyn Db, file: SourceFile) -> FxHashMap<mlc_semantics::Chunk, u32> {
    let text = file.text(db);
    let mut lines = FxHashMap::default();
    for (chunk, &offset) in file.chunks(db).iter().zip(file.chunk_offsets(db)) {
        let line = text.as_bytes()[..offset as usize].iter().filter(|&&b| b == b'\n').count();
        lines.insert(*chunk, line as u32 + 1);
    }
    lines
}
