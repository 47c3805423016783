//! Operations on objects: the C API called directly (the runtime's thread holds the GIL, and
//! these are the hot paths of a program driving Python). Each sets the Python exception on
//! failure, as the C API does.

use std::ffi::{c_void, CString};
use std::ptr;

use mlc_python_abi::{PyPtr, Text, TextSink, BINARY_OPERATORS, COMPARISONS};
use pyo3::ffi::{self, PyObject};
use pyo3::prelude::*;

use crate::errors::qualified_name;
use crate::{borrowed, new_object, status};

extern "C" {
    // In the stable ABI from 3.12; exported by 3.11's libpython as well (the oldest Python
    // the bridge serves), with the same signature.
    fn PyObject_Vectorcall(
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargsf: usize,
        kwnames: *mut PyObject,
    ) -> *mut PyObject;
}

fn object(pointer: PyPtr) -> *mut PyObject {
    pointer.cast()
}

fn result(pointer: *mut PyObject) -> PyPtr {
    pointer.cast()
}

/// A Python `str` of `text` (a new reference, null on failure).
unsafe fn string(text: Text) -> *mut PyObject {
    // SAFETY: the runtime's texts are valid UTF-8 of that length.
    unsafe { ffi::PyUnicode_FromStringAndSize(text.ptr.cast(), text.len as ffi::Py_ssize_t) }
}

pub unsafe extern "C" fn import(name: Text) -> PyPtr {
    // SAFETY: the runtime's texts are UTF-8 without NUL (module names).
    let name = unsafe { name.as_str() };
    let Ok(name) = CString::new(name) else {
        return new_object(|_| {
            Err(pyo3::exceptions::PyValueError::new_err("NUL in a module name"))
        });
    };
    // SAFETY: a C string; returns the (sub)module or null with ImportError set.
    result(unsafe { ffi::PyImport_ImportModule(name.as_ptr()) })
}

pub unsafe extern "C" fn none() -> PyPtr {
    // SAFETY: `None` is immortal in new Pythons and a plain object in old ones: take a
    // reference either way.
    unsafe {
        let none = ffi::Py_None();
        ffi::Py_IncRef(none);
        result(none)
    }
}

pub unsafe extern "C" fn getattr(object: PyPtr, name: Text) -> PyPtr {
    // SAFETY: a live object and a valid text.
    unsafe {
        let name = string(name);
        if name.is_null() {
            return ptr::null_mut();
        }
        let value = ffi::PyObject_GetAttr(self::object(object), name);
        ffi::Py_DecRef(name);
        result(value)
    }
}

pub unsafe extern "C" fn setattr(object: PyPtr, name: Text, value: PyPtr) -> i32 {
    // SAFETY: live objects and a valid text.
    unsafe {
        let name = string(name);
        if name.is_null() {
            return -1;
        }
        let status = ffi::PyObject_SetAttr(self::object(object), name, self::object(value));
        ffi::Py_DecRef(name);
        status
    }
}

/// `PyObject_Vectorcall` with the table's types.
// SAFETY: the same C signature, a `PyObject*` being the table's `PyPtr`.
pub const VECTORCALL: unsafe extern "C" fn(PyPtr, *const PyPtr, usize, PyPtr) -> PyPtr = unsafe {
    std::mem::transmute::<
        unsafe extern "C" fn(
            *mut PyObject,
            *const *mut PyObject,
            usize,
            *mut PyObject,
        ) -> *mut PyObject,
        unsafe extern "C" fn(PyPtr, *const PyPtr, usize, PyPtr) -> PyPtr,
    >(PyObject_Vectorcall)
};

pub unsafe extern "C" fn getitem(object: PyPtr, key: PyPtr) -> PyPtr {
    // SAFETY: live objects.
    result(unsafe { ffi::PyObject_GetItem(self::object(object), self::object(key)) })
}

pub unsafe extern "C" fn setitem(object: PyPtr, key: PyPtr, value: PyPtr) -> i32 {
    // SAFETY: live objects.
    unsafe { ffi::PyObject_SetItem(self::object(object), self::object(key), self::object(value)) }
}

pub unsafe extern "C" fn slice(start: PyPtr, stop: PyPtr, step: PyPtr) -> PyPtr {
    // SAFETY: live objects (`None` for a missing part).
    result(unsafe { ffi::PySlice_New(object(start), object(stop), object(step)) })
}

pub unsafe extern "C" fn binary(op: u32, left: PyPtr, right: PyPtr) -> PyPtr {
    let (a, b) = (object(left), object(right));
    // SAFETY: live objects; each function is the C API's `a <op> b`.
    result(unsafe {
        match BINARY_OPERATORS.get(op as usize).copied() {
            Some("add") => ffi::PyNumber_Add(a, b),
            Some("sub") => ffi::PyNumber_Subtract(a, b),
            Some("mul") => ffi::PyNumber_Multiply(a, b),
            Some("truediv") => ffi::PyNumber_TrueDivide(a, b),
            Some("floordiv") => ffi::PyNumber_FloorDivide(a, b),
            Some("mod") => ffi::PyNumber_Remainder(a, b),
            Some("pow") => ffi::PyNumber_Power(a, b, ffi::Py_None()),
            Some("matmul") => ffi::PyNumber_MatrixMultiply(a, b),
            Some("and") => ffi::PyNumber_And(a, b),
            Some("or") => ffi::PyNumber_Or(a, b),
            Some("xor") => ffi::PyNumber_Xor(a, b),
            Some("lshift") => ffi::PyNumber_Lshift(a, b),
            Some("rshift") => ffi::PyNumber_Rshift(a, b),
            _ => return bad_operator("binary", op),
        }
    })
}

pub unsafe extern "C" fn unary(op: u32, operand: PyPtr) -> PyPtr {
    let a = object(operand);
    // SAFETY: a live object.
    result(unsafe {
        match op {
            0 => ffi::PyNumber_Negative(a),
            1 => ffi::PyNumber_Positive(a),
            2 => ffi::PyNumber_Invert(a),
            _ => return bad_operator("unary", op),
        }
    })
}

pub unsafe extern "C" fn compare(op: u32, left: PyPtr, right: PyPtr) -> PyPtr {
    let (a, b) = (object(left), object(right));
    match COMPARISONS.get(op as usize).copied() {
        // SAFETY: live objects; `op` is one of Py_LT..Py_GE, in that order.
        Some(_) if op < 6 => result(unsafe { ffi::PyObject_RichCompare(a, b, op as i32) }),
        Some("in") => {
            // SAFETY: live objects: `a in b`.
            let found = unsafe { ffi::PySequence_Contains(b, a) };
            if found < 0 {
                return ptr::null_mut();
            }
            // SAFETY: a C long.
            result(unsafe { ffi::PyBool_FromLong(found as std::ffi::c_long) })
        }
        // SAFETY: identity of two live objects.
        Some("is") => result(unsafe { ffi::PyBool_FromLong((a == b) as std::ffi::c_long) }),
        _ => bad_operator("comparison", op),
    }
}

fn bad_operator(kind: &str, op: u32) -> PyPtr {
    new_object(|_| {
        Err(pyo3::exceptions::PySystemError::new_err(format!(
            "internal error in mlc's Python bridge: no {kind} operator {op}"
        )))
    })
}

pub unsafe extern "C" fn len(object: PyPtr) -> i64 {
    // SAFETY: a live object.
    unsafe { ffi::PyObject_Size(self::object(object)) as i64 }
}

pub unsafe extern "C" fn truthy(object: PyPtr) -> i32 {
    // SAFETY: a live object.
    unsafe { ffi::PyObject_IsTrue(self::object(object)) }
}

pub unsafe extern "C" fn text(
    object: PyPtr,
    repr: bool,
    sink: TextSink,
    context: *mut c_void,
) -> i32 {
    status(|py| {
        // SAFETY: a live object the runtime holds.
        let object = unsafe { borrowed(py, object) };
        let text = if repr { object.repr()? } else { object.str()? };
        let text = text.to_cow()?;
        // SAFETY: the runtime's sink appends to the buffer `context` names.
        unsafe { sink(context, text.as_ptr(), text.len()) };
        Ok(())
    })
}

pub unsafe extern "C" fn type_name(object: PyPtr, sink: TextSink, context: *mut c_void) {
    Python::attach(|py| {
        // SAFETY: a live object the runtime holds.
        let object = unsafe { borrowed(py, object) };
        let name = qualified_name(&object.get_type());
        // SAFETY: the runtime's sink appends to the buffer `context` names.
        unsafe { sink(context, name.as_ptr(), name.len()) };
    })
}

pub unsafe extern "C" fn iter(object: PyPtr) -> PyPtr {
    // SAFETY: a live object.
    result(unsafe { ffi::PyObject_GetIter(self::object(object)) })
}

pub unsafe extern "C" fn next(iterator: PyPtr, item: *mut PyPtr) -> i32 {
    // SAFETY: a live iterator; `item` is writable.
    unsafe {
        let next = ffi::PyIter_Next(object(iterator));
        if next.is_null() {
            return if ffi::PyErr_Occurred().is_null() { 0 } else { -1 };
        }
        *item = result(next);
        1
    }
}
