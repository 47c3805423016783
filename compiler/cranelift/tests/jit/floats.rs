//! Float arithmetic, `maxf`/`minf` (NaN-propagating, -0.0 < +0.0), every `cmpf` predicate
//! with NaN, and the `math` functions against Rust's (which call the same C library).

use std::cmp::Ordering::{self, Equal, Greater, Less};

use crate::common::{
    binary_function, compile_both, get, module, same_f32, same_f64, unary_function,
};

const SAMPLES: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.1,
    3.0,
    -7.25,
    1e300,
    -1e-300,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

type Binary = fn(f64, f64) -> f64;
type Predicate = fn(f64, f64) -> bool;
type Unary64And32 = (&'static str, fn(f64) -> f64, fn(f32) -> f32);
type Binary64And32 = (&'static str, fn(f64, f64) -> f64, fn(f32, f32) -> f32);

fn order(a: f64, b: f64) -> Option<Ordering> {
    a.partial_cmp(&b)
}

/// LLVM's `maximum`: NaN if either is NaN, +0.0 over -0.0.
fn maximum(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == 0.0 && b == 0.0 {
        if a.is_sign_positive() {
            a
        } else {
            b
        }
    } else {
        a.max(b)
    }
}

fn minimum(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == 0.0 && b == 0.0 {
        if a.is_sign_negative() {
            a
        } else {
            b
        }
    } else {
        a.min(b)
    }
}

#[test]
fn float_arithmetic() {
    for ty in ["f64", "f32"] {
        let mut functions: String = ["addf", "subf", "mulf", "divf", "remf", "maxf", "minf"]
            .iter()
            .map(|op| binary_function(op, &format!("arith.{op}"), "", ty, ty))
            .collect();
        functions.push_str(&unary_function("negf", "arith.negf", ty, ty));
        for program in compile_both(&module(&functions)) {
            let ops: [(&str, Binary); 7] = [
                ("addf", |a, b| a + b),
                ("subf", |a, b| a - b),
                ("mulf", |a, b| a * b),
                ("divf", |a, b| a / b),
                ("remf", |a, b| a % b),
                ("maxf", maximum),
                ("minf", minimum),
            ];
            for &a in SAMPLES {
                for &b in SAMPLES {
                    for (name, op) in ops {
                        if ty == "f64" {
                            let f: extern "C" fn(f64, f64) -> f64 = unsafe { get(&program, name) };
                            assert!(same_f64(f(a, b), op(a, b)), "{name} {a} {b}");
                        } else {
                            let (a, b) = (a as f32, b as f32);
                            let f: extern "C" fn(f32, f32) -> f32 = unsafe { get(&program, name) };
                            let want = match name {
                                "addf" => a + b,
                                "subf" => a - b,
                                "mulf" => a * b,
                                "divf" => a / b,
                                "remf" => a % b,
                                _ => op(f64::from(a), f64::from(b)) as f32,
                            };
                            assert!(same_f32(f(a, b), want), "{name} f32 {a} {b}");
                        }
                    }
                }
                if ty == "f64" {
                    let negf: extern "C" fn(f64) -> f64 = unsafe { get(&program, "negf") };
                    assert!(same_f64(negf(a), -a));
                    if !a.is_nan() {
                        assert_eq!(negf(a).to_bits(), (-a).to_bits());
                    }
                }
            }
        }
    }
}

#[test]
fn compare_predicates_with_nan() {
    let predicates: [(&str, Predicate); 16] = [
        ("false", |_, _| false),
        ("oeq", |a, b| a == b),
        ("ogt", |a, b| a > b),
        ("oge", |a, b| a >= b),
        ("olt", |a, b| a < b),
        ("ole", |a, b| a <= b),
        ("one", |a, b| matches!(order(a, b), Some(Less | Greater))),
        ("ord", |a, b| !a.is_nan() && !b.is_nan()),
        ("ueq", |a, b| matches!(order(a, b), None | Some(Equal))),
        ("ugt", |a, b| matches!(order(a, b), None | Some(Greater))),
        ("uge", |a, b| matches!(order(a, b), None | Some(Greater | Equal))),
        ("ult", |a, b| matches!(order(a, b), None | Some(Less))),
        ("ule", |a, b| matches!(order(a, b), None | Some(Less | Equal))),
        ("une", |a, b| a != b),
        ("uno", |a, b| a.is_nan() || b.is_nan()),
        ("true", |_, _| true),
    ];
    let functions: String = predicates
        .iter()
        .map(|(p, _)| {
            binary_function(p, "arith.cmpf", &format!("{{predicate = \"{p}\"}}"), "f64", "i1")
        })
        .collect();
    for program in compile_both(&module(&functions)) {
        for &a in SAMPLES {
            for &b in SAMPLES {
                for (name, predicate) in predicates {
                    let f: extern "C" fn(f64, f64) -> bool = unsafe { get(&program, name) };
                    assert_eq!(f(a, b), predicate(a, b), "cmpf {name} {a} {b}");
                }
            }
        }
    }
}

#[test]
fn math_functions_match_rust() {
    let unary: [Unary64And32; 17] = [
        ("sqrt", f64::sqrt, f32::sqrt),
        ("exp", f64::exp, f32::exp),
        ("log", f64::ln, f32::ln),
        ("log2", f64::log2, f32::log2),
        ("log10", f64::log10, f32::log10),
        ("sin", f64::sin, f32::sin),
        ("cos", f64::cos, f32::cos),
        ("tan", f64::tan, f32::tan),
        ("asin", f64::asin, f32::asin),
        ("acos", f64::acos, f32::acos),
        ("atan", f64::atan, f32::atan),
        ("sinh", f64::sinh, f32::sinh),
        ("cosh", f64::cosh, f32::cosh),
        ("tanh", f64::tanh, f32::tanh),
        ("floor", f64::floor, f32::floor),
        ("ceil", f64::ceil, f32::ceil),
        ("absf", f64::abs, f32::abs),
    ];
    let binary: [Binary64And32; 3] = [
        ("atan2", f64::atan2, f32::atan2),
        ("powf", f64::powf, f32::powf),
        ("fmod", |a, b| a % b, |a, b| a % b),
    ];
    let mut functions = String::new();
    for ty in ["f64", "f32"] {
        for (name, _, _) in unary {
            functions.push_str(&unary_function(
                &format!("{name}_{ty}"),
                &format!("math.{name}"),
                ty,
                ty,
            ));
        }
        for (name, _, _) in binary {
            let op = format!("math.{name}");
            functions.push_str(&binary_function(&format!("{name}_{ty}"), &op, "", ty, ty));
        }
    }
    let inputs =
        [0.0, -0.0, 0.5, -0.75, 1.0, 2.0, 10.5, -3.25, 100.0, 1e-5, f64::INFINITY, f64::NAN];
    for program in compile_both(&module(&functions)) {
        for &x in &inputs {
            for (name, f64_op, f32_op) in unary {
                let f: extern "C" fn(f64) -> f64 = unsafe { get(&program, &format!("{name}_f64")) };
                assert!(same_f64(f(x), f64_op(x)), "{name}({x})");
                let f: extern "C" fn(f32) -> f32 = unsafe { get(&program, &format!("{name}_f32")) };
                assert!(same_f32(f(x as f32), f32_op(x as f32)), "{name}f({x})");
            }
            for &y in &inputs {
                for (name, f64_op, f32_op) in binary {
                    let f: extern "C" fn(f64, f64) -> f64 =
                        unsafe { get(&program, &format!("{name}_f64")) };
                    assert!(same_f64(f(x, y), f64_op(x, y)), "{name}({x}, {y})");
                    let f: extern "C" fn(f32, f32) -> f32 =
                        unsafe { get(&program, &format!("{name}_f32")) };
                    let (a, b) = (x as f32, y as f32);
                    assert!(same_f32(f(a, b), f32_op(a, b)), "{name}f({x}, {y})");
                }
            }
        }
    }
}

#[test]
fn integer_absolute_value() {
    let functions = [
        unary_function("abs64", "math.absi", "i64", "i64"),
        unary_function("abs8", "math.absi", "i8", "i8"),
        unary_function("absu", "math.absi", "u32", "u32"),
    ]
    .concat();
    for program in compile_both(&module(&functions)) {
        let abs64: extern "C" fn(i64) -> i64 = unsafe { get(&program, "abs64") };
        for x in [0, 5, -5, i64::MAX, i64::MIN] {
            assert_eq!(abs64(x), x.wrapping_abs());
        }
        let abs8: extern "C" fn(i8) -> i8 = unsafe { get(&program, "abs8") };
        for x in [0, 5, -5, i8::MAX, i8::MIN] {
            assert_eq!(abs8(x), x.wrapping_abs());
        }
        let absu: extern "C" fn(u32) -> u32 = unsafe { get(&program, "absu") };
        assert_eq!(absu(u32::MAX), u32::MAX);
    }
}
