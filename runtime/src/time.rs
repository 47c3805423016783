//! The `time` module: `perf_counter`, `time`, `sleep`. Each flushes stdout first, so that
//! output written before a timed section or a pause is seen when it happens rather than at
//! exit, and so that the cost of earlier prints is not charged to the next measurement.

use std::ffi::c_char;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::abi::exports;
use crate::panic::{panic_at, Loc};

/// The reference point of `perf_counter` (its value is only meaningful as a difference).
fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

exports! {
    /// `time.perf_counter()`: seconds of a monotonic clock with the best resolution.
    fn mlc_time_perf_counter(file: *const c_char, line: i32, col: i32) -> f64 {
        let _ = (file, line, col);
        crate::print::flush_stdout();
        start().elapsed().as_secs_f64()
    }

    /// `time.time()`: seconds since the Unix epoch.
    fn mlc_time_time(file: *const c_char, line: i32, col: i32) -> f64 {
        let _ = (file, line, col);
        crate::print::flush_stdout();
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(elapsed) => elapsed.as_secs_f64(),
            Err(before) => -before.duration().as_secs_f64(),
        }
    }

    /// `time.sleep(seconds)`; a negative or NaN duration panics.
    fn mlc_time_sleep(seconds: f64, file: *const c_char, line: i32, col: i32) {
        crate::print::flush_stdout();
        if seconds.is_nan() || seconds < 0.0 {
            panic_at("sleep length must be non-negative", Loc::new(file, line, col));
        }
        let length = Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX);
        // Python's threads (if the program started Python) run while this one sleeps.
        crate::python::without_gil(|| std::thread::sleep(length));
    }
}
