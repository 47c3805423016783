//! Stack overflow: calls nested deeper than the stack allows end the program like a panic
//! (`panic: stack overflow ...` on stderr, what was printed before flushed, exit code 1) in
//! built executables and under the JIT alike. Without this an executable dies of a
//! segmentation fault (exit 139, no message) and `mlc run` of Rust's own abort (exit 134),
//! so the two back ends would disagree on the same program.
//!
//! How: the thread that starts a program ([`install`], from `mlc_rt_init`) records the low
//! end of its stack, and one process-wide handler for SIGSEGV and SIGBUS, running on an
//! alternate signal stack (the overflowing one has no room left), recognises a fault just
//! below that end. Any other fault is not ours: the handler puts the previous one back and
//! returns, so the instruction faults again and ends the process as it would have.

#[cfg(target_os = "linux")]
pub use linux::install;

/// Elsewhere the system's default stands: a recursion without end crashes the program.
#[cfg(not(target_os = "linux"))]
pub fn install() {}

/// What the program writes to stderr when its stack runs out.
pub const MESSAGE: &str =
    "panic: stack overflow: calls nested deeper than the stack allows (a recursion without an end?)\n";

#[cfg(target_os = "linux")]
mod linux {
    use std::cell::Cell;
    use std::ffi::{c_int, c_void};
    use std::sync::OnceLock;

    /// How far below the stack's low end a fault still counts as running out of stack: the
    /// kernel keeps a gap of 1 MiB (`stack_guard_gap`) below a growing stack, and a frame
    /// larger than a page lands anywhere in it.
    const BELOW: usize = 1 << 20;
    /// How far above it: the low end of the main thread's stack is computed from its size
    /// limit, and the limit counts the arguments and environment above the first frame.
    const ABOVE: usize = 64 << 10;
    /// The alternate signal stack, for threads that have none (a Rust thread already has
    /// one): the handler only flushes a buffer and writes a line.
    const ALT_STACK_SIZE: usize = 64 << 10;
    const SIGNALS: [c_int; 2] = [libc::SIGSEGV, libc::SIGBUS];

    thread_local! {
        /// The low end of this thread's stack, or 0 when no program started on it.
        static STACK_LOW: Cell<usize> = const { Cell::new(0) };
    }

    /// The handlers in place before ours, one per entry of `SIGNALS`.
    static PREVIOUS: OnceLock<[libc::sigaction; 2]> = OnceLock::new();

    /// Makes running out of stack on this thread a panic. Called when a program starts.
    pub fn install() {
        let Some(low) = stack_low() else { return };
        STACK_LOW.with(|slot| slot.set(low));
        ensure_alternate_stack();
        PREVIOUS.get_or_init(|| SIGNALS.map(set_handler));
    }

    /// The lowest address of the current thread's stack.
    fn stack_low() -> Option<usize> {
        // SAFETY: the attribute object is initialized by `pthread_getattr_np` before use
        // and destroyed once read.
        unsafe {
            let mut attr: libc::pthread_attr_t = std::mem::zeroed();
            if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
                return None;
            }
            let mut address = std::ptr::null_mut();
            let mut size = 0;
            let found = libc::pthread_attr_getstack(&attr, &mut address, &mut size) == 0;
            libc::pthread_attr_destroy(&mut attr);
            (found && !address.is_null()).then_some(address as usize)
        }
    }

    fn ensure_alternate_stack() {
        // SAFETY: `sigaltstack` reads and writes plain structs; the new stack is leaked, so
        // it lives as long as the thread may take a signal on it.
        unsafe {
            let mut current: libc::stack_t = std::mem::zeroed();
            if libc::sigaltstack(std::ptr::null(), &mut current) != 0 {
                return;
            }
            if current.ss_flags & libc::SS_DISABLE == 0 {
                return;
            }
            let memory = Box::leak(vec![0u8; ALT_STACK_SIZE].into_boxed_slice());
            let stack = libc::stack_t {
                ss_sp: memory.as_mut_ptr().cast(),
                ss_flags: 0,
                ss_size: memory.len(),
            };
            libc::sigaltstack(&stack, std::ptr::null_mut());
        }
    }

    /// Puts `on_fault` in place for `signal` and returns the handler it replaces.
    fn set_handler(signal: c_int) -> libc::sigaction {
        // SAFETY: plain structs; `on_fault` has the `SA_SIGINFO` signature.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_fault as *const () as usize;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            let mut previous: libc::sigaction = std::mem::zeroed();
            libc::sigaction(signal, &action, &mut previous);
            previous
        }
    }

    /// Only async-signal-safe work here: a thread-local read, a `try_lock`, `write` and
    /// `_exit`.
    extern "C" fn on_fault(signal: c_int, info: *mut libc::siginfo_t, _context: *mut c_void) {
        // SAFETY: the kernel passes a valid `siginfo_t` to an `SA_SIGINFO` handler.
        let address = unsafe { (*info).si_addr() } as usize;
        let low = STACK_LOW.with(Cell::get);
        if low != 0 && address >= low.saturating_sub(BELOW) && address < low + ABOVE {
            crate::print::with_buffered_output(|bytes| write_fd(1, bytes));
            write_fd(2, super::MESSAGE.as_bytes());
            // SAFETY: ends the process at once, as a panic would after its message.
            unsafe { libc::_exit(1) };
        }
        let index = SIGNALS.iter().position(|&s| s == signal).unwrap_or(0);
        // SAFETY: puts back the handler (or default) that was in place before ours; the
        // faulting instruction runs again under it.
        unsafe {
            match PREVIOUS.get() {
                Some(previous) => libc::sigaction(signal, &previous[index], std::ptr::null_mut()),
                None => libc::signal(signal, libc::SIG_DFL) as c_int,
            };
        }
    }

    /// `write(2)` until all is written or it fails: the one way out that a signal handler
    /// may take (`std::io` locks).
    fn write_fd(fd: c_int, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            // SAFETY: writes from a live slice.
            let written = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
            if written <= 0 {
                return;
            }
            bytes = &bytes[written as usize..];
        }
    }
}
