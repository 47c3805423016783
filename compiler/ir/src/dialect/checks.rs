//! Checks the dialects' verifiers share. Each failure is a message saying what was expected
//! and what was found, in the words of `docs/ir.md` (`expects 2 operands, found 3`).

use crate::attribute::Attribute;
use crate::dialect::OpDefinition;
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::Module;
use crate::types::Type;

pub(crate) type Check = Result<(), String>;

pub(crate) fn is_op(module: &Module, op: OpId, definition: &OpDefinition) -> bool {
    std::ptr::eq(module.ops[op].definition, definition)
}

pub(crate) fn expect_operands(module: &Module, op: OpId, count: usize) -> Check {
    let found = module.ops[op].operands.len();
    if found != count {
        return Err(format!("expects {count} operands, found {found}"));
    }
    Ok(())
}

pub(crate) fn expect_operands_at_least(module: &Module, op: OpId, count: usize) -> Check {
    let found = module.ops[op].operands.len();
    if found < count {
        return Err(format!("expects at least {count} operands, found {found}"));
    }
    Ok(())
}

pub(crate) fn expect_results(module: &Module, op: OpId, count: usize) -> Check {
    let found = module.ops[op].results.len();
    if found != count {
        return Err(format!("expects {count} results, found {found}"));
    }
    Ok(())
}

/// The type of operand `index` (which the caller has checked exists).
pub(crate) fn operand(module: &Module, op: OpId, index: usize) -> &Type {
    module.value_type(module.ops[op].operands[index])
}

pub(crate) fn result(module: &Module, op: OpId, index: usize) -> &Type {
    module.value_type(module.ops[op].results[index])
}

/// `@name`, quoted when needed: a symbol as the text spells it.
pub(crate) fn symbol(name: &str) -> String {
    Attribute::SymbolRef(name.to_string()).to_string()
}

pub(crate) fn types_of<'m>(module: &'m Module, values: &[ValueId]) -> Vec<&'m Type> {
    values.iter().map(|&v| module.value_type(v)).collect()
}

/// `what` (`"operand 1"`, `"the result"`) has type `expected`.
pub(crate) fn expect_type(what: &str, found: &Type, expected: &Type) -> Check {
    if found != expected {
        return Err(format!("expects {what} of type {expected}, found {found}"));
    }
    Ok(())
}

/// `(i64, f64)`: a list of types as the messages show it.
pub(crate) fn type_list<T: std::borrow::Borrow<Type>>(types: &[T]) -> String {
    let names: Vec<String> = types.iter().map(|t| t.borrow().to_string()).collect();
    format!("({})", names.join(", "))
}

pub(crate) fn same_types(found: &[&Type], expected: &[Type]) -> bool {
    found.len() == expected.len() && found.iter().zip(expected).all(|(a, b)| *a == b)
}

pub(crate) fn attribute<'m>(module: &'m Module, op: OpId, name: &str) -> Option<&'m Attribute> {
    module.ops[op].attributes.get(name)
}

pub(crate) fn string_attribute<'m>(
    module: &'m Module,
    op: OpId,
    name: &str,
) -> Result<&'m str, String> {
    match attribute(module, op, name) {
        Some(Attribute::String(text)) => Ok(text),
        Some(other) => Err(format!("expects a string `{name}` attribute, found {other}")),
        None => Err(format!("expects a string `{name}` attribute")),
    }
}

/// A string attribute that must be one of `options` (a kind, a predicate, a device).
pub(crate) fn one_of<'m>(
    module: &'m Module,
    op: OpId,
    name: &str,
    options: &[&str],
) -> Result<&'m str, String> {
    let value = string_attribute(module, op, name)?;
    if !options.contains(&value) {
        return Err(format!("unknown {name} \"{value}\", expected one of {}", options.join(", ")));
    }
    Ok(value)
}

/// An optional boolean attribute (`in_bounds`, `checked`): absent means false.
pub(crate) fn optional_flag(module: &Module, op: OpId, name: &str) -> Result<bool, String> {
    match attribute(module, op, name) {
        None => Ok(false),
        Some(Attribute::Bool(value)) => Ok(*value),
        Some(other) => Err(format!("expects `{name}` to be true or false, found {other}")),
    }
}

/// A non-negative integer attribute (`index = 1 : i64`).
pub(crate) fn index_attribute(module: &Module, op: OpId, name: &str) -> Result<usize, String> {
    match attribute(module, op, name) {
        Some(Attribute::Integer { value, .. }) if *value >= 0 => Ok(*value as usize),
        Some(other) => Err(format!("expects a non-negative integer `{name}`, found {other}")),
        None => Err(format!("expects an integer `{name}` attribute")),
    }
}

/// The symbol of a `@name` attribute.
pub(crate) fn symbol_attribute<'m>(
    module: &'m Module,
    op: OpId,
    name: &str,
) -> Result<&'m str, String> {
    match attribute(module, op, name) {
        Some(Attribute::SymbolRef(symbol)) => Ok(symbol),
        Some(other) => Err(format!("expects a symbol `{name}` attribute, found {other}")),
        None => Err(format!("expects a symbol `{name}` attribute")),
    }
}

/// The single block of region `index` of `op`, or an error naming the region.
pub(crate) fn single_block(
    module: &Module,
    op: OpId,
    index: usize,
    region: &str,
) -> Result<BlockId, String> {
    let blocks = &module.regions[module.ops[op].regions[index]].blocks;
    match blocks.as_slice() {
        [block] => Ok(*block),
        _ => Err(format!("expects its {region} region to hold one block, found {}", blocks.len())),
    }
}

pub(crate) fn block_argument_types(module: &Module, block: BlockId) -> Vec<&Type> {
    types_of(module, &module.blocks[block].arguments)
}

/// The block of region `name` takes arguments of the `expected` types.
pub(crate) fn expect_block_arguments(
    module: &Module,
    block: BlockId,
    name: &str,
    expected: &[Type],
) -> Check {
    let found = block_argument_types(module, block);
    if !same_types(&found, expected) {
        return Err(format!(
            "expects its {name} block to take {}, found {}",
            type_list(expected),
            type_list(&found)
        ));
    }
    Ok(())
}

/// How messages name region `index` of `op`: `the before region of \`scf.while\``.
pub(crate) fn describe_region(module: &Module, op: OpId, index: usize) -> String {
    let data = &module.ops[op];
    let names: &[&str] = match data.name() {
        "scf.if" => &["then", "else"],
        "scf.while" => &["before", "after"],
        "rt.try" => &["body", "handler"],
        _ if data.regions.len() == 1 => &["body"],
        _ => &[],
    };
    match names.get(index) {
        Some(name) => format!("the {name} region of `{}`", data.name()),
        None => format!("region {index} of `{}`", data.name()),
    }
}

/// The innermost op around `op` (its parent, or further up) that is not `transparent`.
/// Returns it and the index of the region of it that holds `op`.
pub(crate) fn enclosing(
    module: &Module,
    op: OpId,
    transparent: impl Fn(&OpDefinition) -> bool,
) -> Option<(OpId, usize)> {
    let mut current = op;
    loop {
        let block = module.ops[current].parent?;
        let region = module.blocks[block].parent?;
        let parent = module.regions[region].parent?;
        if !transparent(module.ops[parent].definition) {
            let index = module.ops[parent].regions.iter().position(|&r| r == region)?;
            return Some((parent, index));
        }
        current = parent;
    }
}

/// Integers, floats and `i1`: what tensors hold.
pub(crate) fn is_scalar_number(ty: &Type) -> bool {
    matches!(ty, Type::Int(_) | Type::UInt(_) | Type::Float(_))
}
