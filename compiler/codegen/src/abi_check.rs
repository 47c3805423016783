//! Every `ll.call` of the low form checked against the runtime's own table of exported
//! functions (`mlc_runtime::exports()`): the callee exists, and the kinds of its arguments
//! and result match its Rust signature. A mismatch is a bug in the compiler or the runtime,
//! caught at compile time instead of as a crash at run time.

use mlc_ir::{Attribute, Module, Type};
use mlc_runtime::{Abi, Export};

/// The ABI kind a value of `ty` crosses a C call as.
fn abi_kind(ty: &Type) -> Option<Abi> {
    match ty {
        Type::Int(1) => Some(Abi::Bool),
        Type::Int(32) | Type::UInt(32) => Some(Abi::I32),
        Type::Int(64) | Type::UInt(64) | Type::Index => Some(Abi::I64),
        Type::Float(mlc_ir::FloatKind::F32) => Some(Abi::F32),
        Type::Float(mlc_ir::FloatKind::F64) => Some(Abi::F64),
        Type::Ptr | Type::MemRef { .. } => Some(Abi::Ptr),
        other if other.is_handle() => Some(Abi::Ptr),
        _ => None,
    }
}

fn describe(params: &[Option<Abi>], result: Option<Option<Abi>>) -> String {
    let params: Vec<String> = params.iter().map(|p| format!("{p:?}")).collect();
    format!("({}) -> {result:?}", params.join(", "))
}

/// One message per `ll.call` that does not match the runtime's exports.
pub fn check_runtime_calls(module: &Module) -> Vec<String> {
    let exports = mlc_runtime::exports();
    let mut problems = Vec::new();
    module.walk(module.top(), &mut |op| {
        let data = &module.ops[op];
        if data.name() != "ll.call" {
            return;
        }
        let Some(Attribute::String(callee)) = data.attributes.get("callee") else { return };
        let location = data
            .location
            .as_ref()
            .map(|l| format!("{}:{}:{}: ", l.file, l.line, l.column))
            .unwrap_or_default();
        let Some(export) = exports.iter().find(|export: &&Export| export.name == callee) else {
            problems.push(format!("{location}`{callee}` is not a function of the runtime"));
            return;
        };
        let params: Vec<Option<Abi>> =
            data.operands.iter().map(|&v| abi_kind(module.value_type(v))).collect();
        let result = data.results.first().map(|&r| abi_kind(module.value_type(r)));
        let expected_params: Vec<Option<Abi>> = export.params.iter().map(|&p| Some(p)).collect();
        if params != expected_params || result != export.result.map(Some) {
            problems.push(format!(
                "{location}`{callee}` is called as {} but the runtime defines it as {}",
                describe(&params, result),
                describe(&expected_params, export.result.map(Some))
            ));
        }
    });
    problems
}
