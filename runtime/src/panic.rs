//! Panics: the program stops with exit code 1 after flushing stdout and writing
//! `panic: <message>` and `  --> <file>:<line>:<col>` to stderr. They never return and
//! never unwind (generated code has no unwinding tables).

use std::ffi::{c_char, CStr};
use std::io::Write;

use crate::abi::exports;
use crate::object::Handle;

/// A source location as generated code passes it: the last three arguments of every
/// function that can panic or raise.
#[derive(Clone, Copy, Debug)]
pub struct Loc {
    pub file: *const c_char,
    pub line: i32,
    pub col: i32,
}

impl Loc {
    pub fn new(file: *const c_char, line: i32, col: i32) -> Loc {
        Loc { file, line, col }
    }

    /// `file:line:col`. The file is a NUL-terminated string or null (`<unknown>`).
    pub fn describe(&self) -> String {
        let file = if self.file.is_null() {
            "<unknown>".into()
        } else {
            // SAFETY: generated code passes a NUL-terminated constant string.
            unsafe { CStr::from_ptr(self.file) }.to_string_lossy()
        };
        format!("{file}:{}:{}", self.line, self.col)
    }
}

/// The text a panic writes to stderr.
pub fn panic_text(message: &str, loc: Option<&Loc>) -> String {
    match loc {
        Some(loc) => format!("panic: {message}\n  --> {}\n", loc.describe()),
        None => format!("panic: {message}\n"),
    }
}

/// Stops the program: flushes stdout, writes the panic to stderr, exits with code 1.
#[cold]
pub fn fatal(message: &str, loc: Option<&Loc>) -> ! {
    crate::print::flush_stdout();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(panic_text(message, loc).as_bytes());
    let _ = stderr.flush();
    std::process::exit(1)
}

/// A runtime panic at a source location (index out of range, division by zero, ...).
#[cold]
pub fn panic_at(message: &str, loc: Loc) -> ! {
    fatal(message, Some(&loc))
}

/// A bug in the compiler or the runtime (a null handle, an invalid descriptor): there is no
/// meaningful source location.
#[cold]
pub fn internal(message: &str) -> ! {
    fatal(&format!("internal error in the runtime: {message}"), None)
}

exports! {
    /// Panics with a constant message.
    fn mlc_panic(message: *const c_char, file: *const c_char, line: i32, col: i32) {
        let message = if message.is_null() {
            "explicit panic".into()
        } else {
            // SAFETY: generated code passes an `ll.cstring`.
            unsafe { CStr::from_ptr(message) }.to_string_lossy()
        };
        panic_at(&message, Loc::new(file, line, col))
    }

    /// A failed `assert`: `assertion failed` or `assertion failed: <message>` (a `str`
    /// handle, or null without a message).
    fn mlc_assert_fail(message: Handle, file: *const c_char, line: i32, col: i32) {
        let text = if message.is_null() {
            "assertion failed".to_string()
        } else {
            // SAFETY: a non-null message is a live `str` handle.
            format!("assertion failed: {}", unsafe { crate::str::text(message) })
        };
        panic_at(&text, Loc::new(file, line, col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_text_names_the_location() {
        let loc = Loc::new(c"prog.ml".as_ptr(), 3, 7);
        assert_eq!(
            panic_text("index out of range: 5 (length 3)", Some(&loc)),
            "panic: index out of range: 5 (length 3)\n  --> prog.ml:3:7\n"
        );
        let unknown = Loc::new(std::ptr::null(), 1, 2);
        assert_eq!(unknown.describe(), "<unknown>:1:2");
    }
}
