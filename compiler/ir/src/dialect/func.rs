//! The `func` dialect: `func.func` (a named function with a body region and a
//! `function_type` attribute; an empty body is a declaration, bound to a runtime function by
//! an optional `extern` attribute), `func.call` (by symbol) and `func.return` (at any depth of
//! structured regions inside a `func.func` or `gpu.func`).

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{enclosing, is_op, symbol, Check};
use crate::dialect::{gpu, operand_types, result_types, scf, OpDefinition, Trait};
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

pub static FUNC: OpDefinition = OpDefinition {
    name: "func.func",
    summary: "a function: `sym_name` (string), `function_type` (type) and a body region",
    traits: &[Trait::IsolatedFromAbove],
    regions: 1,
    verify: verify_func,
};

pub static CALL: OpDefinition = OpDefinition {
    name: "func.call",
    summary: "calls the function named by the `callee` symbol",
    traits: &[],
    regions: 0,
    verify: verify_call,
};

pub static RETURN: OpDefinition = OpDefinition {
    name: "func.return",
    summary: "returns its operands from the enclosing function",
    traits: &[Trait::Terminator, Trait::Pure],
    regions: 0,
    verify: verify_return,
};

pub static OPS: &[&OpDefinition] = &[&FUNC, &CALL, &RETURN];

/// The `(inputs, results)` of a `func.func`'s `function_type` attribute.
pub fn signature(module: &Module, func: OpId) -> Result<(&[Type], &[Type]), String> {
    match module.ops[func].attributes.get("function_type") {
        Some(Attribute::Type(Type::Function { inputs, results })) => Ok((inputs, results)),
        Some(_) => Err("`function_type` must be a function type".to_string()),
        None => Err("expects a `function_type` attribute".to_string()),
    }
}

/// The `sym_name` of a `func.func`.
pub fn name(module: &Module, func: OpId) -> Option<&str> {
    match module.ops[func].attributes.get("sym_name") {
        Some(Attribute::String(name)) => Some(name),
        _ => None,
    }
}

/// The `func.func` named `name` in the top module's body.
pub fn lookup(module: &Module, name: &str) -> Option<OpId> {
    lookup_symbol(module, &FUNC, name)
}

/// The function the `func.call` `call` calls, if the module defines it.
pub fn callee(module: &Module, call: OpId) -> Option<OpId> {
    match module.ops[call].attributes.get("callee") {
        Some(Attribute::SymbolRef(name)) => lookup(module, name),
        _ => None,
    }
}

/// The op of kind `definition` (`func.func`, `gpu.func`, `builtin.struct`) whose `sym_name`
/// is `name`, in the top module's body.
pub fn lookup_symbol(module: &Module, definition: &OpDefinition, name: &str) -> Option<OpId> {
    module.blocks[module.body()]
        .ops
        .iter()
        .copied()
        .find(|&op| is_op(module, op, definition) && self::name(module, op) == Some(name))
}

fn verify_func(module: &Module, op: OpId) -> Check {
    verify_function_op(module, op)?;
    match module.ops[op].attributes.get("extern") {
        None => Ok(()),
        Some(Attribute::String(_)) => {
            if module.regions[module.ops[op].regions[0]].blocks.is_empty() {
                Ok(())
            } else {
                Err("a function with an `extern` symbol must be a declaration (no body)"
                    .to_string())
            }
        }
        Some(other) => Err(format!("expects a string `extern` attribute, found {other}")),
    }
}

/// The rules `func.func` and `gpu.func` share: a name, a function type, and an entry block
/// whose arguments are the inputs.
pub(crate) fn verify_function_op(module: &Module, op: OpId) -> Check {
    let data = &module.ops[op];
    if !data.operands.is_empty() || !data.results.is_empty() {
        return Err("expects no operands and no results".to_string());
    }
    if name(module, op).is_none() {
        return Err("expects a string `sym_name` attribute".to_string());
    }
    let (inputs, _) = signature(module, op)?;
    // An empty body is a declaration.
    if let Some(&entry) = module.regions[data.regions[0]].blocks.first() {
        let arguments: Vec<&Type> =
            module.blocks[entry].arguments.iter().map(|&v| module.value_type(v)).collect();
        if arguments.len() != inputs.len() || arguments.iter().zip(inputs).any(|(a, b)| *a != b) {
            return Err(format!(
                "entry block arguments ({}) do not match the function type's inputs",
                arguments.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    Ok(())
}

fn verify_call(module: &Module, op: OpId) -> Result<(), String> {
    let callee = match module.ops[op].attributes.get("callee") {
        Some(Attribute::SymbolRef(callee)) => callee,
        _ => return Err("expects a symbol `callee` attribute".to_string()),
    };
    let Some(func) = lookup(module, callee) else {
        return Err(format!("calls undefined function {}", symbol(callee)));
    };
    let (inputs, results) = signature(module, func)?;
    let operands = operand_types(module, op);
    let actual_results = result_types(module, op);
    if operands.len() != inputs.len()
        || operands.iter().zip(inputs).any(|(a, b)| *a != b)
        || actual_results.len() != results.len()
        || actual_results.iter().zip(results).any(|(a, b)| *a != b)
    {
        return Err(format!(
            "type mismatch in call to {}: expected {}",
            symbol(callee),
            Type::function(inputs.to_vec(), results.to_vec())
        ));
    }
    Ok(())
}

fn verify_return(module: &Module, op: OpId) -> Check {
    // Any depth of structured regions: lowering writes `return` where the source has it.
    let func = match enclosing(module, op, scf::is_structured) {
        Some((func, _)) if is_op(module, func, &FUNC) || is_op(module, func, &gpu::FUNC) => func,
        Some((other, _)) => {
            return Err(format!(
                "must be inside a `func.func` or `gpu.func` (through `scf` and `rt.try` regions only), found inside `{}`",
                module.ops[other].name()
            ))
        }
        None => return Err("must be inside a `func.func` or `gpu.func`".to_string()),
    };
    let (_, results) = signature(module, func)?;
    let operands = operand_types(module, op);
    if operands.len() != results.len() || operands.iter().zip(results).any(|(a, b)| *a != b) {
        return Err(format!(
            "returns ({}) but the function returns ({})",
            operands.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", "),
            results.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(())
}

// ---- constructors ----

/// Appends a `func.func` named `name` to the module's body; returns it and its entry block,
/// whose arguments are the parameters.
pub fn function(
    module: &mut Module,
    name: &str,
    inputs: &[Type],
    results: &[Type],
) -> (OpId, BlockId) {
    let region = module.create_region();
    let entry = module.append_block(region, inputs);
    let state = OpState::new(&FUNC)
        .attribute("sym_name", Attribute::String(name.to_string()))
        .attribute(
            "function_type",
            Attribute::Type(Type::function(inputs.to_vec(), results.to_vec())),
        )
        .region(region);
    let body = module.body();
    let func = Builder::at_end(module, body).append(state);
    (func, entry)
}

pub fn call(
    builder: &mut Builder<'_>,
    callee: &str,
    arguments: &[ValueId],
    results: &[Type],
) -> Vec<ValueId> {
    let op = builder.append(
        OpState::new(&CALL)
            .operands(arguments)
            .attribute("callee", Attribute::SymbolRef(callee.to_string()))
            .results(results),
    );
    builder.module.ops[op].results.clone()
}

pub fn return_(builder: &mut Builder<'_>, values: &[ValueId]) -> OpId {
    builder.append(OpState::new(&RETURN).operands(values))
}
