//! The IR types of the language's types, and the symbol names of function instances.

use mlc_ir::{FloatKind, Type};
use mlc_semantics::{Db, FloatTy, FunctionId, IntTy, Ty};

/// The IR type of a (substituted) language type; `None` for types without a value (`None`,
/// `Never`) and for those lowering never sees (`Error`, an unsubstituted parameter).
pub fn ir_type(db: &dyn Db, ty: &Ty) -> Option<Type> {
    Some(match ty {
        Ty::Int(int) => int_type(*int),
        Ty::Float(float) => Type::Float(float_kind(*float)),
        Ty::Bool => Type::I1,
        Ty::Str => Type::Str,
        Ty::Tuple(elements) => Type::Tuple(
            elements.iter().map(|element| ir_type(db, element)).collect::<Option<Vec<_>>>()?,
        ),
        Ty::List(element) => Type::List(Box::new(ir_type(db, element)?)),
        Ty::Dict(key, value) => {
            Type::Dict(Box::new(ir_type(db, key)?), Box::new(ir_type(db, value)?))
        }
        Ty::Tensor(element) => Type::Tensor(Box::new(ir_type(db, element)?)),
        Ty::PyObject => Type::PyObject,
        Ty::Struct(strukt) => Type::Struct(strukt.name(db).clone()),
        Ty::Exception => Type::RtError,
        Ty::None | Ty::Never | Ty::Iterator(_) | Ty::Param(_) | Ty::Error => return None,
    })
}

pub fn int_type(int: IntTy) -> Type {
    if int.is_signed() {
        Type::Int(int.bits())
    } else {
        Type::UInt(int.bits())
    }
}

pub fn float_kind(float: FloatTy) -> FloatKind {
    match float {
        FloatTy::F16 => FloatKind::F16,
        FloatTy::BF16 => FloatKind::BF16,
        FloatTy::F32 => FloatKind::F32,
        FloatTy::F64 => FloatKind::F64,
    }
}

/// The symbol of a function instance: `fib`, `Vec3.dot`, `clamp[i64]`,
/// `pair[List[f64], str]` (type arguments as the language writes them).
pub fn symbol(db: &dyn Db, function: FunctionId, type_args: &[Ty]) -> String {
    let mut name = function.display_name(db);
    if !type_args.is_empty() {
        let args: Vec<String> = type_args.iter().map(|ty| ty.display(db).to_string()).collect();
        name.push('[');
        name.push_str(&args.join(", "));
        name.push(']');
    }
    name
}
