//! Integer arithmetic of every width: wrapping, division signs, `MIN / -1`, shifts, unsigned
//! ops, comparisons, `i1` arithmetic and `select`.

use crate::common::{binary_function, compile_both, get, module};
use mlc_cranelift::JitProgram;

const BINARY: &[&str] = &[
    "addi", "subi", "muli", "divsi", "remsi", "divui", "remui", "andi", "ori", "xori", "shli",
    "shrsi", "shrui", "maxsi", "minsi", "maxui", "minui",
];

const PREDICATES: &[&str] = &["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];

fn mask(bits: u32) -> u64 {
    if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

fn signed(value: u64, bits: u32) -> i64 {
    let shift = 64 - bits;
    ((value << shift) as i64) >> shift
}

/// What `op` gives on the `bits`-wide patterns `a` and `b`, or `None` where the contract
/// says the operands never reach a back end (zero divisors, shifts out of range).
fn expected(op: &str, a: u64, b: u64, bits: u32) -> Option<u64> {
    let (ua, ub) = (a & mask(bits), b & mask(bits));
    let (sa, sb) = (signed(ua, bits), signed(ub, bits));
    let value = match op {
        "addi" => ua.wrapping_add(ub),
        "subi" => ua.wrapping_sub(ub),
        "muli" => ua.wrapping_mul(ub),
        "divsi" | "remsi" if sb == 0 => return None,
        // In i64 arithmetic the narrow minimum divided by -1 fits; masking wraps it back.
        "divsi" => sa.wrapping_div(sb) as u64,
        "remsi" => sa.wrapping_rem(sb) as u64,
        "divui" | "remui" if ub == 0 => return None,
        "divui" => ua / ub,
        "remui" => ua % ub,
        "andi" => ua & ub,
        "ori" => ua | ub,
        "xori" => ua ^ ub,
        "shli" | "shrsi" | "shrui" if ub >= u64::from(bits) => return None,
        "shli" => ua << ub,
        "shrsi" => (sa >> ub) as u64,
        "shrui" => ua >> ub,
        "maxsi" => sa.max(sb) as u64,
        "minsi" => sa.min(sb) as u64,
        "maxui" => ua.max(ub),
        "minui" => ua.min(ub),
        _ => unreachable!(),
    };
    Some(value & mask(bits))
}

fn compare(predicate: &str, a: u64, b: u64, bits: u32) -> bool {
    let (ua, ub) = (a & mask(bits), b & mask(bits));
    let (sa, sb) = (signed(ua, bits), signed(ub, bits));
    match predicate {
        "eq" => ua == ub,
        "ne" => ua != ub,
        "slt" => sa < sb,
        "sle" => sa <= sb,
        "sgt" => sa > sb,
        "sge" => sa >= sb,
        "ult" => ua < ub,
        "ule" => ua <= ub,
        "ugt" => ua > ub,
        "uge" => ua >= ub,
        _ => unreachable!(),
    }
}

/// Interesting bit patterns for a width: small values of both signs, the limits, shifts.
fn samples(bits: u32) -> Vec<u64> {
    let min = 1u64 << (bits - 1);
    let mut values = vec![0, 1, 2, 3, 5, 7, 100, min, min - 1, min + 1, mask(bits), u64::MAX - 1];
    values.extend([-2i64, -3, -7, -100].map(|v| v as u64));
    values.push(0x5555_5555_5555_5555);
    values.into_iter().map(|v| v & mask(bits)).collect()
}

/// Calls the `(T, T) -> R` function `name` where `T` is the Rust type of `ty`.
fn call(program: &JitProgram, name: &str, ty: &str, a: u64, b: u64, boolean_result: bool) -> u64 {
    macro_rules! call_as {
        ($t:ty) => {{
            if boolean_result {
                let f: extern "C" fn($t, $t) -> bool = unsafe { get(program, name) };
                u64::from(f(a as $t, b as $t))
            } else {
                let f: extern "C" fn($t, $t) -> $t = unsafe { get(program, name) };
                f(a as $t, b as $t) as u64
            }
        }};
    }
    match ty {
        "i8" => call_as!(i8),
        "i16" => call_as!(i16),
        "i32" => call_as!(i32),
        "i64" | "index" => call_as!(i64),
        "u8" => call_as!(u8),
        "u16" => call_as!(u16),
        "u32" => call_as!(u32),
        "u64" => call_as!(u64),
        _ => unreachable!(),
    }
}

#[test]
fn integer_ops_of_every_width() {
    for (ty, bits) in [
        ("i8", 8),
        ("i16", 16),
        ("i32", 32),
        ("i64", 64),
        ("u8", 8),
        ("u16", 16),
        ("u32", 32),
        ("u64", 64),
        ("index", 64),
    ] {
        let mut functions: String = BINARY
            .iter()
            .map(|op| binary_function(op, &format!("arith.{op}"), "", ty, ty))
            .collect();
        for predicate in PREDICATES {
            let attrs = format!("{{predicate = \"{predicate}\"}}");
            functions.push_str(&binary_function(predicate, "arith.cmpi", &attrs, ty, "i1"));
        }
        for program in compile_both(&module(&functions)) {
            for &a in &samples(bits) {
                for &b in &samples(bits) {
                    for op in BINARY {
                        let Some(want) = expected(op, a, b, bits) else { continue };
                        let got = call(&program, op, ty, a, b, false) & mask(bits);
                        assert_eq!(got, want, "{op} {ty} {a:#x} {b:#x}");
                    }
                    for predicate in PREDICATES {
                        let got = call(&program, predicate, ty, a, b, true) != 0;
                        let want = compare(predicate, a, b, bits);
                        assert_eq!(got, want, "cmpi {predicate} {ty} {a:#x} {b:#x}");
                    }
                }
            }
        }
    }
}

#[test]
fn division_signs_and_min_by_minus_one() {
    let functions = [
        binary_function("div", "arith.divsi", "", "i64", "i64"),
        binary_function("rem", "arith.remsi", "", "i64", "i64"),
        binary_function("div8", "arith.divsi", "", "i8", "i8"),
        binary_function("rem8", "arith.remsi", "", "i8", "i8"),
    ]
    .concat();
    for program in compile_both(&module(&functions)) {
        let div: extern "C" fn(i64, i64) -> i64 = unsafe { get(&program, "div") };
        let rem: extern "C" fn(i64, i64) -> i64 = unsafe { get(&program, "rem") };
        // Truncating: the quotient rounds toward zero, the remainder has the dividend's sign.
        assert_eq!((div(7, 2), rem(7, 2)), (3, 1));
        assert_eq!((div(-7, 2), rem(-7, 2)), (-3, -1));
        assert_eq!((div(7, -2), rem(7, -2)), (-3, 1));
        assert_eq!((div(-7, -2), rem(-7, -2)), (3, -1));
        assert_eq!((div(i64::MIN, -1), rem(i64::MIN, -1)), (i64::MIN, 0));
        assert_eq!((div(5, -1), rem(5, -1)), (-5, 0));
        let div8: extern "C" fn(i8, i8) -> i8 = unsafe { get(&program, "div8") };
        let rem8: extern "C" fn(i8, i8) -> i8 = unsafe { get(&program, "rem8") };
        assert_eq!((div8(i8::MIN, -1), rem8(i8::MIN, -1)), (i8::MIN, 0));
        assert_eq!((div8(-128, 3), rem8(-128, 3)), (-42, -2));
    }
}

#[test]
fn booleans() {
    let functions = [
        binary_function("add", "arith.addi", "", "i1", "i1"),
        binary_function("and", "arith.andi", "", "i1", "i1"),
        binary_function("or", "arith.ori", "", "i1", "i1"),
        binary_function("xor", "arith.xori", "", "i1", "i1"),
        binary_function("mul", "arith.muli", "", "i1", "i1"),
        binary_function("maxsi", "arith.maxsi", "", "i1", "i1"),
        binary_function("maxui", "arith.maxui", "", "i1", "i1"),
        binary_function("slt", "arith.cmpi", "{predicate = \"slt\"}", "i1", "i1"),
        binary_function("ult", "arith.cmpi", "{predicate = \"ult\"}", "i1", "i1"),
    ]
    .concat();
    for program in compile_both(&module(&functions)) {
        let f =
            |name: &str| -> extern "C" fn(bool, bool) -> bool { unsafe { get(&program, name) } };
        for a in [false, true] {
            for b in [false, true] {
                assert_eq!(f("add")(a, b), a ^ b);
                assert_eq!(f("and")(a, b), a & b);
                assert_eq!(f("or")(a, b), a | b);
                assert_eq!(f("xor")(a, b), a ^ b);
                assert_eq!(f("mul")(a, b), a & b);
                // Signed, true is -1: the smaller of the two.
                assert_eq!(f("maxsi")(a, b), a & b);
                assert_eq!(f("maxui")(a, b), a | b);
                assert_eq!(f("slt")(a, b), a & !b);
                assert_eq!(f("ult")(a, b), !a & b);
            }
        }
    }
}

#[test]
fn select_and_constants() {
    let text = module(
        r#"
  func.func {function_type = (i1, i64, i64) -> i64, sym_name = "pick"} ({
  ^bb0(%c: i1, %a: i64, %b: i64):
    %r = arith.select %c, %a, %b : (i1, i64, i64) -> i64
    func.return %r : i64
  })
  func.func {function_type = (i1) -> tuple<f64, i8>, sym_name = "pick_tuple"} ({
  ^bb0(%c: i1):
    %x = arith.constant {value = 1.5 : f64} : f64
    %y = arith.constant {value = -2.0 : f64} : f64
    %i = arith.constant {value = -1 : i8} : i8
    %j = arith.constant {value = 255 : u8} : u8
    %k = arith.bitcast %j : (u8) -> i8
    %t = agg.make %x, %i : (f64, i8) -> tuple<f64, i8>
    %f = agg.make %y, %k : (f64, i8) -> tuple<f64, i8>
    %r = arith.select %c, %t, %f : (i1, tuple<f64, i8>, tuple<f64, i8>) -> tuple<f64, i8>
    func.return %r : tuple<f64, i8>
  })
  func.func {function_type = (i1) -> f64, sym_name = "pick_first"} ({
  ^bb0(%c: i1):
    %r = func.call %c {callee = @pick_tuple} : (i1) -> tuple<f64, i8>
    %x = agg.extract %r {index = 0 : i64} : (tuple<f64, i8>) -> f64
    %i = agg.extract %r {index = 1 : i64} : (tuple<f64, i8>) -> i8
    %w = arith.sitofp %i : (i8) -> f64
    %s = arith.addf %x, %w : f64
    func.return %s : f64
  })
  func.func {function_type = () -> u64, sym_name = "big"} ({
  ^bb0:
    %r = arith.constant {value = 18446744073709551615 : u64} : u64
    func.return %r : u64
  })
  func.func {function_type = () -> i1, sym_name = "yes"} ({
  ^bb0:
    %r = arith.constant {value = 1 : i1} : i1
    func.return %r : i1
  })
"#,
    );
    for program in compile_both(&text) {
        let pick: extern "C" fn(bool, i64, i64) -> i64 = unsafe { get(&program, "pick") };
        assert_eq!((pick(true, 3, 4), pick(false, 3, 4)), (3, 4));
        let pick_first: extern "C" fn(bool) -> f64 = unsafe { get(&program, "pick_first") };
        assert_eq!((pick_first(true), pick_first(false)), (0.5, -3.0));
        let big: extern "C" fn() -> u64 = unsafe { get(&program, "big") };
        assert_eq!(big(), u64::MAX);
        let yes: extern "C" fn() -> bool = unsafe { get(&program, "yes") };
        assert!(yes());
    }
}
