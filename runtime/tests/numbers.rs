//! Number, math and time functions through their C signatures.

mod common;

use common::{COL, FILE, LINE};
use mlc_runtime::math::mlc_math_erf;
use mlc_runtime::numbers::*;
use mlc_runtime::time::*;

#[test]
fn number_helpers() {
    // SAFETY: plain values and a constant location.
    unsafe {
        assert_eq!(mlc_ipow_i64(3, 4, FILE, LINE, COL), 81);
        assert_eq!(mlc_ipow_i64(-2, 63, FILE, LINE, COL), i64::MIN);
        assert_eq!(mlc_floordiv_f64(-7.0, 2.0), -4.0);
        assert_eq!(mlc_floormod_f64(-7.0, 2.0), 1.0);
        assert_eq!(mlc_fmod_f64(-7.5, 2.0), -1.5);
        assert_eq!(mlc_f16_to_f32(mlc_f16_from_f32(0.1)), 0.099975586);
        assert_eq!(mlc_f16_from_f32(65504.0), 0x7bff);
        assert_eq!(mlc_bf16_to_f32(mlc_bf16_from_f32(1.5)), 1.5);
        assert_eq!(mlc_round_f16(2049.0), 2048.0);
        assert_eq!(mlc_round_bf16(257.0), 256.0);
        assert_eq!(mlc_round_f16(1e6), f32::INFINITY);
        assert_eq!(format!("{:.6}", mlc_math_erf(1.0, FILE, LINE, COL)), "0.842701");
    }
}

#[test]
fn clocks() {
    // SAFETY: a constant location.
    unsafe {
        let start = mlc_time_perf_counter(FILE, LINE, COL);
        mlc_time_sleep(0.002, FILE, LINE, COL);
        let elapsed = mlc_time_perf_counter(FILE, LINE, COL) - start;
        assert!(elapsed >= 0.002, "{elapsed}");
        assert!(mlc_time_time(FILE, LINE, COL) > 1.6e9);
    }
}
