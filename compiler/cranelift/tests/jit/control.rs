//! Control flow: loops with block arguments, recursion, branches back to the entry block,
//! unreachable blocks, and the errors for what is not in the low form.

use crate::common::{compile_both, get, module, try_compile};

const FIB: &str = r#"
  func.func {function_type = (i64) -> i64, sym_name = "fib"} ({
  ^bb0(%n: i64):
    %two = arith.constant {value = 2 : i64} : i64
    %small = arith.cmpi %n, %two {predicate = "slt"} : (i64, i64) -> i1
    cf.cond_br %small [^base, ^recurse] : i1
  ^base:
    func.return %n : i64
  ^recurse:
    %one = arith.constant {value = 1 : i64} : i64
    %n1 = arith.subi %n, %one : i64
    %n2 = arith.subi %n, %two : i64
    %a = func.call %n1 {callee = @fib} : (i64) -> i64
    %b = func.call %n2 {callee = @fib} : (i64) -> i64
    %r = arith.addi %a, %b : i64
    func.return %r : i64
  })
  func.func {function_type = (i64) -> i64, sym_name = "fib_iter"} ({
  ^bb0(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    cf.br [^loop(%zero: i64, %one: i64, %zero: i64)]
  ^loop(%a: i64, %b: i64, %i: i64):
    %done = arith.cmpi %i, %n {predicate = "sge"} : (i64, i64) -> i1
    cf.cond_br %done [^exit(%a: i64), ^body] : i1
  ^body:
    %next = arith.addi %a, %b : i64
    %i1 = arith.addi %i, %one : i64
    cf.br [^loop(%b: i64, %next: i64, %i1: i64)]
  ^exit(%r: i64):
    func.return %r : i64
  })
  // Sum of 0..n in f64 and i64 at once: the loop carries a tuple.
  func.func {function_type = (i64) -> tuple<i64, f64>, sym_name = "sums"} ({
  ^bb0(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %fzero = arith.constant {value = 0.0 : f64} : f64
    %init = agg.make %zero, %fzero : (i64, f64) -> tuple<i64, f64>
    cf.br [^loop(%zero: i64, %init: tuple<i64, f64>)]
  ^loop(%i: i64, %acc: tuple<i64, f64>):
    %more = arith.cmpi %i, %n {predicate = "slt"} : (i64, i64) -> i1
    cf.cond_br %more [^body, ^exit] : i1
  ^body:
    %s = agg.extract %acc {index = 0 : i64} : (tuple<i64, f64>) -> i64
    %f = agg.extract %acc {index = 1 : i64} : (tuple<i64, f64>) -> f64
    %s1 = arith.addi %s, %i : i64
    %fi = arith.sitofp %i : (i64) -> f64
    %f1 = arith.addf %f, %fi : f64
    %acc1 = agg.make %s1, %f1 : (i64, f64) -> tuple<i64, f64>
    %i1 = arith.addi %i, %one : i64
    cf.br [^loop(%i1: i64, %acc1: tuple<i64, f64>)]
  ^exit:
    func.return %acc : tuple<i64, f64>
  })
  func.func {function_type = (i64) -> f64, sym_name = "sum_check"} ({
  ^bb0(%n: i64):
    %t = func.call %n {callee = @sums} : (i64) -> tuple<i64, f64>
    %s = agg.extract %t {index = 0 : i64} : (tuple<i64, f64>) -> i64
    %f = agg.extract %t {index = 1 : i64} : (tuple<i64, f64>) -> f64
    %sf = arith.sitofp %s : (i64) -> f64
    %r = arith.subf %sf, %f : f64
    %r2 = arith.addf %r, %f : f64
    func.return %r2 : f64
  })
"#;

#[test]
fn loops_and_recursion() {
    for program in compile_both(&module(FIB)) {
        let fib: extern "C" fn(i64) -> i64 = unsafe { get(&program, "fib") };
        let fib_iter: extern "C" fn(i64) -> i64 = unsafe { get(&program, "fib_iter") };
        let expected = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55];
        for (n, &want) in expected.iter().enumerate() {
            assert_eq!(fib(n as i64), want);
            assert_eq!(fib_iter(n as i64), want);
        }
        assert_eq!(fib(25), 75025);
        assert_eq!(fib_iter(90), 2880067194370816120);
        let sum_check: extern "C" fn(i64) -> f64 = unsafe { get(&program, "sum_check") };
        assert_eq!(sum_check(1000), 499500.0);
        assert_eq!(sum_check(0), 0.0);
    }
}

#[test]
fn branch_back_to_the_entry_and_unreachable_blocks() {
    let text = module(
        r#"
  func.func {function_type = (i64, i64) -> i64, sym_name = "gcd"} ({
  ^bb0(%a: i64, %b: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %done = arith.cmpi %b, %zero {predicate = "eq"} : (i64, i64) -> i1
    cf.cond_br %done [^exit, ^step] : i1
  ^step:
    %r = arith.remsi %a, %b : i64
    cf.br [^bb0(%b: i64, %r: i64)]
  ^exit:
    func.return %a : i64
  ^dead(%x: i64):
    %y = arith.addi %x, %x : i64
    cf.br [^dead(%y: i64)]
  })
  func.func {function_type = (i1) -> i64, sym_name = "never_false"} ({
  ^bb0(%c: i1):
    cf.cond_br %c [^yes, ^no] : i1
  ^yes:
    %one = arith.constant {value = 1 : i64} : i64
    func.return %one : i64
  ^no:
    cf.unreachable
  })
"#,
    );
    for program in compile_both(&text) {
        let gcd: extern "C" fn(i64, i64) -> i64 = unsafe { get(&program, "gcd") };
        assert_eq!(gcd(48, 18), 6);
        assert_eq!(gcd(17, 5), 1);
        let never_false: extern "C" fn(bool) -> i64 = unsafe { get(&program, "never_false") };
        assert_eq!(never_false(true), 1);
    }
}

#[test]
fn an_op_not_in_the_low_form_is_an_error() {
    let text = module(
        r#"
  func.func {function_type = (i64) -> i64, sym_name = "count"} ({
  ^bb0(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %r = scf.for %zero, %n, %one, %zero ({
    ^bb1(%i: i64, %acc: i64):
      %next = arith.addi %acc, %i : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64 loc("count.ml":2:5)
    func.return %r : i64
  })
"#,
    );
    let error = try_compile(&text).err().expect("scf.for must be refused");
    assert_eq!(
        error.message,
        "count.ml:2:5: `scf.for` in @count: not in the low form: the Cranelift back end cannot \
         translate it"
    );

    let floor = module(&crate::common::binary_function("f", "arith.floordivsi", "", "i64", "i64"));
    let error = try_compile(&floor).err().expect("floordivsi must be refused");
    assert!(error.message.contains("`arith.floordivsi` in @f"), "{}", error.message);

    let checked = module(&crate::common::binary_function(
        "f",
        "arith.addi",
        "{checked = true}",
        "i64",
        "i64",
    ));
    let error = try_compile(&checked).err().expect("checked arithmetic must be refused");
    assert!(error.message.contains("checked"), "{}", error.message);

    let top = module(
        r#"
  gpu.func {function_type = () -> (), sym_name = "k"} ({
  ^bb0:
    func.return
  })
"#,
    );
    let error = try_compile(&top).err().expect("gpu.func must be refused");
    assert!(error.message.contains("`gpu.func`"), "{}", error.message);
}
