//! What only a whole process shows: panics (stdout flushed, message and location on stderr,
//! exit code 1), errors never caught reported by `mlc_rt_exit`, the exit code of `main`,
//! `argv`. Each test runs its scenario in a child process: this test binary run again with
//! `MLC_RT_SCENARIO` naming the scenario.

mod common;

use std::process::Command;

use common::*;
use mlc_runtime::error::{mlc_err_raise, mlc_err_take, mlc_error_new};
use mlc_runtime::object::Handle;
use mlc_runtime::process::{mlc_argv, mlc_rt_exit, mlc_rt_init};

const FILE_A: *const std::ffi::c_char = c"prog.ml".as_ptr();

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `scenario` in a child process, or (in the child) runs it and exits.
fn run(test: &str, scenario: impl FnOnce()) -> Option<Outcome> {
    if std::env::var("MLC_RT_SCENARIO").as_deref() == Ok(test) {
        scenario();
        std::process::exit(0);
    }
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env("MLC_RT_SCENARIO", test)
        .output()
        .unwrap();
    Some(Outcome {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

fn print_text(text: &str) {
    let handle = new_str(text);
    // SAFETY: a live string.
    unsafe { mlc_runtime::print::mlc_print_str(handle) };
    release(handle);
}

#[test]
fn panic_flushes_stdout_and_names_the_location() {
    let Some(outcome) = run("panic_flushes_stdout_and_names_the_location", || {
        print_text("before the panic\n");
        // SAFETY: constant C strings.
        unsafe { mlc_runtime::panic::mlc_panic(c"division by zero".as_ptr(), FILE_A, 3, 7) };
    }) else {
        return;
    };
    assert_eq!(outcome.code, Some(1));
    assert!(outcome.stdout.contains("before the panic\n"), "{}", outcome.stdout);
    assert_eq!(outcome.stderr, "panic: division by zero\n  --> prog.ml:3:7\n");
}

#[test]
fn failed_asserts() {
    let Some(outcome) = run("failed_asserts", || {
        let message = new_str("cannot withdraw 50 from 40");
        // SAFETY: a live string and a constant C string.
        unsafe { mlc_runtime::panic::mlc_assert_fail(message, FILE_A, 5, 5) };
    }) else {
        return;
    };
    assert_eq!(
        (outcome.code, outcome.stderr.as_str()),
        (Some(1), "panic: assertion failed: cannot withdraw 50 from 40\n  --> prog.ml:5:5\n")
    );
    let Some(outcome) = run("failed_asserts_without_message", || {}) else { return };
    assert_eq!(
        (outcome.code, outcome.stderr.as_str()),
        (Some(1), "panic: assertion failed\n  --> prog.ml:8:9\n")
    );
}

#[test]
fn failed_asserts_without_message() {
    // The child half of `failed_asserts`.
    if std::env::var("MLC_RT_SCENARIO").as_deref() == Ok("failed_asserts_without_message") {
        // SAFETY: a null message and a constant C string.
        unsafe { mlc_runtime::panic::mlc_assert_fail(std::ptr::null_mut(), FILE_A, 8, 9) };
    }
}

#[test]
fn index_out_of_range_panics() {
    let Some(outcome) = run("index_out_of_range_panics", || {
        let list = list_of::<i64>("i64", &[10, 20, 30]);
        let mut out = 0i64;
        // SAFETY: a live list.
        unsafe { mlc_runtime::list::mlc_list_get(list, 3, (&raw mut out).cast(), FILE_A, 7, 15) };
    }) else {
        return;
    };
    assert_eq!(
        (outcome.code, outcome.stderr.as_str()),
        (Some(1), "panic: index out of range: 3 (length 3)\n  --> prog.ml:7:15\n")
    );
}

#[test]
fn tensor_division_by_zero_panics() {
    let Some(outcome) = run("tensor_division_by_zero_panics", || {
        let shape = list_of::<i64>("i64", &[3]);
        // SAFETY: a shape list, descriptors, a live tensor.
        unsafe {
            let t = mlc_runtime::tensor::mlc_tensor_ones(shape, c("i64"), FILE, LINE, COL);
            mlc_runtime::tensor::elementwise::mlc_tensor_binary_scalar(
                t,
                (&0i64 as *const i64).cast(),
                false,
                c("mod"),
                FILE_A,
                2,
                3,
            );
        }
    }) else {
        return;
    };
    assert_eq!(
        (outcome.code, outcome.stderr.as_str()),
        (Some(1), "panic: division by zero\n  --> prog.ml:2:3\n")
    );
}

#[test]
fn uncaught_error_is_reported_at_its_first_raise() {
    let Some(outcome) = run("uncaught_error_is_reported_at_its_first_raise", || {
        print_text("1\n");
        // SAFETY: live strings and errors; constant C strings.
        let code = unsafe {
            let message = new_str("fatal");
            let error = mlc_error_new(message);
            mlc_err_raise(error, FILE_A, 3, 9);
            // A handler takes it and raises it again elsewhere (a bare `raise`).
            let taken = mlc_err_take();
            mlc_err_raise(taken, FILE_A, 12, 9);
            release(taken);
            release(error);
            release(message);
            mlc_rt_exit(0)
        };
        std::process::exit(code);
    }) else {
        return;
    };
    assert_eq!(outcome.code, Some(1));
    assert!(outcome.stdout.contains("1\n"));
    assert_eq!(outcome.stderr, "error: fatal\n  --> prog.ml:3:9\n");
}

#[test]
fn runtime_errors_carry_their_type() {
    let Some(outcome) = run("runtime_errors_carry_their_type", || {
        // SAFETY: a live dict and key.
        let code = unsafe {
            let d = mlc_runtime::dict::mlc_dict_new(c("s"), c("i64"));
            let key = new_str("missing");
            let mut out = 0i64;
            mlc_runtime::dict::mlc_dict_getitem(
                d,
                (&key as *const Handle).cast(),
                (&raw mut out).cast(),
                FILE_A,
                4,
                11,
            );
            mlc_rt_exit(0)
        };
        std::process::exit(code);
    }) else {
        return;
    };
    assert_eq!(
        (outcome.code, outcome.stderr.as_str()),
        (Some(1), "error: KeyError: 'missing'\n  --> prog.ml:4:11\n")
    );
}

#[test]
fn exit_code_and_argv() {
    let Some(outcome) = run("exit_code_and_argv", || {
        let args = [c"./prog".as_ptr(), c"--flag".as_ptr(), c"x y".as_ptr()];
        // SAFETY: an array of three C strings.
        let code = unsafe {
            mlc_rt_init(3, args.as_ptr());
            let argv = mlc_argv();
            let printed = show(argv, "L[s]");
            release(argv);
            print_text(&format!("{printed}\n"));
            mlc_rt_exit(3)
        };
        std::process::exit(code);
    }) else {
        return;
    };
    assert_eq!(outcome.code, Some(3));
    assert!(outcome.stdout.contains("['./prog', '--flag', 'x y']\n"), "{}", outcome.stdout);
    assert_eq!(outcome.stderr, "");
}

#[test]
fn invalid_descriptors_are_internal_errors() {
    let Some(outcome) = run("invalid_descriptors_are_internal_errors", || {
        // SAFETY: a C string (an invalid descriptor: the runtime stops).
        unsafe { mlc_runtime::list::mlc_list_new(c("L[q]"), 0) };
    }) else {
        return;
    };
    assert_eq!(outcome.code, Some(1));
    assert_eq!(
        outcome.stderr,
        "panic: internal error in the runtime: invalid type descriptor `L[q]` at byte 2: expected a type descriptor\n"
    );
}

#[test]
fn error_messages_and_pending_state() {
    // In process: raising and taking leave nothing behind.
    let before = mlc_runtime::live_objects();
    let message = new_str("boom");
    // SAFETY: live strings and errors.
    unsafe {
        let error = mlc_error_new(message);
        assert!(!mlc_runtime::error::mlc_err_pending());
        mlc_err_raise(error, FILE, LINE, COL);
        assert!(mlc_runtime::error::mlc_err_pending());
        let taken = mlc_err_take();
        assert_eq!(taken, error);
        assert!(!mlc_runtime::error::mlc_err_pending());
        assert!(mlc_err_take().is_null());
        assert_eq!(take_text(mlc_runtime::error::mlc_error_message(taken)), "boom");
        release(taken);
        release(error);
    }
    release(message);
    assert_eq!(mlc_runtime::live_objects(), before);
}
