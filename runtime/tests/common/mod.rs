//! Helpers shared by the integration tests: calling the runtime's C functions through
//! their Rust signatures the way generated code would.

#![allow(dead_code)]

use std::ffi::{c_char, CString};

use mlc_runtime::object::Handle;

/// The source location passed to functions that can panic or raise.
pub const FILE: *const c_char = c"test.ml".as_ptr();
pub const LINE: i32 = 1;
pub const COL: i32 = 1;

/// A C string that lives for the rest of the test (descriptors, kinds, specs).
pub fn c(text: &str) -> *const c_char {
    CString::new(text).unwrap().into_raw()
}

pub fn new_str(text: &str) -> Handle {
    // SAFETY: `len` readable bytes.
    unsafe { mlc_runtime::str::mlc_str_new(text.as_ptr(), text.len() as i64) }
}

/// The text of a `str` handle.
pub fn text(handle: Handle) -> String {
    // SAFETY: tests pass live strings.
    unsafe { mlc_runtime::str::text(handle) }.to_string()
}

/// The text of a `str` handle, which is released.
pub fn take_text(handle: Handle) -> String {
    let result = text(handle);
    release(handle);
    result
}

pub fn release(handle: Handle) {
    // SAFETY: tests release references they own.
    unsafe { mlc_runtime::object::mlc_release(handle) }
}

pub fn retain(handle: Handle) {
    // SAFETY: tests retain live handles.
    unsafe { mlc_runtime::object::mlc_retain(handle) }
}

pub fn refcount(handle: Handle) -> i64 {
    // SAFETY: tests pass live handles.
    unsafe { mlc_runtime::object::refcount(handle) }
}

/// `format(*value, spec)` through `mlc_format`.
pub fn format_value<T>(value: &T, desc: &str, spec: &str) -> String {
    // SAFETY: `value` is a value of the type `desc` describes.
    take_text(unsafe {
        mlc_runtime::format::mlc_format((value as *const T).cast(), c(desc), c(spec))
    })
}

/// What `print` writes for one value.
pub fn printed<T>(value: &T, desc: &str) -> String {
    let desc = c(desc);
    mlc_runtime::print::capture_output(|| {
        // SAFETY: `value` is a value of the type `desc` describes.
        unsafe { mlc_runtime::print::mlc_print((value as *const T).cast(), desc) }
    })
    .1
}

/// A new list of `elem` holding `values` (each copied and retained).
pub fn list_of<T>(elem: &str, values: &[T]) -> Handle {
    // SAFETY: a descriptor; each value is of the element type.
    unsafe {
        let list = mlc_runtime::list::mlc_list_new(c(elem), 0);
        for value in values {
            mlc_runtime::list::mlc_list_append(list, (value as *const T).cast());
        }
        list
    }
}

/// The elements of a list of plain values (no handles).
pub fn list_values<T: Copy + Default>(list: Handle) -> Vec<T> {
    // SAFETY: a live list of `T`.
    unsafe {
        let n = mlc_runtime::list::mlc_list_len(list);
        (0..n)
            .map(|i| {
                let mut out = T::default();
                mlc_runtime::list::mlc_list_get(list, i, (&raw mut out).cast(), FILE, LINE, COL);
                out
            })
            .collect()
    }
}

/// A new `List[str]`.
pub fn str_list(values: &[&str]) -> Handle {
    let handles: Vec<Handle> = values.iter().map(|text| new_str(text)).collect();
    let list = list_of("s", &handles);
    for handle in handles {
        release(handle);
    }
    list
}

/// The texts of a `List[str]`.
pub fn str_list_values(list: Handle) -> Vec<String> {
    list_values::<usize>(list).into_iter().map(|address| take_text(address as Handle)).collect()
}

/// `str(x)` of a handle value of type `desc`.
pub fn show(handle: Handle, desc: &str) -> String {
    format_value(&handle, desc, "")
}

/// Takes the pending error's message (and the error).
pub fn take_error() -> Option<String> {
    // SAFETY: the pending error, if any, is ours after `take`.
    unsafe {
        if !mlc_runtime::error::mlc_err_pending() {
            return None;
        }
        let error = mlc_runtime::error::mlc_err_take();
        let message = take_text(mlc_runtime::error::mlc_error_message(error));
        release(error);
        Some(message)
    }
}

/// Strings made for one test, released together when the pool is dropped.
#[derive(Default)]
pub struct Pool(Vec<Handle>);

impl Pool {
    pub fn s(&mut self, text: &str) -> Handle {
        let handle = new_str(text);
        self.0.push(handle);
        handle
    }

    /// Keeps `handle` (an owned reference) until the pool is dropped.
    pub fn keep(&mut self, handle: Handle) -> Handle {
        self.0.push(handle);
        handle
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for &handle in &self.0 {
            release(handle);
        }
    }
}
