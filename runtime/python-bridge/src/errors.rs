//! Python exceptions handed to the runtime as text, and the runtime's errors raised as
//! Python exceptions.

use std::ffi::c_void;

use mlc_python_abi::{Text, TextSink};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};

fn send(sink: TextSink, context: *mut c_void, text: &str) {
    // SAFETY: the runtime's sink appends the bytes to the buffer `context` names.
    unsafe { sink(context, text.as_ptr(), text.len()) }
}

/// `numpy.ndarray`, `int`: the name Python's own tracebacks give a type.
pub fn qualified_name(ty: &Bound<'_, PyType>) -> String {
    let qualname = ty.qualname().map(|name| name.to_string()).unwrap_or_else(|_| "?".to_string());
    match ty.module() {
        Ok(module) if module.to_str().is_ok_and(|m| m != "builtins" && m != "__main__") => {
            format!("{module}.{qualname}")
        }
        _ => qualname,
    }
}

/// Takes the pending exception: its type's name, `str(e)`, and the traceback as Python
/// prints it (empty when the exception never passed through Python code).
pub unsafe extern "C" fn fetch_error(
    sink: TextSink,
    type_name: *mut c_void,
    message: *mut c_void,
    traceback: *mut c_void,
) -> bool {
    Python::attach(|py| {
        let Some(error) = PyErr::take(py) else { return false };
        send(sink, type_name, &qualified_name(&error.get_type(py)));
        let value = error.value(py);
        let text = value.str().map(|s| s.to_string()).unwrap_or_else(|_| "<unprintable>".into());
        send(sink, message, &text);
        if let Some(frames) = error.traceback(py) {
            let formatted = py
                .import("traceback")
                .and_then(|module| {
                    module.getattr("format_exception")?.call1((error.get_type(py), value, frames))
                })
                .and_then(|lines| PyString::new(py, "").call_method1("join", (lines,)))
                .map(|text| text.to_string());
            if let Ok(formatted) = formatted {
                send(sink, traceback, &formatted);
            }
        }
        true
    })
}

pub unsafe extern "C" fn raise_type_error(message: Text) {
    // SAFETY: text the runtime made from a Rust string.
    let message = unsafe { message.as_str() }.to_string();
    Python::attach(|py| PyTypeError::new_err(message).restore(py));
}

pub unsafe extern "C" fn raise_object(exception: mlc_python_abi::PyPtr) {
    Python::attach(|py| {
        // SAFETY: a live object the runtime holds.
        let exception = unsafe { crate::borrowed(py, exception) };
        PyErr::from_value(exception.to_owned()).restore(py);
    })
}
