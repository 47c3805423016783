//! `canonicalize`: folding per width and signedness, what is left for the runtime to panic
//! on, IEEE floats, identities, and the structural rewrites.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;

fn check(functions: &str, expect: expect_test::Expect) {
    common::check(&["canonicalize"], functions, expect);
}

#[test]
fn integers_wrap_per_width_and_signedness() {
    check(
        r#"
  func.func {function_type = () -> (i8, u8, i64, u64, i16), sym_name = "wrap"} ({
    %max8 = arith.constant {value = 127 : i8} : i8
    %one8 = arith.constant {value = 1 : i8} : i8
    %a = arith.addi %max8, %one8 : i8
    %u250 = arith.constant {value = 250 : u8} : u8
    %u10 = arith.constant {value = 10 : u8} : u8
    %b = arith.addi %u250, %u10 : u8
    %big = arith.constant {value = 4611686018427387904 : i64} : i64
    %four = arith.constant {value = 4 : i64} : i64
    %c = arith.muli %big, %four : i64
    %zero = arith.constant {value = 0 : u64} : u64
    %oneu = arith.constant {value = 1 : u64} : u64
    %d = arith.subi %zero, %oneu : u64
    %x = arith.constant {value = -1 : i16} : i16
    %sixteen = arith.constant {value = 12 : i16} : i16
    %e = arith.shrui %x, %sixteen : i16
    func.return %a, %b, %c, %d, %e : (i8, u8, i64, u64, i16) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = () -> (i8, u8, i64, u64, i16), sym_name = "wrap"} ({
            ^bb0:
              %0 = arith.constant {value = -128 : i8} : i8
              %1 = arith.constant {value = 4 : u8} : u8
              %2 = arith.constant {value = 0 : i64} : i64
              %3 = arith.constant {value = 18446744073709551615 : u64} : u64
              %4 = arith.constant {value = 15 : i16} : i16
              func.return %0, %1, %2, %3, %4 : (i8, u8, i64, u64, i16) -> ()
            })
        "#]],
    );
}

#[test]
fn division_by_zero_and_overflow_are_left_to_panic() {
    check(
        r#"
  func.func {function_type = (i64) -> (i64, i64, i64, i64, i64, i64, i64, i64, f64), sym_name = "divide"} ({
  ^entry(%x: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %by_zero = arith.divsi %x, %zero : i64
    %min = arith.constant {value = -9223372036854775808 : i64} : i64
    %minus_one = arith.constant {value = -1 : i64} : i64
    %overflow = arith.divsi %min, %minus_one : i64
    %max = arith.constant {value = 9223372036854775807 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %checked_overflow = arith.addi %max, %one {checked = true} : i64
    %checked_fine = arith.subi %max, %one {checked = true} : i64
    %minus_seven = arith.constant {value = -7 : i64} : i64
    %two = arith.constant {value = 2 : i64} : i64
    %floor_div = arith.floordivsi %minus_seven, %two : i64
    %floor_rem = arith.floorremsi %minus_seven, %two : i64
    %trunc_div = arith.divsi %minus_seven, %two : i64
    %trunc_rem = arith.remsi %minus_seven, %two : i64
    %f1 = arith.constant {value = 1.0 : f64} : f64
    %f0 = arith.constant {value = 0.0 : f64} : f64
    %float_by_zero = arith.divf %f1, %f0 : f64
    func.return %by_zero, %overflow, %checked_overflow, %checked_fine, %floor_div, %floor_rem, %trunc_div, %trunc_rem, %float_by_zero : (i64, i64, i64, i64, i64, i64, i64, i64, f64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> (i64, i64, i64, i64, i64, i64, i64, i64, f64), sym_name = "divide"} ({
            ^bb0(%0: i64):
              %1 = arith.constant {value = 0 : i64} : i64
              %2 = arith.divsi %0, %1 : i64
              %3 = arith.constant {value = -9223372036854775808 : i64} : i64
              %4 = arith.constant {value = -1 : i64} : i64
              %5 = arith.divsi %3, %4 : i64
              %6 = arith.constant {value = 9223372036854775807 : i64} : i64
              %7 = arith.constant {value = 1 : i64} : i64
              %8 = arith.addi %6, %7 {checked = true} : i64
              %9 = arith.constant {value = 9223372036854775806 : i64} : i64
              %10 = arith.constant {value = -4 : i64} : i64
              %11 = arith.constant {value = 1 : i64} : i64
              %12 = arith.constant {value = -3 : i64} : i64
              %13 = arith.constant {value = -1 : i64} : i64
              %14 = arith.constant {value = 1.0 : f64} : f64
              %15 = arith.constant {value = 0.0 : f64} : f64
              %16 = arith.divf %14, %15 : f64
              func.return %2, %5, %8, %9, %10, %11, %12, %13, %16 : (i64, i64, i64, i64, i64, i64, i64, i64, f64) -> ()
            })
        "#]],
    );
}

#[test]
fn a_narrow_float_constant_widens_to_the_value_its_type_holds() {
    check(
        r#"
  func.func {function_type = () -> (f64, f64, i1), sym_name = "widen"} ({
    %tenth = arith.constant {value = 0.1 : f32} : f32
    %wide = arith.extf %tenth : (f32) -> f64
    %h = arith.constant {value = 0.1 : f16} : f16
    %hwide = arith.extf %h : (f16) -> f64
    %exact = arith.constant {value = 0.1 : f64} : f64
    %same = arith.cmpf %wide, %exact {predicate = "oeq"} : (f64, f64) -> i1
    func.return %wide, %hwide, %same : (f64, f64, i1) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = () -> (f64, f64, i1), sym_name = "widen"} ({
            ^bb0:
              %0 = arith.constant {value = 0.10000000149011612 : f64} : f64
              %1 = arith.constant {value = 0.1 : f16} : f16
              %2 = arith.extf %1 : (f16) -> f64
              %3 = arith.constant {value = 0 : i1} : i1
              func.return %0, %2, %3 : (f64, f64, i1) -> ()
            })
        "#]],
    );
}

#[test]
fn floats_fold_in_their_own_precision() {
    check(
        r#"
  func.func {function_type = () -> (f32, f64, i1, i1, f64, f64, f64, f64), sym_name = "floats"} ({
    %a32 = arith.constant {value = 0.1 : f32} : f32
    %b32 = arith.constant {value = 0.2 : f32} : f32
    %sum32 = arith.addf %a32, %b32 : f32
    %a = arith.constant {value = 0.1 : f64} : f64
    %b = arith.constant {value = 0.2 : f64} : f64
    %sum = arith.addf %a, %b : f64
    %nan = arith.constant {value = 0x7FF8000000000000 : f64} : f64
    %ordered = arith.cmpf %nan, %a {predicate = "olt"} : (f64, f64) -> i1
    %unordered = arith.cmpf %nan, %a {predicate = "ult"} : (f64, f64) -> i1
    %max_nan = arith.maxf %nan, %a : f64
    %minus_seven = arith.constant {value = -7.5 : f64} : f64
    %two = arith.constant {value = 2.0 : f64} : f64
    %floor_div = arith.floordivf %minus_seven, %two : f64
    %floor_rem = arith.floorremf %minus_seven, %two : f64
    %four = arith.constant {value = 4.0 : f64} : f64
    %root = math.sqrt %four : f64
    func.return %sum32, %sum, %ordered, %unordered, %max_nan, %floor_div, %floor_rem, %root : (f32, f64, i1, i1, f64, f64, f64, f64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = () -> (f32, f64, i1, i1, f64, f64, f64, f64), sym_name = "floats"} ({
            ^bb0:
              %0 = arith.constant {value = 0.30000001192092896 : f32} : f32
              %1 = arith.constant {value = 0.1 : f64} : f64
              %2 = arith.constant {value = 0.30000000000000004 : f64} : f64
              %3 = arith.constant {value = 0x7FF8000000000000 : f64} : f64
              %4 = arith.constant {value = 0 : i1} : i1
              %5 = arith.constant {value = 1 : i1} : i1
              %6 = arith.maxf %3, %1 : f64
              %7 = arith.constant {value = -4.0 : f64} : f64
              %8 = arith.constant {value = 0.5 : f64} : f64
              %9 = arith.constant {value = 2.0 : f64} : f64
              func.return %0, %2, %4, %5, %6, %7, %8, %9 : (f32, f64, i1, i1, f64, f64, f64, f64) -> ()
            })
        "#]],
    );
}

#[test]
fn functions_not_correctly_rounded_are_not_folded() {
    check(
        r#"
  func.func {function_type = () -> (f64, i64, i64), sym_name = "math"} ({
    %one = arith.constant {value = 1.0 : f64} : f64
    %e = math.exp %one : f64
    %three = arith.constant {value = 3 : i64} : i64
    %four = arith.constant {value = 4 : i64} : i64
    %power = math.ipowi %three, %four : i64
    %minus_one = arith.constant {value = -1 : i64} : i64
    %negative_power = math.ipowi %three, %minus_one : i64
    func.return %e, %power, %negative_power : (f64, i64, i64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = () -> (f64, i64, i64), sym_name = "math"} ({
            ^bb0:
              %0 = arith.constant {value = 1.0 : f64} : f64
              %1 = math.exp %0 : f64
              %2 = arith.constant {value = 3 : i64} : i64
              %3 = arith.constant {value = 81 : i64} : i64
              %4 = arith.constant {value = -1 : i64} : i64
              %5 = math.ipowi %2, %4 : i64
              func.return %1, %3, %5 : (f64, i64, i64) -> ()
            })
        "#]],
    );
}

#[test]
fn casts_of_constants() {
    check(
        r#"
  func.func {function_type = () -> (i64, i64, i8, f64, i32, f32, i64, index), sym_name = "casts"} ({
    %minus_one = arith.constant {value = -1 : i32} : i32
    %signed = arith.extsi %minus_one : (i32) -> i64
    %unsigned = arith.extui %minus_one : (i32) -> i64
    %big = arith.constant {value = 300 : i64} : i64
    %truncated = arith.trunci %big : (i64) -> i8
    %float = arith.sitofp %big : (i64) -> f64
    %huge = arith.constant {value = 1.0e10 : f64} : f64
    %out_of_range = arith.fptosi %huge : (f64) -> i32
    %third = arith.constant {value = 0.3333333333333333 : f64} : f64
    %narrow = arith.truncf %third : (f64) -> f32
    %bits = arith.bitcast %third : (f64) -> i64
    %index = arith.index_cast %minus_one : (i32) -> index
    func.return %signed, %unsigned, %truncated, %float, %out_of_range, %narrow, %bits, %index : (i64, i64, i8, f64, i32, f32, i64, index) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = () -> (i64, i64, i8, f64, i32, f32, i64, index), sym_name = "casts"} ({
            ^bb0:
              %0 = arith.constant {value = -1 : i64} : i64
              %1 = arith.constant {value = 4294967295 : i64} : i64
              %2 = arith.constant {value = 44 : i8} : i8
              %3 = arith.constant {value = 300.0 : f64} : f64
              %4 = arith.constant {value = 10000000000.0 : f64} : f64
              %5 = arith.fptosi %4 : (f64) -> i32
              %6 = arith.constant {value = 0.3333333432674408 : f32} : f32
              %7 = arith.constant {value = 4599676419421066581 : i64} : i64
              %8 = arith.constant {value = -1 : index} : index
              func.return %0, %1, %2, %3, %5, %6, %7, %8 : (i64, i64, i8, f64, i32, f32, i64, index) -> ()
            })
        "#]],
    );
}

#[test]
fn algebraic_identities() {
    check(
        r#"
  func.func {function_type = (i64, i1, f64) -> (i64, i64, i64, i64, i64, i1, i1, i1, i64, f64, f64, f64), sym_name = "identities"} ({
  ^entry(%x: i64, %b: i1, %f: f64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %plus_zero = arith.addi %zero, %x : i64
    %times_one = arith.muli %x, %one : i64
    %times_zero = arith.muli %x, %zero : i64
    %minus_self = arith.subi %x, %x : i64
    %divided_by_one = arith.divsi %x, %one : i64
    %le_self = arith.cmpi %x, %x {predicate = "sle"} : (i64, i64) -> i1
    %true = arith.constant {value = 1 : i1} : i1
    %not = arith.xori %b, %true : i1
    %not_not = arith.xori %not, %true : i1
    %select_true = arith.select %true, %b, %not : (i1, i1, i1) -> i1
    %same_arms = arith.select %b, %x, %x : (i1, i64, i64) -> i64
    %negative_zero = arith.constant {value = -0.0 : f64} : f64
    %positive_zero = arith.constant {value = 0.0 : f64} : f64
    %plus_negative_zero = arith.addf %f, %negative_zero : f64
    %plus_positive_zero = arith.addf %f, %positive_zero : f64
    %negated = arith.negf %f : f64
    %negated_twice = arith.negf %negated : f64
    func.return %plus_zero, %times_one, %times_zero, %minus_self, %divided_by_one, %le_self, %not_not, %select_true, %same_arms, %plus_negative_zero, %plus_positive_zero, %negated_twice : (i64, i64, i64, i64, i64, i1, i1, i1, i64, f64, f64, f64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i64, i1, f64) -> (i64, i64, i64, i64, i64, i1, i1, i1, i64, f64, f64, f64), sym_name = "identities"} ({
            ^bb0(%0: i64, %1: i1, %2: f64):
              %3 = arith.constant {value = 0 : i64} : i64
              %4 = arith.constant {value = 0 : i64} : i64
              %5 = arith.constant {value = 1 : i1} : i1
              %6 = arith.constant {value = 0.0 : f64} : f64
              %7 = arith.addf %2, %6 : f64
              func.return %0, %0, %3, %4, %0, %5, %1, %1, %0, %2, %7, %2 : (i64, i64, i64, i64, i64, i1, i1, i1, i64, f64, f64, f64) -> ()
            })
        "#]],
    );
}

#[test]
fn constants_move_to_the_right_of_commutative_ops() {
    check(
        r#"
  func.func {function_type = (i64) -> (i64, i1), sym_name = "swap"} ({
  ^entry(%x: i64):
    %five = arith.constant {value = 5 : i64} : i64
    %sum = arith.addi %five, %x : i64
    %less = arith.cmpi %five, %x {predicate = "slt"} : (i64, i64) -> i1
    func.return %sum, %less : (i64, i1) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> (i64, i1), sym_name = "swap"} ({
            ^bb0(%0: i64):
              %1 = arith.constant {value = 5 : i64} : i64
              %2 = arith.addi %0, %1 : i64
              %3 = arith.cmpi %0, %1 {predicate = "sgt"} : (i64, i64) -> i1
              func.return %2, %3 : (i64, i1) -> ()
            })
        "#]],
    );
}

#[test]
fn if_on_a_constant_is_inlined() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "taken"} ({
  ^entry(%x: i64):
    %false = arith.constant {value = 0 : i1} : i1
    %r = scf.if %false ({
      %a = arith.muli %x, %x : i64
      scf.yield %a : i64
    }, {
      %b = arith.addi %x, %x : i64
      scf.yield %b : i64
    }) : (i1) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "taken"} ({
            ^bb0(%0: i64):
              %1 = arith.addi %0, %0 : i64
              func.return %1 : i64
            })
        "#]],
    );
}

#[test]
fn if_on_a_constant_with_an_early_exit_ends_the_block() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "early"} ({
  ^entry(%x: i64):
    %true = arith.constant {value = 1 : i1} : i1
    scf.if %true ({
      func.return %x : i64
    }, {
      scf.yield
    }) : (i1) -> ()
    %y = arith.addi %x, %x : i64
    func.return %y : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "early"} ({
            ^bb0(%0: i64):
              func.return %0 : i64
            })
        "#]],
    );
}

#[test]
fn if_that_only_yields_becomes_select() {
    check(
        r#"
  func.func {function_type = (i1, i64, i64) -> (i64, i64), sym_name = "choose"} ({
  ^entry(%c: i1, %x: i64, %y: i64):
    %r, %s = scf.if %c ({
      scf.yield %x, %y : (i64, i64) -> ()
    }, {
      scf.yield %y, %y : (i64, i64) -> ()
    }) : (i1) -> (i64, i64)
    func.return %r, %s : (i64, i64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64, i64) -> (i64, i64), sym_name = "choose"} ({
            ^bb0(%0: i1, %1: i64, %2: i64):
              %3 = arith.select %0, %1, %2 : (i1, i64, i64) -> i64
              func.return %3, %2 : i64
            })
        "#]],
    );
}

#[test]
fn panics_that_cannot_fire_are_removed() {
    check(
        r#"
  func.func {function_type = (i1) -> (), sym_name = "checks"} ({
  ^entry(%c: i1):
    %false = arith.constant {value = 0 : i1} : i1
    %true = arith.constant {value = 1 : i1} : i1
    rt.panic_if %false {message = "never"} : i1
    rt.panic_if %true {message = "always"} : i1
    rt.assert %true : i1
    rt.panic_if %c {message = "maybe"} : i1
    func.return
  })"#,
        expect![[r#"
            func.func {function_type = (i1) -> (), sym_name = "checks"} ({
            ^bb0(%0: i1):
              %1 = arith.constant {value = 1 : i1} : i1
              rt.panic_if %1 {message = "always"} : i1
              rt.panic_if %0 {message = "maybe"} : i1
              func.return
            })
        "#]],
    );
}

#[test]
fn loops_and_branches_on_constants() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "empty_loop"} ({
  ^entry(%x: i64):
    %ten = arith.constant {value = 10 : i64} : i64
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %r = scf.for %ten, %zero, %one, %x ({
    ^body(%i: i64, %acc: i64):
      %next = arith.addi %acc, %i : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %r : i64
  })
  func.func {function_type = (i64) -> i64, sym_name = "branch"} ({
  ^entry(%x: i64):
    %true = arith.constant {value = 1 : i1} : i1
    cf.cond_br %true [^yes(%x: i64), ^no] : i1
  ^yes(%v: i64):
    func.return %v : i64
  ^no:
    func.return %x : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "empty_loop"} ({
            ^bb0(%0: i64):
              func.return %0 : i64
            })
            func.func {function_type = (i64) -> i64, sym_name = "branch"} ({
            ^bb0(%0: i64):
              func.return %0 : i64
            })
        "#]],
    );
}

#[test]
fn folds_reach_a_fixed_point() {
    check(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "chain"} ({
  ^entry(%x: i64):
    %one = arith.constant {value = 1 : i64} : i64
    %two = arith.addi %one, %one : i64
    %four = arith.muli %two, %two : i64
    %three = arith.subi %four, %one : i64
    %is_three = arith.cmpi %three, %three {predicate = "eq"} : (i64, i64) -> i1
    %r = scf.if %is_three ({
      %y = arith.muli %x, %three : i64
      scf.yield %y : i64
    }, {
      scf.yield %x : i64
    }) : (i1) -> i64
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i64) -> i64, sym_name = "chain"} ({
            ^bb0(%0: i64):
              %1 = arith.constant {value = 3 : i64} : i64
              %2 = arith.muli %0, %1 : i64
              func.return %2 : i64
            })
        "#]],
    );
}

#[test]
fn straight_line_blocks_merge_and_empty_blocks_are_skipped() {
    check(
        r#"
  func.func {function_type = (i1, i64) -> i64, sym_name = "chains"} ({
  ^entry(%c: i1, %x: i64):
    cf.br [^a]
  ^a:
    %y = arith.addi %x, %x : i64
    cf.br [^b(%y: i64)]
  ^b(%v: i64):
    cf.cond_br %c [^forward, ^other] : i1
  ^forward:
    cf.br [^join(%v: i64)]
  ^other:
    cf.br [^join(%x: i64)]
  ^join(%r: i64):
    func.return %r : i64
  })"#,
        expect![[r#"
            func.func {function_type = (i1, i64) -> i64, sym_name = "chains"} ({
            ^bb0(%0: i1, %1: i64):
              %2 = arith.addi %1, %1 : i64
              cf.cond_br %0 [^bb1(%2: i64), ^bb1(%1: i64)] : i1
            ^bb1(%3: i64):
              func.return %3 : i64
            })
        "#]],
    );
}
