//! `tensor-to-loops`: `tensor.map` and `tensor.map_reduce` become one `scf.for` over the
//! linear positions of their iteration space, reading each operand's element with
//! `tensor.load_linear` and computing the element with the map's region, copied into the
//! loop body.
//!
//! ```text
//! %r = tensor.map %a, %b ({...})          %s = tensor.space %a, %b
//!                                          %n = tensor.space_size %s
//!                                          %r = tensor.empty %s
//!                                          scf.for %i = 0 to %n step 1:
//!                                            %ea = tensor.load_linear %a, %s, %i
//!                                            %eb = tensor.load_linear %b, %s, %i
//!                                            ...the region...
//!                                            tensor.store_linear %v, %r, %i
//! ```
//!
//! `tensor.map_reduce` carries the accumulator as the loop's value and makes no tensor:
//! - `sum` starts from zero and adds each element in order; `mean` is that sum divided by
//!   the number of positions (floats only: an empty tensor gives NaN);
//! - `max` and `min` start from the first element and combine the others (`maxf`/`minf`,
//!   `maxsi`/`minsi`, `maxui`/`minui`); an empty tensor panics first with `max() of an empty
//!   tensor` (`min() ...`), as Python's `max([])` raises. The region is copied twice: once
//!   for position 0, once in the loop from 1.
//!
//! A `tensor.binary`, `tensor.unary`, `tensor.broadcast` or `tensor.reduce` that fusion left
//! (or that nothing fused) is first made a one-op map, then lowered the same way; those
//! without a scalar form (see `tensor_fusion/elementwise.rs`: `i1` elements, `pow` on
//! unsigned integers, `mean` of integers) stay for the runtime, as do a `tensor.map_reduce`
//! written with such a reduction, `tensor.matmul`, the creation ops and every other tensor op.

use std::collections::{HashMap, HashSet};

use mlc_ir::dialect::{arith, rt, scf, tensor};
use mlc_ir::{Attribute, Builder, Module, OpId, Type, ValueId};

use crate::pass_manager::Pass;
use crate::passes::tensor_fusion::{elementwise, inline_region, Absorb, Fusion};
use crate::rewrite::{function_bodies, ops_within};

pub struct TensorToLoops;

impl Pass for TensorToLoops {
    fn name(&self) -> &'static str {
        "tensor-to-loops"
    }

    fn description(&self) -> &'static str {
        "lowers tensor.map/map_reduce (and leftover elementwise ops and reductions) to scf.for loops"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            lower_function(module, function);
        }
        Ok(())
    }
}

const ELEMENTWISE: &[&str] =
    &["tensor.binary", "tensor.unary", "tensor.broadcast", "tensor.reduce"];

/// Lowers every map of `function`, and every elementwise op or reduction that has a scalar
/// form; the ops without one are left. Repeats until none is left, so a map whose region
/// holds another one is lowered too.
fn lower_function(module: &mut Module, function: OpId) {
    let mut left_alone: HashSet<OpId> = HashSet::new();
    let no_users = HashMap::new();
    loop {
        let next = ops_within(module, function).into_iter().find(|&op| {
            let name = module.ops[op].name();
            !left_alone.contains(&op)
                && (matches!(name, "tensor.map" | "tensor.map_reduce")
                    || ELEMENTWISE.contains(&name))
        });
        let Some(op) = next else { return };
        match module.ops[op].name() {
            "tensor.map" => lower_map(module, op),
            "tensor.map_reduce" if has_scalar_reduction(module, op) => lower_map(module, op),
            "tensor.map_reduce" => {
                left_alone.insert(op);
            }
            _ => match Fusion::plan(module, op, &no_users, Absorb::Nothing) {
                Some(fusion) => {
                    let map = fusion.apply(module, op);
                    lower_map(module, map);
                }
                None => {
                    left_alone.insert(op);
                }
            },
        }
    }
}

/// Whether the `kind` of a `tensor.map_reduce` has a scalar form for its result type (a
/// hand-written `mean` of integers has none).
fn has_scalar_reduction(module: &Module, op: OpId) -> bool {
    let data = &module.ops[op];
    match data.attributes.get("kind") {
        Some(Attribute::String(kind)) => {
            elementwise::supports_reduce(kind, module.value_type(data.results[0]))
        }
        _ => false,
    }
}

/// Replaces a `tensor.map` or `tensor.map_reduce` by its loop.
fn lower_map(module: &mut Module, op: OpId) {
    let data = module.ops[op].clone();
    let scratch_region = module.create_region();
    let scratch = module.append_block(scratch_region, &[]);
    let mut builder = Builder::at_end(module, scratch);
    builder.set_location(data.location.clone());
    let tensors = data.operands.clone();
    let space = tensor::space(&mut builder, &tensors);
    let size = tensor::space_size(&mut builder, space);
    let zero = arith::constant_integer(&mut builder, 0, Type::I64);
    let one = arith::constant_integer(&mut builder, 1, Type::I64);
    let element_at = |builder: &mut Builder<'_>, position: ValueId| {
        let elements: Vec<ValueId> = tensors
            .iter()
            .map(|&tensor| tensor::load_linear(builder, tensor, space, position))
            .collect();
        inline_region(builder, op, &elements)
    };
    let result_type = builder.module.value_type(data.results[0]).clone();
    let result = match &result_type {
        Type::Tensor(element) => {
            let out = tensor::empty(&mut builder, space, (**element).clone());
            let lp = scf::for_(&mut builder, zero, size, one, &[]);
            builder.set_block(lp.body);
            let value = element_at(&mut builder, lp.induction_variable);
            tensor::store_linear(&mut builder, value, out, lp.induction_variable);
            scf::yield_(&mut builder, &[]);
            builder.set_block(scratch);
            out
        }
        element => {
            let kind = match data.attributes.get("kind") {
                Some(Attribute::String(kind)) => kind.clone(),
                _ => unreachable!("the verifier requires a kind on tensor.map_reduce"),
            };
            let step = elementwise::reduce_step(&kind, element);
            let (start, initial) = match kind.as_str() {
                "max" | "min" => {
                    let empty = arith::compare(&mut builder, &arith::CMPI, "eq", size, zero);
                    rt::panic_if(&mut builder, empty, &format!("{kind}() of an empty tensor"));
                    (one, element_at(&mut builder, zero))
                }
                _ => (zero, elementwise::zero(&mut builder, element)),
            };
            let lp = scf::for_(&mut builder, start, size, one, &[initial]);
            builder.set_block(lp.body);
            let value = element_at(&mut builder, lp.induction_variable);
            let next = arith::binary(&mut builder, step, lp.loop_values[0], value);
            scf::yield_(&mut builder, &[next]);
            builder.set_block(scratch);
            let total = lp.results[0];
            if kind == "mean" {
                let count = arith::cast(&mut builder, &arith::SITOFP, size, element.clone());
                arith::binary(&mut builder, &arith::DIVF, total, count)
            } else {
                total
            }
        }
    };
    for new_op in module.blocks[scratch].ops.clone() {
        module.insert_before(op, new_op);
    }
    module.regions[scratch_region].blocks.clear();
    module.replace_all_uses(data.results[0], result);
    module.erase_op(op);
}
