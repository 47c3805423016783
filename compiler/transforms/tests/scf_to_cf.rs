//! `scf-to-cf`: each structured op and early exit becomes blocks and branches; `range`
//! semantics for every step; `rt.try` keeps its regions.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;

fn check(functions: &str, expect: expect_test::Expect) {
    common::check(&["scf-to-cf"], functions, expect);
}

#[test]
fn if_with_and_without_else() {
    check(
        r#"
  func.func {function_type = (i1, i64) -> i64, sym_name = "branches"} ({
  ^entry(%c: i1, %x: i64):
    %r = scf.if %c ({
      %d = arith.addi %x, %x : i64
      scf.yield %d : i64
    }, {
      scf.yield %x : i64
    }) : (i1) -> i64
    scf.if %c ({
      rt.panic_if %c {message = "inside"} : i1
      scf.yield
    }, {
    }) : (i1) -> ()
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64) -> i64, sym_name = "branches"} ({
            ^bb0(%0: i1, %1: i64):
              cf.cond_br %0 [^bb1, ^bb2(%1: i64)] : i1
            ^bb1:
              %2 = arith.addi %1, %1 : i64
              cf.br [^bb2(%2: i64)]
            ^bb2(%3: i64):
              cf.cond_br %0 [^bb3, ^bb4] : i1
            ^bb3:
              rt.panic_if %0 {message = "inside"} : i1
              cf.br [^bb4]
            ^bb4:
              func.return %3 : i64
            })
        "#]],
    );
}

#[test]
fn for_counts_by_a_constant_step_either_way() {
    check(
        r#"
  func.func {function_type = (i64) -> (i64, i64), sym_name = "ranges"} ({
  ^entry(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %minus_one = arith.constant {value = -1 : i64} : i64
    %up = scf.for %zero, %n, %one, %zero ({
    ^up(%i: i64, %acc: i64):
      %next = arith.addi %acc, %i : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64
    %down = scf.for %n, %zero, %minus_one, %zero ({
    ^down(%j: i64, %acc2: i64):
      %next2 = arith.addi %acc2, %j : i64
      scf.yield %next2 : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %up, %down : (i64, i64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> (i64, i64), sym_name = "ranges"} ({
            ^bb0(%0: i64):
              %1 = arith.constant {value = 0 : i64} : i64
              %2 = arith.constant {value = 1 : i64} : i64
              %3 = arith.constant {value = -1 : i64} : i64
              cf.br [^bb1(%1: i64, %1: i64)]
            ^bb1(%4: i64, %5: i64):
              %6 = arith.cmpi %4, %0 {predicate = "slt"} : (i64, i64) -> i1
              cf.cond_br %6 [^bb2(%4: i64, %5: i64), ^bb3(%5: i64)] : i1
            ^bb2(%7: i64, %8: i64):
              %9 = arith.addi %8, %7 : i64
              %10 = arith.addi %7, %2 : i64
              cf.br [^bb1(%10: i64, %9: i64)]
            ^bb3(%11: i64):
              cf.br [^bb4(%0: i64, %1: i64)]
            ^bb4(%12: i64, %13: i64):
              %14 = arith.cmpi %12, %1 {predicate = "sgt"} : (i64, i64) -> i1
              cf.cond_br %14 [^bb5(%12: i64, %13: i64), ^bb6(%13: i64)] : i1
            ^bb5(%15: i64, %16: i64):
              %17 = arith.addi %16, %15 : i64
              %18 = arith.addi %15, %3 : i64
              cf.br [^bb4(%18: i64, %17: i64)]
            ^bb6(%19: i64):
              func.return %11, %19 : i64
            })
        "#]],
    );
}

#[test]
fn for_with_a_step_known_at_run_time() {
    check(
        r#"
  func.func {function_type = (i64, i64, i64) -> (), sym_name = "stepped"} ({
  ^entry(%lb: i64, %ub: i64, %step: i64):
    scf.for %lb, %ub, %step ({
    ^body(%i: i64):
      %at_start = arith.cmpi %i, %lb {predicate = "eq"} : (i64, i64) -> i1
      rt.panic_if %at_start {message = "start"} : i1
      scf.yield
    }) : (i64, i64, i64) -> ()
    func.return
  })"#,
        expect![[r#"
            func.func {function_type = (i64, i64, i64) -> (), sym_name = "stepped"} ({
            ^bb0(%0: i64, %1: i64, %2: i64):
              %3 = arith.constant {value = 0 : i64} : i64
              %4 = arith.cmpi %2, %3 {predicate = "sgt"} : (i64, i64) -> i1
              cf.br [^bb1(%0: i64)]
            ^bb1(%5: i64):
              %6 = arith.cmpi %5, %1 {predicate = "slt"} : (i64, i64) -> i1
              %7 = arith.cmpi %5, %1 {predicate = "sgt"} : (i64, i64) -> i1
              %8 = arith.select %4, %6, %7 : i1
              cf.cond_br %8 [^bb2(%5: i64), ^bb3] : i1
            ^bb2(%9: i64):
              %10 = arith.cmpi %9, %0 {predicate = "eq"} : (i64, i64) -> i1
              rt.panic_if %10 {message = "start"} : i1
              %11 = arith.addi %9, %2 : i64
              cf.br [^bb1(%11: i64)]
            ^bb3:
              func.return
            })
        "#]],
    );
}

#[test]
fn while_loop() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "halve"} ({
  ^entry(%x: i64):
    %two = arith.constant {value = 2 : i64} : i64
    %r = scf.while %x ({
    ^before(%v: i64):
      %go = arith.cmpi %v, %two {predicate = "sgt"} : (i64, i64) -> i1
      scf.condition %go, %v : (i1, i64) -> ()
    }, {
    ^after(%w: i64):
      %half = arith.floordivsi %w, %two : i64
      scf.yield %half : i64
    }) : (i64) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "halve"} ({
            ^bb0(%0: i64):
              %1 = arith.constant {value = 2 : i64} : i64
              cf.br [^bb1(%0: i64)]
            ^bb1(%2: i64):
              %3 = arith.cmpi %2, %1 {predicate = "sgt"} : (i64, i64) -> i1
              cf.cond_br %3 [^bb2(%2: i64), ^bb3(%2: i64)] : i1
            ^bb2(%4: i64):
              %5 = arith.floordivsi %4, %1 : i64
              cf.br [^bb1(%5: i64)]
            ^bb3(%6: i64):
              func.return %6 : i64
            })
        "#]],
    );
}

#[test]
fn break_continue_and_return_inside_nested_ifs() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "exits"} ({
  ^entry(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %hundred = arith.constant {value = 100 : i64} : i64
    %total = scf.for %zero, %n, %one, %zero ({
    ^body(%i: i64, %acc: i64):
      %big = arith.cmpi %acc, %hundred {predicate = "sgt"} : (i64, i64) -> i1
      scf.if %big ({
        scf.break %acc : i64
      }, {
        scf.yield
      }) : (i1) -> ()
      %odd = arith.andi %i, %one : i64
      %is_odd = arith.cmpi %odd, %one {predicate = "eq"} : (i64, i64) -> i1
      scf.if %is_odd ({
        %negative = arith.cmpi %acc, %zero {predicate = "slt"} : (i64, i64) -> i1
        scf.if %negative ({
          func.return %acc : i64
        }, {
          scf.continue %acc : i64
        }) : (i1) -> ()
        scf.yield
      }, {
        scf.yield
      }) : (i1) -> ()
      %next = arith.addi %acc, %i : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %total : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "exits"} ({
            ^bb0(%0: i64):
              %1 = arith.constant {value = 0 : i64} : i64
              %2 = arith.constant {value = 1 : i64} : i64
              %3 = arith.constant {value = 100 : i64} : i64
              cf.br [^bb1(%1: i64, %1: i64)]
            ^bb1(%4: i64, %5: i64):
              %6 = arith.cmpi %4, %0 {predicate = "slt"} : (i64, i64) -> i1
              cf.cond_br %6 [^bb2(%4: i64, %5: i64), ^bb8(%5: i64)] : i1
            ^bb2(%7: i64, %8: i64):
              %9 = arith.cmpi %8, %3 {predicate = "sgt"} : (i64, i64) -> i1
              cf.cond_br %9 [^bb8(%8: i64), ^bb3] : i1
            ^bb3:
              %10 = arith.andi %7, %2 : i64
              %11 = arith.cmpi %10, %2 {predicate = "eq"} : (i64, i64) -> i1
              cf.cond_br %11 [^bb4, ^bb6] : i1
            ^bb4:
              %12 = arith.cmpi %8, %1 {predicate = "slt"} : (i64, i64) -> i1
              cf.cond_br %12 [^bb5, ^bb7(%8: i64)] : i1
            ^bb5:
              func.return %8 : i64
            ^bb6:
              %13 = arith.addi %8, %7 : i64
              cf.br [^bb7(%13: i64)]
            ^bb7(%14: i64):
              %15 = arith.addi %7, %2 : i64
              cf.br [^bb1(%15: i64, %14: i64)]
            ^bb8(%16: i64):
              func.return %16 : i64
            })
        "#]],
    );
}

#[test]
fn try_keeps_its_regions_and_lowers_inside() {
    check(
        r#"
  func.func {function_type = (i1, i64) -> i64, sym_name = "guarded"} ({
  ^entry(%c: i1, %x: i64):
    rt.try ({
      scf.if %c ({
        %message = rt.string {value = "bad"} : () -> !str
        %error = rt.error %message : (!str) -> !rt.error
        rt.raise %error : !rt.error
      }, {
        scf.yield
      }) : (i1) -> ()
      scf.yield
    }, {
    ^handler(%e: !rt.error):
      scf.yield
    })
    func.return %x : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64) -> i64, sym_name = "guarded"} ({
            ^bb0(%0: i1, %1: i64):
              rt.try ({
              ^bb1:
                cf.cond_br %0 [^bb2, ^bb3] : i1
              ^bb2:
                %2 = rt.string {value = "bad"} : !str
                %3 = rt.error %2 : (!str) -> !rt.error
                rt.raise %3 : !rt.error
              ^bb3:
                scf.yield
              }, {
              ^bb4(%4: !rt.error):
                scf.yield
              })
              func.return %1 : i64
            })
        "#]],
    );
}

#[test]
fn loop_exits_leave_a_try_through_a_slot() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "search"} ({
  ^entry(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %r = scf.for %zero, %n, %one, %zero ({
    ^body(%i: i64, %acc: i64):
      rt.try ({
        %found = arith.cmpi %i, %acc {predicate = "sgt"} : (i64, i64) -> i1
        scf.if %found ({
          scf.break %i : i64
        }, {
          scf.yield
        }) : (i1) -> ()
        scf.yield
      }, {
      ^handler(%e: !rt.error):
        scf.continue %acc : i64
      })
      %next = arith.addi %acc, %i : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "search"} ({
            ^bb0(%0: i64):
              %1 = mem.alloca : !mem.ref<i64>
              %2 = mem.alloca : !mem.ref<i64>
              %3 = mem.alloca : !mem.ref<i64>
              %4 = arith.constant {value = 0 : i64} : i64
              %5 = arith.constant {value = 1 : i64} : i64
              cf.br [^bb1(%4: i64, %4: i64)]
            ^bb1(%6: i64, %7: i64):
              %8 = arith.cmpi %6, %0 {predicate = "slt"} : (i64, i64) -> i1
              cf.cond_br %8 [^bb2(%6: i64, %7: i64), ^bb12(%7: i64)] : i1
            ^bb2(%9: i64, %10: i64):
              %11 = arith.constant {value = 0 : i64} : i64
              mem.store %11, %3 : (i64, !mem.ref<i64>) -> ()
              rt.try ({
              ^bb3:
                %12 = arith.cmpi %9, %10 {predicate = "sgt"} : (i64, i64) -> i1
                cf.cond_br %12 [^bb4, ^bb5] : i1
              ^bb4:
                %13 = arith.constant {value = 1 : i64} : i64
                mem.store %13, %3 : (i64, !mem.ref<i64>) -> ()
                mem.store %9, %2 : (i64, !mem.ref<i64>) -> ()
                scf.yield
              ^bb5:
                scf.yield
              }, {
              ^bb6(%14: !rt.error):
                %15 = arith.constant {value = 2 : i64} : i64
                mem.store %15, %3 : (i64, !mem.ref<i64>) -> ()
                mem.store %10, %1 : (i64, !mem.ref<i64>) -> ()
                scf.yield
              })
              %16 = mem.load %3 : (!mem.ref<i64>) -> i64
              %17 = arith.constant {value = 1 : i64} : i64
              %18 = arith.cmpi %16, %17 {predicate = "eq"} : (i64, i64) -> i1
              cf.cond_br %18 [^bb7, ^bb8] : i1
            ^bb7:
              %19 = mem.load %2 : (!mem.ref<i64>) -> i64
              cf.br [^bb12(%19: i64)]
            ^bb8:
              %20 = arith.constant {value = 2 : i64} : i64
              %21 = arith.cmpi %16, %20 {predicate = "eq"} : (i64, i64) -> i1
              cf.cond_br %21 [^bb9, ^bb10] : i1
            ^bb9:
              %22 = mem.load %1 : (!mem.ref<i64>) -> i64
              cf.br [^bb11(%22: i64)]
            ^bb10:
              %23 = arith.addi %10, %9 : i64
              cf.br [^bb11(%23: i64)]
            ^bb11(%24: i64):
              %25 = arith.addi %9, %5 : i64
              cf.br [^bb1(%25: i64, %24: i64)]
            ^bb12(%26: i64):
              func.return %26 : i64
            })
        "#]],
    );
}
