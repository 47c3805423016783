//! The `ll` dialect: constant strings, C calls of runtime functions (a bool and an f32
//! among the arguments, a bool result), zero values of aggregates, raw loads and stores of
//! pointers, overflow tests; and `func.call` of an `extern` declaration.

mod common;

use common::{c_program, check, emit, options};
use mlc_llvm::{Emit, OptLevel};

const RUNTIME_CALLS: &str = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64) -> i64, sym_name = "twice", extern = "c_twice"} ({
  })
  func.func {export = "greet", function_type = (i1, f32, i8) -> i1, sym_name = "greet"} ({
  ^bb0(%flag: i1, %x: f32, %small: i8):
    %s = ll.cstring {value = "hello, \"world\"\n"} : !ll.ptr
    ll.call %s {callee = "c_print"} : (!ll.ptr) -> ()
    %t = ll.cstring {value = "hello, \"world\"\n"} : !ll.ptr
    ll.call %t {callee = "c_print"} : (!ll.ptr) -> ()
    %r = ll.call %flag, %x, %small {callee = "c_record"} : (i1, f32, i8) -> i1
    %u = ll.cstring {value = ""} : !ll.ptr
    ll.call %u {callee = "c_print"} : (!ll.ptr) -> ()
    %n = arith.constant {value = 21 : i64} : i64
    %m = func.call %n {callee = @twice} : (i64) -> i64
    %mi = arith.trunci %m : (i64) -> i32
    ll.call %mi {callee = "c_print_int"} : (i32) -> ()
    func.return %r : i1
  })
})
"#;

#[test]
fn strings_and_c_calls_with_bool_and_float_arguments() {
    let driver = c_program(
        r#"void c_print(const char *s) { printf("[%s]", s); }
void c_print_int(int32_t i) { printf("<%d>\n", i); }
int64_t c_twice(int64_t x) { return 2 * x; }
bool c_record(bool flag, float x, int8_t small) { printf("record %d %g %d\n", (int)flag, x, small); return !flag; }
bool greet(bool, float, int8_t);"#,
        r#"  printf("-> %d\n", (int)greet(true, 1.5f, -3));
  printf("-> %d\n", (int)greet(false, -0.25f, 100));"#,
    );
    let expected = "[hello, \"world\"\n][hello, \"world\"\n]record 1 1.5 -3\n[]<42>\n-> 0\n\
[hello, \"world\"\n][hello, \"world\"\n]record 0 -0.25 100\n[]<42>\n-> 1\n";
    check("runtime-calls", RUNTIME_CALLS, &driver, expected);
}

#[test]
fn equal_strings_share_one_private_constant() {
    let text = emit(RUNTIME_CALLS, &options(OptLevel::O0), Emit::LlvmIr).unwrap();
    let text = String::from_utf8(text).unwrap();
    let hello: Vec<&str> = text.lines().filter(|l| l.contains("c\"hello, ")).collect();
    assert_eq!(hello.len(), 1, "{text}");
    assert!(hello[0].contains("private unnamed_addr constant [16 x i8]"), "{}", hello[0]);
    assert!(
        text.contains("private unnamed_addr constant [1 x i8] zeroinitializer"),
        "the empty string is one NUL byte:\n{text}"
    );
    // A C bool crosses as a zero-extended byte, an i8 sign-extended.
    assert!(text.contains("declare zeroext i8 @c_record(i8 zeroext, float, i8 signext)"), "{text}");
    assert!(text.contains("declare i64 @c_twice(i64)"), "{text}");
}

#[test]
fn zero_values_and_pointer_loads() {
    let ir = r#"builtin.module ({
^bb0:
  builtin.struct {field_names = ["p", "n"], fields = [!str, i32], sym_name = "Named"}
  // The zero of an aggregate: every field zero (null handles included); packed into bits.
  func.func {export = "zeros", function_type = () -> i64, sym_name = "zeros"} ({
  ^bb0:
    %z = ll.zero : tuple<i64, f64, i1, !struct<Named>, tuple<>>
    %a = agg.extract %z {index = 0 : i64} : (tuple<i64, f64, i1, !struct<Named>, tuple<>>) -> i64
    %b = agg.extract %z {index = 1 : i64} : (tuple<i64, f64, i1, !struct<Named>, tuple<>>) -> f64
    %c = agg.extract %z {index = 2 : i64} : (tuple<i64, f64, i1, !struct<Named>, tuple<>>) -> i1
    %d = agg.extract %z {index = 3 : i64} : (tuple<i64, f64, i1, !struct<Named>, tuple<>>) -> !struct<Named>
    %n = agg.extract %d {index = 1 : i64} : (!struct<Named>) -> i32
    %p = agg.extract %d {index = 0 : i64} : (!struct<Named>) -> !str
    %null = ll.call %p {callee = "c_is_null"} : (!str) -> i1
    %bb = arith.bitcast %b : (f64) -> i64
    %cc = arith.extui %c : (i1) -> i64
    %nn = arith.extsi %n : (i32) -> i64
    %ab = arith.ori %a, %bb : i64
    %abc = arith.ori %ab, %cc : i64
    %abcn = arith.ori %abc, %nn : i64
    %one = arith.constant {value = 1 : i64} : i64
    %nul = arith.extui %null : (i1) -> i64
    %shifted = arith.shli %nul, %one : i64
    %r = arith.ori %abcn, %shifted : i64
    func.return %r : i64
  })
  // A pointer read from and written to memory at byte offsets.
  func.func {export = "swap_pointers", function_type = (!ll.ptr) -> (), sym_name = "swap_pointers"} ({
  ^bb0(%pair: !ll.ptr):
    %o0 = arith.constant {value = 0 : i64} : i64
    %o8 = arith.constant {value = 8 : i64} : i64
    %a = ll.load %pair, %o0 : (!ll.ptr, i64) -> !ll.ptr
    %b = ll.load %pair, %o8 : (!ll.ptr, i64) -> !str
    ll.store %b, %pair, %o0 : (!str, !ll.ptr, i64) -> ()
    ll.store %a, %pair, %o8 : (!ll.ptr, !ll.ptr, i64) -> ()
    func.return
  })
})
"#;
    let driver = c_program(
        "bool c_is_null(void *p) { return p == NULL; }\nint64_t zeros(void); void swap_pointers(void *);",
        r#"  int x = 1, y = 2; int *pair[2] = {&x, &y};
  swap_pointers(pair);
  printf("%lld %d %d\n", (long long)zeros(), *pair[0], *pair[1]);"#,
    );
    check("zeros", ir, &driver, "2 2 1\n");
}

#[test]
fn overflow_tests() {
    let cases: &[(&str, &str, &str)] = &[
        ("i8", "add", "int8_t"),
        ("i8", "sub", "int8_t"),
        ("i8", "mul", "int8_t"),
        ("i32", "mul", "int32_t"),
        ("i64", "add", "int64_t"),
        ("i64", "mul", "int64_t"),
        ("u8", "add", "uint8_t"),
        ("u8", "sub", "uint8_t"),
        ("u64", "mul", "uint64_t"),
    ];
    let mut items = String::new();
    let mut declarations = String::new();
    let mut body = String::new();
    let mut expected = String::new();
    for &(ty, kind, c) in cases {
        let name = format!("overflows_{kind}_{ty}");
        items += &format!(
            "  func.func {{export = \"{name}\", function_type = ({ty}, {ty}) -> i1, sym_name = \"{name}\"}} ({{\n  ^bb0(%a: {ty}, %b: {ty}):\n    %r = ll.overflows %a, %b {{kind = \"{kind}\"}} : ({ty}, {ty}) -> i1\n    func.return %r : i1\n  }})\n"
        );
        declarations += &format!("bool {name}({c}, {c});\n");
        let pairs: Vec<(i128, i128)> = match ty {
            "i8" => vec![
                (100, 27),
                (100, 28),
                (-100, 28),
                (-100, 29),
                (-1, -128),
                (16, 8),
                (-16, 8),
                (-16, -8),
            ],
            "i32" => vec![(65536, 32767), (65536, 32768), (-65536, 32768), (-65536, 32769)],
            "i64" => vec![
                (i64::MAX as i128, 0),
                (i64::MAX as i128, 1),
                (i64::MIN as i128, -1),
                (1 << 32, 1 << 31),
            ],
            "u8" => vec![(200, 55), (200, 56), (0, 1), (5, 5)],
            _ => vec![
                (1 << 32, 1 << 31),
                (1 << 32, 1 << 32),
                (u64::MAX as i128, 1),
                (u64::MAX as i128, 2),
            ],
        };
        for (a, b) in pairs {
            body += &format!("  printf(\"{name} %d\\n\", (int){name}(({c}){a}ll, ({c}){b}ll));\n")
                .replace(&format!("{}ll", u64::MAX), "UINT64_MAX")
                .replace(&format!("{}ll", i64::MIN), "INT64_MIN");
            let overflow = match (ty, kind) {
                ("i8", "add") => (a as i8).checked_add(b as i8).is_none(),
                ("i8", "sub") => (a as i8).checked_sub(b as i8).is_none(),
                ("i8", _) => (a as i8).checked_mul(b as i8).is_none(),
                ("i32", _) => (a as i32).checked_mul(b as i32).is_none(),
                ("i64", "add") => (a as i64).checked_add(b as i64).is_none(),
                ("i64", _) => (a as i64).checked_mul(b as i64).is_none(),
                ("u8", "add") => (a as u8).checked_add(b as u8).is_none(),
                ("u8", _) => (a as u8).checked_sub(b as u8).is_none(),
                _ => (a as u64).checked_mul(b as u64).is_none(),
            };
            expected += &format!("{name} {}\n", overflow as i32);
        }
    }
    let ir = format!("builtin.module ({{\n^bb0:\n{items}}})\n");
    check("overflows", &ir, &c_program(&declarations, &body), &expected);
}

#[test]
fn strings_may_hold_nul_bytes() {
    // The bytes of the value then one more NUL: the passes pass the length where it matters.
    let ir = r#"builtin.module ({
^bb0:
  func.func {export = "bytes", function_type = () -> !ll.ptr, sym_name = "bytes"} ({
  ^bb0:
    %s = ll.cstring {value = "a\u{0}b\u{e9}"} : !ll.ptr
    func.return %s : !ll.ptr
  })
})
"#;
    let driver = c_program(
        "const unsigned char *bytes(void);",
        "  const unsigned char *b = bytes(); for (int i = 0; i < 6; i++) printf(\"%02x \", b[i]); printf(\"\\n\");",
    );
    check("nul-bytes", ir, &driver, "61 00 62 c3 a9 00 \n");
}
