//! Type descriptors: the strings that tell the runtime's generic functions (lists, dicts,
//! printing, formatting, tensors) the type of the values behind a pointer. The grammar is in
//! `docs/runtime.md`, "Type descriptors"; the runtime parses exactly what this writes.

use mlc_ir::dialect::builtin;
use mlc_ir::{Module, Type};

/// The descriptor of `ty`; an error names a type no runtime value can have.
pub fn descriptor(module: &Module, ty: &Type) -> Result<String, String> {
    let mut out = String::new();
    write(module, ty, &mut out)?;
    Ok(out)
}

fn write(module: &Module, ty: &Type, out: &mut String) -> Result<(), String> {
    match ty {
        Type::Int(1) => out.push('b'),
        Type::Int(bits) => out.push_str(&format!("i{bits}")),
        Type::UInt(bits) => out.push_str(&format!("u{bits}")),
        Type::Index => out.push_str("i64"),
        Type::Float(kind) => out.push_str(kind.name()),
        Type::Str => out.push('s'),
        Type::PyObject => out.push('P'),
        Type::RtError => out.push('E'),
        Type::TensorSpace => out.push('X'),
        Type::List(element) => {
            out.push_str("L[");
            write(module, element, out)?;
            out.push(']');
        }
        Type::Tensor(element) => {
            out.push_str("T[");
            write(module, element, out)?;
            out.push(']');
        }
        Type::Dict(key, value) => {
            out.push_str("D[");
            write(module, key, out)?;
            out.push(',');
            write(module, value, out)?;
            out.push(']');
        }
        Type::Tuple(elements) => {
            out.push('(');
            for (i, element) in elements.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(module, element, out)?;
            }
            out.push(')');
        }
        Type::Struct(name) => {
            if name.contains('|') {
                return Err(format!("struct name `{name}` cannot be described (it holds `|`)"));
            }
            let fields = builtin::struct_fields(module, name)?;
            let names = builtin::struct_field_names(module, name)?;
            out.push_str("S[");
            out.push_str(name);
            out.push('|');
            for (i, (field, ty)) in names.iter().zip(&fields).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(field);
                out.push(':');
                write(module, ty, out)?;
            }
            out.push(']');
        }
        Type::None | Type::Function { .. } | Type::MemRef { .. } | Type::Ptr => {
            return Err(format!("values of type {ty} have no runtime descriptor"))
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use mlc_ir::dialect::builtin;
    use mlc_ir::FloatKind;

    #[test]
    fn descriptors_follow_the_grammar() {
        let mut module = Module::new();
        builtin::struct_(
            &mut module,
            "Pair[i64]",
            &[("a", Type::I64), ("b", Type::Float(FloatKind::F32))],
        );
        let ty = Type::Dict(
            Box::new(Type::Str),
            Box::new(Type::List(Box::new(Type::Tuple(vec![
                Type::Int(1),
                Type::Struct("Pair[i64]".into()),
                Type::Tensor(Box::new(Type::UInt(8))),
            ])))),
        );
        assert_eq!(descriptor(&module, &ty).unwrap(), "D[s,L[(b,S[Pair[i64]|a:i64,b:f32],T[u8])]]");
        assert_eq!(descriptor(&module, &Type::Tuple(vec![])).unwrap(), "()");
        assert!(descriptor(&module, &Type::Struct("Missing".into())).is_err());
    }
}
