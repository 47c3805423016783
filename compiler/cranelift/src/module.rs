//! The module-level driver: the ISA and JIT, declarations of every `func.func`, constant
//! strings, the definition of each body, and finalization.

use std::collections::HashMap;

use cranelift_codegen::ir::{types, UserFuncName};
use cranelift_codegen::isa::CallConv;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, DataDescription, DataId, FuncId, Linkage, Module};
use mlc_ir::dialect::{builtin, func};
use mlc_ir::{Attribute, OpId, Type};

use crate::abi::{self, InternalAbi};
use crate::function;
use crate::symbols::Symbols;
use crate::types::{Scalar, Types};
use crate::{CodegenError, JitOptions};

/// What a `func.call` of a symbol calls.
#[derive(Clone, Debug)]
pub(crate) enum Callee {
    /// A function of this module (it has a body).
    Defined { id: FuncId, abi: InternalAbi },
    /// A declaration without `extern`: a program function compiled elsewhere, called in the
    /// program convention at the address `symbol` resolves to.
    Declared { symbol: String, abi: InternalAbi },
    /// A declaration bound to a C function by its `extern` attribute.
    Extern { symbol: String, params: Vec<Scalar>, result: Option<Scalar> },
}

/// The state shared by the translation of every function of a module.
pub(crate) struct ModuleContext<'m, 'r> {
    pub ir: &'m mlc_ir::Module,
    pub jit: JITModule,
    pub pointer: types::Type,
    pub call_conv: CallConv,
    pub types: Types<'m>,
    pub symbols: Symbols<'r>,
    /// By IR symbol.
    pub callees: HashMap<String, Callee>,
    /// `ll.cstring` data objects by text, so each text is emitted once per module.
    cstrings: HashMap<String, DataId>,
}

impl ModuleContext<'_, '_> {
    /// The data object holding `text` and a NUL.
    pub(crate) fn cstring(&mut self, text: &str) -> Result<DataId, String> {
        if let Some(&id) = self.cstrings.get(text) {
            return Ok(id);
        }
        let id = self.jit.declare_anonymous_data(false, false).map_err(|e| e.to_string())?;
        let mut data = DataDescription::new();
        let mut bytes = text.as_bytes().to_vec();
        bytes.push(0);
        data.define(bytes.into_boxed_slice());
        data.set_align(1);
        self.jit.define_data(id, &data).map_err(|e| e.to_string())?;
        self.cstrings.insert(text.to_string(), id);
        Ok(id)
    }
}

/// The machine symbol of a function and whether it is exported: its `export` attribute,
/// else `mlc.` + its IR symbol (so program functions never clash with C's names).
fn machine_symbol(ir: &mlc_ir::Module, op: OpId, name: &str) -> (String, bool) {
    match ir.ops[op].attributes.get("export") {
        Some(Attribute::String(export)) => (export.clone(), true),
        _ => (format!("mlc.{name}"), false),
    }
}

fn isa(options: &JitOptions) -> Result<cranelift_codegen::isa::OwnedTargetIsa, CodegenError> {
    let mut flags = settings::builder();
    let settings: [(&str, &str); 6] = [
        ("opt_level", if options.optimize { "speed" } else { "none" }),
        ("enable_verifier", if options.verify { "true" } else { "false" }),
        // cranelift-jit needs absolute addresses, not colocated (near) calls.
        ("is_pic", "false"),
        ("use_colocated_libcalls", "false"),
        // Large stack arrays must touch each guard page on the way down, and the JIT has no
        // outline probe function to call.
        ("enable_probestack", "true"),
        ("probestack_strategy", "inline"),
    ];
    for (name, value) in settings {
        flags
            .set(name, value)
            .map_err(|e| CodegenError::new(format!("cranelift setting {name}={value}: {e}")))?;
    }
    let builder = cranelift_native::builder()
        .map_err(|e| CodegenError::new(format!("unsupported host machine: {e}")))?;
    builder
        .finish(settings::Flags::new(flags))
        .map_err(|e| CodegenError::new(format!("cranelift target: {e}")))
}

/// Compiles every function of `ir` and returns the finalized JIT with the address of each
/// defined function by IR symbol.
pub(crate) fn compile_module(
    ir: &mlc_ir::Module,
    options: &JitOptions,
    resolve: &dyn Fn(&str) -> Option<*const u8>,
) -> Result<(JITModule, HashMap<String, usize>), CodegenError> {
    let isa = isa(options)?;
    let pointer = isa.pointer_type();
    let call_conv = isa.default_call_conv();
    let jit = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
    let mut cx = ModuleContext {
        ir,
        jit,
        pointer,
        call_conv,
        types: Types::new(ir, pointer.bytes()),
        symbols: Symbols::new(resolve),
        callees: HashMap::new(),
        cstrings: HashMap::new(),
    };
    match define_all(&mut cx) {
        Ok(addresses) => Ok((cx.jit, addresses)),
        Err(error) => {
            // SAFETY: nothing of this module has run or been handed out.
            unsafe { cx.jit.free_memory() };
            Err(error)
        }
    }
}

/// Declares and defines every function of the module and finalizes the JIT; returns the
/// address of each defined function by IR symbol.
fn define_all(cx: &mut ModuleContext<'_, '_>) -> Result<HashMap<String, usize>, CodegenError> {
    let ir = cx.ir;
    let mut bodies = Vec::new();
    for &op in &ir.blocks[ir.body()].ops {
        let name = ir.ops[op].name();
        if name == builtin::STRUCT.name {
            continue; // Layouts: read through `Types` when a struct type is used.
        }
        if name != func::FUNC.name {
            return Err(CodegenError::new(format!(
                "`{name}` at the top of the module is not in the low form"
            )));
        }
        if let Some(id) = declare(cx, op)? {
            bodies.push((op, id));
        }
    }
    check_entry(ir)?;

    let mut context = cx.jit.make_context();
    let mut builder_context = FunctionBuilderContext::new();
    for &(op, id) in &bodies {
        let symbol = func::name(ir, op).unwrap_or_default().to_string();
        let Some(Callee::Defined { abi, .. }) = cx.callees.get(&symbol).cloned() else {
            unreachable!("bodies are declared as defined functions");
        };
        context.func.signature = abi.signature.clone();
        context.func.name = UserFuncName::user(0, id.as_u32());
        function::translate(cx, op, &abi, &mut context.func, &mut builder_context)?;
        if let Err(error) = cx.jit.define_function(id, &mut context) {
            let detail = match error {
                cranelift_module::ModuleError::Compilation(inner) => {
                    cranelift_codegen::print_errors::pretty_error(&context.func, inner)
                }
                other => other.to_string(),
            };
            return Err(CodegenError::new(format!("cranelift failed on @{symbol}: {detail}")));
        }
        cx.jit.clear_context(&mut context);
    }
    cx.jit
        .finalize_definitions()
        .map_err(|e| CodegenError::new(format!("cranelift could not finalize the module: {e}")))?;

    let mut addresses = HashMap::new();
    for (symbol, callee) in &cx.callees {
        if let Callee::Defined { id, .. } = callee {
            addresses.insert(symbol.clone(), cx.jit.get_finalized_function(*id) as usize);
        }
    }
    Ok(addresses)
}

/// Records how to call the `func.func` `op`; declares it in the JIT when it has a body (and
/// returns its id then).
fn declare(cx: &mut ModuleContext<'_, '_>, op: OpId) -> Result<Option<FuncId>, CodegenError> {
    let ir = cx.ir;
    let error = |message: String| CodegenError::new(message);
    let name = func::name(ir, op)
        .ok_or_else(|| error("a `func.func` without a `sym_name`".to_string()))?
        .to_string();
    let in_function = |message: String| error(format!("@{name}: {message}"));
    let (inputs, results) = func::signature(ir, op).map_err(in_function)?;
    let has_body = !ir.regions[ir.ops[op].regions[0]].blocks.is_empty();
    let extern_symbol = match ir.ops[op].attributes.get("extern") {
        Some(Attribute::String(symbol)) => Some(symbol.clone()),
        _ => None,
    };
    let callee = match (has_body, extern_symbol) {
        (false, Some(symbol)) => {
            let params = inputs
                .iter()
                .map(abi::c_scalar)
                .collect::<Result<Vec<_>, _>>()
                .map_err(in_function)?;
            let result = match results {
                [] => None,
                [single] => Some(abi::c_scalar(single).map_err(in_function)?),
                _ => return Err(in_function("a C function returns at most one value".into())),
            };
            Callee::Extern { symbol, params, result }
        }
        (has_body, _) => {
            let abi = abi::internal(&mut cx.types, cx.call_conv, cx.pointer, inputs, results)
                .map_err(in_function)?;
            let (symbol, exported) = machine_symbol(ir, op, &name);
            if has_body {
                let linkage = if exported { Linkage::Export } else { Linkage::Local };
                let id = cx
                    .jit
                    .declare_function(&symbol, linkage, &abi.signature)
                    .map_err(|e| in_function(e.to_string()))?;
                cx.callees.insert(name, Callee::Defined { id, abi });
                return Ok(Some(id));
            }
            Callee::Declared { symbol, abi }
        }
    };
    cx.callees.insert(name, callee);
    Ok(None)
}

/// `run_entry` calls `$entry` as `(i32, !ll.ptr) -> i32`: anything else is refused here
/// rather than called with the wrong signature.
fn check_entry(ir: &mlc_ir::Module) -> Result<(), CodegenError> {
    let Some(op) = func::lookup(ir, "$entry") else { return Ok(()) };
    let (inputs, results) = func::signature(ir, op).map_err(CodegenError::new)?;
    if inputs != [Type::Int(32), Type::Ptr] || results != [Type::Int(32)] {
        return Err(CodegenError::new(format!(
            "@$entry must be (i32, !ll.ptr) -> i32, found {}",
            Type::function(inputs.to_vec(), results.to_vec())
        )));
    }
    Ok(())
}
