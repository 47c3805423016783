//! The LLVM back end (`docs/runtime.md` is its contract): translates a module in the low form
//! (func, cf, arith, math, agg, mem slots and the `ll` dialect) to LLVM IR with inkwell,
//! verifies it with LLVM's verifier, optimizes it with the new pass manager and emits LLVM IR
//! text, assembly or an object file for the host; [`link_executable`] links such an object
//! with the runtime's static library into an executable.
//!
//! - `target`: the host target machine, the optimization pipeline and emission;
//! - `translate`: the module-level state (declarations, constant strings, runtime functions);
//! - `types`: IR types to LLVM types, in registers and in memory;
//! - `function`: one `func.func` body, its CFG and the dispatch of ops to `ops/*`;
//! - `ops`: each dialect's ops (`arith`, `math`, `agg`, `mem`, `ll`, calls, f16/bf16);
//! - `debug_info`: line tables from op locations (`-g`);
//! - `link`: the system `cc` as the linker.

mod debug_info;
mod function;
mod link;
mod ops;
mod target;
mod translate;
mod types;

use std::fmt;

pub use link::{link_executable, PythonBridge};

/// How hard LLVM optimizes: the `default<On>` pipeline and the code generator's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptLevel {
    O0,
    O1,
    O2,
    O3,
}

#[derive(Clone, Debug)]
pub struct LlvmOptions {
    pub opt_level: OptLevel,
    /// The CPU to tune and select instructions for; `None` is the host CPU with its features.
    pub target_cpu: Option<String>,
    /// `-g`: a compile unit, a subprogram per function and line tables from op locations.
    pub debug_info: bool,
    /// The source file the module came from: the compile unit's file and the LLVM module name.
    pub source_name: String,
}

impl Default for LlvmOptions {
    fn default() -> Self {
        LlvmOptions {
            opt_level: OptLevel::O2,
            target_cpu: None,
            debug_info: false,
            source_name: "module.ml".to_string(),
        }
    }
}

/// What [`compile`] produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emit {
    /// The optimized LLVM IR, as text.
    LlvmIr,
    /// Assembly for the target, as text.
    Assembly,
    /// An ELF (or the host's) relocatable object file.
    Object,
}

/// Why a module could not be compiled or linked. Translation errors name the op and its
/// location, like the IR verifier's: ``file.ml:3:9: `scf.for`: ...``.
#[derive(Clone, PartialEq, Eq)]
pub struct CodegenError {
    pub message: String,
}

impl CodegenError {
    pub(crate) fn new(message: impl Into<String>) -> CodegenError {
        CodegenError { message: message.into() }
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

// Debug shows the message as it is, so a failing `unwrap` in a test reads well.
impl fmt::Debug for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodegenError: {}", self.message)
    }
}

impl std::error::Error for CodegenError {}

impl From<inkwell::builder::BuilderError> for CodegenError {
    fn from(error: inkwell::builder::BuilderError) -> Self {
        CodegenError::new(format!("LLVM builder: {error}"))
    }
}

/// Translates, verifies (LLVM's verifier), optimizes with the new pass manager
/// (`default<O2>`, O0 too), and emits.
pub fn compile(
    module: &mlc_ir::Module,
    options: &LlvmOptions,
    emit: Emit,
) -> Result<Vec<u8>, CodegenError> {
    // The back end relies on the IR's invariants (operand types, dominance); a module that
    // breaks them is reported here rather than tripping LLVM later.
    if let Err(errors) = mlc_ir::verify(module) {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        return Err(CodegenError::new(format!("invalid IR:\n{}", lines.join("\n"))));
    }
    let machine = target::host_machine(options)?;
    let context = inkwell::context::Context::create();
    let llvm_module = translate::translate(&context, module, options, &machine)?;
    llvm_module
        .verify()
        .map_err(|e| CodegenError::new(format!("LLVM verifier: {}", e.to_string_lossy())))?;
    target::optimize(&llvm_module, &machine, options.opt_level)?;
    target::emit(&llvm_module, &machine, emit)
}
