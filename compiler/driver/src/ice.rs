//! Internal compiler errors: a panic anywhere in a command becomes exit code 101 and a
//! message that asks the user to report it, instead of Rust's bare panic output.
//!
//! A panic hook records the panic's message and location (and a backtrace when
//! `RUST_BACKTRACE` asks for one); `catch_unwind` around the command turns the unwinding into
//! the report. A panic is always a bug in mlc: errors in the user's program are diagnostics.
//!
//! **For tests only:** with `MLC_INTERNAL_TEST_ICE=1` in the environment, every command
//! panics on purpose before it starts ([`panic_if_test_requested`]), so that the 101 path
//! can be tested without a real bug. It is not a user feature and `--help` does not list it.

use crate::{exit_code, paint_level, Level};
use mlc_diagnostics::render::ColorChoice;
use std::backtrace::{Backtrace, BacktraceStatus};
use std::io::Write;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Mutex;

/// The environment variable that makes every command panic on purpose (testing only).
pub const TEST_ICE_VARIABLE: &str = "MLC_INTERNAL_TEST_ICE";

/// What the panic hook saw, for the report written once unwinding has stopped.
struct PanicRecord {
    message: String,
    location: Option<String>,
    backtrace: Option<String>,
}

static LAST_PANIC: Mutex<Option<PanicRecord>> = Mutex::new(None);

/// Runs `command`; if it panics, writes the internal-error report to stderr and returns 101.
pub fn catch_internal_errors(color: ColorChoice, command: impl FnOnce() -> i32) -> i32 {
    panic::set_hook(Box::new(record_panic));
    let outcome = panic::catch_unwind(AssertUnwindSafe(command));
    drop(panic::take_hook());
    match outcome {
        Ok(code) => code,
        Err(_) => {
            let record = LAST_PANIC.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
            let report = internal_error_report(record, color);
            std::io::stderr().write_all(report.as_bytes()).ok();
            exit_code::INTERNAL_ERROR
        }
    }
}

/// Testing only: panics when [`TEST_ICE_VARIABLE`] is set to `1`.
pub fn panic_if_test_requested() {
    if std::env::var_os(TEST_ICE_VARIABLE).is_some_and(|value| value == "1") {
        panic!("deliberate panic requested by {TEST_ICE_VARIABLE}=1 (testing only)");
    }
}

fn record_panic(info: &PanicHookInfo<'_>) {
    let message = info.payload_as_str().unwrap_or("(the panic carried no message)").to_string();
    let location = info
        .location()
        .map(|location| format!("{}:{}:{}", location.file(), location.line(), location.column()));
    let backtrace = Backtrace::capture();
    let backtrace =
        (backtrace.status() == BacktraceStatus::Captured).then(|| backtrace.to_string());
    let record = PanicRecord { message, location, backtrace };
    *LAST_PANIC.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(record);
}

fn internal_error_report(record: Option<PanicRecord>, color: ColorChoice) -> String {
    let record = record.unwrap_or(PanicRecord {
        message: "(the panic was not recorded)".to_string(),
        location: None,
        backtrace: None,
    });
    let mut report = format!(
        "{}: internal compiler error: {}\n",
        paint_level(Level::Error, color),
        record.message
    );
    if let Some(location) = &record.location {
        report.push_str(&format!("  --> panicked at {location}\n"));
    }
    report.push_str(
        "note: this is a bug in mlc, not in your program. Please report it to the mlc \
         developers,\n      with the command you ran, the files it read and this message.\n",
    );
    report.push_str(&format!(
        "note: mlc {} on {}-{}\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH,
        std::env::consts::OS
    ));
    match &record.backtrace {
        Some(backtrace) => report.push_str(&format!("backtrace:\n{backtrace}\n")),
        None => report.push_str("note: run with `RUST_BACKTRACE=1` to include a backtrace\n"),
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    #[test]
    fn the_report_names_the_panic_and_asks_for_a_bug_report() {
        let record = PanicRecord {
            message: "index out of bounds".to_string(),
            location: Some("compiler/semantics/src/infer.rs:10:5".to_string()),
            backtrace: None,
        };
        let report = internal_error_report(Some(record), ColorChoice::Never);
        let report = report
            .replace(&format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS), "ARCH-OS");
        let report = report.replace(env!("CARGO_PKG_VERSION"), "VERSION");
        expect![[r#"
            error: internal compiler error: index out of bounds
              --> panicked at compiler/semantics/src/infer.rs:10:5
            note: this is a bug in mlc, not in your program. Please report it to the mlc developers,
                  with the command you ran, the files it read and this message.
            note: mlc VERSION on ARCH-OS
            note: run with `RUST_BACKTRACE=1` to include a backtrace
        "#]]
        .assert_eq(&report);
    }
}
