//! Calls: `func.call` (the program's functions, by the convention their declaration chose)
//! and `ll.call` (the runtime's C functions, declared from the call's own types), with the
//! C ABI's conventions for scalars.
//!
//! C ABI (`docs/runtime.md`): an `i1` crosses as a C `bool`, one byte `zeroext`; `i8`/`i16`
//! are `signext` and `u8`/`u16` `zeroext` as clang and rustc mark them; handles, `!mem.ref`
//! and `!ll.ptr` are `ptr`; aggregates, f16 and bf16 never cross.

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::module::Linkage;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, CallSiteValue, FunctionValue};
use mlc_ir::dialect::ll;
use mlc_ir::{Attribute as IrAttribute, OpId, Type};

use crate::function::{FunctionTranslator, Result};
use crate::translate::Convention;
use crate::types::Types;
use crate::CodegenError;

/// Runtime functions that never return (`docs/runtime.md`, "Errors and panics").
const NO_RETURN: &[&str] = &["mlc_panic", "mlc_assert_fail"];

/// The extension attributes of a C function's parameters and result.
pub(crate) struct CAttributes {
    parameters: Vec<Option<&'static str>>,
    result: Option<&'static str>,
}

impl CAttributes {
    /// Puts the attributes on a declaration or definition.
    pub(crate) fn apply(&self, context: &Context, function: FunctionValue<'_>) {
        for (location, name) in self.locations() {
            function.add_attribute(location, enum_attribute(context, name));
        }
    }

    /// Puts the attributes on a call site too, as clang does.
    fn apply_to_call(&self, context: &Context, call: CallSiteValue<'_>) {
        for (location, name) in self.locations() {
            call.add_attribute(location, enum_attribute(context, name));
        }
    }

    fn locations(&self) -> impl Iterator<Item = (AttributeLoc, &'static str)> + '_ {
        let parameters = self
            .parameters
            .iter()
            .enumerate()
            .filter_map(|(index, name)| name.map(|n| (AttributeLoc::Param(index as u32), n)));
        parameters.chain(self.result.map(|n| (AttributeLoc::Return, n)))
    }
}

fn enum_attribute(context: &Context, name: &str) -> Attribute {
    context.create_enum_attribute(Attribute::get_named_enum_kind_id(name), 0)
}

/// The C type of a value of `ty` and its extension attribute.
fn c_type<'ctx>(
    types: &Types<'ctx>,
    ty: &Type,
) -> std::result::Result<(BasicTypeEnum<'ctx>, Option<&'static str>), String> {
    if !ll::is_abi_passable(ty) {
        return Err(format!("type {ty} does not cross the C ABI"));
    }
    let context = types.context();
    Ok(match ty {
        Type::Int(1) | Type::UInt(1) => (context.i8_type().into(), Some("zeroext")),
        Type::Int(8 | 16) => (types.register(ty)?, Some("signext")),
        Type::UInt(8 | 16) => (types.register(ty)?, Some("zeroext")),
        other => (types.register(other)?, None),
    })
}

/// The C function type of a function taking `inputs` and returning `results` (at most one).
pub(crate) fn c_function_type<'ctx>(
    types: &Types<'ctx>,
    inputs: &[Type],
    results: &[Type],
) -> std::result::Result<(FunctionType<'ctx>, CAttributes), String> {
    let mut parameters = Vec::new();
    let mut attributes = Vec::new();
    for ty in inputs {
        let (c, attribute) = c_type(types, ty)?;
        parameters.push(BasicMetadataTypeEnum::from(c));
        attributes.push(attribute);
    }
    let (function_type, result) = match results {
        [] => (types.context().void_type().fn_type(&parameters, false), None),
        [single] => {
            let (c, attribute) = c_type(types, single)?;
            (c.fn_type(&parameters, false), attribute)
        }
        _ => return Err(format!("returns {} values, which the C ABI cannot", results.len())),
    };
    Ok((function_type, CAttributes { parameters: attributes, result }))
}

/// A value of IR type `ty` in its C form: an `i1` widened to a `bool` byte.
pub(crate) fn to_c<'ctx>(
    builder: &Builder<'ctx>,
    value: BasicValueEnum<'ctx>,
    ty: &Type,
) -> std::result::Result<BasicValueEnum<'ctx>, CodegenError> {
    match (ty, value) {
        (Type::Int(1) | Type::UInt(1), BasicValueEnum::IntValue(bit)) => {
            let byte = bit.get_type().get_context().i8_type();
            Ok(builder.build_int_z_extend(bit, byte, "")?.into())
        }
        _ => Ok(value),
    }
}

/// A C value back in the register form of IR type `ty`: a `bool` byte to an `i1`.
pub(crate) fn from_c<'ctx>(
    builder: &Builder<'ctx>,
    value: BasicValueEnum<'ctx>,
    ty: &Type,
) -> std::result::Result<BasicValueEnum<'ctx>, CodegenError> {
    match (ty, value) {
        (Type::Int(1) | Type::UInt(1), BasicValueEnum::IntValue(byte)) => {
            let bit = byte.get_type().get_context().bool_type();
            Ok(builder.build_int_truncate(byte, bit, "")?.into())
        }
        _ => Ok(value),
    }
}

impl<'ctx> FunctionTranslator<'_, 'ctx, '_> {
    /// `func.call %args... {callee = @f}`.
    pub(crate) fn func_call(&mut self, op: OpId) -> Result<()> {
        let callee = match self.ir.ops[op].attributes.get("callee") {
            Some(IrAttribute::SymbolRef(callee)) => callee,
            _ => return Err(self.error(op, "expects a symbol `callee`")),
        };
        let info =
            *self.t.functions.get(callee).ok_or_else(|| {
                self.error(op, &format!("calls the undeclared function @{callee}"))
            })?;
        let mut args = self.operands(op)?;
        if info.convention == Convention::C {
            for (index, arg) in args.iter_mut().enumerate() {
                *arg = to_c(&self.builder, *arg, self.operand_type(op, index))?;
            }
        }
        let args: Vec<BasicMetadataValueEnum> = args.into_iter().map(Into::into).collect();
        let call = self.builder.build_call(info.value, &args, "")?;
        call.set_call_convention(info.value.get_call_conventions());
        let result = call.try_as_basic_value().basic();
        let count = self.ir.ops[op].results.len();
        match (info.convention, count, result) {
            (_, 0, _) => {}
            (Convention::C, 1, Some(value)) => {
                let value = from_c(&self.builder, value, self.result_type(op, 0)?)?;
                self.set_result(op, 0, value);
            }
            (Convention::Internal, 1, Some(value)) => self.set_result(op, 0, value),
            (Convention::Internal, _, Some(BasicValueEnum::StructValue(packed))) => {
                for index in 0..count {
                    let value = self.builder.build_extract_value(packed, index as u32, "")?;
                    self.set_result(op, index, value);
                }
            }
            _ => return Err(self.error(op, &format!("cannot take {count} results from @{callee}"))),
        }
        Ok(())
    }

    /// `ll.call %args... {callee = "mlc_list_len"}`: a C call of a runtime function,
    /// declared from the types of its first call.
    pub(crate) fn ll_call(&mut self, op: OpId) -> Result<()> {
        let callee = self.string_attribute(op, "callee")?;
        let inputs: Vec<Type> =
            (0..self.ir.ops[op].operands.len()).map(|i| self.operand_type(op, i).clone()).collect();
        let results: Vec<Type> =
            self.ir.ops[op].results.iter().map(|&v| self.ir.value_type(v).clone()).collect();
        let (function_type, attributes) = c_function_type(&self.t.types, &inputs, &results)
            .map_err(|e| self.error(op, &format!("call of `{callee}`: {e}")))?;
        let context = self.t.context();
        let function = match self.t.module.get_function(callee) {
            Some(existing) if existing.get_type() == function_type => existing,
            Some(_) => {
                return Err(self.error(
                    op,
                    &format!("calls `{callee}` with a signature other than its earlier uses"),
                ))
            }
            None => {
                let function =
                    self.t.module.add_function(callee, function_type, Some(Linkage::External));
                attributes.apply(context, function);
                if NO_RETURN.contains(&callee) {
                    function
                        .add_attribute(AttributeLoc::Function, enum_attribute(context, "noreturn"));
                    function.add_attribute(AttributeLoc::Function, enum_attribute(context, "cold"));
                }
                function
            }
        };
        let mut args = Vec::new();
        for (index, ty) in inputs.iter().enumerate() {
            args.push(to_c(&self.builder, self.operand(op, index)?, ty)?.into());
        }
        let call = self.builder.build_call(function, &args, "")?;
        attributes.apply_to_call(context, call);
        if let Some(ty) = results.first() {
            let value = call
                .try_as_basic_value()
                .basic()
                .ok_or_else(|| self.error(op, &format!("`{callee}` returns nothing")))?;
            let value = from_c(&self.builder, value, ty)?;
            self.set_result(op, 0, value);
        }
        Ok(())
    }
}
