//! Python interop: `PyObject` values, the operations of the `py` dialect, conversions of
//! native values, zero-copy tensors and Python exceptions as mlc errors.
//!
//! CPython itself lives in the bridge (`mlc-python-bridge`, pyo3), a shared library loaded
//! with the chosen Python's libpython on a program's first Python operation
//! ([`interpreter`]); programs that never use Python never load either. The two sides
//! speak through the C table of `mlc-python-abi`.

pub mod convert;
pub mod errors;
pub mod interpreter;
pub mod object;
pub mod ops;
pub mod tensors;
mod text;

pub use interpreter::{register_file, without_gil};

/// At exit, when the program used Python: runs Python's `atexit` handlers, collects
/// garbage (objects Python still held may hold native tensors) and flushes Python's
/// streams. The interpreter is not finalized: the process ends right after, and extension
/// modules such as torch do not support finalization.
pub fn finish() {
    if let Some(bridge) = interpreter::started() {
        crate::print::flush_stdout();
        // SAFETY: at exit, on the thread that holds the GIL.
        unsafe { (bridge.finish)() };
    }
}
