//! `agg`: tuples and structs are LLVM literal structs in registers, so making, reading and
//! replacing an element are `insertvalue`/`extractvalue`.

use inkwell::types::BasicTypeEnum;
use mlc_ir::OpId;

use crate::function::{FunctionTranslator, Result};

impl FunctionTranslator<'_, '_, '_> {
    pub(crate) fn aggregate(&mut self, op: OpId, name: &str) -> Result<()> {
        match name {
            "make" => {
                let BasicTypeEnum::StructType(ty) =
                    self.register_type(op, self.result_type(op, 0)?)?
                else {
                    return Err(self.error(op, "expects a tuple or struct result"));
                };
                let elements = self.operands(op)?;
                // Every field is written below, so the poison never shows.
                let value = self.build_struct(ty.get_poison(), &elements)?;
                self.set_result(op, 0, value);
                Ok(())
            }
            "extract" => {
                let aggregate = self.struct_operand(op, 0)?;
                let index = self.index_attribute(op, "index")?;
                let value = self
                    .builder
                    .build_extract_value(aggregate, index, "")
                    .map_err(|e| self.error(op, &format!("index {index}: {e}")))?;
                self.set_result(op, 0, value);
                Ok(())
            }
            "insert" => {
                let aggregate = self.struct_operand(op, 0)?;
                let element = self.operand(op, 1)?;
                let index = self.index_attribute(op, "index")?;
                let value = self
                    .builder
                    .build_insert_value(aggregate, element, index, "")
                    .map_err(|e| self.error(op, &format!("index {index}: {e}")))?
                    .into_struct_value();
                self.set_result(op, 0, value);
                Ok(())
            }
            _ => Err(self.unsupported(op)),
        }
    }
}
