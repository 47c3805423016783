//! Text of values: Python's `repr` of floats and strings ([`repr`]), the format
//! mini-language ([`spec`]), `str`/`repr` of any value by descriptor ([`value`]), and
//! `mlc_format`, which f-strings and `str(x)` call.

pub mod repr;
pub mod spec;
pub mod value;

use std::ffi::{c_char, CStr};

use crate::abi::exports;
use crate::desc::{Kind, TypeDesc};
use crate::object::Handle;
use crate::value::{read_number, Number};

/// `format(value, spec)` of the value at `p`: `str(x)` for an empty spec; integers,
/// `bool` (as Python, an integer once a spec is given), floats and strings by the
/// mini-language; other values take fill, align and width applied to their `str`.
///
/// # Safety
///
/// `p` points to a valid value of type `desc`.
pub unsafe fn format_value(p: *const u8, desc: &TypeDesc, spec: &str) -> Result<String, String> {
    // SAFETY: per the contract above.
    let text = || unsafe { value::value_to_string(p, desc) };
    if spec.is_empty() {
        return Ok(text());
    }
    if matches!(desc.kind(), Kind::PyObject) {
        // SAFETY: a `PyObject` handle is at `p`.
        return unsafe { crate::python::convert::format_object(crate::value::read(p), spec) };
    }
    let numeric = desc.is_integer() || desc.is_float() || matches!(desc.kind(), Kind::Bool);
    if numeric && !spec.ends_with('s') {
        let parsed = spec::Spec::parse(spec, '>')?;
        // SAFETY: per the contract above.
        return Ok(match unsafe { read_number(p, desc) } {
            Some(Number::Int(value)) => spec::format_int(value, &parsed),
            Some(Number::Float(value)) => spec::format_float_spec(value, &parsed),
            None => text(),
        });
    }
    let parsed = spec::Spec::parse(spec, '<')?;
    Ok(spec::format_text(&text(), &parsed))
}

exports! {
    /// `format(*value, spec)` as a new string (`spec` a C string; empty: `str(x)`).
    fn mlc_format(value: *const u8, desc: *const c_char, spec: *const c_char) -> Handle {
        // SAFETY: generated code passes a descriptor and a C string.
        let (desc, spec_text) = unsafe {
            let spec = if spec.is_null() { "".into() } else { CStr::from_ptr(spec).to_string_lossy() };
            (crate::desc::from_cstr(desc), spec)
        };
        // SAFETY: `value` points to a valid value of that type.
        match unsafe { format_value(value, desc, &spec_text) } {
            Ok(text) => crate::str::new_str(&text),
            // The type checker accepts any well-formed spec for a Python object; the object's
            // `__format__` decides at run time.
            Err(message) if matches!(desc.kind(), Kind::PyObject) => crate::panic::fatal(
                &format!("cannot format a Python object with `{spec_text}`: {message}"),
                None,
            ),
            Err(message) => crate::panic::internal(&format!("format spec `{spec_text}`: {message}")),
        }
    }
}
