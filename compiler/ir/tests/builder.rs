//! Building a function through the builder API, as lowering will.

use expect_test::expect;
use mlc_ir::dialect::{arith, func};
use mlc_ir::{print_module, verify, Builder, Location, Module, Type};

#[test]
fn fib_like_function() {
    // fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2), with `select` (no control flow yet).
    let mut module = Module::new();
    let (_, entry) = func::function(&mut module, "fib", &[Type::I64], &[Type::I64]);
    let n = module.blocks[entry].arguments[0];
    let mut builder = Builder::at_end(&mut module, entry);
    builder.set_location(Some(Location { file: "fib.ml".to_string(), line: 2, column: 5 }));
    let one = arith::constant_integer(&mut builder, 1, Type::I64);
    let two = arith::constant_integer(&mut builder, 2, Type::I64);
    let small = arith::compare(&mut builder, &arith::CMPI, "slt", n, two);
    let n_minus_one = arith::binary(&mut builder, &arith::SUBI, n, one);
    let first = func::call(&mut builder, "fib", &[n_minus_one], &[Type::I64])[0];
    let n_minus_two = arith::binary(&mut builder, &arith::SUBI, n, two);
    let second = func::call(&mut builder, "fib", &[n_minus_two], &[Type::I64])[0];
    let sum = arith::binary(&mut builder, &arith::ADDI, first, second);
    let result = arith::select(&mut builder, small, n, sum);
    builder.set_location(None);
    func::return_(&mut builder, &[result]);

    assert_eq!(verify(&module), Ok(()));
    expect![[r#"
        builtin.module ({
        ^bb0:
          func.func {function_type = (i64) -> i64, sym_name = "fib"} ({
          ^bb0(%0: i64):
            %1 = arith.constant {value = 1 : i64} : i64 loc("fib.ml":2:5)
            %2 = arith.constant {value = 2 : i64} : i64 loc("fib.ml":2:5)
            %3 = arith.cmpi %0, %2 {predicate = "slt"} : (i64, i64) -> i1 loc("fib.ml":2:5)
            %4 = arith.subi %0, %1 : i64 loc("fib.ml":2:5)
            %5 = func.call %4 {callee = @fib} : i64 loc("fib.ml":2:5)
            %6 = arith.subi %0, %2 : i64 loc("fib.ml":2:5)
            %7 = func.call %6 {callee = @fib} : i64 loc("fib.ml":2:5)
            %8 = arith.addi %5, %7 : i64 loc("fib.ml":2:5)
            %9 = arith.select %3, %0, %8 : (i1, i64, i64) -> i64 loc("fib.ml":2:5)
            func.return %9 : i64
          })
        })
    "#]]
    .assert_eq(&print_module(&module));
}

#[test]
fn rewrites_replace_uses_move_and_erase() {
    let mut module = Module::new();
    let (_, entry) = func::function(&mut module, "f", &[Type::I64], &[Type::I64]);
    let x = module.blocks[entry].arguments[0];
    let mut builder = Builder::at_end(&mut module, entry);
    let doubled = arith::binary(&mut builder, &arith::ADDI, x, x);
    let squared = arith::binary(&mut builder, &arith::MULI, x, x);
    let ret = func::return_(&mut builder, &[doubled]);
    let squared_op = match module.values[squared].definition {
        mlc_ir::ValueDefinition::OpResult { op, .. } => op,
        _ => unreachable!(),
    };
    let doubled_op = module.ops[module.blocks[entry].ops[0]].results[0];
    assert_eq!(doubled_op, doubled);
    // Return x * x instead, move the multiplication first, erase the dead addition.
    module.replace_all_uses(doubled, squared);
    let first = module.blocks[entry].ops[0];
    module.insert_before(first, squared_op);
    module.erase_op(first);
    assert_eq!(module.blocks[entry].ops, vec![squared_op, ret]);
    assert_eq!(verify(&module), Ok(()));
    expect![[r#"
        builtin.module ({
        ^bb0:
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%0: i64):
            %1 = arith.muli %0, %0 : i64
            func.return %1 : i64
          })
        })
    "#]]
    .assert_eq(&print_module(&module));
}
