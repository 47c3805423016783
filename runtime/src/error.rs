//! Raised errors (`raise`, a missing dict key, a bad `str` to number cast): `Error`
//! objects and the one pending error per thread through which they unwind.
//!
//! A runtime function that raises makes its error pending and returns a zero value;
//! generated code asks `mlc_err_pending` after each call that may raise and branches to its
//! handler (which takes the error with `mlc_err_take`) or returns. An error still pending
//! when `main` returns is reported by `mlc_rt_exit`.
//!
//! An error has a type name (`Error` for `Error(message)`, `KeyError`, `ValueError`, ...
//! for those the runtime raises, the Python type for Python exceptions) and a message,
//! which is its text: `e.message`, `str(e)` and the report. Errors of the runtime's own
//! types carry the type in the message, as Python shows them: `KeyError: 'x'`.

use std::cell::{Cell, RefCell};
use std::ffi::c_char;

use crate::abi::exports;
use crate::object::{self, Handle, Header, Object, VTable};
use crate::panic::Loc;

/// An error object.
#[repr(C)]
pub struct ErrorObj {
    header: Header,
    /// `Error`, `KeyError`, ...
    type_name: String,
    /// The text (a `str` handle, owned).
    message: Handle,
    /// Where in `message` the part after the `Type: ` prefix starts (for `repr`).
    detail_start: usize,
    /// `file:line:col` of the first raise (a re-raise keeps it).
    location: RefCell<Option<String>>,
    /// The traceback of a Python exception, as Python prints it.
    traceback: RefCell<Option<String>>,
}

static VTABLE: VTable = VTable { name: "Error", drop: drop_error, write: write_error };

// SAFETY: `#[repr(C)]` with the header first; only `new_error` uses `VTABLE`.
unsafe impl Object for ErrorObj {
    const VTABLE: &'static VTable = &VTABLE;
}

unsafe fn drop_error(handle: Handle) {
    // SAFETY: called once, with the last reference to an error.
    let message = unsafe { object::cast::<ErrorObj>(handle) }.message;
    // SAFETY: the error owned its message.
    unsafe { object::release(message) };
    // SAFETY: errors are made by `object::allocate`.
    unsafe { object::free::<ErrorObj>(handle) };
}

unsafe fn write_error(handle: Handle, out: &mut String, repr: bool) {
    // SAFETY: the vtable is only reached through live errors.
    let error = unsafe { object::cast::<ErrorObj>(handle) };
    // SAFETY: an error's message is a live `str`.
    let text = unsafe { crate::str::text(error.message) };
    if repr {
        out.push_str(&error.type_name);
        out.push('(');
        crate::format::repr::write_str_repr(out, &text[error.detail_start..]);
        out.push(')');
    } else {
        out.push_str(text);
    }
}

impl ErrorObj {
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// The message text.
    pub fn message(&self) -> &str {
        // SAFETY: an error's message is a live `str` it owns.
        unsafe { crate::str::text(self.message) }
    }

    /// `file:line:col` of the first raise, if it was raised.
    pub fn location(&self) -> Option<String> {
        self.location.borrow().clone()
    }

    /// Attaches the traceback of the Python exception this error stands for.
    pub fn set_traceback(&self, traceback: String) {
        *self.traceback.borrow_mut() = Some(traceback);
    }
}

/// A new error of type `type_name` whose text is `message` (a `str` handle, retained).
///
/// # Safety
///
/// `message` is a live `str` handle.
pub unsafe fn error_from_message(type_name: &str, message: Handle, detail_start: usize) -> Handle {
    // SAFETY: the caller passes a live `str`; the error keeps a reference.
    unsafe { object::retain(message) };
    object::allocate(ErrorObj {
        header: Header::new(&VTABLE),
        type_name: type_name.to_string(),
        message,
        detail_start,
        location: RefCell::new(None),
        traceback: RefCell::new(None),
    })
}

/// A new error: `Error` errors show `detail` alone, others `Type: detail`.
pub fn new_error(type_name: &str, detail: &str) -> Handle {
    let (text, detail_start) = if type_name == "Error" {
        (detail.to_string(), 0)
    } else {
        (format!("{type_name}: {detail}"), type_name.len() + 2)
    };
    let message = crate::str::new_str(&text);
    // SAFETY: `message` is a live `str` we own; the error retains it, we drop ours.
    unsafe {
        let error = error_from_message(type_name, message, detail_start);
        object::release(message);
        error
    }
}

thread_local! {
    static PENDING: Cell<Handle> = const { Cell::new(std::ptr::null_mut()) };
}

/// Makes `error` (an owned reference, given up) the pending error, recording `loc` as
/// where it was raised unless it was raised before.
///
/// # Safety
///
/// `error` is a live `Error` handle whose reference the caller gives up.
pub unsafe fn raise(error: Handle, loc: Option<Loc>) {
    // SAFETY: the caller passes a live error.
    let object = unsafe { object::cast::<ErrorObj>(error) };
    if let Some(loc) = loc {
        let mut location = object.location.borrow_mut();
        if location.is_none() {
            *location = Some(loc.describe());
        }
    }
    let previous = PENDING.with(|pending| pending.replace(error));
    // SAFETY: the pending slot owned its error; a new raise replaces it.
    unsafe { object::release(previous) };
}

/// Raises a new error of `type_name` with `detail` (see [`new_error`]) at `loc`.
pub fn raise_new(type_name: &str, detail: &str, loc: Loc) {
    let error = new_error(type_name, detail);
    // SAFETY: a fresh error we own.
    unsafe { raise(error, Some(loc)) }
}

/// Whether an error is pending on this thread.
pub fn is_pending() -> bool {
    PENDING.with(|pending| !pending.get().is_null())
}

/// Takes the pending error (an owned reference), or null if none.
pub fn take() -> Handle {
    PENDING.with(|pending| pending.replace(std::ptr::null_mut()))
}

/// The report of an error never caught: `error: <message>`, its raise location, and for a
/// Python exception, Python's traceback.
pub fn report(error: &ErrorObj) -> String {
    let mut text = format!("error: {}\n", error.message());
    if let Some(location) = error.location() {
        text.push_str(&format!("  --> {location}\n"));
    }
    if let Some(traceback) = error.traceback.borrow().as_deref() {
        text.push_str("Python's traceback of the exception:\n");
        text.push_str(traceback);
        if !traceback.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

exports! {
    /// Makes `e` the pending error (retained), recording where it was first raised.
    fn mlc_err_raise(e: Handle, file: *const c_char, line: i32, col: i32) {
        // SAFETY: generated code passes a live error it keeps owning; the pending slot
        // takes its own reference.
        unsafe {
            object::retain(e);
            raise(e, Some(Loc::new(file, line, col)));
        }
    }

    /// Whether an error is pending.
    fn mlc_err_pending() -> bool {
        is_pending()
    }

    /// Takes the pending error: an owned reference (null when none is pending).
    fn mlc_err_take() -> Handle {
        take()
    }

    /// `Error(message)`.
    fn mlc_error_new(message: Handle) -> Handle {
        // SAFETY: generated code passes a live `str`.
        unsafe { error_from_message("Error", message, 0) }
    }

    /// `e.message`.
    fn mlc_error_message(e: Handle) -> Handle {
        // SAFETY: generated code passes a live error.
        let message = unsafe { object::cast::<ErrorObj>(e) }.message;
        // SAFETY: the caller gets a new reference to the message.
        unsafe { object::retain(message) };
        message
    }
}
