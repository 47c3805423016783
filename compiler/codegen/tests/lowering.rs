//! The code-generation lowering on small modules: what each kind of op becomes, printed.

use expect_test::{expect, Expect};
use mlc_codegen::{lower_module, CodegenOptions};
use mlc_ir::{parse_module, print_module, verify, Registry};

fn lower(input: &str, overflow_checks: bool) -> String {
    let mut module = parse_module(input, &Registry::with_all_dialects()).expect("the input parses");
    verify(&module).expect("the input verifies");
    lower_module(&mut module, &CodegenOptions { overflow_checks, source_folder: None })
        .expect("lowers");
    if let Err(errors) = verify(&module) {
        panic!("the low form does not verify: {errors:?}\n{}", print_module(&module));
    }
    print_module(&module)
}

fn check(input: &str, overflow_checks: bool, expected: Expect) {
    expected.assert_eq(&lower(input, overflow_checks));
}

#[test]
fn a_try_becomes_a_landing_pad_and_raises_branch_to_it() {
    check(
        r#"builtin.module ({
  func.func {function_type = (i1) -> i64, sym_name = "guarded"} ({
  ^bb0(%c: i1):
    rt.try ({
      cf.cond_br %c [^bb1, ^bb2] : i1
    ^bb1:
      %m = rt.string {value = "bad"} : !str
      %e = rt.error %m : (!str) -> !rt.error
      rt.raise %e : !rt.error loc("t.ml":3:9)
    ^bb2:
      scf.yield
    }, {
    ^bb3(%err: !rt.error):
      scf.yield
    })
    %one = arith.constant {value = 1 : i64} : i64
    func.return %one : i64
  })
})"#,
        false,
        expect![[r#"
            builtin.module ({
            ^bb0:
              func.func {function_type = (i1) -> i64, sym_name = "guarded"} ({
              ^bb0(%0: i1):
                cf.br [^bb1]
              ^bb1:
                cf.cond_br %0 [^bb2, ^bb3] : i1
              ^bb2:
                %1 = ll.cstring {value = "bad"} : !ll.ptr
                %2 = arith.constant {value = 3 : i64} : i64
                %3 = ll.call %1, %2 {callee = "mlc_str_new"} : (!ll.ptr, i64) -> !str
                %4 = ll.call %3 {callee = "mlc_error_new"} : (!str) -> !rt.error
                ll.call %3 {callee = "mlc_release"} : !str
                %5 = ll.cstring {value = "t.ml"} : !ll.ptr loc("t.ml":3:9)
                %6 = arith.constant {value = 3 : i32} : i32 loc("t.ml":3:9)
                %7 = arith.constant {value = 9 : i32} : i32 loc("t.ml":3:9)
                ll.call %4, %5, %6, %7 {callee = "mlc_err_raise"} : (!rt.error, !ll.ptr, i32, i32) -> () loc("t.ml":3:9)
                ll.call %4 {callee = "mlc_release"} : !rt.error loc("t.ml":3:9)
                cf.br [^bb5] loc("t.ml":3:9)
              ^bb3:
                cf.br [^bb6]
              ^bb4(%8: !rt.error):
                ll.call %8 {callee = "mlc_release"} : !rt.error
                cf.br [^bb6]
              ^bb5:
                %9 = ll.call {callee = "mlc_err_take"} : !rt.error
                cf.br [^bb4(%9: !rt.error)]
              ^bb6:
                %10 = arith.constant {value = 1 : i64} : i64
                func.return %10 : i64
              })
            })
        "#]],
    );
}

#[test]
fn calls_of_raising_functions_are_checked_and_others_are_not() {
    let low = lower(
        r#"builtin.module ({
  func.func {function_type = (!str) -> i64, sym_name = "parse"} ({
  ^bb0(%s: !str):
    %n = rt.builtin %s {name = "str.to_i64"} : (!str) -> i64
    func.return %n : i64
  })
  func.func {function_type = (i64) -> i64, sym_name = "double"} ({
  ^bb0(%x: i64):
    %y = arith.addi %x, %x : i64
    func.return %y : i64
  })
  func.func {function_type = (!str) -> i64, sym_name = "run"} ({
  ^bb0(%s: !str):
    %a = func.call %s {callee = @parse} : (!str) -> i64
    %b = func.call %a {callee = @double} : (i64) -> i64
    func.return %b : i64
  })
})"#,
        false,
    );
    // One check after the raising built-in, one after the call of `parse`, none after
    // `double`; the unwinding blocks return zero values.
    assert_eq!(low.matches("mlc_err_pending").count(), 2, "{low}");
    assert_eq!(low.matches("ll.zero : i64").count(), 2, "{low}");
    let after_double = low.split("callee = @double").nth(1).expect("the call of double");
    let next_line = after_double.lines().nth(1).expect("a line after it");
    assert!(next_line.contains("func.return"), "{low}");
}

#[test]
fn checked_arithmetic_panics_only_with_overflow_checks() {
    let input = r#"builtin.module ({
  func.func {function_type = (i32, i32) -> i32, sym_name = "mul"} ({
  ^bb0(%a: i32, %b: i32):
    %p = arith.muli %a, %b {checked = true} : i32 loc("m.ml":2:12)
    func.return %p : i32
  })
})"#;
    check(
        input,
        true,
        expect![[r#"
            builtin.module ({
            ^bb0:
              func.func {function_type = (i32, i32) -> i32, sym_name = "mul"} ({
              ^bb0(%0: i32, %1: i32):
                %2 = ll.overflows %0, %1 {kind = "mul"} : (i32, i32) -> i1 loc("m.ml":2:12)
                cf.cond_br %2 [^bb1, ^bb2] : i1 loc("m.ml":2:12)
              ^bb1:
                %3 = ll.cstring {value = "integer overflow"} : !ll.ptr loc("m.ml":2:12)
                %4 = ll.cstring {value = "m.ml"} : !ll.ptr loc("m.ml":2:12)
                %5 = arith.constant {value = 2 : i32} : i32 loc("m.ml":2:12)
                %6 = arith.constant {value = 12 : i32} : i32 loc("m.ml":2:12)
                ll.call %3, %4, %5, %6 {callee = "mlc_panic"} : (!ll.ptr, !ll.ptr, i32, i32) -> () loc("m.ml":2:12)
                cf.unreachable loc("m.ml":2:12)
              ^bb2:
                %7 = arith.muli %0, %1 : i32 loc("m.ml":2:12)
                func.return %7 : i32
              })
            })
        "#]],
    );
    let optimized = lower(input, false);
    assert!(!optimized.contains("ll.overflows") && !optimized.contains("checked"), "{optimized}");
}

#[test]
fn list_elements_are_appended_by_pointer_and_read_in_place() {
    check(
        r#"builtin.module ({
  func.func {function_type = (tuple<i64, !str>) -> tuple<i64, !str>, sym_name = "first"} ({
  ^bb0(%t: tuple<i64, !str>):
    %l = mem.list_new %t : (tuple<i64, !str>) -> !list<tuple<i64, !str>>
    %zero = arith.constant {value = 0 : i64} : i64
    %x = mem.list_get %l, %zero : (!list<tuple<i64, !str>>, i64) -> tuple<i64, !str> loc("l.ml":4:5)
    func.return %x : tuple<i64, !str>
  })
})"#,
        false,
        expect![[r#"
            builtin.module ({
            ^bb0:
              func.func {function_type = (tuple<i64, !str>) -> tuple<i64, !str>, sym_name = "first"} ({
              ^bb0(%0: tuple<i64, !str>):
                %1 = mem.alloca {scratch = true} : !mem.ref<tuple<i64, !str>> loc("l.ml":4:5)
                %2 = mem.alloca {scratch = true} : !mem.ref<tuple<i64, !str>>
                %3 = ll.cstring {value = "(i64,s)"} : !ll.ptr
                %4 = arith.constant {value = 1 : i64} : i64
                %5 = ll.call %3, %4 {callee = "mlc_list_new"} : (!ll.ptr, i64) -> !list<tuple<i64, !str>>
                mem.store %0, %2 : (tuple<i64, !str>, !mem.ref<tuple<i64, !str>>) -> ()
                %6 = ll.address %2 : (!mem.ref<tuple<i64, !str>>) -> !ll.ptr
                ll.call %5, %6 {callee = "mlc_list_append"} : (!list<tuple<i64, !str>>, !ll.ptr) -> ()
                %7 = arith.constant {value = 0 : i64} : i64
                %8 = arith.constant {value = 40 : i64} : i64 loc("l.ml":4:5)
                %9 = ll.load %5, %8 {memory = "object"} : (!list<tuple<i64, !str>>, i64) -> i64 loc("l.ml":4:5)
                %10 = arith.constant {value = 0 : i64} : i64 loc("l.ml":4:5)
                %11 = arith.cmpi %7, %10 {predicate = "slt"} : (i64, i64) -> i1 loc("l.ml":4:5)
                %12 = arith.addi %7, %9 : i64 loc("l.ml":4:5)
                %13 = arith.select %11, %12, %7 : (i1, i64, i64) -> i64 loc("l.ml":4:5)
                %14 = arith.cmpi %13, %9 {predicate = "ult"} : (i64, i64) -> i1 loc("l.ml":4:5)
                cf.cond_br %14 [^bb2, ^bb1] : i1 loc("l.ml":4:5)
              ^bb1:
                %15 = ll.address %1 : (!mem.ref<tuple<i64, !str>>) -> !ll.ptr loc("l.ml":4:5)
                %16 = ll.cstring {value = "l.ml"} : !ll.ptr loc("l.ml":4:5)
                %17 = arith.constant {value = 4 : i32} : i32 loc("l.ml":4:5)
                %18 = arith.constant {value = 5 : i32} : i32 loc("l.ml":4:5)
                ll.call %5, %7, %15, %16, %17, %18 {callee = "mlc_list_get"} : (!list<tuple<i64, !str>>, i64, !ll.ptr, !ll.ptr, i32, i32) -> () loc("l.ml":4:5)
                %19 = mem.load %1 : (!mem.ref<tuple<i64, !str>>) -> tuple<i64, !str> loc("l.ml":4:5)
                cf.unreachable loc("l.ml":4:5)
              ^bb2:
                %20 = arith.constant {value = 56 : i64} : i64 loc("l.ml":4:5)
                %21 = ll.load %5, %20 {memory = "object"} : (!list<tuple<i64, !str>>, i64) -> !ll.ptr loc("l.ml":4:5)
                %22 = arith.constant {value = 16 : i64} : i64 loc("l.ml":4:5)
                %23 = arith.muli %13, %22 : i64 loc("l.ml":4:5)
                %24 = arith.constant {value = 0 : i64} : i64 loc("l.ml":4:5)
                %25 = arith.addi %23, %24 : i64 loc("l.ml":4:5)
                %26 = ll.load %21, %25 : (!ll.ptr, i64) -> i64 loc("l.ml":4:5)
                %27 = arith.constant {value = 8 : i64} : i64 loc("l.ml":4:5)
                %28 = arith.addi %23, %27 : i64 loc("l.ml":4:5)
                %29 = ll.load %21, %28 : (!ll.ptr, i64) -> !str loc("l.ml":4:5)
                ll.call %29 {callee = "mlc_retain"} : !str loc("l.ml":4:5)
                %30 = agg.make %26, %29 : (i64, !str) -> tuple<i64, !str> loc("l.ml":4:5)
                ll.call %5 {callee = "mlc_release"} : !list<tuple<i64, !str>> loc("l.ml":4:5)
                func.return %30 : tuple<i64, !str>
              })
            })
        "#]],
    );
}

#[test]
fn the_entry_point_starts_the_runtime_and_returns_main_s_code() {
    let low = lower(
        r#"builtin.module ({
  func.func {function_type = () -> i64, sym_name = "main"} ({
    %c = arith.constant {value = 3 : i64} : i64
    func.return %c : i64
  })
})"#,
        false,
    );
    let entry = low.split("sym_name = \"$entry\"").nth(1).expect("an entry function");
    assert!(low.contains("export = \"main\""), "{low}");
    for expected in ["mlc_rt_init", "callee = @main", "mlc_rt_exit"] {
        assert!(entry.contains(expected), "{expected} missing from the entry:\n{low}");
    }
}

#[test]
fn gpu_ops_are_reported_with_their_locations() {
    let mut module = parse_module(
        r#"builtin.module ({
  func.func {function_type = () -> (), sym_name = "main"} ({
    gpu.barrier loc("k.ml":3:5)
    func.return
  })
})"#,
        &Registry::with_all_dialects(),
    )
    .expect("parses");
    let errors = lower_module(&mut module, &CodegenOptions::default()).expect_err("unsupported");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().starts_with("k.ml:3:5: `gpu.barrier`"), "{}", errors[0]);
}

#[test]
fn an_access_proven_in_bounds_has_no_check() {
    let low = lower(
        r#"builtin.module ({
  func.func {function_type = (!list<f64>, i64) -> f64, sym_name = "at"} ({
  ^bb0(%l: !list<f64>, %i: i64):
    %x = mem.list_get %l, %i {in_bounds = true} : (!list<f64>, i64) -> f64
    func.return %x : f64
  })
})"#,
        false,
    );
    assert!(!low.contains("mlc_list_get") && !low.contains("cf.cond_br"), "{low}");
    assert_eq!(low.matches("ll.load").count(), 2, "the buffer, then the element:\n{low}");
}
