//! Text coming back from the bridge.

use std::ffi::c_void;

/// A `TextSink` that appends to the `String` its context points to.
pub unsafe extern "C" fn append_to_string(context: *mut c_void, bytes: *const u8, len: usize) {
    if len == 0 {
        return;
    }
    // SAFETY: the context is a `&mut String` we passed; the bytes are the bridge's UTF-8.
    unsafe {
        let out = &mut *context.cast::<String>();
        let bytes = std::slice::from_raw_parts(bytes, len);
        out.push_str(&String::from_utf8_lossy(bytes));
    }
}

/// The context to pass with [`append_to_string`].
pub fn context(out: &mut String) -> *mut c_void {
    (out as *mut String).cast()
}
