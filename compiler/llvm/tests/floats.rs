//! Float arithmetic with its edge cases (NaN, signed zeros, infinities, `maxf`/`minf` per
//! `llvm.maximum`/`minimum`, `remf` as `fmod`), every `cmpf` predicate with NaN, and the
//! `math` functions against the C library they must agree with.

mod common;

use common::{c_program, check, function, module};

const F64_SAMPLES: &[f64] =
    &[0.0, -0.0, 1.5, -2.25, 3.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e300, 5e-324, 0.1];

/// C helpers: values from bits, and bits (or `nan`) printed.
const C_HELPERS: &str = r#"
static double d(uint64_t bits) { double x; memcpy(&x, &bits, 8); return x; }
static float f(uint32_t bits) { float x; memcpy(&x, &bits, 4); return x; }
static void pd(double x) { uint64_t b; memcpy(&b, &x, 8); if (isnan(x)) printf(" nan"); else printf(" %016llx", (unsigned long long)b); }
static void pf(float x) { uint32_t b; memcpy(&b, &x, 4); if (isnan(x)) printf(" nan"); else printf(" %08x", b); }
"#;

fn bits64(x: f64) -> String {
    if x.is_nan() {
        " nan".to_string()
    } else {
        format!(" {:016x}", x.to_bits())
    }
}

fn bits32(x: f32) -> String {
    if x.is_nan() {
        " nan".to_string()
    } else {
        format!(" {:08x}", x.to_bits())
    }
}

/// `llvm.maximum` / `llvm.minimum`: NaN propagates, -0.0 < +0.0.
fn maximum(a: f64, b: f64, max: bool) -> f64 {
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    if a == 0.0 && b == 0.0 {
        let negative = if max {
            a.is_sign_negative() && b.is_sign_negative()
        } else {
            a.is_sign_negative() || b.is_sign_negative()
        };
        return if negative { -0.0 } else { 0.0 };
    }
    if max {
        a.max(b)
    } else {
        a.min(b)
    }
}

fn reference(op: &str, a: f64, b: f64) -> f64 {
    match op {
        "addf" => a + b,
        "subf" => a - b,
        "mulf" => a * b,
        "divf" => a / b,
        "remf" => a % b,
        "maxf" => maximum(a, b, true),
        "minf" => maximum(a, b, false),
        "negf" => -a,
        other => panic!("no reference for {other}"),
    }
}

#[test]
fn float_arithmetic_with_edge_cases() {
    const OPS: &[&str] = &["addf", "subf", "mulf", "divf", "remf", "maxf", "minf", "negf"];
    let mut items = Vec::new();
    let mut declarations = C_HELPERS.to_string();
    let mut body = String::new();
    let mut expected = String::new();
    let samples: Vec<String> =
        F64_SAMPLES.iter().map(|x| format!("0x{:x}ull", x.to_bits())).collect();
    declarations += &format!("static const uint64_t samples[] = {{{}}};\n", samples.join(", "));
    declarations += "#define N (sizeof samples / sizeof samples[0])\n";
    for (t, c, print, convert) in [("f64", "double", "pd", ""), ("f32", "float", "pf", "(float)")] {
        for op in OPS {
            let name = format!("{op}_{t}");
            let unary = *op == "negf";
            let (params, call, ir) = if unary {
                (c.to_string(), format!("{name}(a)"), format!("  %r = arith.{op} %arg0 : {t}"))
            } else {
                (
                    format!("{c}, {c}"),
                    format!("{name}(a, b)"),
                    format!("  %r = arith.{op} %arg0, %arg1 : {t}"),
                )
            };
            let ir_params: &[&str] = if unary { &[t] } else { &[t, t] };
            items.push(function(&name, ir_params, &[t], &format!("{ir}\n  func.return %r : {t}")));
            declarations += &format!("{c} {name}({params});\n");
            body += &format!(
                "  for (size_t i = 0; i < N; i++) for (size_t j = 0; j < N; j++) {{\n    {c} a = {convert}d(samples[i]), b = {convert}d(samples[j]);\n    printf(\"{name} %zu %zu\", i, j); {print}({call}); printf(\"\\n\");\n  }}\n"
            );
            for (i, &a) in F64_SAMPLES.iter().enumerate() {
                for (j, &b) in F64_SAMPLES.iter().enumerate() {
                    let bits = if t == "f64" {
                        bits64(reference(op, a, b))
                    } else {
                        let r = reference(op, a as f32 as f64, b as f32 as f64);
                        // Every op here is exact in f64 for f32 inputs but fmod/max/min/neg,
                        // which are exact anyway: rounding the f64 result gives f32's result.
                        bits32(r as f32)
                    };
                    expected += &format!("{name} {i} {j}{bits}\n");
                }
            }
        }
    }
    check("float-arith", &module(&items), &c_program(&declarations, &body), &expected);
}

#[test]
fn every_float_predicate_with_nan() {
    const PREDICATES: &[&str] = &[
        "false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult",
        "ule", "une", "uno", "true",
    ];
    let mut items = Vec::new();
    let mut declarations = C_HELPERS.to_string();
    let mut body = String::new();
    let mut expected = String::new();
    let samples = [0.0, -0.0, 1.0, -1.0, f64::INFINITY, f64::NAN];
    let literals: Vec<String> = samples.iter().map(|x| format!("0x{:x}ull", x.to_bits())).collect();
    declarations += &format!("static const uint64_t samples[] = {{{}}};\n", literals.join(", "));
    for (t, c, convert) in [("f64", "double", ""), ("f32", "float", "(float)")] {
        for predicate in PREDICATES {
            let name = format!("cmpf_{predicate}_{t}");
            items.push(function(
                &name,
                &[t, t],
                &["i1"],
                &format!("  %r = arith.cmpf %arg0, %arg1 {{predicate = \"{predicate}\"}} : ({t}, {t}) -> i1\n  func.return %r : i1"),
            ));
            declarations += &format!("bool {name}({c}, {c});\n");
            body += &format!(
                "  for (size_t i = 0; i < 6; i++) for (size_t j = 0; j < 6; j++) printf(\"{name} %zu %zu %d\\n\", i, j, (int){name}({convert}d(samples[i]), {convert}d(samples[j])));\n"
            );
            for (i, &a) in samples.iter().enumerate() {
                for (j, &b) in samples.iter().enumerate() {
                    let ordered = !a.is_nan() && !b.is_nan();
                    let r = match *predicate {
                        "false" => false,
                        "true" => true,
                        "ord" => ordered,
                        "uno" => !ordered,
                        p => {
                            let holds = match &p[1..] {
                                "eq" => a == b,
                                "gt" => a > b,
                                "ge" => a >= b,
                                "lt" => a < b,
                                "le" => a <= b,
                                _ => a != b,
                            };
                            if p.starts_with('o') {
                                ordered && holds
                            } else {
                                !ordered || holds
                            }
                        }
                    };
                    expected += &format!("{name} {i} {j} {}\n", r as i32);
                }
            }
        }
    }
    check("float-compare", &module(&items), &c_program(&declarations, &body), &expected);
}

#[test]
fn math_functions_agree_with_the_c_library() {
    const UNARY: &[(&str, &str)] = &[
        ("sqrt", "sqrt"),
        ("exp", "exp"),
        ("log", "log"),
        ("log2", "log2"),
        ("log10", "log10"),
        ("sin", "sin"),
        ("cos", "cos"),
        ("tan", "tan"),
        ("asin", "asin"),
        ("acos", "acos"),
        ("atan", "atan"),
        ("sinh", "sinh"),
        ("cosh", "cosh"),
        ("tanh", "tanh"),
        ("floor", "floor"),
        ("ceil", "ceil"),
        ("absf", "fabs"),
    ];
    const BINARY: &[(&str, &str)] = &[("atan2", "atan2"), ("powf", "pow"), ("fmod", "fmod")];
    let mut items = Vec::new();
    let mut declarations = C_HELPERS.to_string();
    let mut body = String::from("  int failures = 0;\n");
    let samples = [0.5, -0.75, 2.5, -3.25, 0.0, -0.0, 1e-3, 10.0, f64::INFINITY, f64::NAN];
    let literals: Vec<String> = samples.iter().map(|x| format!("0x{:x}ull", x.to_bits())).collect();
    declarations += &format!("static const uint64_t samples[] = {{{}}};\n", literals.join(", "));
    declarations += "static int same64(double a, double b) { return (isnan(a) && isnan(b)) || memcmp(&a, &b, 8) == 0; }\n";
    declarations += "static int same32(float a, float b) { return (isnan(a) && isnan(b)) || memcmp(&a, &b, 4) == 0; }\n";
    let mut expected = String::new();
    for (t, c, suffix, same, convert) in
        [("f64", "double", "", "same64", ""), ("f32", "float", "f", "same32", "(float)")]
    {
        for &(op, libm) in UNARY.iter().chain(BINARY) {
            let binary = BINARY.iter().any(|(o, _)| *o == op);
            let name = format!("math_{op}_{t}");
            let (ir_params, params, ours, theirs): (&[&str], String, String, String) = if binary {
                (
                    &[t, t],
                    format!("{c}, {c}"),
                    format!("{name}(a, b)"),
                    format!("{libm}{suffix}(a, b)"),
                )
            } else {
                (&[t], c.to_string(), format!("{name}(a)"), format!("{libm}{suffix}(a)"))
            };
            let operands = if binary { "%arg0, %arg1" } else { "%arg0" };
            items.push(function(
                &name,
                ir_params,
                &[t],
                &format!("  %r = math.{op} {operands} : {t}\n  func.return %r : {t}"),
            ));
            declarations += &format!("{c} {name}({params});\n");
            body += &format!(
                "  for (size_t i = 0; i < 10; i++) for (size_t j = 0; j < 10; j++) {{\n    volatile {c} a = {convert}d(samples[i]), b = {convert}d(samples[j]);\n    {c} ours = {ours}, theirs = {theirs};\n    if (!{same}(ours, theirs)) {{ failures++; printf(\"{name} %zu %zu:\", i, j); printf(\"\\n\"); }}\n  }}\n"
            );
        }
    }
    body += "  printf(\"failures %d\\n\", failures);\n";
    expected += "failures 0\n";
    check("math", &module(&items), &c_program(&declarations, &body), &expected);
}

#[test]
fn integer_absolute_value_wraps_at_the_minimum() {
    let items = vec![
        function(
            "absi_i32",
            &["i32"],
            &["i32"],
            "  %r = math.absi %arg0 : i32\n  func.return %r : i32",
        ),
        function("absi_u8", &["u8"], &["u8"], "  %r = math.absi %arg0 : u8\n  func.return %r : u8"),
    ];
    let driver = c_program(
        "int32_t absi_i32(int32_t); uint8_t absi_u8(uint8_t);",
        "  printf(\"%d %d %d %d %u\\n\", absi_i32(-5), absi_i32(7), absi_i32(0), absi_i32(INT32_MIN), absi_u8(200));",
    );
    check("absi", &module(&items), &driver, "5 7 0 -2147483648 200\n");
}
