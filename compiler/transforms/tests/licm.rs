//! `licm`: invariant ops that cannot trap leave loops, innermost first; the rest stays.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;

fn check(functions: &str, expect: expect_test::Expect) {
    common::check(&["licm"], functions, expect);
}

#[test]
fn invariants_leave_a_for_loop() {
    check(
        r#"
  func.func {function_type = (i64, i64, i64) -> i64, sym_name = "sum"} ({
  ^entry(%n: i64, %a: i64, %b: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %r = scf.for %zero, %n, %one, %zero ({
    ^body(%i: i64, %acc: i64):
      %scale = arith.muli %a, %b : i64
      %scale2 = arith.addi %scale, %a : i64
      %quotient = arith.divsi %a, %b : i64
      %term = arith.muli %i, %scale2 : i64
      %next = arith.addi %acc, %term : i64
      %next2 = arith.addi %next, %quotient : i64
      scf.yield %next2 : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64, i64, i64) -> i64, sym_name = "sum"} ({
            ^bb0(%0: i64, %1: i64, %2: i64):
              %3 = arith.constant {value = 0 : i64} : i64
              %4 = arith.constant {value = 1 : i64} : i64
              %5 = arith.muli %1, %2 : i64
              %6 = arith.addi %5, %1 : i64
              %7 = scf.for %3, %0, %4, %3 ({
              ^bb1(%8: i64, %9: i64):
                %10 = arith.divsi %1, %2 : i64
                %11 = arith.muli %8, %6 : i64
                %12 = arith.addi %9, %11 : i64
                %13 = arith.addi %12, %10 : i64
                scf.yield %13 : i64
              }) : i64
              func.return %7 : i64
            })
        "#]],
    );
}

#[test]
fn invariants_climb_out_of_a_nest() {
    check(
        r#"
  func.func {function_type = (i64, f64) -> f64, sym_name = "nest"} ({
  ^entry(%n: i64, %x: f64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %init = arith.constant {value = 0.0 : f64} : f64
    %r = scf.for %zero, %n, %one, %init ({
    ^outer(%i: i64, %acc: f64):
      %inner = scf.for %zero, %n, %one, %acc ({
      ^inner(%j: i64, %acc2: f64):
        %square = arith.mulf %x, %x : f64
        %sum = arith.addf %acc2, %square : f64
        scf.yield %sum : f64
      }) : (i64, i64, i64, f64) -> f64
      scf.yield %inner : f64
    }) : (i64, i64, i64, f64) -> f64
    func.return %r : f64
  })"#,
        expect![[r#"
            func.func {function_type = (i64, f64) -> f64, sym_name = "nest"} ({
            ^bb0(%0: i64, %1: f64):
              %2 = arith.constant {value = 0 : i64} : i64
              %3 = arith.constant {value = 1 : i64} : i64
              %4 = arith.constant {value = 0.0 : f64} : f64
              %5 = arith.mulf %1, %1 : f64
              %6 = scf.for %2, %0, %3, %4 ({
              ^bb1(%7: i64, %8: f64):
                %9 = scf.for %2, %0, %3, %8 ({
                ^bb2(%10: i64, %11: f64):
                  %12 = arith.addf %11, %5 : f64
                  scf.yield %12 : f64
                }) : (i64, i64, i64, f64) -> f64
                scf.yield %9 : f64
              }) : (i64, i64, i64, f64) -> f64
              func.return %6 : f64
            })
        "#]],
    );
}

#[test]
fn while_loops_and_effects() {
    check(
        r#"
  func.func {function_type = (i64, !mem.ref<i64>) -> i64, sym_name = "spin"} ({
  ^entry(%x: i64, %slot: !mem.ref<i64>):
    %r = scf.while %x ({
    ^before(%v: i64):
      %limit = arith.muli %x, %x : i64
      %go = arith.cmpi %v, %limit {predicate = "slt"} : (i64, i64) -> i1
      scf.condition %go, %v : (i1, i64) -> ()
    }, {
    ^after(%w: i64):
      %stored = mem.load %slot : (!mem.ref<i64>) -> i64
      %step = arith.addi %x, %x {checked = true} : i64
      %next = arith.addi %w, %stored : i64
      scf.yield %next : i64
    }) : (i64) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64, !mem.ref<i64>) -> i64, sym_name = "spin"} ({
            ^bb0(%0: i64, %1: !mem.ref<i64>):
              %2 = arith.muli %0, %0 : i64
              %3 = scf.while %0 ({
              ^bb1(%4: i64):
                %5 = arith.cmpi %4, %2 {predicate = "slt"} : (i64, i64) -> i1
                scf.condition %5, %4 : (i1, i64) -> ()
              }, {
              ^bb2(%6: i64):
                %7 = mem.load %1 : (!mem.ref<i64>) -> i64
                %8 = arith.addi %0, %0 {checked = true} : i64
                %9 = arith.addi %6, %7 : i64
                scf.yield %9 : i64
              }) : i64
              func.return %3 : i64
            })
        "#]],
    );
}
