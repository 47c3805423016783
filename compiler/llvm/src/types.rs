//! IR types to LLVM types (`docs/runtime.md`, "Values" and "Layout").
//!
//! A value has two LLVM forms. In registers: integers as `iN` (`i1` for `bool`, `index` as
//! `i64`), `half`, `i16` (the bits of a bf16), `float`, `double`, every handle, `!mem.ref` and `!ll.ptr` as `ptr`,
//! tuples and structs as literal (unnamed, non-packed) structs of their elements. In memory:
//! the same but `i1` is a byte (`i8`, 0 or 1), which keeps LLVM's layout of the literal struct
//! equal to the C layout the runtime computes, and the stored byte well defined.

use std::collections::HashMap;

use inkwell::context::Context;
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::AddressSpace;
use mlc_ir::dialect::{builtin, func};
use mlc_ir::{Attribute, FloatKind, Module, Type};

pub(crate) struct Types<'ctx> {
    context: &'ctx Context,
    /// The field types of each `builtin.struct`, by name.
    structs: HashMap<String, Vec<Type>>,
}

/// Which of the two forms of a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Register,
    Memory,
}

impl<'ctx> Types<'ctx> {
    pub(crate) fn new(context: &'ctx Context, module: &Module) -> Types<'ctx> {
        let mut structs = HashMap::new();
        for &op in &module.blocks[module.body()].ops {
            let data = &module.ops[op];
            if data.erased || !std::ptr::eq(data.definition, &builtin::STRUCT) {
                continue;
            }
            let Some(name) = func::name(module, op) else { continue };
            let Some(Attribute::Array(fields)) = data.attributes.get("fields") else { continue };
            let fields = fields
                .iter()
                .filter_map(|f| match f {
                    Attribute::Type(ty) => Some(ty.clone()),
                    _ => None,
                })
                .collect();
            structs.insert(name.to_string(), fields);
        }
        Types { context, structs }
    }

    pub(crate) fn context(&self) -> &'ctx Context {
        self.context
    }

    /// The element types of a tuple or the field types of a struct; `None` for other types.
    pub(crate) fn elements(&self, ty: &Type) -> Result<Option<Vec<Type>>, String> {
        match ty {
            Type::Tuple(elements) => Ok(Some(elements.clone())),
            Type::Struct(name) => match self.structs.get(name) {
                Some(fields) => Ok(Some(fields.clone())),
                None => Err(format!("struct `{name}` has no `builtin.struct` layout")),
            },
            _ => Ok(None),
        }
    }

    /// The LLVM type of a value of `ty` in registers (SSA values, arguments, results).
    pub(crate) fn register(&self, ty: &Type) -> Result<BasicTypeEnum<'ctx>, String> {
        self.lower(ty, Form::Register, &mut Vec::new())
    }

    /// The LLVM type of a value of `ty` in memory (slots, stack arrays, `ll.load`).
    pub(crate) fn memory(&self, ty: &Type) -> Result<BasicTypeEnum<'ctx>, String> {
        self.lower(ty, Form::Memory, &mut Vec::new())
    }

    /// Whether the two forms of `ty` differ (it holds an `i1`), so that loads and stores
    /// convert between them.
    pub(crate) fn differs_in_memory(&self, ty: &Type) -> bool {
        match ty {
            Type::Int(1) | Type::UInt(1) => true,
            Type::Tuple(_) | Type::Struct(_) => self
                .elements(ty)
                .ok()
                .flatten()
                .is_some_and(|elements| elements.iter().any(|e| self.differs_in_memory(e))),
            _ => false,
        }
    }

    pub(crate) fn ptr(&self) -> BasicTypeEnum<'ctx> {
        self.context.ptr_type(AddressSpace::default()).as_basic_type_enum()
    }

    fn lower(
        &self,
        ty: &Type,
        form: Form,
        // The structs being expanded, to report one that contains itself instead of recursing.
        expanding: &mut Vec<String>,
    ) -> Result<BasicTypeEnum<'ctx>, String> {
        let context = self.context;
        Ok(match ty {
            Type::Int(1) | Type::UInt(1) if form == Form::Memory => {
                context.i8_type().as_basic_type_enum()
            }
            Type::Int(bits) | Type::UInt(bits) => {
                let width = std::num::NonZeroU32::new(*bits)
                    .ok_or_else(|| "an integer type of width 0".to_string())?;
                context.custom_width_int_type(width)?.as_basic_type_enum()
            }
            Type::Index => context.i64_type().as_basic_type_enum(),
            Type::Float(FloatKind::F16) => context.f16_type().as_basic_type_enum(),
            // Its bits: see `ops/narrow.rs` for why not LLVM's `bfloat`.
            Type::Float(FloatKind::BF16) => context.i16_type().as_basic_type_enum(),
            Type::Float(FloatKind::F32) => context.f32_type().as_basic_type_enum(),
            Type::Float(FloatKind::F64) => context.f64_type().as_basic_type_enum(),
            // `none` as a value carries nothing: the empty struct (size 0, like `tuple<>`).
            Type::None => context.struct_type(&[], false).as_basic_type_enum(),
            Type::Tuple(elements) => self.aggregate(elements, form, expanding)?,
            Type::Struct(name) => {
                if expanding.contains(name) {
                    return Err(format!("struct `{name}` contains itself"));
                }
                let fields = self
                    .structs
                    .get(name)
                    .ok_or_else(|| format!("struct `{name}` has no `builtin.struct` layout"))?;
                expanding.push(name.clone());
                let lowered = self.aggregate(fields, form, expanding)?;
                expanding.pop();
                lowered
            }
            Type::MemRef { .. } | Type::Ptr => self.ptr(),
            handle if handle.is_handle() => self.ptr(),
            other => return Err(format!("type {other} has no machine representation")),
        })
    }

    fn aggregate(
        &self,
        elements: &[Type],
        form: Form,
        expanding: &mut Vec<String>,
    ) -> Result<BasicTypeEnum<'ctx>, String> {
        let fields = elements
            .iter()
            .map(|e| self.lower(e, form, expanding))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.context.struct_type(&fields, false).as_basic_type_enum())
    }
}
