//! The module-level translation: one LLVM module for the IR module, every `func.func`
//! declared first (so calls may come before their callee's body), then each body translated.
//!
//! Symbols (`docs/runtime.md`): a function with an `export` attribute takes that name and the
//! C calling convention (`$entry` is C's `main`); the others are `mlc.` + their IR symbol,
//! `internal` and `fastcc`, since only this back end's own code calls them. A declaration
//! with an `extern` attribute binds to that C symbol with the C convention, like `ll.call`.

use std::collections::HashMap;

use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::targets::TargetMachine;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, FunctionType};
use inkwell::values::{FunctionValue, GlobalValue};
use mlc_ir::dialect::{builtin, func};
use mlc_ir::{Attribute, OpId, Type};

use crate::debug_info::DebugInfo;
use crate::function::FunctionTranslator;
use crate::ops::calls::c_function_type;
use crate::types::Types;
use crate::{CodegenError, LlvmOptions, OptLevel};

/// LLVM's number for the `fastcc` calling convention.
pub(crate) const FAST_CALL_CONV: u32 = 8;

/// How a function's parameters and results cross calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Convention {
    /// `fastcc`, values in their register form, several results as one literal struct.
    Internal,
    /// The C ABI: scalars only, `i1` as a C `bool` byte (`docs/runtime.md`).
    C,
}

#[derive(Clone, Copy)]
pub(crate) struct FunctionInfo<'ctx> {
    pub(crate) value: FunctionValue<'ctx>,
    pub(crate) convention: Convention,
}

pub(crate) struct Translator<'ctx, 'a> {
    pub(crate) ir: &'a mlc_ir::Module,
    pub(crate) module: Module<'ctx>,
    pub(crate) types: Types<'ctx>,
    /// Every `func.func` by IR symbol.
    pub(crate) functions: HashMap<String, FunctionInfo<'ctx>>,
    /// `ll.cstring` constants by text: one global per distinct string.
    pub(crate) cstrings: HashMap<String, GlobalValue<'ctx>>,
    pub(crate) debug: Option<DebugInfo<'ctx>>,
}

impl<'ctx> Translator<'ctx, '_> {
    pub(crate) fn context(&self) -> &'ctx Context {
        self.types.context()
    }
}

/// Translates `ir` into a new LLVM module for `machine`'s triple and data layout.
pub(crate) fn translate<'ctx>(
    context: &'ctx Context,
    ir: &mlc_ir::Module,
    options: &LlvmOptions,
    machine: &TargetMachine,
) -> Result<Module<'ctx>, CodegenError> {
    let module = context.create_module(&options.source_name);
    module.set_triple(&machine.get_triple());
    module.set_data_layout(&machine.get_target_data().get_data_layout());
    let debug = options.debug_info.then(|| {
        DebugInfo::new(context, &module, &options.source_name, options.opt_level != OptLevel::O0)
    });
    let mut translator = Translator {
        ir,
        module,
        types: Types::new(context, ir),
        functions: HashMap::new(),
        cstrings: HashMap::new(),
        debug,
    };

    let mut bodies = Vec::new();
    for &op in &ir.blocks[ir.body()].ops {
        let data = &ir.ops[op];
        if data.erased || std::ptr::eq(data.definition, &builtin::STRUCT) {
            continue;
        }
        if !std::ptr::eq(data.definition, &func::FUNC) {
            return Err(op_error(
                ir,
                op,
                "is not part of the low form the LLVM back end translates",
            ));
        }
        let has_body = !ir.regions[data.regions[0]].blocks.is_empty();
        translator.declare(op, has_body)?;
        if has_body {
            bodies.push(op);
        }
    }
    for op in bodies {
        FunctionTranslator::translate(&mut translator, op)?;
    }
    if let Some(debug) = &translator.debug {
        debug.finalize();
    }
    Ok(translator.module)
}

impl<'ctx> Translator<'ctx, '_> {
    /// Declares the LLVM function of the `func.func` `op`.
    fn declare(&mut self, op: OpId, has_body: bool) -> Result<(), CodegenError> {
        let ir = self.ir;
        let name = func::name(ir, op).ok_or_else(|| op_error(ir, op, "has no `sym_name`"))?;
        let (inputs, results) = func::signature(ir, op).map_err(|e| op_error(ir, op, &e))?;
        let export = string_attribute(ir, op, "export");
        let external = string_attribute(ir, op, "extern");
        let (symbol, convention) = match (export, external) {
            (Some(symbol), _) | (None, Some(symbol)) => (symbol.to_string(), Convention::C),
            (None, None) => (format!("mlc.{name}"), Convention::Internal),
        };
        if self.module.get_function(&symbol).is_some() {
            return Err(op_error(ir, op, &format!("defines the symbol `{symbol}` twice")));
        }
        let value = match convention {
            Convention::C => {
                let (ty, attributes) = c_function_type(&self.types, inputs, results)
                    .map_err(|e| op_error(ir, op, &format!("@{name}: {e}")))?;
                let value = self.module.add_function(&symbol, ty, Some(Linkage::External));
                attributes.apply(self.context(), value);
                value
            }
            Convention::Internal => {
                let ty = internal_function_type(&self.types, inputs, results)
                    .map_err(|e| op_error(ir, op, &e))?;
                // A declaration without `extern` is another module's function: keep it
                // external so the linker resolves it.
                let linkage = if has_body { Linkage::Internal } else { Linkage::External };
                let value = self.module.add_function(&symbol, ty, Some(linkage));
                value.set_call_conventions(FAST_CALL_CONV);
                value
            }
        };
        self.functions.insert(name.to_string(), FunctionInfo { value, convention });
        Ok(())
    }
}

/// The LLVM type of a function called with the internal convention: register forms, no
/// result as `void`, several as one literal struct.
pub(crate) fn internal_function_type<'ctx>(
    types: &Types<'ctx>,
    inputs: &[Type],
    results: &[Type],
) -> Result<FunctionType<'ctx>, String> {
    let params = inputs
        .iter()
        .map(|ty| types.register(ty).map(BasicMetadataTypeEnum::from))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(match results {
        [] => types.context().void_type().fn_type(&params, false),
        [single] => types.register(single)?.fn_type(&params, false),
        several => {
            let fields =
                several.iter().map(|ty| types.register(ty)).collect::<Result<Vec<_>, _>>()?;
            types.context().struct_type(&fields, false).fn_type(&params, false)
        }
    })
}

/// A string attribute of `op`, if it has one.
pub(crate) fn string_attribute<'m>(
    ir: &'m mlc_ir::Module,
    op: OpId,
    name: &str,
) -> Option<&'m str> {
    match ir.ops[op].attributes.get(name) {
        Some(Attribute::String(value)) => Some(value),
        _ => None,
    }
}

/// An error about `op`, prefixed with its location and name like the IR verifier's.
pub(crate) fn op_error(ir: &mlc_ir::Module, op: OpId, message: &str) -> CodegenError {
    let data = &ir.ops[op];
    let location = match &data.location {
        Some(l) => format!("{}:{}:{}: ", l.file, l.line, l.column),
        None => String::new(),
    };
    CodegenError::new(format!("{location}`{}`: {message}", data.name()))
}
