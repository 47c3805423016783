//! `py-fold-conversions`: folds the conversions around a Python call into the call.
//!
//! Lowering gives a call `i64(f(n))` as three ops, each a trip into the runtime with a
//! Python object made and dropped between them:
//!
//! ```text
//! %a = py.from %n : (i64) -> !py.object
//! %r = py.call %f, %a {keywords = []} : !py.object
//! %v = py.to %r : (!py.object) -> i64
//! ```
//!
//! After this pass it is one, `%v = py.call %f, %n {keywords = []} : i64`, which converts
//! the argument and casts the result itself (`docs/runtime.md`, *Python*). Folded:
//! - an argument made by a `py.from` of an `i64`, `f64` or `i1` whose only use it is (the
//!   conversion of a scalar cannot fail nor be seen, so it may move into the call);
//! - a `py.to` that comes right after the call in its block and is the only use of the
//!   call's result: right after, so that no op observable in between (a `print`, another
//!   call) changes places with a failing cast. The cast's error is then reported at the
//!   call's location, on the same expression.

use mlc_ir::dialect::py;
use mlc_ir::{Module, OpId, Type, ValueId};

use crate::constants::defining_op;
use crate::pass_manager::Pass;
use crate::rewrite::{
    compact_blocks, function_bodies, mark_erased, ops_within, use_counts, Substitution,
};

pub struct FoldPythonConversions;

impl Pass for FoldPythonConversions {
    fn name(&self) -> &'static str {
        "py-fold-conversions"
    }

    fn description(&self) -> &'static str {
        "folds py.from of scalar arguments and a py.to of the result into py.call"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            fold_function(module, function);
        }
        Ok(())
    }
}

fn fold_function(module: &mut Module, function: OpId) {
    let calls: Vec<OpId> = ops_within(module, function)
        .into_iter()
        .filter(|&op| module.ops[op].name() == "py.call")
        .collect();
    if calls.is_empty() {
        return;
    }
    let uses = use_counts(module, function);
    let used_once = |value: ValueId| uses.get(&value) == Some(&1);
    let mut substitution = Substitution::new();
    for call in calls {
        for index in 1..module.ops[call].operands.len() {
            let argument = module.ops[call].operands[index];
            if let Some(scalar) =
                scalar_conversion(module, argument).filter(|_| used_once(argument))
            {
                module.ops[call].operands[index] = module.ops[scalar].operands[0];
                mark_erased(module, scalar);
            }
        }
        let result = module.result(call, 0);
        if let Some(cast) = cast_right_after(module, call, result).filter(|_| used_once(result)) {
            fold_cast(module, call, cast, &mut substitution);
        }
    }
    substitution.apply_within(module, function);
    compact_blocks(module, function);
}

/// The `py.from` of a scalar the call can convert itself that made `value`, if one did.
fn scalar_conversion(module: &Module, value: ValueId) -> Option<OpId> {
    let op = defining_op(module, value)?;
    let data = &module.ops[op];
    let converts_scalar = data.name() == "py.from"
        && *module.value_type(data.operands[0]) != Type::PyObject
        && py::is_call_argument(module.value_type(data.operands[0]));
    converts_scalar.then_some(op)
}

/// The op after `call` in its block when it is a `py.to` of `result`.
fn cast_right_after(module: &Module, call: OpId, result: ValueId) -> Option<OpId> {
    let block = module.ops[call].parent?;
    let ops = &module.blocks[block].ops;
    let position = ops.iter().position(|&op| op == call)?;
    let next = *ops.get(position + 1)?;
    let data = &module.ops[next];
    (data.name() == "py.to" && data.operands[0] == result).then_some(next)
}

/// Makes `call` give the type of the `cast` of its result, and the cast's uses its own.
fn fold_cast(module: &mut Module, call: OpId, cast: OpId, substitution: &mut Substitution) {
    let (result, cast_result) = (module.result(call, 0), module.result(cast, 0));
    module.values[result].ty = module.value_type(cast_result).clone();
    substitution.replace(cast_result, result);
    mark_erased(module, cast);
}
