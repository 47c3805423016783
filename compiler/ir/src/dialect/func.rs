//! The `func` dialect: `func.func` (a named function with a body region and a
//! `function_type` attribute), `func.call` (by symbol) and `func.return`.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::{operand_types, result_types, OpDefinition, Trait};
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
    module.blocks[module.body()].ops.iter().copied().find(|&op| {
        std::ptr::eq(module.ops[op].definition, &FUNC) && self::name(module, op) == Some(name)
    })
}

fn verify_func(module: &Module, op: OpId) -> Result<(), String> {
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
        return Err(format!("calls undefined function @{callee}"));
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
            "type mismatch in call to @{callee}: expected {}",
            Type::function(inputs.to_vec(), results.to_vec())
        ));
    }
    Ok(())
}

fn verify_return(module: &Module, op: OpId) -> Result<(), String> {
    let Some(func) = module.parent_op(op) else {
        return Err("must be inside a `func.func`".to_string());
    };
    if !std::ptr::eq(module.ops[func].definition, &FUNC) {
        return Err("must be directly inside a `func.func`".to_string());
    }
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
