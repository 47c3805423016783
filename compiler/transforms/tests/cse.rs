//! `cse`: identical pure ops merge where the first dominates the second, and nowhere else.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;

fn check(functions: &str, expect: expect_test::Expect) {
    common::check(&["cse"], functions, expect);
}

#[test]
fn identical_pure_ops_merge() {
    check(
        r#"
  func.func {function_type = (i64, i64) -> (i64, i64, i64, i1, i1), sym_name = "twice"} ({
  ^entry(%x: i64, %y: i64):
    %a = arith.addi %x, %y : i64
    %b = arith.addi %x, %y : i64
    %swapped = arith.addi %y, %x : i64
    %lt = arith.cmpi %x, %y {predicate = "slt"} : (i64, i64) -> i1
    %gt = arith.cmpi %x, %y {predicate = "sgt"} : (i64, i64) -> i1
    %c = arith.muli %a, %b : i64
    func.return %a, %b, %c, %lt, %gt : (i64, i64, i64, i1, i1) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i64, i64) -> (i64, i64, i64, i1, i1), sym_name = "twice"} ({
            ^bb0(%0: i64, %1: i64):
              %2 = arith.addi %0, %1 : i64
              %3 = arith.addi %1, %0 : i64
              %4 = arith.cmpi %0, %1 {predicate = "slt"} : (i64, i64) -> i1
              %5 = arith.cmpi %0, %1 {predicate = "sgt"} : (i64, i64) -> i1
              %6 = arith.muli %2, %2 : i64
              func.return %2, %2, %6, %4, %5 : (i64, i64, i64, i1, i1) -> ()
            })
        "#]],
    );
}

#[test]
fn values_flow_into_nested_regions_but_not_out() {
    check(
        r#"
  func.func {function_type = (i1, i64) -> (i64, i64), sym_name = "nested"} ({
  ^entry(%c: i1, %x: i64):
    %outer = arith.muli %x, %x : i64
    %r = scf.if %c ({
      %inner = arith.muli %x, %x : i64
      %only_here = arith.addi %x, %x : i64
      %sum = arith.addi %inner, %only_here : i64
      scf.yield %sum : i64
    }, {
      scf.yield %x : i64
    }) : (i1) -> i64
    %after = arith.addi %x, %x : i64
    func.return %r, %after : (i64, i64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64) -> (i64, i64), sym_name = "nested"} ({
            ^bb0(%0: i1, %1: i64):
              %2 = arith.muli %1, %1 : i64
              %3 = scf.if %0 ({
              ^bb1:
                %4 = arith.addi %1, %1 : i64
                %5 = arith.addi %2, %4 : i64
                scf.yield %5 : i64
              }, {
              ^bb2:
                scf.yield %1 : i64
              }) : (i1) -> i64
              %6 = arith.addi %1, %1 : i64
              func.return %3, %6 : i64
            })
        "#]],
    );
}

#[test]
fn dominance_decides_between_blocks() {
    check(
        r#"
  func.func {function_type = (i1, i64) -> i64, sym_name = "diamond"} ({
  ^entry(%c: i1, %x: i64):
    %top = arith.muli %x, %x : i64
    cf.cond_br %c [^left, ^right] : i1
  ^left:
    %in_left = arith.addi %x, %x : i64
    %dominated = arith.muli %x, %x : i64
    cf.br [^join(%in_left: i64)] 
  ^right:
    %in_right = arith.addi %x, %x : i64
    cf.br [^join(%in_right: i64)]
  ^join(%v: i64):
    %not_dominated = arith.addi %x, %x : i64
    %sum = arith.addi %v, %not_dominated : i64
    func.return %sum : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64) -> i64, sym_name = "diamond"} ({
            ^bb0(%0: i1, %1: i64):
              %2 = arith.muli %1, %1 : i64
              cf.cond_br %0 [^bb1, ^bb2] : i1
            ^bb1:
              %3 = arith.addi %1, %1 : i64
              cf.br [^bb3(%3: i64)]
            ^bb2:
              %4 = arith.addi %1, %1 : i64
              cf.br [^bb3(%4: i64)]
            ^bb3(%5: i64):
              %6 = arith.addi %1, %1 : i64
              %7 = arith.addi %5, %6 : i64
              func.return %7 : i64
            })
        "#]],
    );
}

#[test]
fn ops_with_effects_or_handles_stay() {
    check(
        r#"
  func.func {function_type = (!mem.ref<i64>) -> (i64, i64, !str, !str), sym_name = "effects"} ({
  ^entry(%slot: !mem.ref<i64>):
    %a = mem.load %slot : (!mem.ref<i64>) -> i64
    %b = mem.load %slot : (!mem.ref<i64>) -> i64
    %s = rt.string {value = "x"} : () -> !str
    %t = rt.string {value = "x"} : () -> !str
    func.return %a, %b, %s, %t : (i64, i64, !str, !str) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!mem.ref<i64>) -> (i64, i64, !str, !str), sym_name = "effects"} ({
            ^bb0(%0: !mem.ref<i64>):
              %1 = mem.load %0 : (!mem.ref<i64>) -> i64
              %2 = mem.load %0 : (!mem.ref<i64>) -> i64
              %3 = rt.string {value = "x"} : !str
              %4 = rt.string {value = "x"} : !str
              func.return %1, %2, %3, %4 : (i64, i64, !str, !str) -> ()
            })
        "#]],
    );
}

#[test]
fn functions_do_not_share_expressions() {
    check(
        r#"
  func.func {function_type = () -> i64, sym_name = "one"} ({
    %c = arith.constant {value = 7 : i64} : i64
    func.return %c : i64
  })
  func.func {function_type = () -> i64, sym_name = "two"} ({
    %c = arith.constant {value = 7 : i64} : i64
    %d = arith.constant {value = 7 : i64} : i64
    %e = arith.addi %c, %d : i64
    func.return %e : i64
  })"#,
        expect![[r#"
            func.func {function_type = () -> i64, sym_name = "one"} ({
            ^bb0:
              %0 = arith.constant {value = 7 : i64} : i64
              func.return %0 : i64
            })
            func.func {function_type = () -> i64, sym_name = "two"} ({
            ^bb0:
              %0 = arith.constant {value = 7 : i64} : i64
              %1 = arith.addi %0, %0 : i64
              func.return %1 : i64
            })
        "#]],
    );
}
