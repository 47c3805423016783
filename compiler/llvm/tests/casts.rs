//! Every `arith` cast: integer extensions and truncations, `index_cast`, integer to float
//! (rounding to nearest even), float to integer (saturating, NaN to 0), `extf`/`truncf` and
//! `bitcast`, against Rust's `as` (which saturates the same way).

mod common;

use common::{c_program, c_type, check, function, module};

/// A cast function `name` from `from` to `to` by `op`.
fn cast(op: &str, from: &str, to: &str) -> String {
    function(
        &format!("{op}_{from}_{to}"),
        &[from],
        &[to],
        &format!("  %r = arith.{op} %arg0 : ({from}) -> {to}\n  func.return %r : {to}"),
    )
}

const C_HELPERS: &str = r#"
static double d(uint64_t bits) { double x; memcpy(&x, &bits, 8); return x; }
static void pd(double x) { uint64_t b; memcpy(&b, &x, 8); if (isnan(x)) printf(" nan"); else printf(" %016llx", (unsigned long long)b); }
static void pf(float x) { uint32_t b; memcpy(&b, &x, 4); if (isnan(x)) printf(" nan"); else printf(" %08x", b); }
"#;

#[test]
fn integer_casts() {
    let items = vec![
        cast("extsi", "i8", "i32"),
        cast("extui", "i8", "i64"),
        cast("extsi", "u8", "i16"),
        cast("extui", "u16", "u64"),
        cast("trunci", "i64", "i8"),
        cast("trunci", "i64", "u16"),
        cast("trunci", "u32", "i1"),
        cast("index_cast", "i32", "index"),
        cast("index_cast", "u32", "index"),
        cast("index_cast", "index", "i16"),
        cast("index_cast", "index", "u64"),
        cast("index_cast", "i1", "index"),
    ];
    let declarations = "int32_t extsi_i8_i32(int8_t); int64_t extui_i8_i64(int8_t);
int16_t extsi_u8_i16(uint8_t); uint64_t extui_u16_u64(uint16_t);
int8_t trunci_i64_i8(int64_t); uint16_t trunci_i64_u16(int64_t); bool trunci_u32_i1(uint32_t);
int64_t index_cast_i32_index(int32_t); int64_t index_cast_u32_index(uint32_t);
int16_t index_cast_index_i16(int64_t); uint64_t index_cast_index_u64(int64_t);
int64_t index_cast_i1_index(bool);";
    let body = r#"  printf("%d %d\n", extsi_i8_i32(-1), extsi_i8_i32(100));
  printf("%lld %lld\n", (long long)extui_i8_i64(-1), (long long)extui_i8_i64(5));
  printf("%d\n", extsi_u8_i16(255));
  printf("%llu\n", (unsigned long long)extui_u16_u64(65535));
  printf("%d %u %d %d\n", trunci_i64_i8(0x1234567890), trunci_i64_u16(-1), trunci_u32_i1(3), trunci_u32_i1(2));
  printf("%lld %lld\n", (long long)index_cast_i32_index(-5), (long long)index_cast_u32_index(0xFFFFFFFFu));
  printf("%d %llu\n", index_cast_index_i16(0x12345678), (unsigned long long)index_cast_index_u64(-1));
  printf("%lld %lld\n", (long long)index_cast_i1_index(true), (long long)index_cast_i1_index(false));"#;
    let expected =
        "-1 100\n255 5\n-1\n65535\n-112 65535 1 0\n-5 4294967295\n22136 18446744073709551615\n-1 0\n";
    check("integer-casts", &module(&items), &c_program(declarations, body), expected);
}

#[test]
fn float_to_integer_saturates_and_nan_gives_zero() {
    let samples = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e20,
        -1e20,
        3.7,
        -3.7,
        127.5,
        128.0,
        -128.9,
        -129.0,
        255.9,
        256.0,
        -0.5,
        -0.0,
        2147483647.5,
        9.3e18,
        -9.3e18,
        1.8e19,
        1.9e19,
    ];
    let targets: &[(&str, &str)] = &[
        ("fptosi", "i8"),
        ("fptosi", "i16"),
        ("fptosi", "i32"),
        ("fptosi", "i64"),
        ("fptosi", "index"),
        ("fptoui", "u8"),
        ("fptoui", "u32"),
        ("fptoui", "u64"),
    ];
    let mut items = Vec::new();
    let literals: Vec<String> = samples.iter().map(|x| format!("0x{:x}ull", x.to_bits())).collect();
    let mut declarations =
        format!("{C_HELPERS}static const uint64_t samples[] = {{{}}};\n", literals.join(", "));
    let mut body = String::new();
    let mut expected = String::new();
    for from in ["f64", "f32"] {
        let c_from = c_type(from);
        for &(op, to) in targets {
            items.push(cast(op, from, to));
            let name = format!("{op}_{from}_{to}");
            let c_to = c_type(to);
            declarations += &format!("{c_to} {name}({c_from});\n");
            let (format, printed) = if op == "fptosi" {
                ("%lld", "(long long)")
            } else {
                ("%llu", "(unsigned long long)")
            };
            body += &format!(
                "  for (size_t i = 0; i < {}; i++) printf(\"{name} %zu {format}\\n\", i, {printed}{name}(({c_from})d(samples[i])));\n",
                samples.len()
            );
            for (i, &x) in samples.iter().enumerate() {
                // Rust's `as` saturates and maps NaN to 0, like `llvm.fpto?i.sat`.
                let value: i128 = match (from, to) {
                    ("f64", "i8") => (x as i8).into(),
                    ("f64", "i16") => (x as i16).into(),
                    ("f64", "i32") => (x as i32).into(),
                    ("f64", "i64" | "index") => (x as i64).into(),
                    ("f64", "u8") => (x as u8).into(),
                    ("f64", "u32") => (x as u32).into(),
                    ("f64", "u64") => (x as u64).into(),
                    (_, "i8") => (x as f32 as i8).into(),
                    (_, "i16") => (x as f32 as i16).into(),
                    (_, "i32") => (x as f32 as i32).into(),
                    (_, "i64" | "index") => (x as f32 as i64).into(),
                    (_, "u8") => (x as f32 as u8).into(),
                    (_, "u32") => (x as f32 as u32).into(),
                    _ => (x as f32 as u64).into(),
                };
                expected += &format!("{name} {i} {value}\n");
            }
        }
    }
    check("float-to-int", &module(&items), &c_program(&declarations, &body), &expected);
}

#[test]
fn integer_to_float_rounds_to_nearest_even() {
    let items = vec![
        cast("sitofp", "i64", "f64"),
        cast("sitofp", "i64", "f32"),
        cast("uitofp", "u64", "f64"),
        cast("uitofp", "u64", "f32"),
        cast("sitofp", "i8", "f64"),
        cast("uitofp", "u8", "f32"),
        cast("sitofp", "index", "f64"),
        cast("uitofp", "index", "f64"),
        cast("sitofp", "i32", "f32"),
    ];
    let declarations = format!(
        "{C_HELPERS}double sitofp_i64_f64(int64_t); float sitofp_i64_f32(int64_t);
double uitofp_u64_f64(uint64_t); float uitofp_u64_f32(uint64_t); double sitofp_i8_f64(int8_t);
float uitofp_u8_f32(uint8_t); double sitofp_index_f64(int64_t); double uitofp_index_f64(int64_t);
float sitofp_i32_f32(int32_t);"
    );
    let signed: [i64; 5] = [0, -1, (1 << 53) + 1, i64::MIN, i64::MAX];
    let unsigned: [u64; 4] = [0, u64::MAX, (1 << 24) + 1, (1 << 63) + 1];
    let mut body = String::new();
    let mut expected = String::new();
    for v in signed {
        body += &format!(
            "  pd(sitofp_i64_f64({v}ll)); pf(sitofp_i64_f32({v}ll)); pd(sitofp_index_f64({v}ll)); pd(uitofp_index_f64({v}ll)); printf(\"\\n\");\n"
        )
        .replace(&format!("{}ll", i64::MIN), "INT64_MIN");
        expected += &format!(
            " {:016x} {:08x} {:016x} {:016x}\n",
            (v as f64).to_bits(),
            (v as f32).to_bits(),
            (v as f64).to_bits(),
            (v as u64 as f64).to_bits()
        );
    }
    for v in unsigned {
        body += &format!(
            "  pd(uitofp_u64_f64({v}ull)); pf(uitofp_u64_f32({v}ull)); printf(\"\\n\");\n"
        );
        expected += &format!(" {:016x} {:08x}\n", (v as f64).to_bits(), (v as f32).to_bits());
    }
    body += "  pd(sitofp_i8_f64(-128)); pf(uitofp_u8_f32(255)); pf(sitofp_i32_f32(16777217)); printf(\"\\n\");\n";
    expected += &format!(
        " {:016x} {:08x} {:08x}\n",
        (-128f64).to_bits(),
        255f32.to_bits(),
        (16777217i32 as f32).to_bits()
    );
    check("int-to-float", &module(&items), &c_program(&declarations, &body), &expected);
}

#[test]
fn float_extension_truncation_and_bitcasts() {
    let items = vec![
        cast("extf", "f32", "f64"),
        cast("truncf", "f64", "f32"),
        cast("bitcast", "i64", "f64"),
        cast("bitcast", "f32", "u32"),
        cast("bitcast", "f64", "i64"),
    ];
    let declarations = format!(
        "{C_HELPERS}double extf_f32_f64(float); float truncf_f64_f32(double);
double bitcast_i64_f64(int64_t); uint32_t bitcast_f32_u32(float); int64_t bitcast_f64_i64(double);"
    );
    let body = r#"  pd(extf_f32_f64(0.1f)); pf(truncf_f64_f32(0.1)); pf(truncf_f64_f32(1e300)); pf(truncf_f64_f32(-1e-300));
  pf(truncf_f64_f32(d(0x7ff8000000000000ull))); printf("\n");
  pd(bitcast_i64_f64(0x3ff8000000000000ll)); printf(" %08x %016llx\n", bitcast_f32_u32(-2.5f), (unsigned long long)bitcast_f64_i64(-0.0));"#;
    let expected = format!(
        " {:016x} {:08x} {:08x} {:08x} nan\n {:016x} {:08x} {:016x}\n",
        (0.1f32 as f64).to_bits(),
        0.1f32.to_bits(),
        f32::INFINITY.to_bits(),
        (-0.0f32).to_bits(),
        1.5f64.to_bits(),
        (-2.5f32).to_bits(),
        (-0.0f64).to_bits()
    );
    check("float-casts", &module(&items), &c_program(&declarations, body), &expected);
}
