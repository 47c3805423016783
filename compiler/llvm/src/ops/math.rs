//! `math`: the C library's functions (`docs/runtime.md`), as LLVM intrinsics where LLVM has
//! one that lowers to that function or an exact instruction, and as calls of the C library
//! (`tan`, `tanf`...) otherwise. f16 and bf16 compute in f32 and round back.

use inkwell::values::{BasicValueEnum, FloatValue};
use mlc_ir::{OpId, Type};

use crate::function::{FunctionTranslator, Result};

impl<'ctx> FunctionTranslator<'_, 'ctx, '_> {
    pub(crate) fn math(&mut self, op: OpId, name: &str) -> Result<()> {
        match name {
            "sqrt" | "exp" | "log" | "log2" | "log10" | "sin" | "cos" | "floor" | "ceil" => {
                self.math_intrinsic(op, &format!("llvm.{name}"))
            }
            "absf" => self.math_intrinsic(op, "llvm.fabs"),
            "powf" => self.math_intrinsic(op, "llvm.pow"),
            "tan" | "asin" | "acos" | "atan" | "sinh" | "cosh" | "tanh" | "atan2" => self
                .float_operation(op, |t, ty, v| {
                    let single = ty == t.t.context().f32_type();
                    t.call_libm(op, &libm_name(name, single), ty, v)
                }),
            "fmod" => {
                self.float_operation(op, |t, _, v| Ok(t.builder.build_float_rem(v[0], v[1], "")?))
            }
            "absi" => self.absolute_integer(op),
            "ipowi" | "fpowi" => Err(self.error(
                op,
                "integer powers are runtime calls or `math.powf` once the codegen passes ran",
            )),
            _ => Err(self.unsupported(op)),
        }
    }

    fn math_intrinsic(&mut self, op: OpId, name: &str) -> Result<()> {
        self.float_operation(op, |t, ty, v: &[FloatValue<'ctx>]| {
            let args: Vec<BasicValueEnum> = v.iter().map(|&x| x.into()).collect();
            Ok(t.intrinsic(op, name, &[ty.into()], &args)?.into_float_value())
        })
    }

    /// `absi`: `llvm.abs` without the poison flag, so the minimum stays the minimum
    /// (wrapping); an unsigned value is its own absolute value.
    fn absolute_integer(&mut self, op: OpId) -> Result<()> {
        let value = self.int_operand(op, 0)?;
        let result = if matches!(self.operand_type(op, 0), Type::UInt(_)) {
            value.into()
        } else {
            let no_poison = self.t.context().bool_type().const_zero();
            self.intrinsic(
                op,
                "llvm.abs",
                &[value.get_type().into()],
                &[value.into(), no_poison.into()],
            )?
        };
        self.set_result(op, 0, result);
        Ok(())
    }
}

/// The C library's name of `name`: `tan` for double, `tanf` for float.
fn libm_name(name: &str, single: bool) -> String {
    if single {
        format!("{name}f")
    } else {
        name.to_string()
    }
}
