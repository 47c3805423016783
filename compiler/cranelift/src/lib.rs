//! The Cranelift back end of mlc: the low form of `docs/runtime.md` compiled in memory (the
//! JIT of `mlc run`).
//!
//! [`compile`] translates every `func.func` of a low-form module to Cranelift IR, defines it
//! in a `cranelift_jit::JITModule` and finalizes the module; [`JitProgram`] owns the compiled
//! code and calls into it.
//!
//! Modules, one job each:
//! - `types`: IR types to Cranelift scalars ("leaves") and C layouts;
//! - `abi`: the signatures of program functions (flattened leaves, a return area when the
//!   results do not fit in registers) and of C calls;
//! - `symbols`: where external symbols come from (the caller's resolver, then the C library
//!   functions this crate links, then the process);
//! - `softfloat`: the f16/bf16 conversions the generated code calls;
//! - `module`: the module-level driver (declarations, constant strings, finalization);
//! - `function`: one function's CFG (blocks, block arguments, terminators);
//! - `ops/*`: the ops, by dialect.
//!
//! Conventions (what the contract leaves to a back end):
//! - `i1` is an `i8` holding 0 or 1 in registers; f16 and bf16 are `f32` values holding a
//!   number exactly representable in the narrow type (each operation rounds its result).
//! - Program functions use the host's C calling convention over the flattened leaves of
//!   their parameters; results are returned in registers when they are at most two integer
//!   and two float leaves, else written through a hidden first pointer parameter (a "return
//!   area" the caller allocates on its stack, laid out like the tuple of the results).
//! - External functions (`ll.call`, `extern` declarations, math functions, the f16 helpers)
//!   are called indirectly through their address, resolved at compile time: an unknown
//!   symbol is a [`CodegenError`], never a panic at link time.

mod abi;
mod function;
mod module;
mod ops;
mod softfloat;
mod symbols;
mod types;

use std::collections::HashMap;
use std::ffi::{c_char, CString};
use std::fmt;

use cranelift_jit::JITModule;

/// How to compile.
#[derive(Clone, Debug)]
pub struct JitOptions {
    /// Cranelift's `opt_level`: `speed` when true, `none` when false.
    pub optimize: bool,
    /// Run Cranelift's IR verifier on every function (its `enable_verifier` flag). The
    /// default is on in debug builds (tests) and off in release builds.
    pub verify: bool,
}

impl Default for JitOptions {
    fn default() -> Self {
        JitOptions { optimize: false, verify: cfg!(debug_assertions) }
    }
}

/// An internal compiler error: an op or type this back end cannot translate, an unresolved
/// symbol, or a Cranelift failure. The message names the op and its location when there is
/// one (`file.ml:3:9: \`scf.for\` in @f: ...`).
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl std::error::Error for CodegenError {}

/// A compiled module. It owns the JIT's code and data, freed when it is dropped: pointers
/// from [`JitProgram::function`] must not be used after that.
pub struct JitProgram {
    /// `Some` until dropped (`free_memory` takes it by value).
    module: Option<JITModule>,
    /// IR symbol -> address of the compiled function.
    functions: HashMap<String, usize>,
}

/// Compiles a low-form module. `resolve` maps the C symbols the module calls (`ll.call`
/// callees, `extern` declarations) to addresses; names it does not know are looked up among
/// the C library functions this crate links (libm) and then in the process.
pub fn compile(
    module: &mlc_ir::Module,
    options: &JitOptions,
    resolve: &dyn Fn(&str) -> Option<*const u8>,
) -> Result<JitProgram, CodegenError> {
    let (jit, functions) = module::compile_module(module, options, resolve)?;
    Ok(JitProgram { module: Some(jit), functions })
}

impl JitProgram {
    /// Calls `$entry(argc, argv)` (export "main") with these arguments and returns its i32.
    /// `args[0]` is the program's path, as C's `argv[0]`. Panics when the module has no
    /// `$entry` (the codegen passes always add one to a program).
    pub fn run_entry(&self, args: &[String]) -> i32 {
        let entry = self.function("$entry").expect("the module has no `$entry` function");
        // Arguments with an interior NUL cannot be C strings: they are cut there, as a C
        // program would see them.
        let strings: Vec<CString> = args
            .iter()
            .map(|arg| {
                let bytes = arg.as_bytes();
                let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
                CString::new(&bytes[..end]).expect("no NUL before `end`")
            })
            .collect();
        let mut argv: Vec<*const c_char> = strings.iter().map(|s| s.as_ptr()).collect();
        argv.push(std::ptr::null());
        let argc = i32::try_from(args.len()).expect("more than i32::MAX arguments");
        // SAFETY: `$entry` is `(i32, !ll.ptr) -> i32` in the host's C convention (checked when
        // compiled, see `module::check_entry`), and `argv` outlives the call.
        unsafe {
            let entry: extern "C" fn(i32, *const *const c_char) -> i32 = std::mem::transmute(entry);
            entry(argc, argv.as_ptr())
        }
    }

    /// The address of a compiled function by IR symbol (for tests: call through a transmuted
    /// fn pointer of the signature described in the crate docs).
    pub fn function(&self, symbol: &str) -> Option<*const u8> {
        self.functions.get(symbol).map(|&address| address as *const u8)
    }
}

impl Drop for JitProgram {
    fn drop(&mut self) {
        if let Some(module) = self.module.take() {
            // SAFETY: the program is going away; the contract of `function` is that its
            // pointers are not used after the drop, and no compiled code runs now (`run_entry`
            // borrows `self`).
            unsafe { module.free_memory() };
        }
    }
}
