//! `tensor-fusion`: chains become one `tensor.map`, reductions of them one
//! `tensor.map_reduce`, with the element rules of each type; what must stay apart stays.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;
use mlc_ir::Module;
use mlc_transforms::passes::tensor_fusion::TensorFusion;
use mlc_transforms::passes::tensor_to_loops::TensorToLoops;
use mlc_transforms::Pass;

/// Runs `passes` over `functions`, verifying the input and every result.
fn run(functions: &str, passes: &[&dyn Pass]) -> Module {
    let mut module = common::parse(functions);
    for pass in passes {
        pass.run(&mut module).unwrap_or_else(|message| panic!("{} failed: {message}", pass.name()));
        common::assert_verifies(&module, &format!("the result of {}", pass.name()));
    }
    module
}

fn check(functions: &str, expect: expect_test::Expect) {
    expect.assert_eq(&common::print_functions(&run(functions, &[&TensorFusion])));
}

/// How many ops named `name` the module holds.
fn count(module: &Module, name: &str) -> usize {
    let mut found = 0;
    module.walk(module.top(), &mut |op| {
        if module.ops[op].name() == name && !module.ops[op].erased {
            found += 1;
        }
    });
    found
}

/// `c = a * 2.0 + b` then `c.sum()`, `c` used by the sum only.
const SCALE_ADD_SUM: &str = r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>) -> f64, sym_name = "scale_add_sum"} ({
  ^bb0(%a: !tensor<f64>, %b: !tensor<f64>):
    %two = arith.constant {value = 2.0 : f64} : f64
    %scaled = tensor.binary %a, %two {kind = "mul"} : (!tensor<f64>, f64) -> !tensor<f64> loc("sum.ml":2:13)
    %c = tensor.binary %scaled, %b {kind = "add"} : !tensor<f64> loc("sum.ml":2:13)
    %total = tensor.reduce %c {kind = "sum"} : (!tensor<f64>) -> f64 loc("sum.ml":3:12)
    func.return %total : f64
  })"#;

#[test]
fn a_scaled_sum_becomes_one_map_reduce() {
    check(
        SCALE_ADD_SUM,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, !tensor<f64>) -> f64, sym_name = "scale_add_sum"} ({
            ^bb0(%0: !tensor<f64>, %1: !tensor<f64>):
              %2 = arith.constant {value = 2.0 : f64} : f64
              %3 = tensor.map_reduce %0, %1 {kind = "sum"} ({
              ^bb1(%4: f64, %5: f64):
                %6 = arith.mulf %4, %2 : f64 loc("sum.ml":3:12)
                %7 = arith.addf %6, %5 : f64 loc("sum.ml":3:12)
                tensor.yield %7 : f64 loc("sum.ml":3:12)
              }) : (!tensor<f64>, !tensor<f64>) -> f64 loc("sum.ml":3:12)
              func.return %3 : f64
            })
        "#]],
    );
}

#[test]
fn the_scaled_sum_lowers_to_one_loop_without_a_temporary_tensor() {
    let module = run(SCALE_ADD_SUM, &[&TensorFusion, &TensorToLoops]);
    assert_eq!(count(&module, "scf.for"), 1);
    assert_eq!(count(&module, "tensor.empty"), 0);
    assert_eq!(count(&module, "tensor.store_linear"), 0);
    assert_eq!(count(&module, "tensor.binary") + count(&module, "tensor.reduce"), 0);
    assert_eq!(count(&module, "tensor.load_linear"), 2);
    // Unfused, the same program needs two temporary tensors and three loops.
    let unfused = run(SCALE_ADD_SUM, &[&TensorToLoops]);
    assert_eq!(count(&unfused, "scf.for"), 3);
    assert_eq!(count(&unfused, "tensor.empty"), 2);
}

#[test]
fn a_chain_becomes_one_map_and_the_intermediates_go() {
    check(
        r#"
  func.func {function_type = (!tensor<f32>, !tensor<f32>, f32) -> !tensor<f32>, sym_name = "chain"} ({
  ^bb0(%a: !tensor<f32>, %b: !tensor<f32>, %s: f32):
    %d = tensor.binary %s, %a {kind = "sub"} : (f32, !tensor<f32>) -> !tensor<f32>
    %e = tensor.unary %d {kind = "exp"} : !tensor<f32>
    %q = tensor.binary %e, %b {kind = "div"} : !tensor<f32>
    %m = tensor.binary %q, %a {kind = "max"} : !tensor<f32>
    func.return %m : !tensor<f32>
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f32>, !tensor<f32>, f32) -> !tensor<f32>, sym_name = "chain"} ({
            ^bb0(%0: !tensor<f32>, %1: !tensor<f32>, %2: f32):
              %3 = tensor.map %0, %1 ({
              ^bb1(%4: f32, %5: f32):
                %6 = arith.subf %2, %4 : f32
                %7 = math.exp %6 : f32
                %8 = arith.divf %7, %5 : f32
                %9 = arith.maxf %8, %4 : f32
                tensor.yield %9 : f32
              }) : !tensor<f32>
              func.return %3 : !tensor<f32>
            })
        "#]],
    );
}

#[test]
fn an_intermediate_with_another_use_stays_a_tensor() {
    check(
        r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>) -> (!tensor<f64>, !tensor<f64>), sym_name = "shared"} ({
  ^bb0(%a: !tensor<f64>, %b: !tensor<f64>):
    %x = tensor.binary %a, %b {kind = "mul"} : !tensor<f64>
    %y = tensor.unary %x {kind = "neg"} : !tensor<f64>
    %z = tensor.unary %y {kind = "abs"} : !tensor<f64>
    func.return %x, %z : (!tensor<f64>, !tensor<f64>) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, !tensor<f64>) -> (!tensor<f64>, !tensor<f64>), sym_name = "shared"} ({
            ^bb0(%0: !tensor<f64>, %1: !tensor<f64>):
              %2 = tensor.binary %0, %1 {kind = "mul"} : !tensor<f64>
              %3 = tensor.map %2 ({
              ^bb1(%4: f64):
                %5 = arith.negf %4 : f64
                %6 = math.absf %5 : f64
                tensor.yield %6 : f64
              }) : !tensor<f64>
              func.return %2, %3 : !tensor<f64>
            })
        "#]],
    );
}

#[test]
fn a_value_used_twice_by_one_op_is_computed_once() {
    check(
        r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>) -> !tensor<f64>, sym_name = "square"} ({
  ^bb0(%a: !tensor<f64>, %b: !tensor<f64>):
    %x = tensor.binary %a, %b {kind = "add"} : !tensor<f64>
    %y = tensor.binary %x, %x {kind = "mul"} : !tensor<f64>
    func.return %y : !tensor<f64>
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, !tensor<f64>) -> !tensor<f64>, sym_name = "square"} ({
            ^bb0(%0: !tensor<f64>, %1: !tensor<f64>):
              %2 = tensor.map %0, %1 ({
              ^bb1(%3: f64, %4: f64):
                %5 = arith.addf %3, %4 : f64
                %6 = arith.mulf %5, %5 : f64
                tensor.yield %6 : f64
              }) : !tensor<f64>
              func.return %2 : !tensor<f64>
            })
        "#]],
    );
}

#[test]
fn integer_elements_follow_python() {
    // `//` and `%` floor; `/` gives floats; `**` is ipowi; max is signed.
    check(
        r#"
  func.func {function_type = (!tensor<i64>, !tensor<i64>, i64) -> (!tensor<i64>, !tensor<f64>), sym_name = "ints"} ({
  ^bb0(%a: !tensor<i64>, %b: !tensor<i64>, %k: i64):
    %q = tensor.binary %a, %k {kind = "floordiv"} : (!tensor<i64>, i64) -> !tensor<i64>
    %r = tensor.binary %q, %b {kind = "mod"} : !tensor<i64>
    %p = tensor.binary %r, %k {kind = "pow"} : (!tensor<i64>, i64) -> !tensor<i64>
    %n = tensor.unary %p {kind = "neg"} : !tensor<i64>
    %m = tensor.binary %n, %a {kind = "max"} : !tensor<i64>
    %x = tensor.unary %a {kind = "abs"} : !tensor<i64>
    %d = tensor.binary %x, %b {kind = "div"} : (!tensor<i64>, !tensor<i64>) -> !tensor<f64>
    func.return %m, %d : (!tensor<i64>, !tensor<f64>) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<i64>, !tensor<i64>, i64) -> (!tensor<i64>, !tensor<f64>), sym_name = "ints"} ({
            ^bb0(%0: !tensor<i64>, %1: !tensor<i64>, %2: i64):
              %3 = tensor.map %0, %1 ({
              ^bb1(%4: i64, %5: i64):
                %6 = arith.floordivsi %4, %2 : i64
                %7 = arith.floorremsi %6, %5 : i64
                %8 = math.ipowi %7, %2 : i64
                %9 = arith.constant {value = 0 : i64} : i64
                %10 = arith.subi %9, %8 : i64
                %11 = arith.maxsi %10, %4 : i64
                tensor.yield %11 : i64
              }) : !tensor<i64>
              %12 = tensor.map %0, %1 ({
              ^bb2(%13: i64, %14: i64):
                %15 = math.absi %13 : i64
                %16 = arith.sitofp %15 : (i64) -> f64
                %17 = arith.sitofp %14 : (i64) -> f64
                %18 = arith.divf %16, %17 : f64
                tensor.yield %18 : f64
              }) : (!tensor<i64>, !tensor<i64>) -> !tensor<f64>
              func.return %3, %12 : (!tensor<i64>, !tensor<f64>) -> ()
            })
        "#]],
    );
}

#[test]
fn unsigned_elements_divide_and_compare_unsigned() {
    check(
        r#"
  func.func {function_type = (!tensor<u8>, !tensor<u8>) -> !tensor<u8>, sym_name = "bytes"} ({
  ^bb0(%a: !tensor<u8>, %b: !tensor<u8>):
    %q = tensor.binary %a, %b {kind = "floordiv"} : !tensor<u8>
    %r = tensor.binary %q, %b {kind = "mod"} : !tensor<u8>
    %m = tensor.binary %r, %a {kind = "min"} : !tensor<u8>
    func.return %m : !tensor<u8>
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<u8>, !tensor<u8>) -> !tensor<u8>, sym_name = "bytes"} ({
            ^bb0(%0: !tensor<u8>, %1: !tensor<u8>):
              %2 = tensor.map %0, %1 ({
              ^bb1(%3: u8, %4: u8):
                %5 = arith.divui %3, %4 : u8
                %6 = arith.remui %5, %4 : u8
                %7 = arith.minui %6, %3 : u8
                tensor.yield %7 : u8
              }) : !tensor<u8>
              func.return %2 : !tensor<u8>
            })
        "#]],
    );
}

#[test]
fn float_floor_division_and_power() {
    check(
        r#"
  func.func {function_type = (!tensor<f64>, f64) -> !tensor<f64>, sym_name = "floats"} ({
  ^bb0(%a: !tensor<f64>, %s: f64):
    %q = tensor.binary %a, %s {kind = "floordiv"} : (!tensor<f64>, f64) -> !tensor<f64>
    %r = tensor.binary %q, %s {kind = "mod"} : (!tensor<f64>, f64) -> !tensor<f64>
    %p = tensor.binary %r, %s {kind = "pow"} : (!tensor<f64>, f64) -> !tensor<f64>
    func.return %p : !tensor<f64>
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, f64) -> !tensor<f64>, sym_name = "floats"} ({
            ^bb0(%0: !tensor<f64>, %1: f64):
              %2 = tensor.map %0 ({
              ^bb1(%3: f64):
                %4 = arith.floordivf %3, %1 : f64
                %5 = arith.floorremf %4, %1 : f64
                %6 = math.powf %5, %1 : f64
                tensor.yield %6 : f64
              }) : !tensor<f64>
              func.return %2 : !tensor<f64>
            })
        "#]],
    );
}

#[test]
fn a_broadcast_gives_its_shape_through_a_leaf() {
    check(
        r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>) -> !tensor<f64>, sym_name = "spread"} ({
  ^bb0(%row: !tensor<f64>, %grid: !tensor<f64>):
    %wide = tensor.broadcast %row, %grid : (!tensor<f64>, !tensor<f64>) -> !tensor<f64>
    %y = tensor.unary %wide {kind = "sqrt"} : !tensor<f64>
    func.return %y : !tensor<f64>
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, !tensor<f64>) -> !tensor<f64>, sym_name = "spread"} ({
            ^bb0(%0: !tensor<f64>, %1: !tensor<f64>):
              %2 = tensor.map %0, %1 ({
              ^bb1(%3: f64, %4: f64):
                %5 = math.sqrt %3 : f64
                tensor.yield %5 : f64
              }) : !tensor<f64>
              func.return %2 : !tensor<f64>
            })
        "#]],
    );
}

#[test]
fn an_op_that_may_observe_the_order_bounds_the_chain() {
    // The store could change `%a` between the two ops, the print shows whether the first
    // one panicked: neither chain crosses them. The constant in between is harmless.
    check(
        r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>, !str) -> !tensor<f64>, sym_name = "barriers"} ({
  ^bb0(%a: !tensor<f64>, %b: !tensor<f64>, %s: !str):
    %x = tensor.binary %a, %b {kind = "add"} : !tensor<f64>
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1.0 : f64} : f64
    tensor.store %one, %a, %zero : (f64, !tensor<f64>, i64) -> ()
    %y = tensor.binary %x, %a {kind = "mul"} : !tensor<f64>
    %z = tensor.binary %y, %b {kind = "sub"} : !tensor<f64>
    rt.print %s, %s : (!str, !str) -> ()
    %w = tensor.binary %z, %b {kind = "add"} : !tensor<f64>
    func.return %w : !tensor<f64>
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, !tensor<f64>, !str) -> !tensor<f64>, sym_name = "barriers"} ({
            ^bb0(%0: !tensor<f64>, %1: !tensor<f64>, %2: !str):
              %3 = tensor.binary %0, %1 {kind = "add"} : !tensor<f64>
              %4 = arith.constant {value = 0 : i64} : i64
              %5 = arith.constant {value = 1.0 : f64} : f64
              tensor.store %5, %0, %4 : (f64, !tensor<f64>, i64) -> ()
              %6 = tensor.map %3, %0, %1 ({
              ^bb1(%7: f64, %8: f64, %9: f64):
                %10 = arith.mulf %7, %8 : f64
                %11 = arith.subf %10, %9 : f64
                tensor.yield %11 : f64
              }) : !tensor<f64>
              rt.print %2, %2 : !str
              %12 = tensor.binary %6, %1 {kind = "add"} : !tensor<f64>
              func.return %12 : !tensor<f64>
            })
        "#]],
    );
}

#[test]
fn ops_without_a_scalar_form_are_not_fused() {
    // `i1` elements, `pow` of unsigned integers and the `mean` of integers stay whole.
    check(
        r#"
  func.func {function_type = (!tensor<i1>, !tensor<u32>, !tensor<i64>) -> (!tensor<i1>, !tensor<u32>, i64), sym_name = "left"} ({
  ^bb0(%flags: !tensor<i1>, %u: !tensor<u32>, %n: !tensor<i64>):
    %f = tensor.binary %flags, %flags {kind = "mul"} : !tensor<i1>
    %g = tensor.unary %f {kind = "neg"} : !tensor<i1>
    %p = tensor.binary %u, %u {kind = "pow"} : !tensor<u32>
    %q = tensor.binary %p, %u {kind = "add"} : !tensor<u32>
    %doubled = tensor.binary %n, %n {kind = "add"} : !tensor<i64>
    %mean = tensor.reduce %doubled {kind = "mean"} : (!tensor<i64>) -> i64
    func.return %g, %q, %mean : (!tensor<i1>, !tensor<u32>, i64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<i1>, !tensor<u32>, !tensor<i64>) -> (!tensor<i1>, !tensor<u32>, i64), sym_name = "left"} ({
            ^bb0(%0: !tensor<i1>, %1: !tensor<u32>, %2: !tensor<i64>):
              %3 = tensor.binary %0, %0 {kind = "mul"} : !tensor<i1>
              %4 = tensor.unary %3 {kind = "neg"} : !tensor<i1>
              %5 = tensor.binary %1, %1 {kind = "pow"} : !tensor<u32>
              %6 = tensor.binary %5, %1 {kind = "add"} : !tensor<u32>
              %7 = tensor.binary %2, %2 {kind = "add"} : !tensor<i64>
              %8 = tensor.reduce %7 {kind = "mean"} : (!tensor<i64>) -> i64
              func.return %4, %6, %8 : (!tensor<i1>, !tensor<u32>, i64) -> ()
            })
        "#]],
    );
}

#[test]
fn a_reduction_of_a_plain_tensor_and_a_lone_op_stay() {
    check(
        r#"
  func.func {function_type = (!tensor<f64>) -> (f64, !tensor<f64>), sym_name = "alone"} ({
  ^bb0(%a: !tensor<f64>):
    %m = tensor.reduce %a {kind = "max"} : (!tensor<f64>) -> f64
    %n = tensor.unary %a {kind = "neg"} : !tensor<f64>
    func.return %m, %n : (f64, !tensor<f64>) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>) -> (f64, !tensor<f64>), sym_name = "alone"} ({
            ^bb0(%0: !tensor<f64>):
              %1 = tensor.reduce %0 {kind = "max"} : (!tensor<f64>) -> f64
              %2 = tensor.unary %0 {kind = "neg"} : !tensor<f64>
              func.return %1, %2 : (f64, !tensor<f64>) -> ()
            })
        "#]],
    );
}

#[test]
fn maps_merge_with_their_producers_and_consumers() {
    // A map written earlier (by a first run) absorbs what feeds it, and feeds a reduction.
    check(
        r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>, f64) -> f64, sym_name = "maps"} ({
  ^bb0(%a: !tensor<f64>, %b: !tensor<f64>, %s: f64):
    %x = tensor.unary %a {kind = "exp"} : !tensor<f64>
    %m = tensor.map %x, %b ({
    ^bb1(%ex: f64, %eb: f64):
      %p = arith.mulf %ex, %s : f64
      %q = arith.addf %p, %eb : f64
      tensor.yield %q : f64
    }) : (!tensor<f64>, !tensor<f64>) -> !tensor<f64>
    %r = tensor.reduce %m {kind = "min"} : (!tensor<f64>) -> f64
    func.return %r : f64
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, !tensor<f64>, f64) -> f64, sym_name = "maps"} ({
            ^bb0(%0: !tensor<f64>, %1: !tensor<f64>, %2: f64):
              %3 = tensor.map_reduce %0, %1 {kind = "min"} ({
              ^bb1(%4: f64, %5: f64):
                %6 = math.exp %4 : f64
                %7 = arith.mulf %6, %2 : f64
                %8 = arith.addf %7, %5 : f64
                tensor.yield %8 : f64
              }) : (!tensor<f64>, !tensor<f64>) -> f64
              func.return %3 : f64
            })
        "#]],
    );
}

#[test]
fn fusing_twice_changes_nothing_more() {
    let once = common::print_functions(&run(SCALE_ADD_SUM, &[&TensorFusion]));
    let twice = common::print_functions(&run(SCALE_ADD_SUM, &[&TensorFusion, &TensorFusion]));
    assert_eq!(once, twice);
}

#[test]
fn chains_inside_loops_fuse_in_their_own_block() {
    check(
        r#"
  func.func {function_type = (!tensor<f64>, i64) -> f64, sym_name = "looped"} ({
  ^bb0(%a: !tensor<f64>, %n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %init = arith.constant {value = 0.0 : f64} : f64
    %x = tensor.unary %a {kind = "neg"} : !tensor<f64>
    %total = scf.for %zero, %n, %one, %init ({
    ^bb1(%i: i64, %acc: f64):
      %y = tensor.binary %x, %a {kind = "mul"} : !tensor<f64>
      %s = tensor.reduce %y {kind = "sum"} : (!tensor<f64>) -> f64
      %next = arith.addf %acc, %s : f64
      scf.yield %next : f64
    }) : (i64, i64, i64, f64) -> f64
    func.return %total : f64
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, i64) -> f64, sym_name = "looped"} ({
            ^bb0(%0: !tensor<f64>, %1: i64):
              %2 = arith.constant {value = 0 : i64} : i64
              %3 = arith.constant {value = 1 : i64} : i64
              %4 = arith.constant {value = 0.0 : f64} : f64
              %5 = tensor.unary %0 {kind = "neg"} : !tensor<f64>
              %6 = scf.for %2, %1, %3, %4 ({
              ^bb1(%7: i64, %8: f64):
                %9 = tensor.map_reduce %5, %0 {kind = "sum"} ({
                ^bb2(%10: f64, %11: f64):
                  %12 = arith.mulf %10, %11 : f64
                  tensor.yield %12 : f64
                }) : (!tensor<f64>, !tensor<f64>) -> f64
                %13 = arith.addf %8, %9 : f64
                scf.yield %13 : f64
              }) : (i64, i64, i64, f64) -> f64
              func.return %6 : f64
            })
        "#]],
    );
}
