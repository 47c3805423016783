//! `tensor` ops become calls of the runtime's tensor functions (`docs/runtime.md`,
//! "Tensors"): whole-tensor operations run in the runtime's loops; the loop-level ops of
//! `tensor-to-loops` read and write elements through it.

use mlc_ir::{OpId, Type, ValueId};

use crate::emitter::Emitter;

pub fn lower(emitter: &mut Emitter<'_>, op: OpId) -> Result<(), String> {
    let name = emitter.module.ops[op].name();
    let operands = emitter.operands(op);
    let result = emitter.result_type(op);
    let element_of = |ty: &Option<Type>| match ty {
        Some(Type::Tensor(element)) => Ok((**element).clone()),
        _ => Err(format!("`{name}` without a tensor result")),
    };
    let kind = emitter.string_attribute(op, "kind").unwrap_or_default();
    let value: Option<ValueId> = match name {
        "tensor.zeros" | "tensor.ones" => {
            let descriptor = emitter.descriptor(&element_of(&result)?)?;
            let callee =
                if name == "tensor.zeros" { "mlc_tensor_zeros" } else { "mlc_tensor_ones" };
            emitter.call_at(callee, &[operands[0], descriptor], result)
        }
        "tensor.full" => {
            let descriptor = emitter.descriptor(&element_of(&result)?)?;
            let value = emitter.spill(operands[1]);
            emitter.call_at("mlc_tensor_full", &[operands[0], value, descriptor], result)
        }
        "tensor.arange" => {
            let descriptor = emitter.descriptor(&element_of(&result)?)?;
            let stop = emitter.spill(operands[0]);
            emitter.call_at("mlc_tensor_arange", &[stop, descriptor], result)
        }
        "tensor.random" => {
            let descriptor = emitter.descriptor(&element_of(&result)?)?;
            let normal = emitter.string_attribute(op, "distribution").as_deref() == Some("normal");
            let normal = emitter.bool(normal);
            emitter.call_at(
                "mlc_tensor_random",
                &[operands[0], operands[1], descriptor, normal],
                result,
            )
        }
        "tensor.dim" => emitter.call_at("mlc_tensor_dim", &operands, result),
        "tensor.numel" => emitter.call("mlc_tensor_numel", &operands, result),
        "tensor.rank" => emitter.call("mlc_tensor_rank", &operands, result),
        "tensor.shape" => emitter.call("mlc_tensor_shape", &operands, result),
        "tensor.load" => {
            let (indices, count) = emitter.array_of(&operands[1..], Type::I64);
            let ty = result.expect("a result");
            Some(emitter.call_out("mlc_tensor_load", &[operands[0], indices, count], ty, true))
        }
        "tensor.store" => {
            let (indices, count) = emitter.array_of(&operands[2..], Type::I64);
            let value = emitter.spill(operands[0]);
            emitter.call_at("mlc_tensor_store", &[operands[1], indices, count, value], None)
        }
        "tensor.binary" => {
            let kind = emitter.cstring(&kind);
            let (a, b) = (operands[0], operands[1]);
            match (emitter.type_of(a).is_handle(), emitter.type_of(b).is_handle()) {
                (true, true) => emitter.call_at("mlc_tensor_binary", &[a, b, kind], result),
                (tensor_left, _) => {
                    let (tensor, scalar) = if tensor_left { (a, b) } else { (b, a) };
                    let scalar = emitter.spill(scalar);
                    let on_left = emitter.bool(!tensor_left);
                    emitter.call_at(
                        "mlc_tensor_binary_scalar",
                        &[tensor, scalar, on_left, kind],
                        result,
                    )
                }
            }
        }
        "tensor.unary" => {
            let kind = emitter.cstring(&kind);
            emitter.call_at("mlc_tensor_unary", &[operands[0], kind], result)
        }
        "tensor.broadcast" => emitter.call_at("mlc_tensor_broadcast", &operands, result),
        "tensor.reduce" => {
            let kind = emitter.cstring(&kind);
            let ty = result.expect("a result");
            Some(emitter.call_out("mlc_tensor_reduce", &[operands[0], kind], ty, true))
        }
        "tensor.matmul" => emitter.call_at("mlc_tensor_matmul", &operands, result),
        "tensor.reshape" => emitter.call_at("mlc_tensor_reshape", &operands, result),
        "tensor.copy" => emitter.call("mlc_tensor_copy", &operands, result),
        "tensor.to_device" => {
            let device = emitter.string_attribute(op, "device").unwrap_or_default();
            let device = emitter.cstring(&device);
            emitter.call_at("mlc_tensor_to_device", &[operands[0], device], result)
        }
        "tensor.space" => {
            let (tensors, count) = emitter.word_array(&operands);
            let space = emitter.call_at("mlc_tensor_space", &[tensors, count], result);
            let space = space.expect("a result");
            // Each operand dense for the space, its buffer taken once: the loop that
            // follows reads element `i` at `data + i * size`.
            for &tensor in &operands {
                let tensor_type = emitter.type_of(tensor);
                let dense = emitter
                    .call("mlc_tensor_dense_for", &[tensor, space], Some(tensor_type))
                    .expect("a result");
                let data =
                    emitter.call("mlc_tensor_data", &[dense], Some(Type::Ptr)).expect("a result");
                // Keyed by the values the loop's loads will see once substituted.
                emitter.dense_data.insert((tensor, space), data);
            }
            Some(space)
        }
        "tensor.space_size" => emitter.call("mlc_space_size", &operands, result),
        "tensor.empty" => {
            let descriptor = emitter.descriptor(&element_of(&result)?)?;
            let tensor = emitter
                .call("mlc_tensor_empty", &[operands[0], descriptor], result)
                .expect("a result");
            let data =
                emitter.call("mlc_tensor_data", &[tensor], Some(Type::Ptr)).expect("a result");
            emitter.empty_data.insert(tensor, data);
            Some(tensor)
        }
        "tensor.load_linear" => {
            let ty = result.expect("a result");
            match emitter.dense_data.get(&(operands[0], operands[1])).copied() {
                Some(data) if element_size(&ty).is_some() => {
                    let offset = scaled(emitter, operands[2], element_size(&ty).expect("checked"));
                    Some(mlc_ir::dialect::ll::load(&mut emitter.builder(), data, offset, ty))
                }
                _ => Some(emitter.call_out("mlc_tensor_load_linear", &operands, ty, false)),
            }
        }
        "tensor.store_linear" => {
            let ty = emitter.type_of(operands[0]);
            match emitter.empty_data.get(&operands[1]).copied() {
                Some(data) if element_size(&ty).is_some() => {
                    let offset = scaled(emitter, operands[2], element_size(&ty).expect("checked"));
                    mlc_ir::dialect::ll::store(&mut emitter.builder(), operands[0], data, offset);
                    None
                }
                _ => {
                    let value = emitter.spill(operands[0]);
                    emitter.call(
                        "mlc_tensor_store_linear",
                        &[operands[1], operands[2], value],
                        None,
                    )
                }
            }
        }
        _ => {
            return Err(format!(
                "`{name}` has no lowering to the low form (fused tensor ops are expected to be \
                 turned into loops by `tensor-to-loops` first)"
            ))
        }
    };
    emitter.replace(op, &value.into_iter().collect::<Vec<_>>());
    Ok(())
}

/// The size in bytes of a tensor element of type `ty` (numbers and `i1`, one byte).
fn element_size(ty: &Type) -> Option<i64> {
    match ty {
        Type::Int(1) => Some(1),
        Type::Int(bits) | Type::UInt(bits) => Some(i64::from(*bits) / 8),
        Type::Float(kind) => Some(i64::from(kind.bits()) / 8),
        _ => None,
    }
}

/// `position * size`, the byte offset of element `position`.
fn scaled(emitter: &mut Emitter<'_>, position: ValueId, size: i64) -> ValueId {
    let size = emitter.i64(size);
    mlc_ir::dialect::arith::binary(
        &mut emitter.builder(),
        &mlc_ir::dialect::arith::MULI,
        position,
        size,
    )
}
