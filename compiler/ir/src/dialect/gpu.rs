//! The `gpu` dialect: kernels (`gpu.func`), what a kernel sees of the hardware (thread and
//! block indices, barriers, shared memory, atomics), and the host side (`gpu.launch`,
//! `gpu.synchronize`).
//!
//! The device ops must sit inside a `gpu.func` (the language allows its intrinsics only in
//! `@kernel`s); `gpu.launch` and `gpu.synchronize` only outside one.

use crate::attribute::Attribute;
use crate::builder::Builder;
use crate::dialect::checks::{
    expect_operands, expect_operands_at_least, expect_results, expect_type, is_op,
    is_scalar_number, one_of, operand, result, symbol, symbol_attribute, type_list, types_of,
    Check,
};
use crate::dialect::func::{lookup_symbol, signature, verify_function_op};
use crate::dialect::{region_with_block, OpDefinition, Trait};
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::{Module, OpState};
use crate::types::Type;

op!(
    FUNC,
    "gpu.func",
    "a kernel: `sym_name`, `function_type` (no results) and a body region",
    [IsolatedFromAbove],
    regions = 1,
    verify_func
);
op!(
    THREAD_ID,
    "gpu.thread_id",
    "this thread's index in its block along `dimension`",
    [Pure],
    verify_index
);
op!(
    BLOCK_ID,
    "gpu.block_id",
    "this block's index in the grid along `dimension`",
    [Pure],
    verify_index
);
op!(
    BLOCK_DIM,
    "gpu.block_dim",
    "the number of threads of a block along `dimension`",
    [Pure],
    verify_index
);
op!(
    GRID_DIM,
    "gpu.grid_dim",
    "the number of blocks of the grid along `dimension`",
    [Pure],
    verify_index
);
op!(BARRIER, "gpu.barrier", "waits until every thread of the block reaches it", [], verify_barrier);
op!(
    SHARED_ALLOC,
    "gpu.shared_alloc",
    "block-shared scratch memory of `size` elements",
    [],
    verify_shared_alloc
);
op!(
    ATOMIC_ADD,
    "gpu.atomic_add",
    "adds to an element atomically and returns the previous value",
    [],
    verify_atomic_add
);
op!(
    LAUNCH,
    "gpu.launch",
    "launches the `kernel` on a grid and blocks of the given sizes, asynchronously",
    [],
    verify_launch
);
op!(
    SYNCHRONIZE,
    "gpu.synchronize",
    "waits until every launched kernel has finished",
    [],
    verify_synchronize
);

pub static OPS: &[&OpDefinition] = &[
    &FUNC,
    &THREAD_ID,
    &BLOCK_ID,
    &BLOCK_DIM,
    &GRID_DIM,
    &BARRIER,
    &SHARED_ALLOC,
    &ATOMIC_ADD,
    &LAUNCH,
    &SYNCHRONIZE,
];

pub const DIMENSIONS: &[&str] = &["x", "y", "z"];

/// The `gpu.func` named `name` in the top module's body.
pub fn lookup(module: &Module, name: &str) -> Option<OpId> {
    lookup_symbol(module, &FUNC, name)
}

/// The nearest enclosing `IsolatedFromAbove` op: the function `op` is in.
fn enclosing_function(module: &Module, op: OpId) -> Option<OpId> {
    let mut current = module.parent_op(op)?;
    while !module.ops[current].definition.has_trait(Trait::IsolatedFromAbove) {
        current = module.parent_op(current)?;
    }
    Some(current)
}

fn expect_in_kernel(module: &Module, op: OpId) -> Check {
    match enclosing_function(module, op) {
        Some(function) if is_op(module, function, &FUNC) => Ok(()),
        Some(function) => Err(format!(
            "must be inside a `gpu.func`, found inside `{}`",
            module.ops[function].name()
        )),
        None => Err("must be inside a `gpu.func`".to_string()),
    }
}

fn expect_on_host(module: &Module, op: OpId) -> Check {
    match enclosing_function(module, op) {
        Some(function) if is_op(module, function, &FUNC) => {
            Err("must be outside kernels, found inside a `gpu.func`".to_string())
        }
        _ => Ok(()),
    }
}

fn verify_func(module: &Module, op: OpId) -> Check {
    verify_function_op(module, op)?;
    let (_, results) = signature(module, op)?;
    if !results.is_empty() {
        return Err(format!("a kernel returns nothing, found results {}", type_list(results)));
    }
    Ok(())
}

fn verify_index(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 1)?;
    one_of(module, op, "dimension", DIMENSIONS)?;
    expect_type("a result", result(module, op, 0), &Type::I64)?;
    expect_in_kernel(module, op)
}

fn verify_barrier(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 0)?;
    expect_in_kernel(module, op)
}

fn verify_shared_alloc(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 1)?;
    expect_results(module, op, 1)?;
    expect_type("a size", operand(module, op, 0), &Type::I64)?;
    match result(module, op, 0).tensor_element() {
        Some(element) if is_scalar_number(element) => {}
        _ => {
            return Err(format!(
                "expects a result !tensor<T> of numbers, found {}",
                result(module, op, 0)
            ))
        }
    }
    expect_in_kernel(module, op)
}

fn verify_atomic_add(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 3)?;
    expect_results(module, op, 1)?;
    let tensor = operand(module, op, 0);
    let Some(element) = tensor.tensor_element().filter(|e| is_scalar_number(e)) else {
        return Err(format!("expects a !tensor<T> of numbers, found {tensor}"));
    };
    expect_type("an index", operand(module, op, 1), &Type::I64)?;
    expect_type("a value", operand(module, op, 2), element)?;
    expect_type("a result", result(module, op, 0), element)?;
    expect_in_kernel(module, op)
}

fn verify_launch(module: &Module, op: OpId) -> Check {
    expect_results(module, op, 0)?;
    expect_operands_at_least(module, op, 6)?;
    let operands = types_of(module, &module.ops[op].operands);
    if let Some(size) = operands[..6].iter().position(|t| **t != Type::I64) {
        return Err(format!("expects grid and block sizes of type i64, found {}", operands[size]));
    }
    let kernel = symbol_attribute(module, op, "kernel")?;
    let Some(function) = lookup(module, kernel) else {
        return Err(format!("launches undefined kernel {}", symbol(kernel)));
    };
    let (inputs, _) = signature(module, function)?;
    let passed = &operands[6..];
    if passed.len() != inputs.len() || passed.iter().zip(inputs).any(|(a, b)| *a != b) {
        return Err(format!(
            "passes {} but kernel {} takes {}",
            type_list(passed),
            symbol(kernel),
            type_list(inputs)
        ));
    }
    expect_on_host(module, op)
}

fn verify_synchronize(module: &Module, op: OpId) -> Check {
    expect_operands(module, op, 0)?;
    expect_results(module, op, 0)?;
    expect_on_host(module, op)
}

// ---- constructors ----

/// Appends a kernel named `name` to the module's body; returns it and its entry block, whose
/// arguments are the parameters.
pub fn function(module: &mut Module, name: &str, inputs: &[Type]) -> (OpId, BlockId) {
    let (region, entry) = region_with_block(module, inputs);
    let state = OpState::new(&FUNC)
        .attribute("sym_name", Attribute::String(name.to_string()))
        .attribute("function_type", Attribute::Type(Type::function(inputs.to_vec(), Vec::new())))
        .region(region);
    let body = module.body();
    let kernel = Builder::at_end(module, body).append(state);
    (kernel, entry)
}

/// One of `THREAD_ID`, `BLOCK_ID`, `BLOCK_DIM`, `GRID_DIM` along `dimension` (`"x"`...).
pub fn index(builder: &mut Builder<'_>, op: &'static OpDefinition, dimension: &str) -> ValueId {
    builder.append_value(
        OpState::new(op)
            .attribute("dimension", Attribute::String(dimension.to_string()))
            .results(&[Type::I64]),
    )
}

pub fn barrier(builder: &mut Builder<'_>) -> OpId {
    builder.append(OpState::new(&BARRIER))
}

pub fn shared_alloc(builder: &mut Builder<'_>, size: ValueId, element: Type) -> ValueId {
    builder.append_value(
        OpState::new(&SHARED_ALLOC).operands(&[size]).results(&[Type::Tensor(Box::new(element))]),
    )
}

/// Adds `value` to `tensor[index]` atomically; returns the previous element.
pub fn atomic_add(
    builder: &mut Builder<'_>,
    tensor: ValueId,
    index: ValueId,
    value: ValueId,
) -> ValueId {
    let element = builder.module.value_type(value).clone();
    builder.append_value(
        OpState::new(&ATOMIC_ADD).operands(&[tensor, index, value]).results(&[element]),
    )
}

/// `kernel[grid, block](arguments)`: sizes as `[x, y, z]` `i64` values.
pub fn launch(
    builder: &mut Builder<'_>,
    kernel: &str,
    grid: [ValueId; 3],
    block: [ValueId; 3],
    arguments: &[ValueId],
) -> OpId {
    let mut operands = grid.to_vec();
    operands.extend_from_slice(&block);
    operands.extend_from_slice(arguments);
    builder.append(
        OpState::new(&LAUNCH)
            .operands(&operands)
            .attribute("kernel", Attribute::SymbolRef(kernel.to_string())),
    )
}

pub fn synchronize(builder: &mut Builder<'_>) -> OpId {
    builder.append(OpState::new(&SYNCHRONIZE))
}
