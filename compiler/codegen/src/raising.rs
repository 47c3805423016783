//! Which functions may return with an error raised: those that raise, call a runtime
//! function that raises, or call such a function, to a fixed point. A call of any other
//! function needs no check afterwards.

use std::collections::HashSet;

use mlc_ir::dialect::func;
use mlc_ir::{Attribute, Module};

use crate::ops::builtin_raises;

pub fn raising_functions(module: &Module) -> HashSet<String> {
    let functions: Vec<_> = module.blocks[module.body()]
        .ops
        .iter()
        .copied()
        .filter(|&op| module.ops[op].name() == "func.func")
        .collect();
    let mut raising = HashSet::new();
    loop {
        let before = raising.len();
        for &function in &functions {
            let Some(name) = func::name(module, function) else { continue };
            if raising.contains(name) {
                continue;
            }
            let mut raises = false;
            module.walk(function, &mut |op| {
                let data = &module.ops[op];
                raises |= match data.name() {
                    "rt.raise" | "mem.dict_get" => true,
                    "rt.builtin" => match data.attributes.get("name") {
                        Some(Attribute::String(builtin)) => builtin_raises(builtin),
                        _ => false,
                    },
                    "func.call" => match data.attributes.get("callee") {
                        Some(Attribute::SymbolRef(callee)) => raising.contains(callee),
                        _ => false,
                    },
                    name => name.starts_with("py."),
                };
            });
            if raises {
                raising.insert(name.to_string());
            }
        }
        if raising.len() == before {
            return raising;
        }
    }
}
