//! f16 and bf16: conversions to and from every width, arithmetic in f32 rounded back after
//! each operation, comparisons, constants, and the values through memory, calls and block
//! arguments. Values cross the C boundary as their bits (`u16`).
//!
//! References, computed by the C driver: GCC's `_Float16` for f16 (libgcc's correctly
//! rounded conversions), and for bf16, which GCC 12 lacks, a rounding written the slow way:
//! the two nearest bf16 values found by bisection, the nearer taken, ties to even, on `long
//! double` (exact for every operand here, 64-bit integers included).

mod common;

use common::{c_program, check, function, module, options, parse, run_with_options};
use mlc_llvm::{compile, Emit, LlvmOptions, OptLevel};

/// A function of bits: `%arg` bitcast to the narrow type, `body` computing `%r` of type
/// `result`, the result bitcast back when narrow.
fn narrow_fn(name: &str, params: &[&str], result: &str, body: &str) -> String {
    let mut text = String::new();
    let mut ir_params = Vec::new();
    for (i, p) in params.iter().enumerate() {
        if matches!(*p, "f16" | "bf16") {
            text += &format!("  %x{i} = arith.bitcast %arg{i} : (u16) -> {p}\n");
            ir_params.push("u16");
        } else {
            text += &format!(
                "  %x{i} = arith.select %true, %arg{i}, %arg{i} : (i1, {p}, {p}) -> {p}\n"
            );
            ir_params.push(*p);
        }
    }
    text = format!("  %true = arith.constant {{value = 1 : i1}} : i1\n{text}{body}\n");
    let ir_result = if matches!(result, "f16" | "bf16") {
        text +=
            &format!("  %bits = arith.bitcast %r : ({result}) -> u16\n  func.return %bits : u16");
        "u16"
    } else {
        text += &format!("  func.return %r : {result}");
        result
    };
    function(name, &ir_params, &[ir_result], &text)
}

const C_REFERENCE: &str = r#"
typedef uint16_t bits16;
static float f32_of(uint32_t b) { float x; memcpy(&x, &b, 4); return x; }
static double f64_of(uint64_t b) { double x; memcpy(&x, &b, 8); return x; }
static _Float16 h_of(bits16 b) { _Float16 x; memcpy(&x, &b, 2); return x; }
static bits16 h_bits(_Float16 x) { bits16 b; memcpy(&b, &x, 2); return b; }
static float bf_value(bits16 b) { return f32_of((uint32_t)b << 16); }
static int bf_nan(bits16 b) { return (b & 0x7F80) == 0x7F80 && (b & 0x7F) != 0; }
static int h_nan(bits16 b) { return (b & 0x7C00) == 0x7C00 && (b & 0x3FF) != 0; }
/* The bf16 nearest to x, ties to even: the slow, obvious way. */
static bits16 bf_round(long double x) {
  if (isnan(x)) return 0x7FC0;
  bits16 sign = signbit(x) ? 0x8000 : 0;
  long double m = fabsl(x);
  bits16 lo = 0, hi = 0x7F80;            /* bf_value(lo) <= m < bf_value(hi) */
  if (m >= (long double)bf_value(0x7F80)) return sign | 0x7F80;
  while (hi - lo > 1) { bits16 mid = (lo + hi) / 2; if ((long double)bf_value(mid) <= m) lo = mid; else hi = mid; }
  long double below = m - bf_value(lo);
  long double above = (hi == 0x7F80 ? ldexpl(1, 128) : (long double)bf_value(hi)) - m;
  if (below == 0) return sign | lo;
  if (below < above) return sign | lo;
  if (above < below) return sign | hi;
  return sign | ((lo & 1) ? hi : lo);
}
static int failures = 0;
static void same16(const char *what, int i, int j, bits16 ours, bits16 theirs, int nan_ours, int nan_theirs) {
  if ((nan_ours && nan_theirs) || ours == theirs) return;
  failures++;
  printf("%s %d %d: ours %04x, reference %04x\n", what, i, j, ours, theirs);
}
static void same32(const char *what, int i, float ours, float theirs) {
  if ((isnan(ours) && isnan(theirs)) || memcmp(&ours, &theirs, 4) == 0) return;
  failures++;
  printf("%s %d: ours %a, reference %a\n", what, i, ours, theirs);
}
static void same64(const char *what, int i, double ours, double theirs) {
  if ((isnan(ours) && isnan(theirs)) || memcmp(&ours, &theirs, 8) == 0) return;
  failures++;
  printf("%s %d: ours %a, reference %a\n", what, i, ours, theirs);
}
static void same_int(const char *what, int i, long long ours, long long theirs) {
  if (ours == theirs) return;
  failures++;
  printf("%s %d: ours %lld, reference %lld\n", what, i, ours, theirs);
}
static long long saturate_i32(long double v) {
  if (isnan(v)) return 0;
  if (v >= 2147483647.0L) return 2147483647;
  if (v <= -2147483648.0L) return -2147483648LL;
  return (long long)v;
}

static const bits16 h_samples[] = {0x0000, 0x8000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0x3C01, 0x3555, 0xC500, 0x7BFF, 0xFBFF, 0x7C00, 0xFC00, 0x7E00, 0x4248, 0x1400};
static const bits16 bf_samples[] = {0x0000, 0x8000, 0x0001, 0x007F, 0x0080, 0x3F80, 0x3F81, 0x3EAB, 0xC0A0, 0x7F7F, 0xFF7F, 0x7F80, 0xFF80, 0x7FC0, 0x4049, 0x3B80};
static const uint32_t f32_samples[] = {0x3F800000, 0x3F808000, 0x3F818000, 0x3F808001, 0x7F7FFFFF, 0x00000001, 0x00008000, 0x00018000, 0x80000000, 0x7FC00000, 0xFF800000, 0x3DCCCCCD, 0x477FF000, 0x477FEFFF, 0x33000000, 0x33000001, 0xC7800000};
static const uint64_t f64_samples[] = {
  0x3FF0100000010000ull, /* 1 + 2^-8 + 2^-40: rounding to f32 first would tie */
  0x3FF0100000000000ull, 0x7E37E43C8800759Cull, 0x81A56E1FC2F8F359ull, 0x4008000000000000ull, 0x3FB999999999999Aull,
  0x40EFFDFFFFFFFFFFull, 0x40EFFE0000000000ull, 0x3E60000000000000ull, 0x3E60000000010000ull, 0x7FF8000000000000ull,
  0xFFF0000000000000ull, 0x47EFF00000000000ull, 0x47EFEFFFFFFFFFFFull, 0x3FF0020000010000ull /* 1 + 2^-11 + 2^-40 */};
static const int64_t int_samples[] = {0, 1, -1, 0x40400001, 0x40400000, -0x40400001, INT64_MIN, INT64_MAX, 65519, 65520, 65535, -70000, 257, 2049, 0x1000001, (1ll << 53) + 1, 0x7FFFFFBFFFFFFFFFll};
#define COUNT(a) (int)(sizeof a / sizeof a[0])
"#;

#[test]
fn f16_and_bf16_conversions_and_arithmetic() {
    let mut items = Vec::new();
    let mut declarations = String::from(C_REFERENCE);
    let mut body = String::new();
    for (t, samples, of, round, nan) in [
        ("f16", "h_samples", "(float)h_of", "h_bits((_Float16)", "h_nan"),
        ("bf16", "bf_samples", "bf_value", "bf_round(", "bf_nan"),
    ] {
        // Binary arithmetic, in f32 rounded back.
        for (op, c_op) in [("addf", "+"), ("subf", "-"), ("mulf", "*"), ("divf", "/")] {
            let name = format!("{op}_{t}");
            items.push(narrow_fn(&name, &[t, t], t, &format!("  %r = arith.{op} %x0, %x1 : {t}")));
            declarations += &format!("bits16 {name}(bits16, bits16);\n");
            body += &format!(
                "  for (int i = 0; i < COUNT({samples}); i++) for (int j = 0; j < COUNT({samples}); j++) {{\n    float r = {of}({samples}[i]) {c_op} {of}({samples}[j]);\n    bits16 ours = {name}({samples}[i], {samples}[j]), theirs = {round}r);\n    same16(\"{name}\", i, j, ours, theirs, {nan}(ours), {nan}(theirs));\n  }}\n"
            );
        }
        for (op, c_fn) in [
            ("math.sqrt", "sqrtf"),
            ("math.exp", "expf"),
            ("arith.negf", "-"),
            ("math.absf", "fabsf"),
        ] {
            let name = format!("{}_{t}", op.replace('.', "_"));
            items.push(narrow_fn(&name, &[t], t, &format!("  %r = {op} %x0 : {t}")));
            declarations += &format!("bits16 {name}(bits16);\n");
            body += &format!(
                "  for (int i = 0; i < COUNT({samples}); i++) {{\n    float r = {c_fn}({of}({samples}[i]));\n    bits16 ours = {name}({samples}[i]), theirs = {round}r);\n    same16(\"{name}\", i, 0, ours, theirs, {nan}(ours), {nan}(theirs));\n  }}\n"
            );
        }
        // max/min keep their operands' values: no rounding, NaN propagated.
        let name = format!("maxf_{t}");
        items.push(narrow_fn(&name, &[t, t], t, &format!("  %r = arith.maxf %x0, %x1 : {t}")));
        declarations += &format!("bits16 {name}(bits16, bits16);\n");
        body += &format!(
            "  for (int i = 0; i < COUNT({samples}); i++) for (int j = 0; j < COUNT({samples}); j++) {{\n    float a = {of}({samples}[i]), b = {of}({samples}[j]);\n    float r = isnan(a) || isnan(b) ? NAN : a > b ? a : b > a ? b : (signbit(a) && !signbit(b)) ? b : a;\n    bits16 ours = {name}({samples}[i], {samples}[j]), theirs = {round}r);\n    same16(\"{name}\", i, j, ours, theirs, {nan}(ours), {nan}(theirs));\n  }}\n"
        );
        // Comparisons, widened exactly.
        let name = format!("cmpf_ult_{t}");
        items.push(narrow_fn(
            &name,
            &[t, t],
            "i1",
            &format!("  %r = arith.cmpf %x0, %x1 {{predicate = \"ult\"}} : ({t}, {t}) -> i1"),
        ));
        declarations += &format!("bool {name}(bits16, bits16);\n");
        body += &format!(
            "  for (int i = 0; i < COUNT({samples}); i++) for (int j = 0; j < COUNT({samples}); j++) {{\n    float a = {of}({samples}[i]), b = {of}({samples}[j]);\n    same_int(\"{name}\", i * 100 + j, {name}({samples}[i], {samples}[j]), isnan(a) || isnan(b) || a < b);\n  }}\n"
        );
        // Widening (exact) and narrowing (one rounding) from f32 and f64.
        for wide in ["f32", "f64"] {
            let c_wide = if wide == "f32" { "float" } else { "double" };
            let (samples_wide, of_wide, same) = if wide == "f32" {
                ("f32_samples", "f32_of", "same32")
            } else {
                ("f64_samples", "f64_of", "same64")
            };
            let name = format!("extf_{t}_{wide}");
            items.push(narrow_fn(
                &name,
                &[t],
                wide,
                &format!("  %r = arith.extf %x0 : ({t}) -> {wide}"),
            ));
            declarations += &format!("{c_wide} {name}(bits16);\n");
            body += &format!(
                "  for (int i = 0; i < COUNT({samples}); i++) {same}(\"{name}\", i, {name}({samples}[i]), ({c_wide}){of}({samples}[i]));\n"
            );
            let name = format!("truncf_{wide}_{t}");
            items.push(narrow_fn(
                &name,
                &[wide],
                t,
                &format!("  %r = arith.truncf %x0 : ({wide}) -> {t}"),
            ));
            declarations += &format!("bits16 {name}({c_wide});\n");
            let reference = if t == "f16" {
                format!("h_bits((_Float16){of_wide}({samples_wide}[i]))")
            } else {
                format!("bf_round({of_wide}({samples_wide}[i]))")
            };
            body += &format!(
                "  for (int i = 0; i < COUNT({samples_wide}); i++) {{\n    bits16 ours = {name}({of_wide}({samples_wide}[i])), theirs = {reference};\n    same16(\"{name}\", i, 0, ours, theirs, {nan}(ours), {nan}(theirs));\n  }}\n"
            );
        }
        // From integers: one rounding of the exact value.
        for (int, c_int, op) in [
            ("i64", "int64_t", "sitofp"),
            ("i32", "int32_t", "sitofp"),
            ("u64", "uint64_t", "uitofp"),
            ("i8", "int8_t", "sitofp"),
        ] {
            let name = format!("{op}_{int}_{t}");
            items.push(narrow_fn(
                &name,
                &[int],
                t,
                &format!("  %r = arith.{op} %x0 : ({int}) -> {t}"),
            ));
            declarations += &format!("bits16 {name}({c_int});\n");
            let reference = if t == "f16" {
                format!("h_bits((_Float16)(long double)({c_int})int_samples[i])")
            } else {
                format!("bf_round((long double)({c_int})int_samples[i])")
            };
            body += &format!(
                "  for (int i = 0; i < COUNT(int_samples); i++) {{\n    bits16 ours = {name}(({c_int})int_samples[i]), theirs = {reference};\n    same16(\"{name}\", i, 0, ours, theirs, 0, 0);\n  }}\n"
            );
        }
        // To integers: saturating, NaN to 0.
        let name = format!("fptosi_{t}_i32");
        items.push(narrow_fn(
            &name,
            &[t],
            "i32",
            &format!("  %r = arith.fptosi %x0 : ({t}) -> i32"),
        ));
        declarations += &format!("int32_t {name}(bits16);\n");
        body += &format!(
            "  for (int i = 0; i < COUNT({samples}); i++) same_int(\"{name}\", i, {name}({samples}[i]), saturate_i32({of}({samples}[i])));\n"
        );
    }
    // f16 <-> bf16 in both directions, each one rounding from the exact value.
    items.push(narrow_fn(
        "extf_bf16_f16",
        &["f16"],
        "bf16",
        "  %w = arith.extf %x0 : (f16) -> f32\n  %r = arith.truncf %w : (f32) -> bf16",
    ));
    declarations += "bits16 extf_bf16_f16(bits16);\n";
    body += "  for (int i = 0; i < COUNT(h_samples); i++) { bits16 ours = extf_bf16_f16(h_samples[i]), theirs = bf_round((float)h_of(h_samples[i])); same16(\"f16->bf16\", i, 0, ours, theirs, bf_nan(ours), bf_nan(theirs)); }\n";
    body += "  printf(\"failures %d\\n\", failures);\n";
    // Spot checks by hand: the cases where rounding twice would be wrong.
    items.push(narrow_fn(
        "bf16_of_f64",
        &["f64"],
        "bf16",
        "  %r = arith.truncf %x0 : (f64) -> bf16",
    ));
    items.push(narrow_fn(
        "bf16_of_i32",
        &["i32"],
        "bf16",
        "  %r = arith.sitofp %x0 : (i32) -> bf16",
    ));
    declarations += "bits16 bf16_of_f64(double); bits16 bf16_of_i32(int32_t);\n";
    body += "  printf(\"%04x %04x %04x %04x\\n\", bf16_of_f64(f64_of(0x3FF0100000010000ull)), bf16_of_f64(f64_of(0x3FF0100000000000ull)), bf16_of_i32(0x40400001), bf16_of_i32(0x40400000));\n";
    let (ir, driver) = (module(&items), c_program(&declarations, &body));
    let expected = "failures 0\n3f81 3f80 4e81 4e80\n";
    check("narrow-floats", &ir, &driver, expected);
    // Without F16C (a baseline x86-64), f16 conversions are libgcc's calls.
    let baseline = LlvmOptions { target_cpu: Some("x86-64".to_string()), ..options(OptLevel::O2) };
    assert_eq!(run_with_options("narrow-floats-baseline", &ir, &driver, &baseline), expected);
    // bf16 rounding is the generated code's own on every CPU: no libgcc call it lacks, no
    // AVX512-BF16 instruction that flushes subnormals.
    for cpu in ["x86-64", "sapphirerapids"] {
        let options = LlvmOptions { target_cpu: Some(cpu.to_string()), ..options(OptLevel::O2) };
        let assembly = compile(&parse(&ir), &options, Emit::Assembly).unwrap();
        let assembly = String::from_utf8(assembly).unwrap();
        assert!(!assembly.contains("bf2") && !assembly.contains("vcvtneps2bf16"), "{cpu}");
    }
}

#[test]
fn narrow_floats_through_constants_memory_calls_and_block_arguments() {
    let ir = r#"builtin.module ({
^bb0:
  func.func {export = "tenths", function_type = () -> u32, sym_name = "tenths"} ({
  ^bb0:
    %h = arith.constant {value = 0.1 : f16} : f16
    %b = arith.constant {value = 0.1 : bf16} : bf16
    %hb = arith.bitcast %h : (f16) -> u16
    %bb = arith.bitcast %b : (bf16) -> u16
    %h32 = arith.extui %hb : (u16) -> u32
    %b32 = arith.extui %bb : (u16) -> u32
    %sixteen = arith.constant {value = 16 : u32} : u32
    %high = arith.shli %h32, %sixteen : u32
    %r = arith.ori %high, %b32 : u32
    func.return %r : u32
  })
  func.func {function_type = (bf16, bf16, f16) -> (bf16, f16), sym_name = "fma_both"} ({
  ^bb0(%a: bf16, %b: bf16, %h: f16):
    %p = arith.mulf %a, %b : bf16
    %s = arith.addf %p, %a : bf16
    %hh = arith.mulf %h, %h : f16
    func.return %s, %hh : (bf16, f16) -> ()
  })
  // a and b stored to slots, read back, through a call of several narrow results, then
  // around a loop as block arguments (n times), back as bits.
  func.func {export = "pipeline", function_type = (u16, u16, u16, i32) -> u32, sym_name = "pipeline"} ({
  ^bb0(%abits: u16, %bbits: u16, %hbits: u16, %n: i32):
    %a0 = arith.bitcast %abits : (u16) -> bf16
    %b0 = arith.bitcast %bbits : (u16) -> bf16
    %h0 = arith.bitcast %hbits : (u16) -> f16
    %slot = mem.alloca : !mem.ref<bf16, 2>
    %hslot = mem.alloca : !mem.ref<f16>
    %i0 = arith.constant {value = 0 : index} : index
    %i1 = arith.constant {value = 1 : index} : index
    mem.store %a0, %slot, %i0 : (bf16, !mem.ref<bf16, 2>, index) -> ()
    mem.store %b0, %slot, %i1 : (bf16, !mem.ref<bf16, 2>, index) -> ()
    mem.store %h0, %hslot : (f16, !mem.ref<f16>) -> ()
    %a = mem.load %slot, %i0 : (!mem.ref<bf16, 2>, index) -> bf16
    %b = mem.load %slot, %i1 : (!mem.ref<bf16, 2>, index) -> bf16
    %h = mem.load %hslot : (!mem.ref<f16>) -> f16
    %zero = arith.constant {value = 0 : i32} : i32
    cf.br [^loop(%a: bf16, %h: f16, %zero: i32)]
  ^loop(%x: bf16, %y: f16, %k: i32):
    %more = arith.cmpi %k, %n {predicate = "slt"} : (i32, i32) -> i1
    cf.cond_br %more [^body, ^done] : i1
  ^body:
    %x2, %y2 = func.call %x, %b, %y {callee = @fma_both} : (bf16, bf16, f16) -> (bf16, f16)
    %one = arith.constant {value = 1 : i32} : i32
    %k2 = arith.addi %k, %one : i32
    cf.br [^loop(%x2: bf16, %y2: f16, %k2: i32)]
  ^done:
    %xb = arith.bitcast %x : (bf16) -> u16
    %yb = arith.bitcast %y : (f16) -> u16
    %x32 = arith.extui %xb : (u16) -> u32
    %y32 = arith.extui %yb : (u16) -> u32
    %sixteen = arith.constant {value = 16 : u32} : u32
    %high = arith.shli %y32, %sixteen : u32
    %r = arith.ori %high, %x32 : u32
    func.return %r : u32
  })
})
"#;
    // 0.1 is 0x2E66 in f16 and 0x3DCD in bf16. The pipeline with a = 1.5 (0x3FC0),
    // b = 0.5 (0x3F00), h = 1.5 (0x3E00), twice: x = x * b + x: 1.5 -> 2.25 -> 3.375 (exact),
    // y = y * y: 1.5 -> 2.25 -> 5.0625 (0x4510 in f16).
    let driver = c_program(
        "uint32_t tenths(void); uint32_t pipeline(uint16_t, uint16_t, uint16_t, int32_t);",
        "  printf(\"%08x %08x %08x\\n\", tenths(), pipeline(0x3FC0, 0x3F00, 0x3E00, 2), pipeline(0x3FC0, 0x3F00, 0x3E00, 0));",
    );
    check("narrow-pipeline", ir, &driver, "2e663dcd 45104058 3e003fc0\n");
}
