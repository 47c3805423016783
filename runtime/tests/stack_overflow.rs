//! The stack-overflow handler on its own: this test binary runs itself again as a child
//! (selected by an environment variable), which installs the handler and then faults. Running
//! out of stack must end the child like a panic (the message, exit code 1); any other fault
//! must still end it by the signal, as it would have without the handler.

#![cfg(target_os = "linux")]

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Output};

const CHILD: &str = "MLC_STACK_OVERFLOW_TEST_CHILD";

/// Runs the test `name` of this binary in a child process with `CHILD=role`.
fn run_child(name: &str, role: &str) -> Output {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, role)
        .output()
        .expect("the child starts")
}

#[allow(unconditional_recursion)]
fn recurse_forever(n: u64) -> u64 {
    // A frame the optimizer cannot drop, and work after the call, so no tail call either.
    let frame = std::hint::black_box([n; 32]);
    recurse_forever(frame[0] + 1) + frame[31]
}

#[test]
fn running_out_of_stack_is_a_panic() {
    if std::env::var(CHILD).as_deref() == Ok("recurse") {
        mlc_runtime::stack_overflow::install();
        std::hint::black_box(recurse_forever(0));
        unreachable!("the recursion has no end");
    }
    let output = run_child("running_out_of_stack_is_a_panic", "recurse");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(mlc_runtime::stack_overflow::MESSAGE), "{stderr}");
}

#[test]
fn another_fault_still_ends_by_its_signal() {
    if std::env::var(CHILD).as_deref() == Ok("null") {
        mlc_runtime::stack_overflow::install();
        // SAFETY: none; the fault is the point (address 8: the first page is never mapped).
        let value = unsafe { std::ptr::read_volatile(std::hint::black_box(8usize) as *const u64) };
        unreachable!("read {value} from address 8");
    }
    let output = run_child("another_fault_still_ends_by_its_signal", "null");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.signal(), Some(libc::SIGSEGV), "{:?}\n{stderr}", output.status);
    assert!(!stderr.contains("stack overflow"), "{stderr}");
}
