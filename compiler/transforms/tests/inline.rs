//! `inline`: small non-recursive single-block callees are copied into their callers,
//! callees first; the rest stays a call.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;

fn check(functions: &str, expect: expect_test::Expect) {
    common::check(&["inline"], functions, expect);
}

#[test]
fn small_callees_are_copied_bottom_up() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "square"} ({
  ^entry(%x: i64):
    %y = arith.muli %x, %x : i64 loc("math.ml":2:12)
    func.return %y : i64
  })
  func.func {function_type = (i64) -> i64, sym_name = "fourth"} ({
  ^entry(%x: i64):
    %y = func.call %x {callee = @square} : i64
    %z = func.call %y {callee = @square} : i64
    func.return %z : i64
  })
  func.func {function_type = (i64) -> i64, sym_name = "main"} ({
  ^entry(%x: i64):
    %r = func.call %x {callee = @fourth} : i64
    %s = arith.addi %r, %x : i64
    func.return %s : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "square"} ({
            ^bb0(%0: i64):
              %1 = arith.muli %0, %0 : i64 loc("math.ml":2:12)
              func.return %1 : i64
            })
            func.func {function_type = (i64) -> i64, sym_name = "fourth"} ({
            ^bb0(%0: i64):
              %1 = arith.muli %0, %0 : i64 loc("math.ml":2:12)
              %2 = arith.muli %1, %1 : i64 loc("math.ml":2:12)
              func.return %2 : i64
            })
            func.func {function_type = (i64) -> i64, sym_name = "main"} ({
            ^bb0(%0: i64):
              %1 = arith.muli %0, %0 : i64 loc("math.ml":2:12)
              %2 = arith.muli %1, %1 : i64 loc("math.ml":2:12)
              %3 = arith.addi %2, %0 : i64
              func.return %3 : i64
            })
        "#]],
    );
}

#[test]
fn nested_regions_are_copied() {
    check(
        r#"
  func.func {function_type = (i1, i64) -> i64, sym_name = "pick"} ({
  ^entry(%c: i1, %x: i64):
    %r = scf.if %c ({
      %d = arith.addi %x, %x : i64
      scf.yield %d : i64
    }, {
      scf.yield %x : i64
    }) : (i1) -> i64
    func.return %r : i64
  })
  func.func {function_type = (i1, i64) -> i64, sym_name = "caller"} ({
  ^entry(%c: i1, %x: i64):
    %r = func.call %c, %x {callee = @pick} : (i1, i64) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64) -> i64, sym_name = "pick"} ({
            ^bb0(%0: i1, %1: i64):
              %2 = scf.if %0 ({
              ^bb1:
                %3 = arith.addi %1, %1 : i64
                scf.yield %3 : i64
              }, {
              ^bb2:
                scf.yield %1 : i64
              }) : (i1) -> i64
              func.return %2 : i64
            })
            func.func {function_type = (i1, i64) -> i64, sym_name = "caller"} ({
            ^bb0(%0: i1, %1: i64):
              %2 = scf.if %0 ({
              ^bb1:
                %3 = arith.addi %1, %1 : i64
                scf.yield %3 : i64
              }, {
              ^bb2:
                scf.yield %1 : i64
              }) : (i1) -> i64
              func.return %2 : i64
            })
        "#]],
    );
}

#[test]
fn recursive_early_returning_and_declared_callees_stay_calls() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "even"} ({
  ^entry(%x: i64):
    %r = func.call %x {callee = @odd} : i64
    func.return %r : i64
  })
  func.func {function_type = (i64) -> i64, sym_name = "odd"} ({
  ^entry(%x: i64):
    %r = func.call %x {callee = @even} : i64
    func.return %r : i64
  })
  func.func {function_type = (i1, i64) -> i64, sym_name = "early"} ({
  ^entry(%c: i1, %x: i64):
    scf.if %c ({
      func.return %x : i64
    }, {
      scf.yield
    }) : (i1) -> ()
    %y = arith.addi %x, %x : i64
    func.return %y : i64
  })
  func.func {extern = "mlc_sqrt", function_type = (f64) -> f64, sym_name = "sqrt"} ({
  })
  func.func {function_type = (i1, i64, f64) -> (i64, i64, f64), sym_name = "caller"} ({
  ^entry(%c: i1, %x: i64, %f: f64):
    %a = func.call %x {callee = @even} : i64
    %b = func.call %c, %x {callee = @early} : (i1, i64) -> i64
    %s = func.call %f {callee = @sqrt} : f64
    func.return %a, %b, %s : (i64, i64, f64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "even"} ({
            ^bb0(%0: i64):
              %1 = func.call %0 {callee = @odd} : i64
              func.return %1 : i64
            })
            func.func {function_type = (i64) -> i64, sym_name = "odd"} ({
            ^bb0(%0: i64):
              %1 = func.call %0 {callee = @even} : i64
              func.return %1 : i64
            })
            func.func {function_type = (i1, i64) -> i64, sym_name = "early"} ({
            ^bb0(%0: i1, %1: i64):
              scf.if %0 ({
              ^bb1:
                func.return %1 : i64
              }, {
              ^bb2:
                scf.yield
              }) : i1
              %2 = arith.addi %1, %1 : i64
              func.return %2 : i64
            })
            func.func {extern = "mlc_sqrt", function_type = (f64) -> f64, sym_name = "sqrt"} ({
            })
            func.func {function_type = (i1, i64, f64) -> (i64, i64, f64), sym_name = "caller"} ({
            ^bb0(%0: i1, %1: i64, %2: f64):
              %3 = func.call %1 {callee = @even} : i64
              %4 = func.call %0, %1 {callee = @early} : (i1, i64) -> i64
              %5 = func.call %2 {callee = @sqrt} : f64
              func.return %3, %4, %5 : (i64, i64, f64) -> ()
            })
        "#]],
    );
}

#[test]
fn stack_slots_of_a_callee_go_to_the_caller_entry() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "with_slot"} ({
  ^entry(%x: i64):
    %slot = mem.alloca : () -> !mem.ref<i64>
    mem.store %x, %slot : (i64, !mem.ref<i64>) -> ()
    %v = mem.load %slot : (!mem.ref<i64>) -> i64
    func.return %v : i64
  })
  func.func {function_type = (i64) -> i64, sym_name = "loop"} ({
  ^entry(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %r = scf.for %zero, %n, %one, %zero ({
    ^body(%i: i64, %acc: i64):
      %v = func.call %i {callee = @with_slot} : i64
      %next = arith.addi %acc, %v : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "with_slot"} ({
            ^bb0(%0: i64):
              %1 = mem.alloca : !mem.ref<i64>
              mem.store %0, %1 : (i64, !mem.ref<i64>) -> ()
              %2 = mem.load %1 : (!mem.ref<i64>) -> i64
              func.return %2 : i64
            })
            func.func {function_type = (i64) -> i64, sym_name = "loop"} ({
            ^bb0(%0: i64):
              %1 = mem.alloca : !mem.ref<i64>
              %2 = arith.constant {value = 0 : i64} : i64
              %3 = arith.constant {value = 1 : i64} : i64
              %4 = scf.for %2, %0, %3, %2 ({
              ^bb1(%5: i64, %6: i64):
                mem.store %5, %1 : (i64, !mem.ref<i64>) -> ()
                %7 = mem.load %1 : (!mem.ref<i64>) -> i64
                %8 = arith.addi %6, %7 : i64
                scf.yield %8 : i64
              }) : i64
              func.return %4 : i64
            })
        "#]],
    );
}
