//! f16 and bf16 (`docs/runtime.md`): arithmetic is done in f32 and rounded back to the
//! type after each operation (round to nearest even), which is exactly what IEEE arithmetic
//! on the narrow type gives for `+ - * / sqrt`.
//!
//! In registers and memory an f16 is LLVM's `half`, but a bf16 is an `i16` of its bits, and
//! every conversion to bf16 is written out here in integer operations: LLVM 19 on x86-64
//! promotes `bfloat` values (even ones only passed along, through phis and calls) to f32 and
//! back with `__truncsfbf2`, which Debian's libgcc 12 lacks, and with AVX512-BF16 with
//! `vcvtneps2bf16`, which flushes subnormals to zero. Conversions to f16 are LLVM's
//! `fptrunc` (F16C instructions or libgcc's `__trunc?fhf2`, both correctly rounded).

use inkwell::types::{BasicTypeEnum, FloatType};
use inkwell::values::{BasicValueEnum, FloatValue, IntValue};
use inkwell::FloatPredicate;
use inkwell::IntPredicate;
use mlc_ir::{FloatKind, OpId};

use crate::function::{FunctionTranslator, Result};

/// The float type arithmetic on `kind` is done in.
pub(crate) fn compute_kind(kind: FloatKind) -> FloatKind {
    match kind {
        FloatKind::F16 | FloatKind::BF16 => FloatKind::F32,
        other => other,
    }
}

/// The bits of the bf16 nearest to `value` (ties to even): the constants' rounding, the
/// same steps as the generated code's (`f64_to_f32_odd` then `f32_to_bf16`).
pub(crate) fn bf16_bits(value: f64) -> u16 {
    if value.is_nan() {
        return if value.is_sign_negative() { 0xFFC0 } else { 0x7FC0 };
    }
    let nearest = value as f32;
    let mut bits = nearest.to_bits();
    let inexact = f64::from(nearest) != value;
    if inexact && f64::from(nearest).abs() > value.abs() {
        bits -= 1;
    }
    if inexact {
        bits |= 1;
    }
    let odd = (bits >> 16) & 1;
    (bits.wrapping_add(0x7FFF + odd) >> 16) as u16
}

impl<'ctx> FunctionTranslator<'_, 'ctx, '_> {
    /// The LLVM float type of f16, f32 or f64 (a bf16 has none: it is `i16` bits).
    pub(crate) fn float_type(&self, kind: FloatKind) -> FloatType<'ctx> {
        let context = self.t.context();
        match kind {
            FloatKind::F16 => context.f16_type(),
            FloatKind::BF16 | FloatKind::F32 => context.f32_type(),
            FloatKind::F64 => context.f64_type(),
        }
    }

    /// A value of float type `kind` (register form) in its compute type: f16 and bf16
    /// widened (exactly) to f32.
    pub(crate) fn widen(
        &self,
        op: OpId,
        value: BasicValueEnum<'ctx>,
        kind: FloatKind,
    ) -> Result<FloatValue<'ctx>> {
        match (kind, value) {
            (FloatKind::BF16, BasicValueEnum::IntValue(bits)) => self.bf16_to_f32(bits),
            (FloatKind::F16, BasicValueEnum::FloatValue(half)) => {
                Ok(self.builder.build_float_ext(half, self.float_type(FloatKind::F32), "")?)
            }
            (FloatKind::F32 | FloatKind::F64, BasicValueEnum::FloatValue(value)) => Ok(value),
            _ => Err(self.error(op, &format!("expects a {} value", kind.name()))),
        }
    }

    /// `value`, an f32 or f64 (`from`), as the nearest value of type `to` (round to nearest
    /// even), in `to`'s register form.
    pub(crate) fn round_float(
        &self,
        op: OpId,
        value: FloatValue<'ctx>,
        from: FloatKind,
        to: FloatKind,
    ) -> Result<BasicValueEnum<'ctx>> {
        use FloatKind::*;
        let builder = &self.builder;
        Ok(match (from, to) {
            _ if from == to => value.into(),
            (F32, F64) => builder.build_float_ext(value, self.float_type(F64), "")?.into(),
            (_, F16 | F32) => builder.build_float_trunc(value, self.float_type(to), "")?.into(),
            (F32, BF16) => self.f32_to_bf16(value)?.into(),
            (_, BF16) => {
                // Rounding to f32 to odd first keeps the one rounding to bf16 exact: f32 has
                // more than twice bf16's precision plus two bits.
                let odd = self.f64_to_f32_odd(op, value)?;
                self.f32_to_bf16(odd)?.into()
            }
            (_, F64) => return Err(self.error(op, "cannot widen a narrow float to f64 here")),
        })
    }

    /// `value` of type `from` as the nearest value of type `to`, both register forms.
    pub(crate) fn convert_float(
        &self,
        op: OpId,
        value: BasicValueEnum<'ctx>,
        from: FloatKind,
        to: FloatKind,
    ) -> Result<BasicValueEnum<'ctx>> {
        if from == to {
            return Ok(value);
        }
        let wide = self.widen(op, value, from)?;
        self.round_float(op, wide, compute_kind(from), to)
    }

    /// The integer `value` (signed or not) as the nearest float of `kind`.
    pub(crate) fn int_to_float(
        &self,
        op: OpId,
        value: IntValue<'ctx>,
        signed: bool,
        kind: FloatKind,
    ) -> Result<BasicValueEnum<'ctx>> {
        let builder = &self.builder;
        let convert = |target: FloatType<'ctx>| {
            if signed {
                builder.build_signed_int_to_float(value, target, "")
            } else {
                builder.build_unsigned_int_to_float(value, target, "")
            }
        };
        let f32_type = self.float_type(FloatKind::F32);
        Ok(match kind {
            FloatKind::F32 | FloatKind::F64 => convert(self.float_type(kind))?.into(),
            // An integer that f32 rounds is at least 2^24, far beyond f16's range, so
            // rounding it again to f16 still gives infinity: no double rounding.
            FloatKind::F16 => {
                let wide = convert(f32_type)?;
                builder.build_float_trunc(wide, self.float_type(FloatKind::F16), "")?.into()
            }
            FloatKind::BF16 => {
                let magnitude_bits = value.get_type().get_bit_width() - u32::from(signed);
                let wide = if magnitude_bits <= 24 {
                    convert(f32_type)?
                } else {
                    self.int_to_f32_odd(op, value, signed)?
                };
                self.f32_to_bf16(wide)?.into()
            }
        })
    }

    /// bf16 to f32: the bits shifted into the upper half (exact, NaNs kept).
    fn bf16_to_f32(&self, bits: IntValue<'ctx>) -> Result<FloatValue<'ctx>> {
        let context = self.t.context();
        let builder = &self.builder;
        let wide = builder.build_int_z_extend(bits, context.i32_type(), "")?;
        let shifted =
            builder.build_left_shift(wide, context.i32_type().const_int(16, false), "")?;
        Ok(builder.build_bit_cast(shifted, context.f32_type(), "")?.into_float_value())
    }

    /// f32 to bf16 bits, rounding to nearest even.
    fn f32_to_bf16(&self, value: FloatValue<'ctx>) -> Result<IntValue<'ctx>> {
        let context = self.t.context();
        let builder = &self.builder;
        let i32_type = context.i32_type();
        let constant = |v: u64| i32_type.const_int(v, false);
        let bits = builder.build_bit_cast(value, i32_type, "")?.into_int_value();
        let upper = builder.build_right_shift(bits, constant(16), false, "")?;
        // Adding 0x7FFF, plus one when the kept part is odd, carries exactly when the
        // dropped half is above one half, or one half with an odd kept part. A carry into
        // the exponent is right too: the largest finite values round to infinity.
        let odd = builder.build_and(upper, constant(1), "")?;
        let bias = builder.build_int_add(odd, constant(0x7FFF), "")?;
        let sum = builder.build_int_add(bits, bias, "")?;
        let rounded = builder.build_right_shift(sum, constant(16), false, "")?;
        // A NaN becomes the quiet NaN of its sign (the payload is not kept: the Cranelift
        // back end gives the same bits).
        let sign = builder.build_and(upper, constant(0x8000), "")?;
        let quiet_nan = builder.build_or(sign, constant(0x7FC0), "")?;
        let is_nan = builder.build_float_compare(FloatPredicate::UNO, value, value, "")?;
        let chosen = builder.build_select(is_nan, quiet_nan, rounded, "")?.into_int_value();
        Ok(builder.build_int_truncate(chosen, context.i16_type(), "")?)
    }

    /// f64 to f32 rounded to odd: toward zero, with the last bit set when inexact.
    fn f64_to_f32_odd(&self, op: OpId, value: FloatValue<'ctx>) -> Result<FloatValue<'ctx>> {
        let context = self.t.context();
        let builder = &self.builder;
        let i32_type = context.i32_type();
        let nearest = builder.build_float_trunc(value, context.f32_type(), "")?;
        let back = builder.build_float_ext(nearest, context.f64_type(), "")?;
        // Ordered: a NaN is "exact" and passes through unchanged.
        let inexact = builder.build_float_compare(FloatPredicate::ONE, back, value, "")?;
        let f64_type: BasicTypeEnum = context.f64_type().into();
        let back_abs = self.intrinsic(op, "llvm.fabs", &[f64_type], &[back.into()])?;
        let value_abs = self.intrinsic(op, "llvm.fabs", &[f64_type], &[value.into()])?;
        let away = builder.build_float_compare(
            FloatPredicate::OGT,
            back_abs.into_float_value(),
            value_abs.into_float_value(),
            "",
        )?;
        let bits = builder.build_bit_cast(nearest, i32_type, "")?.into_int_value();
        // Sign and magnitude: one less in the bits is one step toward zero.
        let toward_zero = builder.build_int_sub(bits, i32_type.const_int(1, false), "")?;
        let rounded_away = builder.build_and(inexact, away, "")?;
        let truncated = builder.build_select(rounded_away, toward_zero, bits, "")?.into_int_value();
        let sticky = builder.build_int_z_extend(inexact, i32_type, "")?;
        let odd = builder.build_or(truncated, sticky, "")?;
        Ok(builder.build_bit_cast(odd, context.f32_type(), "")?.into_float_value())
    }

    /// A wide integer to f32 rounded to odd: the magnitude cut to its 24 leading bits, the
    /// last kept bit set when a dropped bit was, then converted exactly.
    fn int_to_f32_odd(
        &self,
        op: OpId,
        value: IntValue<'ctx>,
        signed: bool,
    ) -> Result<FloatValue<'ctx>> {
        let builder = &self.builder;
        let ty = value.get_type();
        let constant = |v: u64| ty.const_int(v, false);
        let zero = constant(0);
        let negative = if signed {
            builder.build_int_compare(IntPredicate::SLT, value, zero, "")?
        } else {
            self.t.context().bool_type().const_zero()
        };
        // The minimum's negation is itself, whose unsigned value is the right magnitude.
        let negated = builder.build_int_sub(zero, value, "")?;
        let magnitude = builder.build_select(negative, negated, value, "")?.into_int_value();
        let leading_zeros = self
            .intrinsic(
                op,
                "llvm.ctlz",
                &[ty.into()],
                &[magnitude.into(), self.t.context().bool_type().const_zero().into()],
            )?
            .into_int_value();
        let significant =
            builder.build_int_sub(constant(u64::from(ty.get_bit_width())), leading_zeros, "")?;
        let too_many =
            builder.build_int_compare(IntPredicate::UGT, significant, constant(24), "")?;
        let excess = builder.build_int_sub(significant, constant(24), "")?;
        let dropped = builder.build_select(too_many, excess, zero, "")?.into_int_value();
        let unit = builder.build_left_shift(constant(1), dropped, "")?;
        let mask = builder.build_int_sub(unit, constant(1), "")?;
        let low = builder.build_and(magnitude, mask, "")?;
        let sticky = builder.build_int_compare(IntPredicate::NE, low, zero, "")?;
        let kept = builder.build_and(magnitude, builder.build_not(mask, "")?, "")?;
        let sticky_bit = builder.build_select(sticky, unit, zero, "")?.into_int_value();
        let odd = builder.build_or(kept, sticky_bit, "")?;
        let f32_type = self.t.context().f32_type();
        let converted = builder.build_unsigned_int_to_float(odd, f32_type, "")?;
        let negated = builder.build_float_neg(converted, "")?;
        Ok(builder.build_select(negative, negated, converted, "")?.into_float_value())
    }
}

impl<'ctx> FunctionTranslator<'_, 'ctx, '_> {
    /// The float kind of operand `index` of `op`.
    pub(crate) fn float_kind(&self, op: OpId, index: usize) -> Result<FloatKind> {
        match self.operand_type(op, index) {
            mlc_ir::Type::Float(kind) => Ok(*kind),
            other => Err(self.error(op, &format!("expects a float operand, found {other}"))),
        }
    }

    /// A float op whose operands and result share one type: `compute` runs in that type,
    /// or in f32 for f16 and bf16, whose result is then rounded back.
    pub(crate) fn float_operation(
        &mut self,
        op: OpId,
        compute: impl FnOnce(&Self, FloatType<'ctx>, &[FloatValue<'ctx>]) -> Result<FloatValue<'ctx>>,
    ) -> Result<()> {
        let kind = self.float_kind(op, 0)?;
        let work = compute_kind(kind);
        let mut operands = Vec::new();
        for index in 0..self.ir.ops[op].operands.len() {
            operands.push(self.widen(op, self.operand(op, index)?, kind)?);
        }
        let result = compute(self, self.float_type(work), &operands)?;
        let result = self.round_float(op, result, work, kind)?;
        self.set_result(op, 0, result);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::bf16_bits;

    #[test]
    fn bf16_constants_round_once_to_nearest_even() {
        assert_eq!(bf16_bits(1.0), 0x3F80);
        assert_eq!(bf16_bits(0.1), 0x3DCD);
        assert_eq!(bf16_bits(-2.5), 0xC020);
        // 1 + 2^-8 is a tie (to even, down); 2^-40 above it rounds up, which rounding to
        // f32 first would lose.
        assert_eq!(bf16_bits(1.0 + 2f64.powi(-8)), 0x3F80);
        assert_eq!(bf16_bits(1.0 + 2f64.powi(-8) + 2f64.powi(-40)), 0x3F81);
        assert_eq!(bf16_bits(1e300), 0x7F80);
        assert_eq!(bf16_bits(-1e-300), 0x8000);
        assert_eq!(bf16_bits(f64::NEG_INFINITY), 0xFF80);
        assert_eq!(bf16_bits(f64::NAN), 0x7FC0);
        // The smallest subnormal, and half of it (a tie, to even: zero).
        assert_eq!(bf16_bits(2f64.powi(-133)), 0x0001);
        assert_eq!(bf16_bits(2f64.powi(-134)), 0x0000);
    }
}
