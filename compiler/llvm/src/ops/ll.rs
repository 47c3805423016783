//! The `ll` dialect but `ll.call` (in `calls`): constant C strings, slot addresses, zero
//! values, raw loads and stores at byte offsets, overflow tests.

use inkwell::module::Linkage;
use inkwell::values::{BasicValue, BasicValueEnum, PointerValue};
use mlc_ir::{OpId, Type};

use crate::function::{FunctionTranslator, Result};

impl<'ctx> FunctionTranslator<'_, 'ctx, '_> {
    pub(crate) fn ll(&mut self, op: OpId, name: &str) -> Result<()> {
        match name {
            "cstring" => {
                let text = self.string_attribute(op, "value")?;
                let address = self.cstring(text);
                self.set_result(op, 0, address);
                Ok(())
            }
            // A slot or stack array already is its address.
            "address" => {
                let slot = self.pointer_operand(op, 0)?;
                self.set_result(op, 0, slot);
                Ok(())
            }
            "zero" => {
                let ty = self.register_type(op, self.result_type(op, 0)?)?;
                self.set_result(op, 0, ty.const_zero());
                Ok(())
            }
            "load" => {
                let address = self.byte_address(op, 0, 1)?;
                let ty = self.result_type(op, 0)?;
                let value = self.builder.build_load(self.memory_type(op, ty)?, address, "")?;
                if let Some(instruction) = value.as_instruction_value() {
                    self.tag_memory(op, instruction);
                }
                let value = self.to_register(op, value, ty)?;
                self.set_result(op, 0, value);
                Ok(())
            }
            "store" => {
                let address = self.byte_address(op, 1, 2)?;
                let value = self.to_memory(op, self.operand(op, 0)?, self.operand_type(op, 0))?;
                let instruction = self.builder.build_store(address, value)?;
                self.tag_memory(op, instruction);
                Ok(())
            }
            "is_null" => {
                let pointer = self.pointer_operand(op, 0)?;
                let null = self.builder.build_is_null(pointer, "")?;
                self.set_result(op, 0, null);
                Ok(())
            }
            "overflows" => self.overflows(op),
            _ => Err(self.unsupported(op)),
        }
    }

    /// Type-based alias metadata: an `ll.load` marked `{memory = "object"}` reads a field of
    /// a runtime object (a list's length or buffer), which generated code never writes; every
    /// other `ll.load`/`ll.store` touches element buffers or stack arrays. Two TBAA types
    /// under one root tell LLVM the two never alias, so a loop's stores to elements do not
    /// keep it from hoisting the length and buffer loads out of the loop.
    fn tag_memory(&self, op: OpId, instruction: inkwell::values::InstructionValue<'ctx>) {
        let context = self.t.context();
        let object = matches!(
            self.ir.ops[op].attributes.get("memory"),
            Some(mlc_ir::Attribute::String(kind)) if kind == "object"
        );
        let root = context.metadata_node(&[context.metadata_string("mlc tbaa").into()]);
        let name = if object { "runtime object field" } else { "element" };
        let zero = context.i64_type().const_zero();
        let scalar = context.metadata_node(&[
            context.metadata_string(name).into(),
            root.into(),
            zero.into(),
        ]);
        let tag = context.metadata_node(&[scalar.into(), scalar.into(), zero.into()]);
        // Setting metadata on a load or store cannot fail.
        instruction.set_metadata(tag, context.get_kind_id("tbaa")).ok();
    }

    /// The address of a private, unnamed_addr, NUL-terminated constant copy of `text`, one
    /// per distinct text in the module.
    fn cstring(&mut self, text: &str) -> PointerValue<'ctx> {
        if let Some(global) = self.t.cstrings.get(text) {
            return global.as_pointer_value();
        }
        let context = self.t.context();
        let bytes = context.const_string(text.as_bytes(), true);
        let name = format!(".str.{}", self.t.cstrings.len());
        let global = self.t.module.add_global(bytes.get_type(), None, &name);
        global.set_initializer(&bytes);
        global.set_constant(true);
        global.set_linkage(Linkage::Private);
        global.set_unnamed_addr(true);
        global.set_alignment(1);
        self.t.cstrings.insert(text.to_string(), global);
        global.as_pointer_value()
    }

    /// `pointer + offset` bytes, from operands `pointer` (`!ll.ptr`) and `offset` (`i64`).
    fn byte_address(&self, op: OpId, pointer: usize, offset: usize) -> Result<PointerValue<'ctx>> {
        let base = self.pointer_operand(op, pointer)?;
        let offset = self.int_operand(op, offset)?;
        let byte = self.t.context().i8_type();
        // SAFETY: a byte GEP with one integer index is well-formed. Not `inbounds`: the
        // runtime's pointers are not known to LLVM as objects.
        Ok(unsafe { self.builder.build_gep(byte, base, &[offset], "") }?)
    }

    /// `ll.overflows %a, %b {kind}`: the overflow bit of `llvm.{s,u}{add,sub,mul}.with.overflow`,
    /// signed for `iN`, unsigned for `uN`.
    fn overflows(&mut self, op: OpId) -> Result<()> {
        let kind = self.string_attribute(op, "kind")?;
        if !matches!(kind, "add" | "sub" | "mul") {
            return Err(self.error(op, &format!("unknown kind `{kind}`")));
        }
        let sign = match self.operand_type(op, 0) {
            Type::Int(_) => 's',
            Type::UInt(_) => 'u',
            other => {
                return Err(self.error(op, &format!("expects integer operands, found {other}")))
            }
        };
        let (lhs, rhs) = (self.int_operand(op, 0)?, self.int_operand(op, 1)?);
        let name = format!("llvm.{sign}{kind}.with.overflow");
        let pair =
            self.intrinsic(op, &name, &[lhs.get_type().into()], &[lhs.into(), rhs.into()])?;
        let BasicValueEnum::StructValue(pair) = pair else {
            return Err(self.error(op, &format!("`{name}` does not give a pair")));
        };
        let overflowed = self.builder.build_extract_value(pair, 1, "")?;
        self.set_result(op, 0, overflowed);
        Ok(())
    }
}
