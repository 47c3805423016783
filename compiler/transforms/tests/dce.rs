//! `dce`: unused removable ops go (transitively), unreachable blocks go; effects, possible
//! panics and functions stay.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;

fn check(functions: &str, expect: expect_test::Expect) {
    common::check(&["dce"], functions, expect);
}

#[test]
fn unused_pure_ops_go_transitively() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "chain"} ({
  ^entry(%x: i64):
    %a = arith.addi %x, %x : i64
    %b = arith.muli %a, %a : i64
    %c = arith.subi %b, %x : i64
    %kept = arith.addi %x, %x : i64
    func.return %kept : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "chain"} ({
            ^bb0(%0: i64):
              %1 = arith.addi %0, %0 : i64
              func.return %1 : i64
            })
        "#]],
    );
}

#[test]
fn ops_that_may_panic_or_have_effects_stay() {
    check(
        r#"
  func.func {function_type = (i64, i64, !mem.ref<i64>) -> (), sym_name = "effects"} ({
  ^entry(%x: i64, %y: i64, %slot: !mem.ref<i64>):
    %quotient = arith.divsi %x, %y : i64
    %two = arith.constant {value = 2 : i64} : i64
    %safe = arith.divsi %x, %two : i64
    %overflow = arith.addi %x, %y {checked = true} : i64
    %loaded = mem.load %slot : (!mem.ref<i64>) -> i64
    mem.store %x, %slot : (i64, !mem.ref<i64>) -> ()
    func.return
  })
  func.func {function_type = () -> (), sym_name = "never_called"} ({
    func.return
  })"#,
        expect![[r#"
            func.func {function_type = (i64, i64, !mem.ref<i64>) -> (), sym_name = "effects"} ({
            ^bb0(%0: i64, %1: i64, %2: !mem.ref<i64>):
              %3 = arith.divsi %0, %1 : i64
              %4 = arith.addi %0, %1 {checked = true} : i64
              %5 = mem.load %2 : (!mem.ref<i64>) -> i64
              mem.store %0, %2 : (i64, !mem.ref<i64>) -> ()
              func.return
            })
            func.func {function_type = () -> (), sym_name = "never_called"} ({
            ^bb0:
              func.return
            })
        "#]],
    );
}

#[test]
fn unreachable_blocks_go() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "blocks"} ({
  ^entry(%x: i64):
    cf.br [^live(%x: i64)]
  ^dead(%d: i64):
    %y = arith.addi %d, %d : i64
    cf.br [^also_dead(%y: i64)]
  ^also_dead(%e: i64):
    cf.br [^live(%e: i64)]
  ^live(%v: i64):
    func.return %v : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "blocks"} ({
            ^bb0(%0: i64):
              cf.br [^bb1(%0: i64)]
            ^bb1(%1: i64):
              func.return %1 : i64
            })
        "#]],
    );
}

#[test]
fn structured_ops_without_effects_go_with_their_regions() {
    check(
        r#"
  func.func {function_type = (i1, i64) -> i64, sym_name = "regions"} ({
  ^entry(%c: i1, %x: i64):
    %unused = scf.if %c ({
      %a = arith.addi %x, %x : i64
      scf.yield %a : i64
    }, {
      scf.yield %x : i64
    }) : (i1) -> i64
    func.return %x : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64) -> i64, sym_name = "regions"} ({
            ^bb0(%0: i1, %1: i64):
              func.return %1 : i64
            })
        "#]],
    );
}
