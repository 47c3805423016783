//! The program's start and end: `mlc_rt_init` (arguments), `mlc_rt_exit` (flush stdout,
//! report an error never caught, the exit code) and `mlc_argv`.
//!
//! The arguments are kept per thread: a JIT may run several programs in one process, each
//! on its own thread. A thread that never called `mlc_rt_init` sees the process's own.

use std::cell::RefCell;
use std::ffi::{c_char, CStr};
use std::io::Write;

use crate::abi::exports;
use crate::object::Handle;

thread_local! {
    static ARGS: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// The arguments `mlc_rt_init` recorded on this thread, else the process's.
pub fn args() -> Vec<String> {
    ARGS.with(|args| args.borrow().clone()).unwrap_or_else(|| {
        std::env::args_os().map(|arg| arg.to_string_lossy().into_owned()).collect()
    })
}

/// Records the program's arguments for this thread.
pub fn set_args(args: Vec<String>) {
    ARGS.with(|slot| *slot.borrow_mut() = Some(args));
}

/// Ends a program run: flushes stdout and, when an error is pending, reports it to stderr
/// and gives exit code 1 (and clears it); otherwise the code `main` returned.
pub fn finish(code: i64) -> i32 {
    crate::print::flush_stdout();
    let pending = crate::error::take();
    if pending.is_null() {
        crate::python::finish();
        return check_leaks(code as i32);
    }
    // SAFETY: the pending slot holds a live error, whose reference we now own.
    let report = unsafe { crate::error::report(crate::object::cast(pending)) };
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(report.as_bytes());
    let _ = stderr.flush();
    // SAFETY: the reference taken above.
    unsafe { crate::object::release(pending) };
    crate::python::finish();
    check_leaks(1)
}

/// With `MLC_CHECK_LEAKS` set, a program that ends with objects still allocated says how
/// many on stderr and exits with code 3 instead of 0 (what the test suites run with: by
/// then `main` has returned and released everything it made).
fn check_leaks(code: i32) -> i32 {
    if std::env::var_os("MLC_CHECK_LEAKS").is_none() {
        return code;
    }
    let live = crate::object::live_objects();
    if live == 0 {
        return code;
    }
    let _ = writeln!(std::io::stderr(), "leak check: {live} objects still allocated at exit");
    if code == 0 {
        3
    } else {
        code
    }
}

exports! {
    /// Records `argc` arguments from the C array `argv` (called first by `$entry`).
    fn mlc_rt_init(argc: i32, argv: *const *const c_char) {
        crate::abi::install_panic_hook();
        crate::stack_overflow::install();
        let mut args = Vec::new();
        if !argv.is_null() {
            for i in 0..argc.max(0) as usize {
                // SAFETY: the C runtime passes `argc` NUL-terminated strings.
                let arg = unsafe { *argv.add(i) };
                if arg.is_null() {
                    break;
                }
                // SAFETY: as above.
                args.push(unsafe { CStr::from_ptr(arg) }.to_string_lossy().into_owned());
            }
        }
        set_args(args);
    }

    /// Ends the program: flushes stdout, reports an error never caught (exit code 1),
    /// else returns `code` (what `main` returned, or 0) as the process's exit code.
    fn mlc_rt_exit(code: i64) -> i32 {
        finish(code)
    }

    /// `argv()`: a new `List[str]` of the arguments (`argv()[0]` is the program's path).
    fn mlc_argv() -> Handle {
        let args = args();
        crate::list::list_of_strs(args.iter().map(String::as_str))
    }
}
