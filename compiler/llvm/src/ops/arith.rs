//! `arith`: constants, integer and float arithmetic, comparisons, `select` and casts, with
//! the edge cases of `docs/runtime.md`: `+ - *` wrap, `divsi`/`remsi` of the minimum by -1
//! give the minimum and 0 (guarded, no trap), float-to-integer casts saturate (NaN gives 0),
//! `maxf`/`minf` propagate NaN and order -0.0 < +0.0, `remf` is C's `fmod`.

use inkwell::types::{BasicTypeEnum, IntType};
use inkwell::values::{BasicValueEnum, IntValue};
use inkwell::{FloatPredicate, IntPredicate};
use mlc_ir::{Attribute, FloatKind, OpId, Type};

use crate::function::{FunctionTranslator, Result};
use crate::ops::narrow::bf16_bits;

use inkwell::values::InstructionOpcode as Opcode;

impl<'ctx> FunctionTranslator<'_, 'ctx, '_> {
    pub(crate) fn arith(&mut self, op: OpId, name: &str) -> Result<()> {
        match name {
            "constant" => self.constant(op),
            "addi" | "subi" | "muli" => {
                if matches!(self.ir.ops[op].attributes.get("checked"), Some(Attribute::Bool(true)))
                {
                    return Err(self.error(
                        op,
                        "`{checked = true}` is lowered by the codegen passes before the back end",
                    ));
                }
                let opcode = match name {
                    "addi" => Opcode::Add,
                    "subi" => Opcode::Sub,
                    _ => Opcode::Mul,
                };
                self.integer_binary(op, opcode)
            }
            "divsi" => self.signed_division(op, false),
            "remsi" => self.signed_division(op, true),
            "divui" => self.integer_binary(op, Opcode::UDiv),
            "remui" => self.integer_binary(op, Opcode::URem),
            "andi" => self.integer_binary(op, Opcode::And),
            "ori" => self.integer_binary(op, Opcode::Or),
            "xori" => self.integer_binary(op, Opcode::Xor),
            "shli" => self.integer_binary(op, Opcode::Shl),
            "shrsi" => self.integer_binary(op, Opcode::AShr),
            "shrui" => self.integer_binary(op, Opcode::LShr),
            "maxsi" => self.integer_intrinsic(op, "llvm.smax"),
            "minsi" => self.integer_intrinsic(op, "llvm.smin"),
            "maxui" => self.integer_intrinsic(op, "llvm.umax"),
            "minui" => self.integer_intrinsic(op, "llvm.umin"),
            "addf" => {
                self.float_operation(op, |t, _, v| Ok(t.builder.build_float_add(v[0], v[1], "")?))
            }
            "subf" => {
                self.float_operation(op, |t, _, v| Ok(t.builder.build_float_sub(v[0], v[1], "")?))
            }
            "mulf" => {
                self.float_operation(op, |t, _, v| Ok(t.builder.build_float_mul(v[0], v[1], "")?))
            }
            "divf" => {
                self.float_operation(op, |t, _, v| Ok(t.builder.build_float_div(v[0], v[1], "")?))
            }
            // LLVM's `frem` is C's `fmod` (and becomes a call of it).
            "remf" => {
                self.float_operation(op, |t, _, v| Ok(t.builder.build_float_rem(v[0], v[1], "")?))
            }
            "negf" => {
                self.float_operation(op, |t, _, v| Ok(t.builder.build_float_neg(v[0], "")?))
            }
            "maxf" => self.float_intrinsic(op, "llvm.maximum"),
            "minf" => self.float_intrinsic(op, "llvm.minimum"),
            "cmpi" => self.compare_integers(op),
            "cmpf" => self.compare_floats(op),
            "select" => {
                let condition = self.int_operand(op, 0)?;
                let (if_true, if_false) = (self.operand(op, 1)?, self.operand(op, 2)?);
                let value = self.builder.build_select(condition, if_true, if_false, "")?;
                self.set_result(op, 0, value);
                Ok(())
            }
            "extsi" | "extui" | "trunci" | "index_cast" => self.integer_cast(op, name),
            "sitofp" | "uitofp" => {
                let value = self.int_operand(op, 0)?;
                let kind = self.result_float_kind(op)?;
                let result = self.int_to_float(op, value, name == "sitofp", kind)?;
                self.set_result(op, 0, result);
                Ok(())
            }
            "fptosi" | "fptoui" => self.float_to_integer(op, name == "fptosi"),
            "extf" | "truncf" => {
                let value = self.operand(op, 0)?;
                let from = self.float_kind(op, 0)?;
                let to = self.result_float_kind(op)?;
                let result = self.convert_float(op, value, from, to)?;
                self.set_result(op, 0, result);
                Ok(())
            }
            "bitcast" => {
                let target = self.register_type(op, self.result_type(op, 0)?)?;
                let value = self.builder.build_bit_cast(self.operand(op, 0)?, target, "")?;
                self.set_result(op, 0, value);
                Ok(())
            }
            "floordivsi" | "floorremsi" | "floordivf" | "floorremf" => Err(self.error(
                op,
                "Python's floor operations are expanded by the codegen passes before the back end",
            )),
            _ => Err(self.unsupported(op)),
        }
    }

    fn constant(&mut self, op: OpId) -> Result<()> {
        let result_type = self.result_type(op, 0)?;
        let ty = self.register_type(op, result_type)?;
        let value: BasicValueEnum = match (self.ir.ops[op].attributes.get("value"), ty) {
            (Some(Attribute::Float { bits, .. }), BasicTypeEnum::IntType(ty))
                if *result_type == Type::Float(FloatKind::BF16) =>
            {
                ty.const_int(u64::from(bf16_bits(f64::from_bits(*bits))), false).into()
            }
            (Some(Attribute::Integer { value, .. }), BasicTypeEnum::IntType(ty)) => {
                integer_constant(ty, *value).into()
            }
            (Some(Attribute::Float { bits, .. }), BasicTypeEnum::FloatType(ty)) => {
                // LLVM rounds the f64 to the type (to nearest even), as the IR's text reads.
                ty.const_float(f64::from_bits(*bits)).into()
            }
            _ => return Err(self.error(op, "expects a `value` of the result type")),
        };
        self.set_result(op, 0, value);
        Ok(())
    }

    fn integer_binary(&mut self, op: OpId, opcode: Opcode) -> Result<()> {
        let (lhs, rhs) = (self.int_operand(op, 0)?, self.int_operand(op, 1)?);
        let value = self.builder.build_binop(opcode, lhs, rhs, "")?;
        self.set_result(op, 0, value);
        Ok(())
    }

    fn integer_intrinsic(&mut self, op: OpId, name: &str) -> Result<()> {
        let (lhs, rhs) = (self.int_operand(op, 0)?, self.int_operand(op, 1)?);
        let value =
            self.intrinsic(op, name, &[lhs.get_type().into()], &[lhs.into(), rhs.into()])?;
        self.set_result(op, 0, value);
        Ok(())
    }

    fn float_intrinsic(&mut self, op: OpId, name: &str) -> Result<()> {
        self.float_operation(op, |t, ty, v| {
            let args: Vec<BasicValueEnum> = v.iter().map(|&x| x.into()).collect();
            Ok(t.intrinsic(op, name, &[ty.into()], &args)?.into_float_value())
        })
    }

    /// `divsi`/`remsi`: a divisor of -1 is replaced by 1 (so `MIN / -1` cannot trap) and the
    /// result fixed up: `x / -1` is the wrapping `-x`, `x % -1` is 0.
    fn signed_division(&mut self, op: OpId, remainder: bool) -> Result<()> {
        let builder = &self.builder;
        let (lhs, rhs) = (self.int_operand(op, 0)?, self.int_operand(op, 1)?);
        let ty = lhs.get_type();
        let minus_one =
            builder.build_int_compare(IntPredicate::EQ, rhs, ty.const_all_ones(), "")?;
        let divisor = builder.build_select(minus_one, ty.const_int(1, false), rhs, "")?;
        let divisor = divisor.into_int_value();
        let value = if remainder {
            let rem = builder.build_int_signed_rem(lhs, divisor, "")?;
            builder.build_select(minus_one, ty.const_zero(), rem, "")?
        } else {
            let quotient = builder.build_int_signed_div(lhs, divisor, "")?;
            let negated = builder.build_int_sub(ty.const_zero(), lhs, "")?;
            builder.build_select(minus_one, negated, quotient, "")?
        };
        self.set_result(op, 0, value);
        Ok(())
    }

    fn compare_integers(&mut self, op: OpId) -> Result<()> {
        let predicate = match self.string_attribute(op, "predicate")? {
            "eq" => IntPredicate::EQ,
            "ne" => IntPredicate::NE,
            "slt" => IntPredicate::SLT,
            "sle" => IntPredicate::SLE,
            "sgt" => IntPredicate::SGT,
            "sge" => IntPredicate::SGE,
            "ult" => IntPredicate::ULT,
            "ule" => IntPredicate::ULE,
            "ugt" => IntPredicate::UGT,
            "uge" => IntPredicate::UGE,
            other => return Err(self.error(op, &format!("unknown predicate `{other}`"))),
        };
        let (lhs, rhs) = (self.int_operand(op, 0)?, self.int_operand(op, 1)?);
        let value = self.builder.build_int_compare(predicate, lhs, rhs, "")?;
        self.set_result(op, 0, value);
        Ok(())
    }

    /// `cmpf` with LLVM's predicates; f16 and bf16 compare in f32 (widening is exact).
    fn compare_floats(&mut self, op: OpId) -> Result<()> {
        let predicate = match self.string_attribute(op, "predicate")? {
            "false" => FloatPredicate::PredicateFalse,
            "oeq" => FloatPredicate::OEQ,
            "ogt" => FloatPredicate::OGT,
            "oge" => FloatPredicate::OGE,
            "olt" => FloatPredicate::OLT,
            "ole" => FloatPredicate::OLE,
            "one" => FloatPredicate::ONE,
            "ord" => FloatPredicate::ORD,
            "ueq" => FloatPredicate::UEQ,
            "ugt" => FloatPredicate::UGT,
            "uge" => FloatPredicate::UGE,
            "ult" => FloatPredicate::ULT,
            "ule" => FloatPredicate::ULE,
            "une" => FloatPredicate::UNE,
            "uno" => FloatPredicate::UNO,
            "true" => FloatPredicate::PredicateTrue,
            other => return Err(self.error(op, &format!("unknown predicate `{other}`"))),
        };
        let kind = self.float_kind(op, 0)?;
        let lhs = self.widen(op, self.operand(op, 0)?, kind)?;
        let rhs = self.widen(op, self.operand(op, 1)?, kind)?;
        let value = self.builder.build_float_compare(predicate, lhs, rhs, "")?;
        self.set_result(op, 0, value);
        Ok(())
    }

    /// `extsi`, `extui`, `trunci` and `index_cast` (which sign-extends `iN`, zero-extends
    /// `uN`, and truncates to narrower types).
    fn integer_cast(&mut self, op: OpId, name: &str) -> Result<()> {
        let value = self.int_operand(op, 0)?;
        let BasicTypeEnum::IntType(target) = self.register_type(op, self.result_type(op, 0)?)?
        else {
            return Err(self.error(op, "expects an integer result"));
        };
        let (from, to) = (value.get_type().get_bit_width(), target.get_bit_width());
        let signed = match name {
            "extsi" => true,
            "extui" => false,
            // `index_cast` widens by the source type: `uN` with zeros, `iN` (`i1` too, as
            // MLIR and the Cranelift back end do) and `index` with their sign.
            _ => !matches!(self.operand_type(op, 0), Type::UInt(_)),
        };
        let builder = &self.builder;
        let result = if to < from {
            builder.build_int_truncate(value, target, "")?
        } else if to == from {
            value
        } else if signed {
            builder.build_int_s_extend(value, target, "")?
        } else {
            builder.build_int_z_extend(value, target, "")?
        };
        self.set_result(op, 0, result);
        Ok(())
    }

    /// `fptosi`/`fptoui`: `llvm.fpto?i.sat` (out-of-range values saturate, NaN gives 0), on
    /// f32 for f16 and bf16 (widening is exact).
    fn float_to_integer(&mut self, op: OpId, signed: bool) -> Result<()> {
        let kind = self.float_kind(op, 0)?;
        let value = self.widen(op, self.operand(op, 0)?, kind)?;
        let target = self.register_type(op, self.result_type(op, 0)?)?;
        let name = if signed { "llvm.fptosi.sat" } else { "llvm.fptoui.sat" };
        let result =
            self.intrinsic(op, name, &[target, value.get_type().into()], &[value.into()])?;
        self.set_result(op, 0, result);
        Ok(())
    }

    fn result_float_kind(&self, op: OpId) -> Result<FloatKind> {
        match self.result_type(op, 0)? {
            Type::Float(kind) => Ok(*kind),
            other => Err(self.error(op, &format!("expects a float result, found {other}"))),
        }
    }
}

/// The integer `value` of an attribute as a constant of `ty`: its low bits (the attribute
/// holds `uN` values above `iN`'s maximum and negative `iN` values alike).
pub(crate) fn integer_constant(ty: IntType<'_>, value: i128) -> IntValue<'_> {
    let bits = value as u128;
    if ty.get_bit_width() <= 64 {
        ty.const_int(bits as u64, false)
    } else {
        ty.const_int_arbitrary_precision(&[bits as u64, (bits >> 64) as u64])
    }
}
