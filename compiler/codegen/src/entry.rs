//! The entry point: `func.func @"$entry"(i32, !ll.ptr) -> i32 {export = "main"}`, the C
//! `main` of an executable and what the JIT calls. It starts the runtime with the process's
//! arguments, calls the program's `main`, and returns what `mlc_rt_exit` says (which reports
//! an error left uncaught).

use mlc_ir::dialect::{arith, func, ll};
use mlc_ir::{Attribute, Builder, Module, Type};

pub const ENTRY_SYMBOL: &str = "$entry";

pub fn add_entry(module: &mut Module) -> Result<(), String> {
    let Some(main) = func::lookup(module, "main") else { return Ok(()) };
    let (inputs, results) = func::signature(module, main)?;
    if !inputs.is_empty() {
        return Err("`main` takes parameters; the entry point passes none (use `argv()`)".into());
    }
    let results = results.to_vec();
    let location = module.ops[main].location.clone();
    let (entry, block) =
        func::function(module, ENTRY_SYMBOL, &[Type::Int(32), Type::Ptr], &[Type::Int(32)]);
    module.ops[entry].attributes.insert("export".to_string(), Attribute::String("main".into()));
    module.ops[entry].location = location.clone();
    let arguments = module.blocks[block].arguments.clone();
    let mut builder = Builder::at_end(module, block);
    builder.set_location(location);
    ll::call(&mut builder, "mlc_rt_init", &arguments, None);
    let returned = func::call(&mut builder, "main", &[], &results);
    let code = match (results.first(), returned.first()) {
        (Some(Type::Int(64)), Some(&code)) => code,
        (Some(ty @ (Type::Int(_) | Type::UInt(_))), Some(&code)) => {
            let definition =
                if matches!(ty, Type::UInt(_)) { &arith::EXTUI } else { &arith::EXTSI };
            arith::cast(&mut builder, definition, code, Type::I64)
        }
        (None, _) => arith::constant_integer(&mut builder, 0, Type::I64),
        (Some(other), _) => {
            return Err(format!("`main` returns {other}; it may return nothing or an integer"))
        }
    };
    let status =
        ll::call(&mut builder, "mlc_rt_exit", &[code], Some(Type::Int(32))).expect("a result");
    func::return_(&mut builder, &[status]);
    Ok(())
}
