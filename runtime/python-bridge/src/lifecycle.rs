//! Starting and finishing the interpreter, and giving the GIL up around native work.

use std::ffi::c_void;

use mlc_python_abi::{StartConfig, TextSink};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyList;

/// Starts the interpreter with the chosen Python's paths; the calling thread keeps the GIL.
pub unsafe extern "C" fn start(
    config: *const StartConfig,
    error: TextSink,
    context: *mut c_void,
) -> bool {
    let fail = |message: &str| {
        // SAFETY: the runtime's sink appends the bytes to its own buffer.
        unsafe { error(context, message.as_ptr(), message.len()) };
        false
    };
    // SAFETY: always safe to ask.
    if unsafe { ffi::Py_IsInitialized() } != 0 {
        return fail("a Python interpreter is already running in this process");
    }
    // SAFETY: the runtime starts Python once, from one thread. `0`: Python installs no
    // signal handlers, so Ctrl-C still stops the native program as it would without Python.
    unsafe { ffi::Py_InitializeEx(0) };
    // SAFETY: the runtime passes a valid configuration whose texts live through this call.
    let config = unsafe { &*config };
    let configured = Python::attach(|py| -> PyResult<()> {
        // SAFETY: texts the runtime made from Rust strings.
        let (executable, prefix, exec_prefix, path, program) = unsafe {
            (
                config.executable.as_str(),
                config.prefix.as_str(),
                config.exec_prefix.as_str(),
                config.path.as_str(),
                config.program.as_str(),
            )
        };
        let sys = py.import("sys")?;
        // The chosen interpreter's own path (its virtual environment's site-packages
        // included), as it reported it: the embedded interpreter imports what it would.
        let entries: Vec<&str> = path.split('\n').filter(|entry| !entry.is_empty()).collect();
        sys.setattr("path", PyList::new(py, entries)?)?;
        sys.setattr("prefix", prefix)?;
        sys.setattr("exec_prefix", exec_prefix)?;
        sys.setattr("executable", executable)?;
        sys.setattr("argv", PyList::new(py, [program])?)?;
        unbuffer_output(py, &sys)
    });
    match configured {
        Ok(()) => true,
        Err(error) => {
            let message =
                Python::attach(|py| format!("could not set up Python: {}", error.value(py)));
            fail(&message)
        }
    }
}

/// Makes `sys.stdout` and `sys.stderr` write through at once, as `python -u` does: the
/// native program's output and Python's then appear in the order they were written (the
/// runtime flushes its own buffer before each call into Python).
fn unbuffer_output(py: Python<'_>, sys: &Bound<'_, PyModule>) -> PyResult<()> {
    let io = py.import("io")?;
    for (name, fd) in [("stdout", 1), ("stderr", 2)] {
        let stream = sys.getattr(name)?;
        if stream.is_none() {
            continue;
        }
        let raw = io.getattr("FileIO")?.call1((fd, "w", false))?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("encoding", stream.getattr("encoding")?)?;
        kwargs.set_item("errors", stream.getattr("errors")?)?;
        kwargs.set_item("write_through", true)?;
        let unbuffered = io.getattr("TextIOWrapper")?.call((raw,), Some(&kwargs))?;
        sys.setattr(name, unbuffered)?;
    }
    Ok(())
}

/// At the program's end: runs `atexit` handlers, collects garbage (objects that hold native
/// tensors give them back) and flushes Python's streams. The interpreter is not finalized:
/// the process exits right after, and extension modules such as torch do not support
/// finalization (it can hang in their threads).
pub unsafe extern "C" fn finish() -> i32 {
    Python::attach(|py| {
        let run = || -> PyResult<()> {
            py.import("atexit")?.call_method0("_run_exitfuncs")?;
            py.import("gc")?.call_method0("collect")?;
            let sys = py.import("sys")?;
            for name in ["stdout", "stderr"] {
                let stream = sys.getattr(name)?;
                if !stream.is_none() {
                    stream.call_method0("flush")?;
                }
            }
            Ok(())
        };
        match run() {
            Ok(()) => 0,
            Err(error) => {
                error.print(py);
                -1
            }
        }
    })
}

pub unsafe extern "C" fn save_thread() -> *mut c_void {
    // SAFETY: the calling thread holds the GIL (the bridge's contract).
    unsafe { ffi::PyEval_SaveThread() }.cast()
}

pub unsafe extern "C" fn restore_thread(state: *mut c_void) {
    // SAFETY: `state` came from `save_thread` on this thread.
    unsafe { ffi::PyEval_RestoreThread(state.cast()) }
}
