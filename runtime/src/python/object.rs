//! `PyObject` values: runtime objects that hold one reference to a Python object, so the
//! compiler's reference counting covers them like any other handle. When the last native
//! reference goes, the Python reference is dropped.

use std::cell::Cell;

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

/// How many freed wrappers a thread keeps for reuse.
const KEPT_WRAPPERS: usize = 256;

thread_local! {
    /// Freed wrappers, linked through their `object` field: a call into Python makes one
    /// for its result and usually frees it soon after, so reusing them saves an allocation
    /// and a free per call. Plain `Cell`s (no destructor) keep the thread-local access a
    /// single load; the wrappers left at thread exit are a few KiB, never freed.
    static KEPT: Cell<*mut PyObj> = const { Cell::new(std::ptr::null_mut()) };
    static KEPT_COUNT: Cell<usize> = const { Cell::new(0) };
}

/// A handle owning `object` (a new reference, given up by the caller; not null).
#[inline]
pub fn wrap(object: PyPtr) -> Handle {
    let wrapper = PyObj { header: Header::new(&VTABLE), object };
    let reused = KEPT.with(Cell::get);
    if reused.is_null() {
        return object::allocate(wrapper);
    }
    // SAFETY: a kept wrapper: its `object` field links to the next one (see `keep`).
    KEPT.with(|kept| kept.set(unsafe { (*reused).object }.cast()));
    KEPT_COUNT.with(|count| count.set(count.get() - 1));
    object::count_allocation();
    // SAFETY: a wrapper freed by `drop_object` and kept: valid memory for a `PyObj`.
    unsafe { reused.write(wrapper) };
    reused.cast()
}

/// Keeps a freed wrapper for `wrap` to reuse, unless enough are kept already.
fn keep(wrapper: *mut PyObj) -> bool {
    let count = KEPT_COUNT.with(Cell::get);
    if count == KEPT_WRAPPERS {
        return false;
    }
    // SAFETY: a wrapper nobody uses any more: its `object` field now links the kept ones.
    unsafe { (*wrapper).object = KEPT.with(Cell::get).cast() };
    KEPT.with(|kept| kept.set(wrapper));
    KEPT_COUNT.with(|kept| kept.set(count + 1));
    true
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

/// Drops one reference to a `PyObject` handle (null: nothing): `object::release` without
/// the dispatch through the vtable, for the releases the compiler knows are of `PyObject`s.
///
/// # Safety
///
/// `handle` is null or a live `PyObject` handle whose reference the caller owns.
#[inline]
pub unsafe fn release(handle: Handle) {
    // SAFETY: as the caller promises: a `PyObject`, freed by `drop_object`.
    unsafe { object::release_with(handle, |_| drop_object) }
}

unsafe fn drop_object(handle: Handle) {
    // SAFETY: the last reference to a live object.
    let object = unsafe { pointer(handle) };
    if let Some(bridge) = interpreter::started() {
        // SAFETY: the reference this handle owned; the GIL is held by the program's thread.
        unsafe { (bridge.decref)(object) };
    }
    let kept = keep(handle.cast());
    if kept {
        object::count_free();
    } else {
        // SAFETY: made by `object::allocate` (kept wrappers are reused, never freed here).
        unsafe { object::free::<PyObj>(handle) };
    }
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
