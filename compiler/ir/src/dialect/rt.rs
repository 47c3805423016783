//! The `rt` dialect: calls into the runtime (strings, printing, panics, errors, `argv`, the
//! built-in methods of `rt.builtin`) and `rt.try`, the structured form of `try`/`except`.
//!
//! No op here is `Pure`: each either has an effect (printing, panicking, raising) or makes a
//! new handle, and handles are reference counted by explicit `mem.retain`/`mem.release`, so
//! merging two ops that make handles would release one object twice.

mod builtins;
mod constructors;

pub use builtins::{builtin_signature, slice_operands, BuiltinSignature, BUILTIN_NAMES};
pub use constructors::*;

use crate::attribute::Attribute;
use crate::dialect::checks::{
    attribute, expect_operands, expect_operands_at_least, expect_results, expect_type, operand,
    result, string_attribute, types_of, Check,
};
use crate::dialect::scf::{check_structured_region, YIELD};
use crate::dialect::OpDefinition;
use crate::entity::OpId;
use crate::module::Module;
use crate::types::Type;

op!(STRING, "rt.string", "a string constant: the `value` attribute", [], verify_string);
op!(
    PRINT,
    "rt.print",
    "prints the values after `sep` and `end` as Python's `print` would",
    [],
    verify_print
);
op!(
    FORMAT,
    "rt.format",
    "formats a value by the `spec` of an f-string field (empty: `str(x)`)",
    [],
    verify_format
);
op!(CONCAT, "rt.concat", "concatenates strings", [], verify_concat);
op!(
    PANIC,
    "rt.panic",
    "stops the program with exit code 1, the `message` and the op's location",
    [Terminator],
    verify_panic
);
op!(PANIC_IF, "rt.panic_if", "`rt.panic` when the i1 operand is true", [], verify_panic_if);
op!(
    ASSERT,
    "rt.assert",
    "panics (with the optional string operand) when the i1 operand is false",
    [],
    verify_assert
);
op!(ERROR, "rt.error", "makes an `Error` with a message", [], verify_error);
op!(ERROR_MESSAGE, "rt.error_message", "the message of an error", [], verify_error_message);
op!(
    RAISE,
    "rt.raise",
    "raises an error to the innermost `rt.try`, or out of the function",
    [Terminator],
    verify_raise
);
op!(
    TRY,
    "rt.try",
    "runs the body; an error raised in it runs the handler with the `!rt.error`",
    [],
    regions = 2,
    verify_try
);
op!(ARGV, "rt.argv", "the program's arguments", [], verify_argv);
op!(
    BUILTIN,
    "rt.builtin",
    "calls the built-in function or method named by `name` (`str.split`, `time.time`...)",
    [],
    verify_builtin
);

pub static OPS: &[&OpDefinition] = &[
    &STRING,
    &PRINT,
    &FORMAT,
    &CONCAT,
    &PANIC,
    &PANIC_IF,
    &ASSERT,
    &ERROR,
    &ERROR_MESSAGE,
    &RAISE,
    &TRY,
    &ARGV,
    &BUILTIN,
];

/// What `rt.print` and `rt.format` accept: every value type but functions, memory
/// references and iteration spaces, which have no text.
fn is_printable(ty: &Type) -> bool {
    !matches!(ty, Type::Function { .. } | Type::MemRef { .. } | Type::TensorSpace)
}

fn verify_string(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 1)?;
    string_attribute(module, op, "value")?;
    expect_type("a result", result(module, op, 0), &Type::Str)
}

fn verify_print(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    expect_operands_at_least(module, op, 2)?;
    expect_type("`sep`", operand(module, op, 0), &Type::Str)?;
    expect_type("`end`", operand(module, op, 1), &Type::Str)?;
    for (index, ty) in types_of(module, &module.ops[op].operands).into_iter().enumerate().skip(2) {
        if !is_printable(ty) {
            return Err(format!("cannot print operand {index} of type {ty}"));
        }
    }
    Ok(())
}

fn verify_format(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    string_attribute(module, op, "spec")?;
    let ty = operand(module, op, 0);
    if !is_printable(ty) {
        return Err(format!("cannot format a value of type {ty}"));
    }
    expect_type("a result", result(module, op, 0), &Type::Str)
}

fn verify_concat(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 1)?;
    for (index, ty) in types_of(module, &module.ops[op].operands).into_iter().enumerate() {
        expect_type(&format!("operand {index}"), ty, &Type::Str)?;
    }
    expect_type("a result", result(module, op, 0), &Type::Str)
}

fn verify_panic(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 0)?;
    string_attribute(module, op, "message").map(|_| ())
}

fn verify_panic_if(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 0)?;
    expect_type("a condition", operand(module, op, 0), &Type::I1)?;
    string_attribute(module, op, "message").map(|_| ())
}

fn verify_assert(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    let count = module.ops[op].operands.len();
    if !(1..=2).contains(&count) {
        return Err(format!("expects a condition and an optional message, found {count} operands"));
    }
    expect_type("a condition", operand(module, op, 0), &Type::I1)?;
    if count == 2 {
        expect_type("a message", operand(module, op, 1), &Type::Str)?;
    }
    Ok(())
}

fn verify_error(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    expect_type("a message", operand(module, op, 0), &Type::Str)?;
    expect_type("a result", result(module, op, 0), &Type::RtError)
}

fn verify_error_message(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    expect_type("an operand", operand(module, op, 0), &Type::RtError)?;
    expect_type("a result", result(module, op, 0), &Type::Str)
}

fn verify_raise(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 0)?;
    // A Python exception (`raise o` with a `PyObject`) is raised as it is.
    let ty = operand(module, op, 0);
    if ty != &Type::RtError && ty != &Type::PyObject {
        return Err(format!("expects an !rt.error or a !py.object, found {ty}"));
    }
    Ok(())
}

fn verify_try(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 0)?;
    check_try_region(module, op, 0, "body", &[])?;
    check_try_region(module, op, 1, "handler", &[Type::RtError])
}

/// A region of `rt.try`: structured (one block ending in `scf.yield` or an early exit)
/// until `scf-to-cf`, which lowers the control flow inside it to blocks and branches but
/// keeps the region (what it catches is still the region's extent). So: the entry block
/// takes `arguments`; every block ends in `scf.yield` (leaving the `try` normally), an
/// early exit, or a branch to another block of the region.
fn check_try_region(
    module: &Module,
    op: OpId,
    index: usize,
    name: &str,
    arguments: &[Type],
) -> Check {
    let blocks = &module.regions[module.ops[op].regions[index]].blocks;
    if blocks.len() == 1 {
        return check_structured_region(module, op, index, name, arguments, &YIELD);
    }
    let Some(&entry) = blocks.first() else {
        return Err(format!("expects its {name} region to hold a block"));
    };
    let found: Vec<&Type> =
        module.blocks[entry].arguments.iter().map(|&v| module.value_type(v)).collect();
    if found.len() != arguments.len() || found.iter().zip(arguments).any(|(a, b)| *a != b) {
        return Err(format!("expects its {name} region's entry block to take ({})", {
            let names: Vec<String> = arguments.iter().map(ToString::to_string).collect();
            names.join(", ")
        }));
    }
    for &block in blocks {
        let Some(&last) = module.blocks[block].ops.last() else { continue };
        let definition = module.ops[last].definition;
        let allowed = std::ptr::eq(definition, &YIELD)
            || crate::dialect::scf::is_early_exit(definition)
            || std::ptr::eq(definition, &crate::dialect::cf::BR)
            || std::ptr::eq(definition, &crate::dialect::cf::COND_BR);
        if definition.has_trait(crate::dialect::Trait::Terminator) && !allowed {
            return Err(format!(
                "expects the blocks of its {name} region to end with `scf.yield`, a branch or an early exit, found `{}`",
                definition.name
            ));
        }
    }
    Ok(())
}

fn verify_argv(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 1)?;
    expect_type("a result", result(module, op, 0), &Type::List(Box::new(Type::Str)))
}

fn verify_builtin(module: &Module, op: OpId) -> Check {
    let name = string_attribute(module, op, "name")?;
    let operands = types_of(module, &module.ops[op].operands);
    let results = types_of(module, &module.ops[op].results);
    let signature = builtin_signature(name, &operands, &results)?;
    if !signature.accepts(&operands, &results) {
        let found = Type::function(
            operands.into_iter().cloned().collect(),
            results.into_iter().cloned().collect(),
        );
        return Err(format!("`{name}` takes {}, found {found}", signature.describe()));
    }
    if name.ends_with(".slice") {
        verify_slice_layout(module, op)?;
    }
    Ok(())
}

/// A `*.slice` built-in's `slice` attribute accounts for its operands after the sliced value.
fn verify_slice_layout(module: &Module, op: OpId) -> Check {
    let layout = match attribute(module, op, "slice") {
        Some(Attribute::Array(layout)) => layout,
        Some(other) => return Err(format!("expects an array `slice` layout, found {other}")),
        None => return Err("expects a `slice` layout attribute".to_string()),
    };
    let Some(expected) = slice_operands(layout) else {
        return Err(format!(
            "expects a `slice` layout of \"i\" and \"s\" with three 0/1 flags, found {}",
            Attribute::Array(layout.clone())
        ));
    };
    let found = module.ops[op].operands.len() - 1;
    if found != expected {
        return Err(format!(
            "the `slice` layout {} takes {expected} index operands, found {found}",
            Attribute::Array(layout.clone())
        ));
    }
    Ok(())
}
