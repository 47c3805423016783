//! Signatures: the convention of the program's own functions, and C calls.
//!
//! Program functions (`func.func` with a body) take the leaves of their parameters in the
//! host's C calling convention. Their results come back in registers when they are at most
//! two integer and two float leaves (what every supported host returns in registers);
//! otherwise the caller passes a hidden first parameter, the address of a "return area"
//! laid out like the tuple of the results, which the callee fills. Cranelift can return more
//! values only through a deprecated flag (`enable_multi_ret_implicit_sret`), so this
//! convention is built on its primitives instead.
//!
//! C calls (`ll.call`, `extern` declarations) pass each operand as one C scalar: `i1` as a
//! `bool` (a zero-extended byte), narrow integers extended by their signedness, as C
//! compilers expect of a caller.

use cranelift_codegen::ir::{types, AbiParam, Signature};
use cranelift_codegen::isa::CallConv;
use mlc_ir::Type;

use crate::types::{Layout, Scalar, Types};

/// How many leaves of each register class a result may have to come back in registers.
const RESULT_REGISTERS_PER_CLASS: usize = 2;

/// The parameter (or result) of one leaf, with the extension C expects of narrow integers.
pub(crate) fn abi_param(scalar: Scalar, pointer: types::Type) -> AbiParam {
    let param = AbiParam::new(scalar.clif(pointer));
    match scalar {
        Scalar::Bool | Scalar::Int { bits: 8 | 16, signed: false } => param.uext(),
        Scalar::Int { bits: 8 | 16, signed: true } => param.sext(),
        _ => param,
    }
}

/// The convention of a program function.
#[derive(Clone, Debug)]
pub(crate) struct InternalAbi {
    /// The layout of the results when they are returned through memory.
    pub return_area: Option<Layout>,
    pub signature: Signature,
}

pub(crate) fn internal(
    types: &mut Types<'_>,
    call_conv: CallConv,
    pointer: types::Type,
    inputs: &[Type],
    results: &[Type],
) -> Result<InternalAbi, String> {
    let params = types.leaves_of_all(inputs)?;
    let result_leaves = types.leaves_of_all(results)?;
    let floats = result_leaves.iter().filter(|s| s.is_float()).count();
    let integers = result_leaves.len() - floats;
    let in_registers =
        floats <= RESULT_REGISTERS_PER_CLASS && integers <= RESULT_REGISTERS_PER_CLASS;
    let return_area =
        if in_registers { None } else { Some(types.layout(&Type::Tuple(results.to_vec()))?) };
    let mut signature = Signature::new(call_conv);
    if return_area.is_some() {
        signature.params.push(AbiParam::new(pointer));
    } else {
        signature.returns.extend(result_leaves.iter().map(|&s| abi_param(s, pointer)));
    }
    signature.params.extend(params.iter().map(|&s| abi_param(s, pointer)));
    Ok(InternalAbi { return_area, signature })
}

/// The scalar a C call passes for `ty`, or why it cannot.
pub(crate) fn c_scalar(ty: &Type) -> Result<Scalar, String> {
    if !mlc_ir::dialect::ll::is_abi_passable(ty) {
        return Err(format!("a value of type {ty} does not cross the C ABI"));
    }
    // Every ABI-passable type is a scalar.
    Ok(Scalar::of(ty)?.expect("ABI-passable types are scalars"))
}

/// The signature of a C function taking `params` and returning `result`.
pub(crate) fn c_signature(
    call_conv: CallConv,
    pointer: types::Type,
    params: &[Scalar],
    result: Option<Scalar>,
) -> Signature {
    let mut signature = Signature::new(call_conv);
    signature.params.extend(params.iter().map(|&s| abi_param(s, pointer)));
    signature.returns.extend(result.map(|s| abi_param(s, pointer)));
    signature
}
