//! The Python bridge: CPython embedded through pyo3, behind the C table of
//! `mlc-python-abi` (read its documentation for the contract).
//!
//! The runtime `dlopen`s the chosen Python's libpython first (with `RTLD_GLOBAL`), then this
//! library, whose Python symbols resolve against it, and calls [`mlc_python_bridge`] for the
//! table. Built for Python's stable ABI (3.11+), so one bridge serves every Python the
//! program may pick.
//!
//! Every function attaches to the interpreter through pyo3 (a counter increment: the
//! runtime's thread already holds the GIL) and turns a Rust panic into a Python
//! `SystemError`, so nothing unwinds into the runtime.
//!
//! Modules: [`lifecycle`] (start, finish, the GIL), [`objects`] (the operations on objects),
//! [`errors`], [`values`] (native values in and out), [`tensors`] (zero-copy sharing of
//! memory through the buffer protocol and DLPack, whose structures [`dlpack`] declares).

#![deny(unsafe_op_in_unsafe_fn)]

mod dlpack;
mod errors;
mod lifecycle;
mod objects;
mod tensors;
mod values;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use mlc_python_abi::{Bridge, PyPtr, ABI_VERSION};
use pyo3::exceptions::PySystemError;
use pyo3::prelude::*;

static BRIDGE: Bridge = Bridge {
    abi_version: ABI_VERSION,
    start: lifecycle::start,
    finish: lifecycle::finish,
    save_thread: lifecycle::save_thread,
    restore_thread: lifecycle::restore_thread,
    // SAFETY (both): the same C signature, a `PyObject*` being the table's `PyPtr`.
    incref: unsafe {
        std::mem::transmute::<
            unsafe extern "C" fn(*mut pyo3::ffi::PyObject),
            unsafe extern "C" fn(PyPtr),
        >(pyo3::ffi::Py_IncRef)
    },
    decref: unsafe {
        std::mem::transmute::<
            unsafe extern "C" fn(*mut pyo3::ffi::PyObject),
            unsafe extern "C" fn(PyPtr),
        >(pyo3::ffi::Py_DecRef)
    },
    fetch_error: errors::fetch_error,
    raise_type_error: errors::raise_type_error,
    raise_object: errors::raise_object,
    import: objects::import,
    none: objects::none,
    getattr: objects::getattr,
    setattr: objects::setattr,
    vectorcall: objects::VECTORCALL,
    getitem: objects::getitem,
    setitem: objects::setitem,
    slice: objects::slice,
    binary: objects::binary,
    unary: objects::unary,
    compare: objects::compare,
    len: objects::len,
    truthy: objects::truthy,
    text: objects::text,
    type_name: objects::type_name,
    iter: objects::iter,
    next: objects::next,
    from_i64: values::from_i64,
    from_u64: values::from_u64,
    from_f64: values::from_f64,
    from_bool: values::from_bool,
    from_str: values::from_str,
    tuple: values::tuple,
    list: values::list,
    dict: values::dict,
    to_i64: values::to_i64,
    to_u64: values::to_u64,
    to_f64: values::to_f64,
    tensor_view: tensors::tensor_view,
    tensor_export: tensors::tensor_export,
};

/// The bridge's table of functions.
#[no_mangle]
pub extern "C" fn mlc_python_bridge() -> *const Bridge {
    &BRIDGE
}

/// Runs `body` attached to the interpreter. An `Err`, or a Rust panic (a bug here, made a
/// `SystemError`), is left as the pending Python exception and gives `failed`.
fn attached<R>(failed: R, body: impl for<'py> FnOnce(Python<'py>) -> PyResult<R>) -> R {
    Python::attach(|py| {
        let result = match catch_unwind(AssertUnwindSafe(|| body(py))) {
            Ok(result) => result,
            Err(payload) => {
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".to_string());
                Err(PySystemError::new_err(format!(
                    "internal error in mlc's Python bridge: {what}"
                )))
            }
        };
        match result {
            Ok(value) => value,
            Err(error) => {
                error.restore(py);
                failed
            }
        }
    })
}

/// [`attached`] for functions that return a new object (null on failure).
fn new_object(body: impl for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyAny>>) -> PyPtr {
    attached(ptr::null_mut(), |py| body(py).map(|object| object.into_ptr().cast()))
}

/// [`attached`] for functions that return a status (0, or -1 on failure).
fn status(body: impl for<'py> FnOnce(Python<'py>) -> PyResult<()>) -> i32 {
    attached(-1, |py| body(py).map(|()| 0))
}

/// A borrowed object from the runtime.
///
/// # Safety
///
/// `object` is a live `PyObject*` the caller holds a reference to for `'py`.
unsafe fn borrowed<'a, 'py>(py: Python<'py>, object: PyPtr) -> Borrowed<'a, 'py, PyAny> {
    // SAFETY: as the caller promises; the runtime never passes null.
    unsafe { Borrowed::from_ptr(py, object.cast()) }
}
