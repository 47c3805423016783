//! `PyObject` values: runtime objects that hold one reference to a Python object, so the
//! compiler's reference counting covers them like any other handle. When the last native
//! reference goes, the Python reference is dropped.

use mlc_python_abi::PyPtr;

use crate::object::{self, Handle, Header, Object, VTable};

use super::interpreter;
use super::text::{append_to_string, context};

#[repr(C)]
pub struct PyObj {
    header: Header,
    object: PyPtr,
}

static VTABLE: VTable = VTable { name: "PyObject", drop: drop_object, write: write_object };

// SAFETY: `#[repr(C)]` with the header first; only `wrap` uses `VTABLE`.
unsafe impl Object for PyObj {
    const VTABLE: &'static VTable = &VTABLE;
}

/// A handle owning `object` (a new reference, given up by the caller; not null).
pub fn wrap(object: PyPtr) -> Handle {
    object::allocate(PyObj { header: Header::new(&VTABLE), object })
}

/// The Python object of a `PyObject` handle (borrowed).
///
/// # Safety
///
/// `handle` is a live `PyObject` handle.
#[inline]
pub unsafe fn pointer(handle: Handle) -> PyPtr {
    // SAFETY: as the caller promises.
    unsafe { object::cast::<PyObj>(handle) }.object
}

unsafe fn drop_object(handle: Handle) {
    // SAFETY: the last reference to a live object.
    let object = unsafe { pointer(handle) };
    if let Some(bridge) = interpreter::started() {
        // SAFETY: the reference this handle owned; the GIL is held by the program's thread.
        unsafe { (bridge.decref)(object) };
    }
    // SAFETY: made by `object::allocate` in `wrap`.
    unsafe { object::free::<PyObj>(handle) };
}

/// `str(o)` (`repr(o)` inside containers), as Python writes it. Printing cannot raise, so
/// an exception from `__str__` is written in the text.
unsafe fn write_object(handle: Handle, out: &mut String, repr: bool) {
    let Some(bridge) = interpreter::started() else { return };
    // SAFETY: a live object; the sink appends to `out`.
    let status = unsafe { (bridge.text)(pointer(handle), repr, append_to_string, context(out)) };
    if status < 0 {
        let error = super::errors::take_python_error(bridge);
        out.push_str(&format!("<unprintable object: {}>", error.summary()));
    }
}
