//! `mem.alloca`, `mem.load`, `mem.store`: slots and stack arrays, and the conversions
//! between a value's register form and its memory form (`i1` as a byte 0 or 1, so zext on
//! the way in and trunc on the way out, through aggregates too).
//!
//! Every alloca goes to the function's first block whatever block it appears in, which
//! makes it a static alloca (promotable, and not one more stack allocation per loop
//! iteration). A stack array is one LLVM array of all its elements, indexed row-major.

use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use mlc_ir::{Dim, OpId, Type};

use crate::function::{FunctionTranslator, Result};

impl<'ctx> FunctionTranslator<'_, 'ctx, '_> {
    pub(crate) fn memory(&mut self, op: OpId, name: &str) -> Result<()> {
        match name {
            "alloca" => self.alloca(op),
            "load" => {
                let (address, element) = self.element_address(op, 0)?;
                let ty = self.memory_type(op, element)?;
                let value = self.builder.build_load(ty, address, "")?;
                let value = self.to_register(op, value, element)?;
                self.set_result(op, 0, value);
                Ok(())
            }
            "store" => {
                let (address, element) = self.element_address(op, 1)?;
                let value = self.to_memory(op, self.operand(op, 0)?, element)?;
                self.builder.build_store(address, value)?;
                Ok(())
            }
            // Reference counts, lists and dicts are runtime calls (`ll.call`) by now.
            _ => Err(self.unsupported(op)),
        }
    }

    fn alloca(&mut self, op: OpId) -> Result<()> {
        let Type::MemRef { element, shape, .. } = self.result_type(op, 0)? else {
            return Err(self.error(op, "expects a !mem.ref result"));
        };
        let element_type = self.memory_type(op, element)?;
        let ty: BasicTypeEnum = if shape.is_empty() {
            element_type
        } else {
            let mut count: u64 = 1;
            for dim in shape {
                let Dim::Static(size) = dim else {
                    return Err(self.error(op, "a stack array needs a static shape"));
                };
                count = count.checked_mul(*size).ok_or_else(|| self.error(op, "is too large"))?;
            }
            let count = u32::try_from(count).map_err(|_| self.error(op, "is too large"))?;
            element_type.array_type(count).into()
        };
        let slot = self.allocas.build_alloca(ty, "")?;
        self.set_result(op, 0, slot);
        Ok(())
    }

    /// The address of the element that the `index` operands after operand `reference` (a
    /// `!mem.ref`) designate, and the element type.
    fn element_address(&self, op: OpId, reference: usize) -> Result<(PointerValue<'ctx>, &Type)> {
        let Type::MemRef { element, shape, strides } = self.operand_type(op, reference) else {
            return Err(self.error(op, "expects a !mem.ref operand"));
        };
        let base = self.pointer_operand(op, reference)?;
        let count = self.ir.ops[op].operands.len() - reference - 1;
        if count == 0 {
            return Ok((base, element));
        }
        // Element strides: the explicit ones, or row-major from the shape (where only the
        // first dimension may be dynamic).
        let strides: Vec<u64> = match strides {
            Some(strides) => strides
                .iter()
                .map(|d| match d {
                    Dim::Static(stride) => Ok(*stride),
                    Dim::Dynamic => Err(self.error(op, "needs static strides")),
                })
                .collect::<Result<_>>()?,
            None => {
                let mut strides = vec![1u64; shape.len()];
                for k in (0..shape.len().saturating_sub(1)).rev() {
                    let Dim::Static(size) = shape[k + 1] else {
                        return Err(self.error(op, "needs a static shape past the first dimension"));
                    };
                    strides[k] = strides[k + 1].wrapping_mul(size);
                }
                strides
            }
        };
        let i64_type = self.t.context().i64_type();
        let mut linear: Option<IntValue> = None;
        for (position, stride) in strides.iter().enumerate().take(count) {
            let index = self.int_operand(op, reference + 1 + position)?;
            let term = if *stride == 1 {
                index
            } else {
                self.builder.build_int_mul(index, i64_type.const_int(*stride, false), "")?
            };
            linear = Some(match linear {
                Some(sum) => self.builder.build_int_add(sum, term, "")?,
                None => term,
            });
        }
        let linear = linear.unwrap_or_else(|| i64_type.const_zero());
        let element_type = self.memory_type(op, element)?;
        // SAFETY: a GEP over the element type with one integer index is well-formed; the
        // IR's indices are in range (stack arrays are indexed within their shape).
        let address =
            unsafe { self.builder.build_in_bounds_gep(element_type, base, &[linear], "") }?;
        Ok((address, element))
    }

    /// `value` (register form of `ty`) in its memory form.
    pub(crate) fn to_memory(
        &self,
        op: OpId,
        value: BasicValueEnum<'ctx>,
        ty: &Type,
    ) -> Result<BasicValueEnum<'ctx>> {
        self.convert_form(op, value, ty, true)
    }

    /// `value` (memory form of `ty`) in its register form.
    pub(crate) fn to_register(
        &self,
        op: OpId,
        value: BasicValueEnum<'ctx>,
        ty: &Type,
    ) -> Result<BasicValueEnum<'ctx>> {
        self.convert_form(op, value, ty, false)
    }

    fn convert_form(
        &self,
        op: OpId,
        value: BasicValueEnum<'ctx>,
        ty: &Type,
        into_memory: bool,
    ) -> Result<BasicValueEnum<'ctx>> {
        if !self.t.types.differs_in_memory(ty) {
            return Ok(value);
        }
        let context = self.t.context();
        match (ty, value) {
            (Type::Int(1) | Type::UInt(1), BasicValueEnum::IntValue(int)) => Ok(if into_memory {
                self.builder.build_int_z_extend(int, context.i8_type(), "")?.into()
            } else {
                self.builder.build_int_truncate(int, context.bool_type(), "")?.into()
            }),
            (_, BasicValueEnum::StructValue(aggregate)) => {
                let elements = self
                    .t
                    .types
                    .elements(ty)
                    .map_err(|e| self.error(op, &e))?
                    .ok_or_else(|| self.error(op, &format!("{ty} is not an aggregate")))?;
                let target = if into_memory {
                    self.memory_type(op, ty)?
                } else {
                    self.register_type(op, ty)?
                };
                let mut converted = target.into_struct_type().get_poison();
                for (index, element) in elements.iter().enumerate() {
                    let field = self.builder.build_extract_value(aggregate, index as u32, "")?;
                    let field = self.convert_form(op, field, element, into_memory)?;
                    converted = self
                        .builder
                        .build_insert_value(converted, field, index as u32, "")?
                        .into_struct_value();
                }
                Ok(converted.into())
            }
            _ => Err(self.error(op, &format!("cannot convert a value of type {ty}"))),
        }
    }
}
