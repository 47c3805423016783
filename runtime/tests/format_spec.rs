//! The format mini-language against CPython 3.11 (tables in `cases/format_spec.rs`), through
//! the Rust functions and through `mlc_format` as generated code calls it.

#[path = "cases/format_spec.rs"]
mod cases;
mod common;

use cases::{BOOL_CASES, FLOAT_CASES, INT_CASES, STR_CASES};
use common::{format_value, new_str, release};
use mlc_runtime::format::spec::{format_float_spec, format_int, format_text, Spec};

fn check(failures: &mut Vec<String>, what: String, got: String, expected: &str) {
    if got != expected {
        failures.push(format!("{what}: got {got:?}, expected {expected:?}"));
    }
}

#[test]
fn integers_match_cpython() {
    let mut failures = Vec::new();
    for &(value, spec, expected) in INT_CASES {
        let parsed = Spec::parse(spec, '>').unwrap();
        check(
            &mut failures,
            format!("format({value}, {spec:?})"),
            format_int(value, &parsed),
            expected,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn floats_match_cpython() {
    let mut failures = Vec::new();
    for &(bits, spec, expected) in FLOAT_CASES {
        let value = f64::from_bits(bits);
        let parsed = Spec::parse(spec, '>').unwrap();
        check(
            &mut failures,
            format!("format({value:e}, {spec:?})"),
            format_float_spec(value, &parsed),
            expected,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn strings_match_cpython() {
    let mut failures = Vec::new();
    for &(text, spec, expected) in STR_CASES {
        let parsed = Spec::parse(spec, '<').unwrap();
        check(
            &mut failures,
            format!("format({text:?}, {spec:?})"),
            format_text(text, &parsed),
            expected,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mlc_format_dispatches_by_descriptor() {
    let mut failures = Vec::new();
    for &(value, spec, expected) in INT_CASES.iter().filter(|case| i64::try_from(case.0).is_ok()) {
        let value = value as i64;
        check(
            &mut failures,
            format!("i64 {value} {spec:?}"),
            format_value(&value, "i64", spec),
            expected,
        );
    }
    for &(value, spec, expected) in INT_CASES.iter().filter(|case| (0..=255).contains(&case.0)) {
        let value = value as u8;
        check(
            &mut failures,
            format!("u8 {value} {spec:?}"),
            format_value(&value, "u8", spec),
            expected,
        );
    }
    for &(bits, spec, expected) in FLOAT_CASES {
        let value = f64::from_bits(bits);
        check(
            &mut failures,
            format!("f64 {value:e} {spec:?}"),
            format_value(&value, "f64", spec),
            expected,
        );
    }
    for &(value, spec, expected) in BOOL_CASES {
        let byte = u8::from(value);
        check(
            &mut failures,
            format!("bool {value} {spec:?}"),
            format_value(&byte, "b", spec),
            expected,
        );
    }
    for &(text, spec, expected) in STR_CASES {
        let handle = new_str(text);
        check(
            &mut failures,
            format!("str {text:?} {spec:?}"),
            format_value(&handle, "s", spec),
            expected,
        );
        release(handle);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn narrow_floats_format_as_their_f64_value() {
    // f"{tenth:.3f} {b:.2e} {a:>6}" with f32 values (tests/run/float_f32_arithmetic.ml).
    assert_eq!(format_value(&0.1f32, "f32", ".3f"), "0.100");
    assert_eq!(format_value(&2.25f32, "f32", ".2e"), "2.25e+00");
    assert_eq!(format_value(&1.5f32, "f32", ">6"), "   1.5");
    assert_eq!(format_value(&0.1f32, "f32", ""), "0.10000000149011612");
    let half = mlc_runtime::numbers::f32_to_f16_bits(0.1);
    assert_eq!(format_value(&half, "f16", ""), "0.0999755859375");
}

#[test]
fn other_values_take_fill_align_and_width() {
    let pair: (i64, f64) = (1, 2.5);
    assert_eq!(format_value(&pair, "(i64,f64)", ">12"), "    (1, 2.5)");
    assert_eq!(format_value(&pair, "(i64,f64)", "*^12"), "**(1, 2.5)**");
    assert_eq!(format_value(&pair, "(i64,f64)", ""), "(1, 2.5)");
}

#[test]
fn spec_parser_rejects_what_python_rejects() {
    for bad in [",_d", ".f", "5.5.5", "10x5"] {
        assert!(Spec::parse(bad, '>').is_err(), "{bad}");
    }
    let spec = Spec::parse("*^+z#012_.3f", '>').unwrap();
    assert_eq!(spec.fill, '*');
    assert_eq!(spec.align, '^');
    assert_eq!(spec.sign, Some('+'));
    assert!(spec.no_negative_zero && spec.alternate);
    assert_eq!(
        (spec.width, spec.grouping, spec.precision, spec.kind),
        (Some(12), Some('_'), Some(3), Some('f'))
    );
}
