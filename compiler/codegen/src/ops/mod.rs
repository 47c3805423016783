//! The lowering of each op to the low form, by family. `lower_op` either keeps an op (it is
//! already low: arithmetic, branches, aggregates, slots) or emits its replacement and
//! erases it. An `Err` names an op that cannot be compiled yet.

mod arith;
mod builtins;
mod containers;
mod list_in_place;
mod python;
mod rt;
mod tensors;

use mlc_ir::OpId;

use crate::emitter::Emitter;
use crate::function::Context;

pub fn lower_op(emitter: &mut Emitter<'_>, op: OpId, context: &Context<'_>) -> Result<(), String> {
    let name = emitter.module.ops[op].name();
    let (dialect, _) = name.split_once('.').unwrap_or((name, ""));
    match dialect {
        "arith" | "math" => arith::lower(emitter, op, context.options),
        "func" => {
            let raises = match name {
                "func.call" => match emitter.module.ops[op].attributes.get("callee") {
                    Some(mlc_ir::Attribute::SymbolRef(callee)) => {
                        context.raising_functions.contains(callee)
                    }
                    _ => false,
                },
                _ => false,
            };
            emitter.keep(op);
            if raises {
                emitter.check_raised();
            }
            Ok(())
        }
        "cf" | "agg" | "ll" => {
            emitter.keep(op);
            Ok(())
        }
        "mem" => containers::lower(emitter, op),
        "rt" => rt::lower(emitter, op),
        "tensor" => tensors::lower(emitter, op),
        "py" => python::lower(emitter, op, context),
        "gpu" => Err(format!(
            "`{name}`: compiling GPU kernels and launches is not supported yet by the CPU back ends"
        )),
        _ => Err(format!("`{name}` has no lowering to the low form")),
    }
}

/// Whether the `rt.builtin` or op named `name` may raise (rather than panic): the runtime
/// sets the pending error and generated code checks for it.
pub fn builtin_raises(name: &str) -> bool {
    builtins::raises(name)
}
