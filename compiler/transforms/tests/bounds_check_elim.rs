//! `bounds-check-elim`: accesses indexed by the induction variable of a loop over the
//! container's own length get `{in_bounds = true}`; every way the proof can fail leaves the
//! access checked.

#[path = "common/check.rs"]
mod common;

use mlc_ir::{Attribute, Module};
use mlc_transforms::passes::bounds_check_elim::BoundsCheckElim;
use mlc_transforms::Pass;

/// Runs the pass over `functions` (which must verify before and after) and returns, for each
/// access (`tensor.load`/`store`, `mem.list_get`/`set`) in printing order, its name and
/// whether it is marked in bounds.
fn marks(functions: &str) -> Vec<(String, bool)> {
    let mut module = common::parse(functions);
    BoundsCheckElim.run(&mut module).expect("the pass does not fail");
    common::assert_verifies(&module, "the result");
    accesses(&module)
}

fn accesses(module: &Module) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    module.walk(module.top(), &mut |op| {
        let data = &module.ops[op];
        if matches!(data.name(), "tensor.load" | "tensor.store" | "mem.list_get" | "mem.list_set") {
            let marked = matches!(data.attributes.get("in_bounds"), Some(Attribute::Bool(true)));
            found.push((data.name().to_string(), marked));
        }
    });
    found
}

/// `marks` of a function whose accesses must all be marked (`true`) or all not (`false`).
#[track_caller]
fn assert_all(functions: &str, expected: bool) {
    let found = marks(functions);
    assert!(!found.is_empty(), "the test has no access");
    assert!(
        found.iter().all(|(_, marked)| *marked == expected),
        "expected every access {}: {found:?}",
        if expected { "marked" } else { "unmarked" }
    );
}

/// A function over `%t: !tensor<f64>`, `%u: !tensor<f64>`, `%l: !list<i64>` with the usual
/// constants, running `body` (which ends with the function's `func.return`).
fn function(body: &str) -> String {
    format!(
        r#"
  func.func {{function_type = (!list<i64>) -> (), sym_name = "grow"}} ({{
  }})
  func.func {{function_type = (!tensor<f64>, !tensor<f64>, !list<i64>) -> (), sym_name = "f"}} ({{
  ^bb0(%t: !tensor<f64>, %u: !tensor<f64>, %l: !list<i64>):
    %zero = arith.constant {{value = 0 : i64}} : i64
    %one = arith.constant {{value = 1 : i64}} : i64
    %minus_one = arith.constant {{value = -1 : i64}} : i64
    %x = arith.constant {{value = 1.5 : f64}} : f64
    %rows = tensor.dim %t, %zero : (!tensor<f64>, i64) -> i64
    %cols = tensor.dim %t, %one : (!tensor<f64>, i64) -> i64
    %size = tensor.numel %t : (!tensor<f64>) -> i64
{body}
  }})"#
    )
}

#[test]
fn a_loop_over_a_tensor_dimension_proves_its_index() {
    assert_all(
        &function(
            r#"
    scf.for %zero, %rows, %one ({
    ^bb1(%i: i64):
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      tensor.store %e, %t, %i : (f64, !tensor<f64>, i64) -> ()
      scf.yield
    }) : i64
    func.return"#,
        ),
        true,
    );
}

#[test]
fn nested_loops_prove_each_dimension_and_the_start_may_be_positive() {
    assert_all(
        &function(
            r#"
    %two = arith.constant {value = 2 : i64} : i64
    scf.for %one, %rows, %two ({
    ^bb1(%i: i64):
      scf.for %zero, %cols, %one ({
      ^bb2(%j: i64):
        %e = tensor.load %t, %i, %j : (!tensor<f64>, i64, i64) -> f64
        %c = arith.cmpf %e, %x {predicate = "olt"} : (f64, f64) -> i1
        scf.if %c ({
          tensor.store %x, %t, %i, %j : (f64, !tensor<f64>, i64, i64) -> ()
          scf.yield
        }, {
        }) : i1
        scf.yield
      }) : i64
      scf.yield
    }) : i64
    func.return"#,
        ),
        true,
    );
}

#[test]
fn numel_bounds_an_access_with_one_index_only() {
    let found = marks(&function(
        r#"
    scf.for %zero, %size, %one ({
    ^bb1(%i: i64):
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      %f = tensor.load %t, %i, %i : (!tensor<f64>, i64, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
    ));
    assert_eq!(found, [("tensor.load".to_string(), true), ("tensor.load".to_string(), false)]);
}

#[test]
fn a_loop_over_a_list_length_proves_its_index() {
    assert_all(
        &function(
            r#"
    %n = mem.list_len %l : (!list<i64>) -> i64
    scf.for %zero, %n, %one ({
    ^bb1(%i: i64):
      %e = mem.list_get %l, %i : (!list<i64>, i64) -> i64
      %d = arith.addi %e, %e : i64
      mem.list_set %l, %i, %d : (!list<i64>, i64, i64) -> ()
      rt.builtin %l {name = "list.sort"} : (!list<i64>) -> ()
      scf.yield
    }) : i64
    func.return"#,
        ),
        true,
    );
}

#[test]
fn unprovable_tensor_indices_stay_checked() {
    for (what, body) in [
        (
            "an offset index",
            r#"
    scf.for %zero, %rows, %one ({
    ^bb1(%i: i64):
      %next = arith.addi %i, %one : i64
      %e = tensor.load %t, %next : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
        ),
        (
            "another tensor's length",
            r#"
    scf.for %zero, %rows, %one ({
    ^bb1(%i: i64):
      %e = tensor.load %u, %i : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
        ),
        (
            "another dimension's length",
            r#"
    scf.for %zero, %rows, %one ({
    ^bb1(%i: i64):
      scf.for %zero, %cols, %one ({
      ^bb2(%j: i64):
        %e = tensor.load %t, %j, %i : (!tensor<f64>, i64, i64) -> f64
        scf.yield
      }) : i64
      scf.yield
    }) : i64
    func.return"#,
        ),
        (
            "a negative step",
            r#"
    scf.for %zero, %rows, %minus_one ({
    ^bb1(%i: i64):
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
        ),
        (
            "a negative start (index -1 counts from the end: valid, but not this proof)",
            r#"
    scf.for %minus_one, %rows, %one ({
    ^bb1(%i: i64):
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
        ),
        (
            "a start known only at run time",
            r#"
    %start = arith.subi %rows, %cols : i64
    scf.for %start, %rows, %one ({
    ^bb1(%i: i64):
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
        ),
        (
            "a bound that is not a length",
            r#"
    %half = arith.floordivsi %rows, %cols : i64
    %twice = arith.addi %rows, %rows : i64
    scf.for %zero, %twice, %one ({
    ^bb1(%i: i64):
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
        ),
        (
            "Python code in the loop (it might resize the tensor)",
            r#"
    scf.for %zero, %rows, %one ({
    ^bb1(%i: i64):
      %object = py.from %t : (!tensor<f64>) -> !py.object
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
        ),
    ] {
        let found = marks(&function(body));
        assert!(!found.is_empty() && found.iter().all(|(_, marked)| !marked), "{what}: {found:?}");
    }
}

#[test]
fn a_list_whose_length_may_change_stays_checked() {
    for (what, changes) in [
        (
            "an append (to any list: it may alias)",
            "mem.list_append %other, %zero : (!list<i64>, i64) -> ()",
        ),
        ("a pop", "%popped = rt.builtin %l {name = \"list.pop\"} : (!list<i64>) -> i64"),
        ("a clear", "rt.builtin %other {name = \"list.clear\"} : (!list<i64>) -> ()"),
        ("a call", "func.call %l {callee = @grow} : (!list<i64>) -> ()"),
    ] {
        let body = format!(
            r#"
    %other = mem.list_new %zero : (i64) -> !list<i64>
    %n = mem.list_len %l : (!list<i64>) -> i64
    scf.for %zero, %n, %one ({{
    ^bb1(%i: i64):
      %e = mem.list_get %l, %i : (!list<i64>, i64) -> i64
      {changes}
      scf.yield
    }}) : i64
    func.return"#
        );
        let found = marks(&function(&body));
        assert_eq!(found, [("mem.list_get".to_string(), false)], "{what}");
    }
}

#[test]
fn a_length_change_between_the_bound_and_the_loop_counts_too() {
    let found = marks(&function(
        r#"
    %n = mem.list_len %l : (!list<i64>) -> i64
    %popped = rt.builtin %l {name = "list.pop"} : (!list<i64>) -> i64
    scf.for %zero, %n, %one ({
    ^bb1(%i: i64):
      %e = mem.list_get %l, %i : (!list<i64>, i64) -> i64
      scf.yield
    }) : i64
    func.return"#,
    ));
    assert_eq!(found, [("mem.list_get".to_string(), false)]);
}

#[test]
fn a_bound_computed_before_an_outer_loop_still_proves() {
    // `licm` hoists `mem.list_len` out of the outer loop: the proof looks through it.
    let found = marks(&function(
        r#"
    %n = mem.list_len %l : (!list<i64>) -> i64
    scf.for %zero, %rows, %one ({
    ^bb1(%i: i64):
      scf.for %zero, %n, %one ({
      ^bb2(%j: i64):
        %e = mem.list_get %l, %j : (!list<i64>, i64) -> i64
        %f = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
        scf.yield
      }) : i64
      scf.yield
    }) : i64
    func.return"#,
    ));
    assert_eq!(found, [("mem.list_get".to_string(), true), ("tensor.load".to_string(), true)]);
}

#[test]
fn running_twice_changes_nothing_more() {
    let text = function(
        r#"
    scf.for %zero, %rows, %one ({
    ^bb1(%i: i64):
      %e = tensor.load %t, %i : (!tensor<f64>, i64) -> f64
      scf.yield
    }) : i64
    func.return"#,
    );
    let mut module = common::parse(&text);
    BoundsCheckElim.run(&mut module).unwrap();
    let once = common::print_functions(&module);
    BoundsCheckElim.run(&mut module).unwrap();
    assert_eq!(once, common::print_functions(&module));
    assert!(once.contains("tensor.load %0, %10 {in_bounds = true}"), "{once}");
}
