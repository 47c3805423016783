//! Which ops a pass may erase, move or deduplicate.
//!
//! `Pure` (the dialect's trait) says an op has no side effect on memory or the outside
//! world. It does not say the op cannot stop the program: `arith.divsi` panics on a zero
//! divisor, `{checked = true}` arithmetic on overflow, `tensor.binary` on mismatched shapes,
//! `mem.list_get` out of bounds. Those panics are the language's semantics (docs/language.md
//! §4), so an op that [`may_trap`] is never erased because its result is unused (`dce`) nor
//! executed where the program would not have executed it (`licm`). Deduplicating it is
//! fine (`cse`): the op kept dominates the one removed, so it would have panicked first.
//!
//! The classification is by name, following the contract of `docs/ir.md`: `arith` and `math`
//! trap only where listed; ops of dialects that check shapes, bounds or run Python (`tensor`,
//! `mem`, `py`, `rt`, `gpu`) are assumed to trap unless listed as safe or marked
//! `{in_bounds = true}`.

use mlc_ir::{Attribute, Module, OpId, Trait, Type};

use crate::constants::{constant_of, IntegerType};

/// `Pure` by its definition, not `{checked = true}`, and not a terminator (`func.return` is
/// `Pure` but ends its block).
pub fn is_pure(module: &Module, op: OpId) -> bool {
    let data = &module.ops[op];
    data.definition.has_trait(Trait::Pure)
        && !data.definition.has_trait(Trait::Terminator)
        && !is_checked(module, op)
}

/// Whether `op` carries `{checked = true}` (panics on overflow in unoptimized builds).
pub fn is_checked(module: &Module, op: OpId) -> bool {
    matches!(module.ops[op].attributes.get("checked"), Some(Attribute::Bool(true)))
}

/// Whether executing `op` may stop the program (a panic or a raised error).
pub fn may_trap(module: &Module, op: OpId) -> bool {
    let data = &module.ops[op];
    if is_checked(module, op) {
        return true;
    }
    let name = data.name();
    match name {
        "arith.divsi" | "arith.remsi" | "arith.floordivsi" | "arith.floorremsi" => {
            !divisor_is_safe(module, op, Signedness::Signed)
        }
        "arith.divui" | "arith.remui" => !divisor_is_safe(module, op, Signedness::Unsigned),
        "arith.divf" | "arith.remf" | "arith.floordivf" | "arith.floorremf" | "math.fmod" => {
            !divisor_is_safe(module, op, Signedness::Unsigned)
        }
        // A negative exponent panics.
        "math.ipowi" => !matches!(
            data.operands.get(1).and_then(|&v| constant_of(module, v)),
            Some(Attribute::Integer { value, .. }) if *value >= 0
        ),
        _ if SAFE_OPS.contains(&name) => false,
        _ => {
            let dialect = name.split('.').next().unwrap_or("");
            let checks_at_runtime =
                !matches!(dialect, "arith" | "math" | "agg" | "builtin" | "func" | "cf" | "scf");
            checks_at_runtime
                && !matches!(data.attributes.get("in_bounds"), Some(Attribute::Bool(true)))
        }
    }
}

/// Ops of checking dialects that cannot fail.
const SAFE_OPS: &[&str] = &[
    "tensor.numel",
    "tensor.rank",
    "tensor.shape",
    "tensor.space_size",
    "mem.list_len",
    "mem.dict_len",
    "rt.string",
    "py.none",
    "gpu.thread_id",
    "gpu.block_id",
    "gpu.block_dim",
    "gpu.grid_dim",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Signedness {
    Signed,
    Unsigned,
}

/// The divisor (operand 1) is a constant that cannot fault: nonzero, and for signed
/// integer division not -1 (`MIN / -1` overflows).
fn divisor_is_safe(module: &Module, op: OpId, signedness: Signedness) -> bool {
    let Some(&divisor) = module.ops[op].operands.get(1) else {
        return false;
    };
    match constant_of(module, divisor) {
        Some(Attribute::Integer { value, ty }) => IntegerType::of(ty).is_some_and(|integer| {
            let pattern = integer.pattern(*value);
            pattern != 0 && (signedness == Signedness::Unsigned || pattern != integer.mask())
        }),
        Some(Attribute::Float { bits, .. }) => f64::from_bits(*bits) != 0.0,
        _ => false,
    }
}

/// Whether `op` may be erased once its results are unused: pure (or an `scf.if`/`scf.for`,
/// which always finish), cannot trap, and so is everything nested in its regions (whose
/// terminators only hand values back: `*.yield`, `scf.condition`; an early exit is an
/// effect). `scf.while` may never finish, so it stays.
pub fn is_removable_when_unused(module: &Module, op: OpId) -> bool {
    let finishing_structure = matches!(module.ops[op].name(), "scf.if" | "scf.for");
    if !(is_pure(module, op) || finishing_structure)
        || may_trap(module, op)
        || !module.ops[op].successors.is_empty()
    {
        return false;
    }
    let mut removable = true;
    for &region in &module.ops[op].regions {
        for &block in &module.regions[region].blocks {
            for &nested in &module.blocks[block].ops {
                let name = module.ops[nested].name();
                let hands_back = name.ends_with(".yield") || name == "scf.condition";
                let is_terminator = module.ops[nested].definition.has_trait(Trait::Terminator);
                removable &= if is_terminator {
                    hands_back
                } else {
                    is_removable_when_unused(module, nested)
                };
            }
        }
    }
    removable
}

/// Whether `op` may be executed earlier or less often than the program says, its result
/// shared by every execution: pure, no regions, no successors, cannot trap, and gives only
/// plain values (`licm`).
pub fn is_speculatable(module: &Module, op: OpId) -> bool {
    let data = &module.ops[op];
    is_pure(module, op)
        && data.regions.is_empty()
        && data.successors.is_empty()
        && !may_trap(module, op)
        && gives_plain_values(module, op)
}

/// Whether every result of `op` is a plain value (numbers, `none`, tuples and function
/// types of them), not a handle (`!str`, `!list`, `!tensor`, ...) nor something that may
/// hold one (`!struct<S>`). Two ops giving handles give two objects, each with its own
/// reference count and identity: `cse` and `licm` never merge them into one.
pub fn gives_plain_values(module: &Module, op: OpId) -> bool {
    module.ops[op].results.iter().all(|&value| is_plain(module.value_type(value)))
}

fn is_plain(ty: &Type) -> bool {
    match ty {
        Type::Int(_) | Type::UInt(_) | Type::Float(_) | Type::Index | Type::None => true,
        Type::Tuple(elements) => elements.iter().all(is_plain),
        Type::Function { .. } => true,
        _ => false,
    }
}
