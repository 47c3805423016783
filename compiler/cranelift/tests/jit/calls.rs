//! C calls: `ll.call` of functions a resolver provides (arguments of every ABI kind, a
//! `bool` result), `extern` declarations, the C library fallback, unresolved symbols, and
//! `run_entry` with test doubles of `mlc_rt_init` / `mlc_rt_exit`.

use std::cell::RefCell;
use std::ffi::{c_char, CStr};

use crate::common::{compile_both_with, get, module, try_compile_with};

thread_local! {
    static RECORDED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn record(entry: String) {
    RECORDED.with(|r| r.borrow_mut().push(entry));
}

fn take_recorded() -> Vec<String> {
    RECORDED.with(|r| std::mem::take(&mut *r.borrow_mut()))
}

extern "C" fn test_record(
    a: i64,
    flag: bool,
    x: f32,
    y: f64,
    small: i8,
    text: *const c_char,
) -> i32 {
    let text = unsafe { CStr::from_ptr(text) }.to_string_lossy().into_owned();
    record(format!("record({a}, {flag}, {x}, {y}, {small}, {text:?})"));
    7
}

extern "C" fn test_not(flag: bool) -> bool {
    !flag
}

extern "C" fn test_widen(small: u8, half: u16, negative: i16) -> i64 {
    i64::from(small) * 1_000_000 + i64::from(half) + i64::from(negative)
}

extern "C" fn mlc_rt_init(argc: i32, argv: *const *const c_char) {
    let args: Vec<String> = (0..argc as usize)
        .map(|i| unsafe { CStr::from_ptr(*argv.add(i)) }.to_string_lossy().into_owned())
        .collect();
    assert!(unsafe { *argv.add(argc as usize) }.is_null(), "argv ends with NULL");
    record(format!("init {args:?}"));
}

extern "C" fn mlc_rt_exit(code: i64) -> i32 {
    record(format!("exit {code}"));
    code as i32 + 100
}

extern "C" fn test_main_helper() -> i64 {
    record("main".to_string());
    42
}

fn resolve(name: &str) -> Option<*const u8> {
    let address = match name {
        "test_record" => {
            test_record as extern "C" fn(i64, bool, f32, f64, i8, *const c_char) -> i32 as usize
        }
        "test_not" => test_not as extern "C" fn(bool) -> bool as usize,
        "test_widen" => test_widen as extern "C" fn(u8, u16, i16) -> i64 as usize,
        "mlc_rt_init" => mlc_rt_init as extern "C" fn(i32, *const *const c_char) as usize,
        "mlc_rt_exit" => mlc_rt_exit as extern "C" fn(i64) -> i32 as usize,
        "test_main_helper" => test_main_helper as extern "C" fn() -> i64 as usize,
        _ => return None,
    };
    Some(address as *const u8)
}

#[test]
fn ll_call_passes_every_abi_kind() {
    let text = module(
        r#"
  func.func {function_type = (i64, i1, f32) -> i32, sym_name = "call_record"} ({
  ^bb0(%a: i64, %flag: i1, %x: f32):
    %y = arith.extf %x : (f32) -> f64
    %k = arith.constant {value = -5 : i8} : i8
    %s = ll.cstring {value = "hi"} : !ll.ptr
    %r = ll.call %a, %flag, %x, %y, %k, %s {callee = "test_record"} : (i64, i1, f32, f64, i8, !ll.ptr) -> i32
    func.return %r : i32
  })
  func.func {function_type = (i1) -> i1, sym_name = "call_not"} ({
  ^bb0(%flag: i1):
    %r = ll.call %flag {callee = "test_not"} : (i1) -> i1
    %one = arith.constant {value = 1 : i64} : i64
    %two = arith.constant {value = 2 : i64} : i64
    %n = arith.select %r, %one, %two : (i1, i64, i64) -> i64
    %c = arith.cmpi %n, %one {predicate = "eq"} : (i64, i64) -> i1
    func.return %c : i1
  })
  func.func {function_type = (u8, u16, i16) -> i64, sym_name = "call_widen"} ({
  ^bb0(%a: u8, %b: u16, %c: i16):
    %r = ll.call %a, %b, %c {callee = "test_widen"} : (u8, u16, i16) -> i64
    func.return %r : i64
  })
  func.func {extern = "test_not", function_type = (i1) -> i1, sym_name = "negate"} ({
  })
  func.func {function_type = (i1) -> i1, sym_name = "call_extern"} ({
  ^bb0(%flag: i1):
    %r = func.call %flag {callee = @negate} : (i1) -> i1
    func.return %r : i1
  })
  // Not known to the resolver: found among the C library's functions.
  func.func {function_type = () -> i64, sym_name = "call_libc"} ({
  ^bb0:
    %s = ll.cstring {value = "hello world"} : !ll.ptr
    %r = ll.call %s {callee = "strlen"} : (!ll.ptr) -> i64
    func.return %r : i64
  })
"#,
    );
    for program in compile_both_with(&text, &resolve) {
        take_recorded();
        let call_record: extern "C" fn(i64, bool, f32) -> i32 =
            unsafe { get(&program, "call_record") };
        assert_eq!(call_record(-3, true, 1.5), 7);
        assert_eq!(call_record(1 << 40, false, -0.25), 7);
        assert_eq!(
            take_recorded(),
            [
                "record(-3, true, 1.5, 1.5, -5, \"hi\")",
                "record(1099511627776, false, -0.25, -0.25, -5, \"hi\")"
            ]
        );
        let call_not: extern "C" fn(bool) -> bool = unsafe { get(&program, "call_not") };
        assert!(call_not(false) && !call_not(true));
        let call_widen: extern "C" fn(u8, u16, i16) -> i64 = unsafe { get(&program, "call_widen") };
        assert_eq!(call_widen(255, 65535, -1), 255_000_000 + 65535 - 1);
        let call_extern: extern "C" fn(bool) -> bool = unsafe { get(&program, "call_extern") };
        assert!(call_extern(false) && !call_extern(true));
        let call_libc: extern "C" fn() -> i64 = unsafe { get(&program, "call_libc") };
        assert_eq!(call_libc(), 11);
    }
}

#[test]
fn an_unresolved_symbol_is_an_error() {
    let text = module(
        r#"
  func.func {function_type = () -> (), sym_name = "f"} ({
  ^bb0:
    ll.call {callee = "mlc_does_not_exist"} : () -> () loc("missing.ml":4:2)
    func.return
  })
"#,
    );
    let error = try_compile_with(&text, false, &resolve).err().expect("must fail");
    assert_eq!(
        error.message,
        "missing.ml:4:2: `ll.call` in @f: unresolved symbol `mlc_does_not_exist`"
    );
}

#[test]
fn run_entry_initializes_runs_main_and_exits() {
    let text = module(
        r#"
  func.func {function_type = () -> i64, sym_name = "main"} ({
  ^bb0:
    %r = ll.call {callee = "test_main_helper"} : () -> i64
    func.return %r : i64
  })
  func.func {export = "main", function_type = (i32, !ll.ptr) -> i32, sym_name = "$entry"} ({
  ^bb0(%argc: i32, %argv: !ll.ptr):
    ll.call %argc, %argv {callee = "mlc_rt_init"} : (i32, !ll.ptr) -> ()
    %code = func.call {callee = @main} : () -> i64
    %r = ll.call %code {callee = "mlc_rt_exit"} : (i64) -> i32
    func.return %r : i32
  })
"#,
    );
    for program in compile_both_with(&text, &resolve) {
        take_recorded();
        let args = ["prog".to_string(), "a b".to_string(), "".to_string()];
        assert_eq!(program.run_entry(&args), 142);
        assert_eq!(take_recorded(), ["init [\"prog\", \"a b\", \"\"]", "main", "exit 42"]);
        // The user function is there under its IR symbol too.
        assert!(program.function("main").is_some());
    }
}

#[test]
fn declarations_call_program_functions_compiled_elsewhere() {
    // Several results, one of them an aggregate: six leaves, so a return area is used.
    let library = module(
        r#"
  func.func {function_type = (i64) -> (i64, tuple<f64, i1>, i64, i64, i64), sym_name = "spread"} ({
  ^bb0(%x: i64):
    %f = arith.sitofp %x : (i64) -> f64
    %zero = arith.constant {value = 0 : i64} : i64
    %neg = arith.cmpi %x, %zero {predicate = "slt"} : (i64, i64) -> i1
    %t = agg.make %f, %neg : (f64, i1) -> tuple<f64, i1>
    %one = arith.constant {value = 1 : i64} : i64
    %a = arith.addi %x, %one : i64
    %b = arith.addi %a, %one : i64
    %c = arith.addi %b, %one : i64
    func.return %x, %t, %a, %b, %c : (i64, tuple<f64, i1>, i64, i64, i64) -> ()
  })
"#,
    );
    let user = module(
        r#"
  func.func {function_type = (i64) -> (i64, tuple<f64, i1>, i64, i64, i64), sym_name = "spread"} ({
  })
  func.func {function_type = (i64) -> f64, sym_name = "total"} ({
  ^bb0(%x: i64):
    %r0, %r1, %r2, %r3, %r4 = func.call %x {callee = @spread} : (i64) -> (i64, tuple<f64, i1>, i64, i64, i64)
    %f = agg.extract %r1 {index = 0 : i64} : (tuple<f64, i1>) -> f64
    %neg = agg.extract %r1 {index = 1 : i64} : (tuple<f64, i1>) -> i1
    %s1 = arith.addi %r0, %r2 : i64
    %s2 = arith.addi %s1, %r3 : i64
    %s3 = arith.addi %s2, %r4 : i64
    %sf = arith.sitofp %s3 : (i64) -> f64
    %sum = arith.addf %sf, %f : f64
    %thousand = arith.constant {value = 1000.0 : f64} : f64
    %bonus = arith.select %neg, %thousand, %sf : (i1, f64, f64) -> f64
    %r = arith.addf %sum, %bonus : f64
    func.return %r : f64
  })
"#,
    );
    for library in compile_both_with(&library, &resolve) {
        let spread = library.function("spread").expect("compiled");
        let resolve_spread = move |name: &str| (name == "mlc.spread").then_some(spread);
        for program in compile_both_with(&user, &resolve_spread) {
            let total: extern "C" fn(i64) -> f64 = unsafe { get(&program, "total") };
            // x + (x+1) + (x+2) + (x+3) + x, plus 1000 when negative, else the integer sum.
            assert_eq!(total(2), 14.0 + 2.0 + 14.0);
            assert_eq!(total(-5), -14.0 - 5.0 + 1000.0);
        }
    }
}
