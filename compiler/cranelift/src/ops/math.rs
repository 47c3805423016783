//! `math`: square root, rounding and absolute values natively; the other functions as calls
//! of the C library's (`sin`, `pow`, ... for f64, `sinf`, `powf`, ... for f32 and the
//! narrow floats, whose result is then rounded), as the contract asks.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{InstBuilder, Value};
use mlc_ir::OpId;

use crate::function::Translator;
use crate::types::Scalar;

pub(super) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    short: &str,
) -> Result<bool, String> {
    match short {
        "sqrt" | "floor" | "ceil" | "absf" => {
            let scalar = t.scalar_of(t.result_type(op, 0)?)?;
            let x = t.operand(op, 0)?;
            let value = match short {
                "sqrt" => {
                    let root = t.b.ins().sqrt(x);
                    t.round_to(root, scalar)
                }
                // Exact in every float type.
                "floor" => t.b.ins().floor(x),
                "ceil" => t.b.ins().ceil(x),
                _ => t.b.ins().fabs(x),
            };
            t.define_result(op, value)?;
        }
        "exp" | "log" | "log2" | "log10" | "sin" | "cos" | "tan" | "asin" | "acos" | "atan"
        | "sinh" | "cosh" | "tanh" => {
            let scalar = t.scalar_of(t.result_type(op, 0)?)?;
            let x = t.operand(op, 0)?;
            libm_call(t, op, short, &[x], scalar)?;
        }
        "atan2" | "powf" | "fmod" => {
            let scalar = t.scalar_of(t.result_type(op, 0)?)?;
            let (a, b) = (t.operand(op, 0)?, t.operand(op, 1)?);
            let name = if short == "powf" { "pow" } else { short };
            libm_call(t, op, name, &[a, b], scalar)?;
        }
        "absi" => {
            let scalar = t.scalar_of(t.result_type(op, 0)?)?;
            let x = t.operand(op, 0)?;
            let value = match scalar {
                // `abs` of the minimum wraps to the minimum, like LLVM's `abs(x, false)`.
                Scalar::Int { signed: true, .. } => {
                    let negated = t.b.ins().ineg(x);
                    let negative = t.b.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                    t.b.ins().select(negative, negated, x)
                }
                // Unsigned values are their own absolute value; so is an `i1` (|-1| wraps).
                _ => x,
            };
            t.define_result(op, value)?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Defines the result of `op` as the C library function `name` (f64) or `name` + `f` (f32,
/// f16, bf16) of `args`, rounded to the result's type.
pub(super) fn libm_call(
    t: &mut Translator<'_, '_, '_>,
    op: OpId,
    name: &str,
    args: &[Value],
    scalar: Scalar,
) -> Result<(), String> {
    let (symbol, float) = match scalar {
        Scalar::F64 => (name.to_string(), Scalar::F64),
        Scalar::F32 | Scalar::F16 | Scalar::BF16 => (format!("{name}f"), Scalar::F32),
        other => return Err(format!("expects a float, found {other:?}")),
    };
    let params = vec![float; args.len()];
    let value = t.call_c(&symbol, &params, Some(float), args)?.expect("one result");
    let value = t.round_to(value, scalar);
    t.define_result(op, value)
}
