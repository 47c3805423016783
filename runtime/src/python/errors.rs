//! Python exceptions as mlc errors: catchable with `try`/`except` (`e` gives
//! `Type: message`), and when never caught, reported with Python's traceback and the mlc
//! source line.

use mlc_python_abi::{Bridge, Text};

use crate::panic::Loc;

use super::text::{append_to_string, context};

/// A Python exception taken from the interpreter.
pub struct PythonError {
    pub type_name: String,
    pub message: String,
    /// As Python prints it; empty when no Python code ran.
    pub traceback: String,
}

impl PythonError {
    /// `Type: message`, as Python's last traceback line.
    pub fn summary(&self) -> String {
        if self.message.is_empty() {
            self.type_name.clone()
        } else {
            format!("{}: {}", self.type_name, self.message)
        }
    }
}

/// Takes the pending Python exception (a `SystemError` if, against the bridge's contract,
/// there is none).
pub fn take_python_error(bridge: &Bridge) -> PythonError {
    let (mut type_name, mut message, mut traceback) = (String::new(), String::new(), String::new());
    // SAFETY: the sink appends to the three strings.
    let found = unsafe {
        (bridge.fetch_error)(
            append_to_string,
            context(&mut type_name),
            context(&mut message),
            context(&mut traceback),
        )
    };
    if !found {
        return PythonError {
            type_name: "SystemError".to_string(),
            message: "a Python operation failed without an exception".to_string(),
            traceback: String::new(),
        };
    }
    PythonError { type_name, message, traceback }
}

/// Raises the pending Python exception as an mlc error at `loc`.
#[cold]
pub fn raise_pending(bridge: &Bridge, loc: Loc) {
    raise(take_python_error(bridge), loc);
}

/// Raises `error` as an mlc error at `loc`.
pub fn raise(error: PythonError, loc: Loc) {
    let handle = if error.message.is_empty() {
        // `raise KeyError`: the type alone, as Python's last traceback line shows it.
        let text = crate::str::new_str(&error.type_name);
        // SAFETY: a fresh `str`, retained by the error; ours is dropped.
        unsafe {
            let handle =
                crate::error::error_from_message(&error.type_name, text, error.type_name.len());
            crate::object::release(text);
            handle
        }
    } else {
        crate::error::new_error(&error.type_name, &error.message)
    };
    if !error.traceback.is_empty() {
        // SAFETY: a fresh error.
        unsafe { crate::object::cast::<crate::error::ErrorObj>(handle) }
            .set_traceback(error.traceback);
    }
    // SAFETY: a fresh error whose reference the pending slot takes.
    unsafe { crate::error::raise(handle, Some(loc)) };
}

/// Raises the pending conversion failure again, naming the native type it was for:
/// `cannot convert a Python `list` to i64: ...`.
///
/// # Safety
///
/// `object` is a live Python object.
pub unsafe fn raise_conversion(
    bridge: &Bridge,
    object: mlc_python_abi::PyPtr,
    target: &str,
    loc: Loc,
) {
    let mut error = take_python_error(bridge);
    let mut type_name = String::new();
    // SAFETY: a live object; the sink appends to `type_name`.
    unsafe { (bridge.type_name)(object, append_to_string, context(&mut type_name)) };
    error.message = format!("cannot convert a Python `{type_name}` to {target}: {}", error.message);
    raise(error, loc);
}

/// Raises a `TypeError` made by the runtime, as if Python had raised it.
pub fn raise_type_error(bridge: &Bridge, message: &str, loc: Loc) {
    // SAFETY: a text that lives through the call.
    unsafe { (bridge.raise_type_error)(Text::new(message)) };
    raise_pending(bridge, loc);
}
