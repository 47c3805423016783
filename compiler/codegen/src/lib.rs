//! From the optimized IR to the low form the back ends translate (`docs/runtime.md`).
//!
//! After the default pipeline a module still holds runtime-object ops (`mem.list_*`, `rt.*`,
//! `tensor.*`), `rt.try` regions, Python's floor arithmetic and overflow-checked ops.
//! [`lower_module`] rewrites each function (`function.rs`, the per-op rules in `ops/`): every
//! runtime operation becomes an `ll.call` of a runtime function, values of any type reach the
//! runtime by pointer with a type descriptor (`descriptor.rs`), raised errors unwind through
//! explicit checks (`mlc_err_pending`) to a flattened `try`'s landing pad or out of the
//! function, `ownership/` inserts the retains and releases of reference counting, and `entry.rs` adds the C `main` that starts the runtime and calls the
//! program's `main`.

mod abi_check;
mod descriptor;
mod emitter;
mod entry;
mod function;
mod ops;
mod ownership;
mod raising;

use mlc_ir::{Location, Module};

pub use abi_check::check_runtime_calls;
pub use descriptor::descriptor;

/// How to lower.
#[derive(Clone, Debug, Default)]
pub struct CodegenOptions {
    /// Integer `+ - *` marked `{checked = true}` panic on overflow (unoptimized builds).
    pub overflow_checks: bool,
    /// The folder of the program's source file (absolute), which `from python import`
    /// puts first on `sys.path` so the `.py` files next to the program import.
    pub source_folder: Option<String>,
}

/// An op the back ends cannot compile (yet), with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Unsupported {
    pub message: String,
    pub location: Option<Location>,
}

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(location) => {
                write!(
                    f,
                    "{}:{}:{}: {}",
                    location.file, location.line, location.column, self.message
                )
            }
            None => f.write_str(&self.message),
        }
    }
}

/// Lowers `module` (verified, after the default pipeline) to the low form and adds the
/// entry point. Without a `main` function there is no entry point (a library of functions).
pub fn lower_module(module: &mut Module, options: &CodegenOptions) -> Result<(), Vec<Unsupported>> {
    let raising_functions = raising::raising_functions(module);
    let context = function::Context { options, raising_functions: &raising_functions };
    let mut unsupported = Vec::new();
    let functions: Vec<_> = module.blocks[module.body()]
        .ops
        .iter()
        .copied()
        .filter(|&op| matches!(module.ops[op].name(), "func.func" | "gpu.func"))
        .collect();
    for function in functions {
        if module.ops[function].name() == "gpu.func" {
            unsupported.push(Unsupported {
                message: "compiling `@kernel` functions is not supported yet by the CPU back ends"
                    .to_string(),
                location: module.ops[function].location.clone(),
            });
            continue;
        }
        function::lower_function(module, function, &context, &mut unsupported);
        if unsupported.is_empty() {
            ownership::insert_reference_counting(module, function);
        }
    }
    if !unsupported.is_empty() {
        return Err(unsupported);
    }
    entry::add_entry(module).map_err(|message| vec![Unsupported { message, location: None }])
}
