//! `tensor-to-loops`: maps become a loop storing into a new tensor, map-reductions a loop
//! carrying the accumulator, leftover elementwise ops and reductions the same through a
//! one-op map; what has no scalar form stays.

#[path = "common/check.rs"]
mod common;

use expect_test::expect;
use mlc_ir::Module;
use mlc_transforms::passes::tensor_fusion::TensorFusion;
use mlc_transforms::passes::tensor_to_loops::TensorToLoops;
use mlc_transforms::Pass;

fn run(functions: &str, passes: &[&dyn Pass]) -> Module {
    let mut module = common::parse(functions);
    for pass in passes {
        pass.run(&mut module).unwrap_or_else(|message| panic!("{} failed: {message}", pass.name()));
        common::assert_verifies(&module, &format!("the result of {}", pass.name()));
    }
    module
}

fn check(functions: &str, expect: expect_test::Expect) {
    expect.assert_eq(&common::print_functions(&run(functions, &[&TensorToLoops])));
}

#[test]
fn a_map_becomes_a_loop_storing_into_a_new_tensor() {
    check(
        r#"
  func.func {function_type = (!tensor<f32>, !tensor<f32>, f32) -> !tensor<f32>, sym_name = "axpy"} ({
  ^bb0(%x: !tensor<f32>, %y: !tensor<f32>, %a: f32):
    %r = tensor.map %x, %y ({
    ^bb1(%ex: f32, %ey: f32):
      %p = arith.mulf %a, %ex : f32
      %s = arith.addf %p, %ey : f32
      tensor.yield %s : f32
    }) : (!tensor<f32>, !tensor<f32>) -> !tensor<f32> loc("axpy.ml":2:12)
    func.return %r : !tensor<f32>
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f32>, !tensor<f32>, f32) -> !tensor<f32>, sym_name = "axpy"} ({
            ^bb0(%0: !tensor<f32>, %1: !tensor<f32>, %2: f32):
              %3 = tensor.space %0, %1 : (!tensor<f32>, !tensor<f32>) -> !tensor.space loc("axpy.ml":2:12)
              %4 = tensor.space_size %3 : (!tensor.space) -> i64 loc("axpy.ml":2:12)
              %5 = arith.constant {value = 0 : i64} : i64 loc("axpy.ml":2:12)
              %6 = arith.constant {value = 1 : i64} : i64 loc("axpy.ml":2:12)
              %7 = tensor.empty %3 : (!tensor.space) -> !tensor<f32> loc("axpy.ml":2:12)
              scf.for %5, %4, %6 ({
              ^bb1(%8: i64):
                %9 = tensor.load_linear %0, %3, %8 : (!tensor<f32>, !tensor.space, i64) -> f32 loc("axpy.ml":2:12)
                %10 = tensor.load_linear %1, %3, %8 : (!tensor<f32>, !tensor.space, i64) -> f32 loc("axpy.ml":2:12)
                %11 = arith.mulf %2, %9 : f32
                %12 = arith.addf %11, %10 : f32
                tensor.store_linear %12, %7, %8 : (f32, !tensor<f32>, i64) -> () loc("axpy.ml":2:12)
                scf.yield loc("axpy.ml":2:12)
              }) : i64 loc("axpy.ml":2:12)
              func.return %7 : !tensor<f32>
            })
        "#]],
    );
}

#[test]
fn a_sum_carries_its_accumulator_and_makes_no_tensor() {
    check(
        r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>) -> (f64, f64), sym_name = "dot"} ({
  ^bb0(%x: !tensor<f64>, %y: !tensor<f64>):
    %d = tensor.map_reduce %x, %y {kind = "sum"} ({
    ^bb1(%ex: f64, %ey: f64):
      %p = arith.mulf %ex, %ey : f64
      tensor.yield %p : f64
    }) : (!tensor<f64>, !tensor<f64>) -> f64
    %m = tensor.map_reduce %x {kind = "mean"} ({
    ^bb2(%e: f64):
      tensor.yield %e : f64
    }) : (!tensor<f64>) -> f64
    func.return %d, %m : (f64, f64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<f64>, !tensor<f64>) -> (f64, f64), sym_name = "dot"} ({
            ^bb0(%0: !tensor<f64>, %1: !tensor<f64>):
              %2 = tensor.space %0, %1 : (!tensor<f64>, !tensor<f64>) -> !tensor.space
              %3 = tensor.space_size %2 : (!tensor.space) -> i64
              %4 = arith.constant {value = 0 : i64} : i64
              %5 = arith.constant {value = 1 : i64} : i64
              %6 = arith.constant {value = 0.0 : f64} : f64
              %7 = scf.for %4, %3, %5, %6 ({
              ^bb1(%8: i64, %9: f64):
                %10 = tensor.load_linear %0, %2, %8 : (!tensor<f64>, !tensor.space, i64) -> f64
                %11 = tensor.load_linear %1, %2, %8 : (!tensor<f64>, !tensor.space, i64) -> f64
                %12 = arith.mulf %10, %11 : f64
                %13 = arith.addf %9, %12 : f64
                scf.yield %13 : f64
              }) : (i64, i64, i64, f64) -> f64
              %14 = tensor.space %0 : (!tensor<f64>) -> !tensor.space
              %15 = tensor.space_size %14 : (!tensor.space) -> i64
              %16 = arith.constant {value = 0 : i64} : i64
              %17 = arith.constant {value = 1 : i64} : i64
              %18 = arith.constant {value = 0.0 : f64} : f64
              %19 = scf.for %16, %15, %17, %18 ({
              ^bb2(%20: i64, %21: f64):
                %22 = tensor.load_linear %0, %14, %20 : (!tensor<f64>, !tensor.space, i64) -> f64
                %23 = arith.addf %21, %22 : f64
                scf.yield %23 : f64
              }) : (i64, i64, i64, f64) -> f64
              %24 = arith.sitofp %15 : (i64) -> f64
              %25 = arith.divf %19, %24 : f64
              func.return %7, %25 : f64
            })
        "#]],
    );
}

#[test]
fn max_and_min_start_from_the_first_element_and_panic_when_empty() {
    check(
        r#"
  func.func {function_type = (!tensor<i32>) -> i32, sym_name = "largest"} ({
  ^bb0(%x: !tensor<i32>):
    %m = tensor.map_reduce %x {kind = "max"} ({
    ^bb1(%e: i32):
      %n = math.absi %e : i32
      tensor.yield %n : i32
    }) : (!tensor<i32>) -> i32 loc("max.ml":4:11)
    func.return %m : i32
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<i32>) -> i32, sym_name = "largest"} ({
            ^bb0(%0: !tensor<i32>):
              %1 = tensor.space %0 : (!tensor<i32>) -> !tensor.space loc("max.ml":4:11)
              %2 = tensor.space_size %1 : (!tensor.space) -> i64 loc("max.ml":4:11)
              %3 = arith.constant {value = 0 : i64} : i64 loc("max.ml":4:11)
              %4 = arith.constant {value = 1 : i64} : i64 loc("max.ml":4:11)
              %5 = arith.cmpi %2, %3 {predicate = "eq"} : (i64, i64) -> i1 loc("max.ml":4:11)
              rt.panic_if %5 {message = "max() of an empty tensor"} : i1 loc("max.ml":4:11)
              %6 = tensor.load_linear %0, %1, %3 : (!tensor<i32>, !tensor.space, i64) -> i32 loc("max.ml":4:11)
              %7 = math.absi %6 : i32
              %8 = scf.for %4, %2, %4, %7 ({
              ^bb1(%9: i64, %10: i32):
                %11 = tensor.load_linear %0, %1, %9 : (!tensor<i32>, !tensor.space, i64) -> i32 loc("max.ml":4:11)
                %12 = math.absi %11 : i32
                %13 = arith.maxsi %10, %12 : i32 loc("max.ml":4:11)
                scf.yield %13 : i32 loc("max.ml":4:11)
              }) : (i64, i64, i64, i32) -> i32 loc("max.ml":4:11)
              func.return %8 : i32
            })
        "#]],
    );
}

#[test]
fn leftover_elementwise_ops_and_reductions_lower_alone() {
    check(
        r#"
  func.func {function_type = (!tensor<i64>, i64) -> (!tensor<i64>, i64, !tensor<f64>), sym_name = "leftovers"} ({
  ^bb0(%x: !tensor<i64>, %k: i64):
    %q = tensor.binary %k, %x {kind = "floordiv"} : (i64, !tensor<i64>) -> !tensor<i64>
    %s = tensor.reduce %x {kind = "min"} : (!tensor<i64>) -> i64
    %d = tensor.binary %x, %x {kind = "div"} : (!tensor<i64>, !tensor<i64>) -> !tensor<f64>
    func.return %q, %s, %d : (!tensor<i64>, i64, !tensor<f64>) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<i64>, i64) -> (!tensor<i64>, i64, !tensor<f64>), sym_name = "leftovers"} ({
            ^bb0(%0: !tensor<i64>, %1: i64):
              %2 = tensor.space %0 : (!tensor<i64>) -> !tensor.space
              %3 = tensor.space_size %2 : (!tensor.space) -> i64
              %4 = arith.constant {value = 0 : i64} : i64
              %5 = arith.constant {value = 1 : i64} : i64
              %6 = tensor.empty %2 : (!tensor.space) -> !tensor<i64>
              scf.for %4, %3, %5 ({
              ^bb1(%7: i64):
                %8 = tensor.load_linear %0, %2, %7 : (!tensor<i64>, !tensor.space, i64) -> i64
                %9 = arith.floordivsi %1, %8 : i64
                tensor.store_linear %9, %6, %7 : (i64, !tensor<i64>, i64) -> ()
                scf.yield
              }) : i64
              %10 = tensor.space %0 : (!tensor<i64>) -> !tensor.space
              %11 = tensor.space_size %10 : (!tensor.space) -> i64
              %12 = arith.constant {value = 0 : i64} : i64
              %13 = arith.constant {value = 1 : i64} : i64
              %14 = arith.cmpi %11, %12 {predicate = "eq"} : (i64, i64) -> i1
              rt.panic_if %14 {message = "min() of an empty tensor"} : i1
              %15 = tensor.load_linear %0, %10, %12 : (!tensor<i64>, !tensor.space, i64) -> i64
              %16 = scf.for %13, %11, %13, %15 ({
              ^bb2(%17: i64, %18: i64):
                %19 = tensor.load_linear %0, %10, %17 : (!tensor<i64>, !tensor.space, i64) -> i64
                %20 = arith.minsi %18, %19 : i64
                scf.yield %20 : i64
              }) : i64
              %21 = tensor.space %0 : (!tensor<i64>) -> !tensor.space
              %22 = tensor.space_size %21 : (!tensor.space) -> i64
              %23 = arith.constant {value = 0 : i64} : i64
              %24 = arith.constant {value = 1 : i64} : i64
              %25 = tensor.empty %21 : (!tensor.space) -> !tensor<f64>
              scf.for %23, %22, %24 ({
              ^bb3(%26: i64):
                %27 = tensor.load_linear %0, %21, %26 : (!tensor<i64>, !tensor.space, i64) -> i64
                %28 = arith.sitofp %27 : (i64) -> f64
                %29 = arith.sitofp %27 : (i64) -> f64
                %30 = arith.divf %28, %29 : f64
                tensor.store_linear %30, %25, %26 : (f64, !tensor<f64>, i64) -> ()
                scf.yield
              }) : i64
              func.return %6, %16, %25 : (!tensor<i64>, i64, !tensor<f64>) -> ()
            })
        "#]],
    );
}

#[test]
fn what_has_no_scalar_form_stays_for_the_runtime() {
    check(
        r#"
  func.func {function_type = (!tensor<i1>, !tensor<f64>, !tensor<i64>) -> (!tensor<i1>, !tensor<f64>, i64), sym_name = "runtime"} ({
  ^bb0(%flags: !tensor<i1>, %m: !tensor<f64>, %n: !tensor<i64>):
    %f = tensor.binary %flags, %flags {kind = "add"} : !tensor<i1>
    %p = tensor.matmul %m, %m : !tensor<f64>
    %mean = tensor.reduce %n {kind = "mean"} : (!tensor<i64>) -> i64
    %written = tensor.map_reduce %n {kind = "mean"} ({
    ^bb1(%e: i64):
      tensor.yield %e : i64
    }) : (!tensor<i64>) -> i64
    func.return %f, %p, %mean : (!tensor<i1>, !tensor<f64>, i64) -> ()
  })"#,
        expect![[r#"
            func.func {function_type = (!tensor<i1>, !tensor<f64>, !tensor<i64>) -> (!tensor<i1>, !tensor<f64>, i64), sym_name = "runtime"} ({
            ^bb0(%0: !tensor<i1>, %1: !tensor<f64>, %2: !tensor<i64>):
              %3 = tensor.binary %0, %0 {kind = "add"} : !tensor<i1>
              %4 = tensor.matmul %1, %1 : !tensor<f64>
              %5 = tensor.reduce %2 {kind = "mean"} : (!tensor<i64>) -> i64
              %6 = tensor.map_reduce %2 {kind = "mean"} ({
              ^bb1(%7: i64):
                tensor.yield %7 : i64
              }) : (!tensor<i64>) -> i64
              func.return %3, %4, %5 : (!tensor<i1>, !tensor<f64>, i64) -> ()
            })
        "#]],
    );
}

#[test]
fn the_fused_scaled_sum_is_one_loop_without_a_temporary_tensor() {
    let functions = r#"
  func.func {function_type = (!tensor<f64>, !tensor<f64>) -> f64, sym_name = "scale_add_sum"} ({
  ^bb0(%a: !tensor<f64>, %b: !tensor<f64>):
    %two = arith.constant {value = 2.0 : f64} : f64
    %scaled = tensor.binary %a, %two {kind = "mul"} : (!tensor<f64>, f64) -> !tensor<f64>
    %c = tensor.binary %scaled, %b {kind = "add"} : !tensor<f64>
    %total = tensor.reduce %c {kind = "sum"} : (!tensor<f64>) -> f64
    func.return %total : f64
  })"#;
    let module = run(functions, &[&TensorFusion, &TensorToLoops]);
    expect![[r#"
        func.func {function_type = (!tensor<f64>, !tensor<f64>) -> f64, sym_name = "scale_add_sum"} ({
        ^bb0(%0: !tensor<f64>, %1: !tensor<f64>):
          %2 = arith.constant {value = 2.0 : f64} : f64
          %3 = tensor.space %0, %1 : (!tensor<f64>, !tensor<f64>) -> !tensor.space
          %4 = tensor.space_size %3 : (!tensor.space) -> i64
          %5 = arith.constant {value = 0 : i64} : i64
          %6 = arith.constant {value = 1 : i64} : i64
          %7 = arith.constant {value = 0.0 : f64} : f64
          %8 = scf.for %5, %4, %6, %7 ({
          ^bb1(%9: i64, %10: f64):
            %11 = tensor.load_linear %0, %3, %9 : (!tensor<f64>, !tensor.space, i64) -> f64
            %12 = tensor.load_linear %1, %3, %9 : (!tensor<f64>, !tensor.space, i64) -> f64
            %13 = arith.mulf %11, %2 : f64
            %14 = arith.addf %13, %12 : f64
            %15 = arith.addf %10, %14 : f64
            scf.yield %15 : f64
          }) : (i64, i64, i64, f64) -> f64
          func.return %8 : f64
        })
    "#]]
    .assert_eq(&common::print_functions(&module));
}
