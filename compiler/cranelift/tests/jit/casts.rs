//! Every cast: integer widths (sign and zero extension), index casts, integer <-> float
//! (saturating, NaN to 0, as Rust's `as`), float widths and bit casts.

use crate::common::{compile_both, get, module, same_f32, same_f64, unary_function};

fn cast(name: &str, op: &str, from: &str, to: &str) -> String {
    unary_function(name, &format!("arith.{op}"), from, to)
}

#[test]
fn integer_casts() {
    let functions = [
        cast("trunc_i64_i8", "trunci", "i64", "i8"),
        cast("trunc_i64_i1", "trunci", "i64", "i1"),
        cast("trunc_u32_u16", "trunci", "u32", "u16"),
        cast("sext_i8_i64", "extsi", "i8", "i64"),
        cast("zext_i8_i64", "extui", "i8", "i64"),
        cast("zext_u16_u32", "extui", "u16", "u32"),
        cast("sext_i1_i32", "extsi", "i1", "i32"),
        cast("zext_i1_i32", "extui", "i1", "i32"),
        cast("sext_i16_i32", "extsi", "i16", "i32"),
        cast("index_of_i32", "index_cast", "i32", "index"),
        cast("index_of_u32", "index_cast", "u32", "index"),
        cast("i16_of_index", "index_cast", "index", "i16"),
        cast("u64_of_index", "index_cast", "index", "u64"),
    ]
    .concat();
    for program in compile_both(&module(&functions)) {
        unsafe {
            let f: extern "C" fn(i64) -> i8 = get(&program, "trunc_i64_i8");
            assert_eq!((f(0x1ff), f(-1), f(0x80)), (-1, -1, -128));
            let f: extern "C" fn(i64) -> bool = get(&program, "trunc_i64_i1");
            assert_eq!((f(2), f(3), f(-1)), (false, true, true));
            let f: extern "C" fn(u32) -> u16 = get(&program, "trunc_u32_u16");
            assert_eq!(f(0x1234_5678), 0x5678);
            let f: extern "C" fn(i8) -> i64 = get(&program, "sext_i8_i64");
            assert_eq!((f(-1), f(127), f(-128)), (-1, 127, -128));
            let f: extern "C" fn(i8) -> i64 = get(&program, "zext_i8_i64");
            assert_eq!((f(-1), f(-128)), (255, 128));
            let f: extern "C" fn(u16) -> u32 = get(&program, "zext_u16_u32");
            assert_eq!(f(0xffff), 0xffff);
            let f: extern "C" fn(bool) -> i32 = get(&program, "sext_i1_i32");
            assert_eq!((f(true), f(false)), (-1, 0));
            let f: extern "C" fn(bool) -> i32 = get(&program, "zext_i1_i32");
            assert_eq!((f(true), f(false)), (1, 0));
            let f: extern "C" fn(i16) -> i32 = get(&program, "sext_i16_i32");
            assert_eq!(f(-300), -300);
            let f: extern "C" fn(i32) -> i64 = get(&program, "index_of_i32");
            assert_eq!(f(-5), -5);
            let f: extern "C" fn(u32) -> i64 = get(&program, "index_of_u32");
            assert_eq!(f(u32::MAX), 0xffff_ffff);
            let f: extern "C" fn(i64) -> i16 = get(&program, "i16_of_index");
            assert_eq!(f(0x1_8001), -32767);
            let f: extern "C" fn(i64) -> u64 = get(&program, "u64_of_index");
            assert_eq!(f(-1), u64::MAX);
        }
    }
}

#[test]
fn integer_to_float() {
    let functions = [
        cast("i64_f64", "sitofp", "i64", "f64"),
        cast("i32_f32", "sitofp", "i32", "f32"),
        cast("i8_f64", "sitofp", "i8", "f64"),
        cast("i1_f64", "sitofp", "i1", "f64"),
        cast("u64_f64", "uitofp", "u64", "f64"),
        cast("u64_f32", "uitofp", "u64", "f32"),
        cast("u32_f32", "uitofp", "u32", "f32"),
        cast("u8_f64", "uitofp", "u8", "f64"),
        cast("i64_f32", "sitofp", "i64", "f32"),
    ]
    .concat();
    for program in compile_both(&module(&functions)) {
        unsafe {
            let f: extern "C" fn(i64) -> f64 = get(&program, "i64_f64");
            for x in [0, -1, i64::MIN, i64::MAX, (1 << 53) + 1, 123456789] {
                assert_eq!(f(x), x as f64);
            }
            let f: extern "C" fn(i32) -> f32 = get(&program, "i32_f32");
            for x in [0, -1, i32::MIN, i32::MAX, 16_777_217] {
                assert_eq!(f(x), x as f32);
            }
            let f: extern "C" fn(i8) -> f64 = get(&program, "i8_f64");
            assert_eq!((f(-128), f(127)), (-128.0, 127.0));
            // A signed i1: true is -1.
            let f: extern "C" fn(bool) -> f64 = get(&program, "i1_f64");
            assert_eq!((f(true), f(false)), (-1.0, 0.0));
            let f: extern "C" fn(u64) -> f64 = get(&program, "u64_f64");
            for x in [0, 1, u64::MAX, 1 << 63, (1 << 63) + 1025, u64::MAX - 2048] {
                assert_eq!(f(x), x as f64, "{x}");
            }
            let f: extern "C" fn(u64) -> f32 = get(&program, "u64_f32");
            for x in [0, u64::MAX, (1 << 40) + 1, 0x8000_0080_0000_0001] {
                assert_eq!(f(x), x as f32, "{x}");
            }
            let f: extern "C" fn(u32) -> f32 = get(&program, "u32_f32");
            for x in [0, u32::MAX, 0x8000_0001] {
                assert_eq!(f(x), x as f32);
            }
            let f: extern "C" fn(u8) -> f64 = get(&program, "u8_f64");
            assert_eq!(f(255), 255.0);
            let f: extern "C" fn(i64) -> f32 = get(&program, "i64_f32");
            for x in [i64::MIN, i64::MAX, -((1 << 40) + 1)] {
                assert_eq!(f(x), x as f32);
            }
        }
    }
}

#[test]
fn float_to_integer_saturates() {
    let functions = [
        cast("f64_i64", "fptosi", "f64", "i64"),
        cast("f64_i32", "fptosi", "f64", "i32"),
        cast("f64_i16", "fptosi", "f64", "i16"),
        cast("f64_i8", "fptosi", "f64", "i8"),
        cast("f64_u64", "fptoui", "f64", "u64"),
        cast("f64_u32", "fptoui", "f64", "u32"),
        cast("f64_u16", "fptoui", "f64", "u16"),
        cast("f64_u8", "fptoui", "f64", "u8"),
        cast("f32_i64", "fptosi", "f32", "i64"),
        cast("f32_u8", "fptoui", "f32", "u8"),
        cast("f32_i32", "fptosi", "f32", "i32"),
        cast("f64_index", "fptosi", "f64", "index"),
    ]
    .concat();
    let inputs = [
        0.0,
        -0.0,
        0.9,
        -0.9,
        2.5,
        -2.5,
        127.5,
        128.0,
        -128.9,
        -129.0,
        255.9,
        256.0,
        -1.0,
        40000.0,
        -40000.0,
        65535.9,
        3e9,
        -3e9,
        5e9,
        1e19,
        2e19,
        -1e19,
        1e300,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
    ];
    for program in compile_both(&module(&functions)) {
        macro_rules! check {
            ($name:literal, $from:ty, $to:ty) => {{
                let f: extern "C" fn($from) -> $to = unsafe { get(&program, $name) };
                for x in inputs {
                    let x = x as $from;
                    // Rust's `as` saturates and maps NaN to 0: the contract's semantics.
                    assert_eq!(f(x), x as $to, "{} of {x}", $name);
                }
            }};
        }
        check!("f64_i64", f64, i64);
        check!("f64_i32", f64, i32);
        check!("f64_i16", f64, i16);
        check!("f64_i8", f64, i8);
        check!("f64_u64", f64, u64);
        check!("f64_u32", f64, u32);
        check!("f64_u16", f64, u16);
        check!("f64_u8", f64, u8);
        check!("f32_i64", f32, i64);
        check!("f32_u8", f32, u8);
        check!("f32_i32", f32, i32);
        check!("f64_index", f64, i64);
    }
}

#[test]
fn float_widths_and_bitcasts() {
    let functions = [
        cast("ext", "extf", "f32", "f64"),
        cast("trunc", "truncf", "f64", "f32"),
        cast("f64_bits", "bitcast", "f64", "i64"),
        cast("bits_f64", "bitcast", "i64", "f64"),
        cast("f32_bits", "bitcast", "f32", "u32"),
        cast("bits_f32", "bitcast", "u32", "f32"),
    ]
    .concat();
    let values = [0.0, -0.0, 1.0, 0.1, -1e-40, 3.4e38, 1e39, f64::NAN, f64::INFINITY, 1e-310];
    for program in compile_both(&module(&functions)) {
        unsafe {
            let ext: extern "C" fn(f32) -> f64 = get(&program, "ext");
            let trunc: extern "C" fn(f64) -> f32 = get(&program, "trunc");
            let f64_bits: extern "C" fn(f64) -> i64 = get(&program, "f64_bits");
            let bits_f64: extern "C" fn(i64) -> f64 = get(&program, "bits_f64");
            let f32_bits: extern "C" fn(f32) -> u32 = get(&program, "f32_bits");
            let bits_f32: extern "C" fn(u32) -> f32 = get(&program, "bits_f32");
            for x in values {
                assert!(same_f32(trunc(x), x as f32), "truncf {x}");
                assert!(same_f64(ext(x as f32), f64::from(x as f32)), "extf {x}");
                assert_eq!(f64_bits(x), x.to_bits() as i64);
                assert_eq!(bits_f64(x.to_bits() as i64).to_bits(), x.to_bits());
                assert_eq!(f32_bits(x as f32), (x as f32).to_bits());
                assert_eq!(bits_f32((x as f32).to_bits()).to_bits(), (x as f32).to_bits());
            }
        }
    }
}
