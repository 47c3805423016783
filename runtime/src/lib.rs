//! The runtime of mlc programs: the `extern "C"` functions (`mlc_*`) that generated code
//! calls for objects (`str`, `List`, `Dict`, `Tensor`, errors), printing and formatting,
//! panics and raised errors, and the program's start and end.
//!
//! It is linked into every executable `mlc build` writes (`libmlc_runtime.a`) and into the
//! JIT of `mlc run` (this rlib, whose function addresses [`exports`] lists). The contract
//! with the code generator and the back ends is `docs/runtime.md`: calling conventions,
//! ownership, layouts, type descriptors, and every function's signature.
//!
//! Rules inside: no Rust panic crosses into generated code (every exported function runs
//! inside [`abi::guard`]), runtime panics go through [`panic::fatal`] (stdout flushed,
//! message and location on stderr, exit code 1), and every `unsafe` block says why it is
//! sound.

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]

pub mod abi;
pub mod desc;
pub mod dict;
pub mod error;
pub mod format;
pub mod list;
pub mod math;
pub mod numbers;
pub mod object;
pub mod panic;
pub mod print;
pub mod process;
pub mod python;
pub mod slice;
pub mod stack_overflow;
pub mod str;
pub mod tensor;
pub mod time;
pub mod value;

use std::sync::OnceLock;

pub use abi::{Abi, Export};
pub use object::live_objects;

/// Every exported function: name, parameter and result ABI kinds, address. The codegen
/// passes check each `ll.call` against it and the JIT binds symbols from it.
pub fn exports() -> &'static [Export] {
    static ALL: OnceLock<Vec<Export>> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            object::EXPORTS,
            panic::EXPORTS,
            error::EXPORTS,
            process::EXPORTS,
            numbers::EXPORTS,
            math::EXPORTS,
            time::EXPORTS,
            print::EXPORTS,
            format::EXPORTS,
            str::EXPORTS,
            list::EXPORTS,
            dict::EXPORTS,
            tensor::EXPORTS,
            tensor::elementwise::EXPORTS,
            tensor::reduce::EXPORTS,
            tensor::matmul::EXPORTS,
            tensor::random::EXPORTS,
            tensor::view::EXPORTS,
            python::ops::EXPORTS,
        ]
        .concat()
    })
}

/// The exported function named `name`.
pub fn export(name: &str) -> Option<&'static Export> {
    exports().iter().find(|export| export.name == name)
}
