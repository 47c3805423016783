//! `print`: buffered stdout.
//!
//! Output collects in one process-wide buffer (a `Mutex`: uncontended, and correct should
//! two threads ever print) and is written when it grows past 64 KiB, at exit, at a panic,
//! and before reading the time or sleeping. When stdout is a terminal, each line is written
//! as it ends, as Python does.
//!
//! A host (a test, a JIT running a program in-process) can capture what the current thread
//! prints with [`capture_output`].

use std::cell::{Cell, RefCell};
use std::ffi::c_char;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::abi::exports;
use crate::object::Handle;

const FLUSH_AT: usize = 64 * 1024;

static STDOUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
/// Whether `STDOUT` may hold bytes: lets [`flush_stdout_before_foreign_output`] skip the
/// lock on the hot path of calls into Python.
static PENDING: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Output captured instead of written, when a capture is active.
    static CAPTURE: RefCell<Option<String>> = const { RefCell::new(None) };
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    /// Reused for formatting one value.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

fn stdout_is_terminal() -> bool {
    static TERMINAL: OnceLock<bool> = OnceLock::new();
    *TERMINAL.get_or_init(|| std::io::stdout().is_terminal())
}

fn lock_stdout() -> std::sync::MutexGuard<'static, Vec<u8>> {
    STDOUT.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write_all(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    // A closed stdout (a pipe whose reader left) is not the program's error: drop output.
    let _ = stdout.write_all(bytes);
    let _ = stdout.flush();
}

/// Writes `text` as program output.
pub fn write_output(text: &str) {
    if CAPTURING.with(Cell::get) {
        CAPTURE.with(|capture| {
            if let Some(captured) = capture.borrow_mut().as_mut() {
                captured.push_str(text);
            }
        });
        return;
    }
    let mut buffer = lock_stdout();
    buffer.extend_from_slice(text.as_bytes());
    PENDING.store(true, Ordering::Relaxed);
    let line_done = stdout_is_terminal() && text.contains('\n');
    if buffer.len() >= FLUSH_AT || line_done {
        write_all(&buffer);
        buffer.clear();
    }
}

/// Writes out what is buffered.
pub fn flush_stdout() {
    let mut buffer = lock_stdout();
    if !buffer.is_empty() {
        write_all(&buffer);
        buffer.clear();
    }
    PENDING.store(false, Ordering::Relaxed);
}

/// For the handler of a fatal signal, which may not block: passes what waits in the buffer
/// to `write`, unless the buffer is locked (the signal came in the middle of a print).
pub(crate) fn with_buffered_output(write: impl FnOnce(&[u8])) {
    match STDOUT.try_lock() {
        Ok(buffer) => write(&buffer),
        Err(std::sync::TryLockError::Poisoned(poisoned)) => write(&poisoned.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => {}
    }
}

/// Flushes before code that writes to the same file descriptor directly (Python's
/// `print`), so the output keeps the order in which it was written. Cheap when nothing
/// is buffered.
pub fn flush_stdout_before_foreign_output() {
    if PENDING.load(Ordering::Relaxed) {
        flush_stdout();
    }
}

/// Runs `f`, returning what the current thread printed meanwhile instead of writing it.
pub fn capture_output<R>(f: impl FnOnce() -> R) -> (R, String) {
    let outer = CAPTURE.with(|capture| capture.borrow_mut().replace(String::new()));
    let was_capturing = CAPTURING.with(|capturing| capturing.replace(true));
    let result = f();
    let captured = CAPTURE.with(|capture| std::mem::replace(&mut *capture.borrow_mut(), outer));
    CAPTURING.with(|capturing| capturing.set(was_capturing));
    (result, captured.unwrap_or_default())
}

exports! {
    /// Writes one value as `print` does (`str(x)`: strings raw, containers with their
    /// elements' `repr`).
    fn mlc_print(value: *const u8, desc: *const c_char) {
        // SAFETY: generated code passes a descriptor string.
        let desc = unsafe { crate::desc::from_cstr(desc) };
        let mut text = SCRATCH.with(|scratch| std::mem::take(&mut *scratch.borrow_mut()));
        text.clear();
        // SAFETY: `value` points to a valid value of that type.
        unsafe { crate::format::value::write_value(&mut text, value, desc, false) };
        write_output(&text);
        SCRATCH.with(|scratch| *scratch.borrow_mut() = text);
    }

    /// Writes a string's text (separators, `end`).
    fn mlc_print_str(s: Handle) {
        // SAFETY: a live string.
        write_output(unsafe { crate::str::text(s) });
    }
}
