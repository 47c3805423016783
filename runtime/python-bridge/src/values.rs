//! Native values to Python objects and back.

use std::ptr;

use mlc_python_abi::{PyPtr, Text};
use pyo3::ffi::{self, PyObject};

fn result(pointer: *mut PyObject) -> PyPtr {
    pointer.cast()
}

pub unsafe extern "C" fn from_i64(value: i64) -> PyPtr {
    // SAFETY: plain C API constructors; the GIL is held.
    result(unsafe { ffi::PyLong_FromLongLong(value) })
}

pub unsafe extern "C" fn from_u64(value: u64) -> PyPtr {
    // SAFETY: as above.
    result(unsafe { ffi::PyLong_FromUnsignedLongLong(value) })
}

pub unsafe extern "C" fn from_f64(value: f64) -> PyPtr {
    // SAFETY: as above.
    result(unsafe { ffi::PyFloat_FromDouble(value) })
}

pub unsafe extern "C" fn from_bool(value: bool) -> PyPtr {
    // SAFETY: as above.
    result(unsafe { ffi::PyBool_FromLong(value as std::ffi::c_long) })
}

pub unsafe extern "C" fn from_str(value: Text) -> PyPtr {
    // SAFETY: the runtime's texts are valid UTF-8 of that length.
    result(unsafe {
        ffi::PyUnicode_FromStringAndSize(value.ptr.cast(), value.len as ffi::Py_ssize_t)
    })
}

/// Fills a new sequence (`PyTuple_SetItem` or `PyList_SetItem`, which steal) with new
/// references to `n` borrowed items.
unsafe fn filled(
    sequence: *mut PyObject,
    items: *const PyPtr,
    n: usize,
    set: unsafe extern "C" fn(*mut PyObject, ffi::Py_ssize_t, *mut PyObject) -> i32,
) -> PyPtr {
    if sequence.is_null() {
        return ptr::null_mut();
    }
    for i in 0..n {
        // SAFETY: `items` holds `n` live objects; the setter steals the new reference.
        unsafe {
            let item: *mut PyObject = (*items.add(i)).cast();
            ffi::Py_IncRef(item);
            set(sequence, i as ffi::Py_ssize_t, item);
        }
    }
    result(sequence)
}

pub unsafe extern "C" fn tuple(items: *const PyPtr, n: usize) -> PyPtr {
    // SAFETY: a fresh tuple of `n` slots, filled once each.
    unsafe { filled(ffi::PyTuple_New(n as ffi::Py_ssize_t), items, n, ffi::PyTuple_SetItem) }
}

pub unsafe extern "C" fn list(items: *const PyPtr, n: usize) -> PyPtr {
    // SAFETY: a fresh list of `n` slots, filled once each.
    unsafe { filled(ffi::PyList_New(n as ffi::Py_ssize_t), items, n, ffi::PyList_SetItem) }
}

pub unsafe extern "C" fn dict(keys: *const PyPtr, values: *const PyPtr, n: usize) -> PyPtr {
    // SAFETY: `keys` and `values` hold `n` live objects each; the dict takes references.
    unsafe {
        let dict = ffi::PyDict_New();
        if dict.is_null() {
            return ptr::null_mut();
        }
        for i in 0..n {
            if ffi::PyDict_SetItem(dict, (*keys.add(i)).cast(), (*values.add(i)).cast()) < 0 {
                ffi::Py_DecRef(dict);
                return ptr::null_mut();
            }
        }
        result(dict)
    }
}

/// `int(o)`, as a C integer read by `read` (which returns -1 with an exception set when
/// the value does not fit).
unsafe fn integer<T: Copy + PartialEq>(
    object: PyPtr,
    out: *mut T,
    read: unsafe extern "C" fn(*mut PyObject) -> T,
    error_value: T,
) -> i32 {
    // SAFETY: a live object; `out` is writable.
    unsafe {
        let number = ffi::PyNumber_Long(object.cast());
        if number.is_null() {
            return -1;
        }
        let value = read(number);
        ffi::Py_DecRef(number);
        if value == error_value && !ffi::PyErr_Occurred().is_null() {
            return -1;
        }
        *out = value;
        0
    }
}

pub unsafe extern "C" fn to_i64(object: PyPtr, out: *mut i64) -> i32 {
    // SAFETY: a live object; `out` is writable.
    unsafe {
        // The common case, an `int`, converts without `int(o)`'s new reference; the exact
        // type test is inline, the subclass test a call into Python.
        if ffi::PyLong_CheckExact(object.cast()) != 0 || ffi::PyLong_Check(object.cast()) != 0 {
            let value = ffi::PyLong_AsLongLong(object.cast());
            if value == -1 && !ffi::PyErr_Occurred().is_null() {
                return -1;
            }
            *out = value;
            return 0;
        }
        integer(object, out, ffi::PyLong_AsLongLong, -1)
    }
}

pub unsafe extern "C" fn to_u64(object: PyPtr, out: *mut u64) -> i32 {
    // SAFETY: as `integer` requires.
    unsafe { integer(object, out, ffi::PyLong_AsUnsignedLongLong, u64::MAX) }
}

pub unsafe extern "C" fn to_f64(object: PyPtr, out: *mut f64) -> i32 {
    // SAFETY: a live object; `out` is writable.
    unsafe {
        // A `float` reads without `float(o)`'s new reference.
        if ffi::PyFloat_CheckExact(object.cast()) != 0 {
            *out = ffi::PyFloat_AsDouble(object.cast());
            return 0;
        }
        let number = ffi::PyNumber_Float(object.cast());
        if number.is_null() {
            return -1;
        }
        let value = ffi::PyFloat_AsDouble(number);
        ffi::Py_DecRef(number);
        if value == -1.0 && !ffi::PyErr_Occurred().is_null() {
            return -1;
        }
        *out = value;
        0
    }
}
