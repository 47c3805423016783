//! f16 and bf16: arithmetic rounded to the type after each operation, conversions rounded
//! once, and the 2-byte memory form.

use crate::common::{compile_both, get, module, same_f32};

const TEXT: &str = r#"
  // f32 -> f16 -> memory -> f16 -> f32; also returns the stored bits through `bits`.
  func.func {function_type = (f32, !ll.ptr) -> f32, sym_name = "f16_trip"} ({
  ^bb0(%x: f32, %bits: !ll.ptr):
    %h = arith.truncf %x : (f32) -> f16
    %slot = mem.alloca : !mem.ref<f16>
    mem.store %h, %slot : (f16, !mem.ref<f16>) -> ()
    %p = ll.address %slot : (!mem.ref<f16>) -> !ll.ptr
    %zero = arith.constant {value = 0 : i64} : i64
    %raw = ll.load %p, %zero : (!ll.ptr, i64) -> i16
    ll.store %raw, %bits, %zero : (i16, !ll.ptr, i64) -> ()
    %back = mem.load %slot : (!mem.ref<f16>) -> f16
    %r = arith.extf %back : (f16) -> f32
    func.return %r : f32
  })
  func.func {function_type = (f32, !ll.ptr) -> f32, sym_name = "bf16_trip"} ({
  ^bb0(%x: f32, %bits: !ll.ptr):
    %h = arith.truncf %x : (f32) -> bf16
    %slot = mem.alloca : !mem.ref<tuple<i8, bf16>>
    %k = arith.constant {value = 7 : i8} : i8
    %t = agg.make %k, %h : (i8, bf16) -> tuple<i8, bf16>
    mem.store %t, %slot : (tuple<i8, bf16>, !mem.ref<tuple<i8, bf16>>) -> ()
    %p = ll.address %slot : (!mem.ref<tuple<i8, bf16>>) -> !ll.ptr
    %two = arith.constant {value = 2 : i64} : i64
    %zero = arith.constant {value = 0 : i64} : i64
    %raw = ll.load %p, %two : (!ll.ptr, i64) -> u16
    ll.store %raw, %bits, %zero : (u16, !ll.ptr, i64) -> ()
    %back = mem.load %slot : (!mem.ref<tuple<i8, bf16>>) -> tuple<i8, bf16>
    %v = agg.extract %back {index = 1 : i64} : (tuple<i8, bf16>) -> bf16
    %r = arith.extf %v : (bf16) -> f32
    func.return %r : f32
  })
  // Arithmetic rounds after each op: (a + b) * c in f16.
  func.func {function_type = (f32, f32, f32) -> f32, sym_name = "f16_math"} ({
  ^bb0(%a: f32, %b: f32, %c: f32):
    %ha = arith.truncf %a : (f32) -> f16
    %hb = arith.truncf %b : (f32) -> f16
    %hc = arith.truncf %c : (f32) -> f16
    %s = arith.addf %ha, %hb : f16
    %m = arith.mulf %s, %hc : f16
    %r = arith.extf %m : (f16) -> f32
    func.return %r : f32
  })
  func.func {function_type = (f32, f32) -> f32, sym_name = "bf16_add"} ({
  ^bb0(%a: f32, %b: f32):
    %ha = arith.truncf %a : (f32) -> bf16
    %hb = arith.truncf %b : (f32) -> bf16
    %s = arith.addf %ha, %hb : bf16
    %r = arith.extf %s : (bf16) -> f32
    func.return %r : f32
  })
  func.func {function_type = (f64) -> f32, sym_name = "f16_of_f64"} ({
  ^bb0(%x: f64):
    %h = arith.truncf %x : (f64) -> f16
    %r = arith.extf %h : (f16) -> f32
    func.return %r : f32
  })
  func.func {function_type = (i64) -> f64, sym_name = "f16_of_i64"} ({
  ^bb0(%x: i64):
    %h = arith.sitofp %x : (i64) -> f16
    %r = arith.extf %h : (f16) -> f64
    func.return %r : f64
  })
  func.func {function_type = (u64) -> f64, sym_name = "bf16_of_u64"} ({
  ^bb0(%x: u64):
    %h = arith.uitofp %x : (u64) -> bf16
    %r = arith.extf %h : (bf16) -> f64
    func.return %r : f64
  })
  func.func {function_type = (f32) -> i32, sym_name = "f16_to_i32"} ({
  ^bb0(%x: f32):
    %h = arith.truncf %x : (f32) -> f16
    %r = arith.fptosi %h : (f16) -> i32
    func.return %r : i32
  })
  func.func {function_type = (i16) -> i16, sym_name = "f16_bits_trip"} ({
  ^bb0(%x: i16):
    %h = arith.bitcast %x : (i16) -> f16
    %one = arith.constant {value = 1.0 : f16} : f16
    %m = arith.mulf %h, %one : f16
    %r = arith.bitcast %m : (f16) -> i16
    func.return %r : i16
  })
  func.func {function_type = () -> f32, sym_name = "f16_constant"} ({
  ^bb0:
    %c = arith.constant {value = 0.1 : f16} : f16
    %r = arith.extf %c : (f16) -> f32
    func.return %r : f32
  })
  func.func {function_type = (f32) -> f32, sym_name = "f16_sqrt"} ({
  ^bb0(%x: f32):
    %h = arith.truncf %x : (f32) -> f16
    %s = math.sqrt %h : f16
    %e = math.exp %h : f16
    %t = arith.addf %s, %e : f16
    %r = arith.extf %t : (f16) -> f32
    func.return %r : f32
  })
"#;

/// Rounds an f32 to f16 (to nearest, ties to even) by brute force over the f16 values.
fn nearest_f16(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    let mut best = f32::INFINITY.copysign(x);
    let mut best_bits = 0;
    for bits in 0u16..0x7c00 {
        let value = f16_value(bits).copysign(x);
        let (d, best_d) = ((value - x).abs(), (best - x).abs());
        if d < best_d || (d == best_d && bits & 1 == 0 && best_bits & 1 == 1) {
            best = value;
            best_bits = bits;
        }
    }
    // Beyond the largest finite value by half an ulp or more: infinity.
    if x.abs() >= 65520.0 {
        return f32::INFINITY.copysign(x);
    }
    best
}

/// Rounds a finite f32 to bf16 (to nearest, ties to even) on its bits.
fn nearest_bf16(x: f32) -> f32 {
    let bits = x.to_bits();
    f32::from_bits(((bits + 0x7fff + ((bits >> 16) & 1)) >> 16) << 16)
}

fn f16_value(bits: u16) -> f32 {
    let exponent = i32::from((bits >> 10) & 0x1f);
    let mantissa = f32::from(bits & 0x3ff);
    if exponent == 0 {
        mantissa * 2f32.powi(-24)
    } else {
        (1.0 + mantissa / 1024.0) * 2f32.powi(exponent - 15)
    }
}

#[test]
fn f16_and_bf16() {
    for program in compile_both(&module(TEXT)) {
        let f16_trip: extern "C" fn(f32, *mut u16) -> f32 = unsafe { get(&program, "f16_trip") };
        let mut bits = 0u16;
        assert_eq!(f16_trip(1.0, &mut bits), 1.0);
        assert_eq!(bits, 0x3c00);
        assert_eq!(f16_trip(-2.0, &mut bits), -2.0);
        assert_eq!(bits, 0xc000);
        assert_eq!(f16_trip(65504.0, &mut bits), 65504.0);
        assert_eq!(bits, 0x7bff);
        assert_eq!(f16_trip(1e6, &mut bits), f32::INFINITY);
        assert_eq!(bits, 0x7c00);
        assert_eq!(f16_trip(2f32.powi(-24), &mut bits), 2f32.powi(-24));
        assert_eq!(bits, 0x0001);
        assert!(f16_trip(f32::NAN, &mut bits).is_nan());
        for x in [0.1f32, 1.0 / 3.0, 2049.0, 2051.0, -1e-5, 3e-8, 12345.678, 65519.0, 65520.0] {
            assert!(same_f32(f16_trip(x, &mut bits), nearest_f16(x)), "f16 {x}");
        }

        let bf16_trip: extern "C" fn(f32, *mut u16) -> f32 = unsafe { get(&program, "bf16_trip") };
        assert_eq!(bf16_trip(1.0, &mut bits), 1.0);
        assert_eq!(bits, 0x3f80);
        // 1 + 2^-8 ties between 1 and 1 + 2^-7: to even.
        assert_eq!(bf16_trip(1.0 + 2f32.powi(-8), &mut bits), 1.0);
        assert_eq!(bf16_trip(1.0 + 3.0 * 2f32.powi(-8), &mut bits), 1.0 + 2f32.powi(-6));
        assert_eq!(bits, 0x3f82);
        for x in [-3.0e38f32, 0.1, 1e-39, 123.456, -7.0e-20] {
            assert_eq!(bf16_trip(x, &mut bits).to_bits(), nearest_bf16(x).to_bits(), "bf16 {x}");
            assert_eq!(u32::from(bits), nearest_bf16(x).to_bits() >> 16);
        }

        let f16_math: extern "C" fn(f32, f32, f32) -> f32 = unsafe { get(&program, "f16_math") };
        // 2048 + 1 is not an f16: it rounds to 2048 before the multiplication.
        assert_eq!(f16_math(2048.0, 1.0, 1.0), 2048.0);
        assert_eq!(f16_math(2048.0, 3.0, 1.0), 2052.0);
        assert_eq!(
            f16_math(0.1, 0.2, 3.0),
            nearest_f16(nearest_f16(nearest_f16(0.1) + nearest_f16(0.2)) * 3.0)
        );
        assert_eq!(f16_math(60000.0, 10000.0, 1.0), f32::INFINITY);

        let bf16_add: extern "C" fn(f32, f32) -> f32 = unsafe { get(&program, "bf16_add") };
        assert_eq!(bf16_add(256.0, 1.0), 256.0);
        assert_eq!(bf16_add(256.0, 3.0), 260.0);

        let f16_of_f64: extern "C" fn(f64) -> f32 = unsafe { get(&program, "f16_of_f64") };
        // Just above a tie: rounding through f32 first would tie and go to even (down).
        assert_eq!(f16_of_f64(1.0 + 2f64.powi(-11) + 2f64.powi(-40)), 1.0 + 2f32.powi(-10));
        let f16_of_i64: extern "C" fn(i64) -> f64 = unsafe { get(&program, "f16_of_i64") };
        assert_eq!(
            (f16_of_i64(2049), f16_of_i64(-2051), f16_of_i64(70000)),
            (2048.0, -2052.0, f64::INFINITY)
        );
        let bf16_of_u64: extern "C" fn(u64) -> f64 = unsafe { get(&program, "bf16_of_u64") };
        let x = (1u64 << 63) + (1u64 << 55) + 1;
        assert_eq!(bf16_of_u64(x), 2f64.powi(63) + 2f64.powi(56));
        let f16_to_i32: extern "C" fn(f32) -> i32 = unsafe { get(&program, "f16_to_i32") };
        assert_eq!((f16_to_i32(-7.9), f16_to_i32(1e9), f16_to_i32(f32::NAN)), (-7, i32::MAX, 0));
        let f16_bits_trip: extern "C" fn(i16) -> i16 = unsafe { get(&program, "f16_bits_trip") };
        for bits in [0x3c00u16, 0x0001, 0x8001, 0x7bff, 0xfc00, 0x3555] {
            assert_eq!(f16_bits_trip(bits as i16) as u16, bits);
        }
        let f16_constant: extern "C" fn() -> f32 = unsafe { get(&program, "f16_constant") };
        assert_eq!(f16_constant(), nearest_f16(0.1));
        let f16_sqrt: extern "C" fn(f32) -> f32 = unsafe { get(&program, "f16_sqrt") };
        let want = nearest_f16(nearest_f16(2f32.sqrt()) + nearest_f16(2f32.exp()));
        assert_eq!(f16_sqrt(2.0), want);
    }
}
