//! Verifier and parser failures, each with its exact message.

#[path = "common/test_dialect.rs"]
mod test_dialect;

use expect_test::{expect, Expect};
use mlc_ir::dialect::{arith, func};
use mlc_ir::{parse_module, verify, Builder, Module, OpState, Type};

use test_dialect::registry_with_test_dialect;

/// Parses `text` and renders the verifier's errors, one per line (or the parse error).
fn check(text: &str, expected: Expect) {
    let actual = match parse_module(text, &registry_with_test_dialect()) {
        Err(error) => format!("parse error: {error}\n"),
        Ok(module) => render(&module),
    };
    expected.assert_eq(&actual);
}

fn render(module: &Module) -> String {
    match verify(module) {
        Ok(()) => "ok\n".to_string(),
        Err(errors) => errors.iter().map(|e| format!("{e}\n")).collect(),
    }
}

#[test]
fn valid_function() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%0: i64):
            func.return %0 : i64
          })
        })"#,
        expect![[r#"
            ok
        "#]],
    );
}

#[test]
fn use_of_undefined_value_in_text() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%0: i64):
            %1 = arith.addi %0, %9 : i64
            func.return %1 : i64
          })
        })"#,
        expect![[r#"
            parse error: 4:33: use of undefined value %9
        "#]],
    );
}

#[test]
fn use_of_a_value_whose_op_was_erased() {
    let mut module = Module::new();
    let (_, entry) = func::function(&mut module, "f", &[Type::I64], &[Type::I64]);
    let argument = module.blocks[entry].arguments[0];
    let mut builder = Builder::at_end(&mut module, entry);
    let sum = arith::binary(&mut builder, &arith::ADDI, argument, argument);
    func::return_(&mut builder, &[sum]);
    let ValueDefinitionOp(op) = defining_op(&module, sum);
    module.erase_op(op);
    expect![[r#"
        `func.return`: use of undefined value: operand 0 was defined by an erased `arith.addi`
    "#]]
    .assert_eq(&render(&module));
}

struct ValueDefinitionOp(mlc_ir::OpId);

fn defining_op(module: &Module, value: mlc_ir::ValueId) -> ValueDefinitionOp {
    match module.values[value].definition {
        mlc_ir::ValueDefinition::OpResult { op, .. } => ValueDefinitionOp(op),
        other => panic!("not an op result: {other:?}"),
    }
}

#[test]
fn missing_terminator() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%0: i64):
            %1 = arith.addi %0, %0 : i64
          }) loc("f.ml":1:1)
        })"#,
        expect![[r#"
            f.ml:1:1: `func.func`: block 0 of region 0 does not end with a terminator
        "#]],
    );
}

#[test]
fn terminator_in_the_middle_of_a_block() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%0: i64):
            func.return %0 : i64 loc("f.ml":2:5)
            func.return %0 : i64
          })
        })"#,
        expect![[r#"
            f.ml:2:5: `func.return`: a terminator must be the last op of its block
        "#]],
    );
}

#[test]
fn type_mismatch_in_addi() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64, i32) -> i64, sym_name = "f"} ({
          ^bb0(%0: i64, %1: i32):
            %2 = arith.addi %0, %1 : (i64, i32) -> i64 loc("f.ml":3:9)
            func.return %2 : i64
          })
        })"#,
        expect![[r#"
            f.ml:3:9: `arith.addi`: type mismatch: operands i64 and i32 and result i64 must have one type
        "#]],
    );
}

#[test]
fn return_type_and_call_mismatches() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> f64, sym_name = "f"} ({
          ^bb0(%0: i64):
            %1 = func.call %0 {callee = @f} : i64
            %2 = func.call %0 {callee = @missing} : i64
            func.return %1 : i64
          })
        })"#,
        expect![[r#"
            `func.call`: type mismatch in call to @f: expected (i64) -> f64
            `func.call`: calls undefined function @missing
            `func.return`: returns (i64) but the function returns (f64)
        "#]],
    );
}

#[test]
fn dominance_violation_across_blocks() {
    // ^bb1 and ^bb2 are both reached from ^bb0: neither dominates the other.
    check(
        r#"builtin.module ({
          func.func {function_type = (i1, i64) -> i64, sym_name = "f"} ({
          ^bb0(%c: i1, %x: i64):
            test.cond_br %c [^bb1, ^bb2] : i1
          ^bb1:
            %y = arith.addi %x, %x : i64
            test.br [^bb2]
          ^bb2:
            func.return %y : i64 loc("f.ml":7:13)
          })
        })"#,
        expect![[r#"
            f.ml:7:13: `func.return`: dominance violation: operand 0, defined by `arith.addi`, does not dominate this use
        "#]],
    );
}

#[test]
fn a_dominating_block_may_be_listed_after_its_use() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%x: i64):
            test.br [^bb2]
          ^bb1:
            func.return %y : i64
          ^bb2:
            %y = arith.addi %x, %x : i64
            test.br [^bb1]
          })
        })"#,
        expect![[r#"
            ok
        "#]],
    );
}

#[test]
fn use_before_definition_in_one_block() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%x: i64):
            %a = arith.addi %b, %x : i64
            %b = arith.addi %x, %x : i64
            func.return %a : i64
          })
        })"#,
        expect![[r#"
            `arith.addi`: dominance violation: operand 0, defined by `arith.addi`, does not dominate this use
        "#]],
    );
}

#[test]
fn bad_predicate_and_constant_type() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i1, sym_name = "f"} ({
          ^bb0(%x: i64):
            %c = arith.constant {value = 1.0 : f64} : i64
            %b = arith.cmpi %x, %c {predicate = "less"} : (i64, i64) -> i1
            func.return %b : i1
          })
        })"#,
        expect![[r#"
            `arith.constant`: `value` 1.0 : f64 does not have the result type i64
            `arith.cmpi`: unknown predicate "less", expected one of eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge
        "#]],
    );
}

#[test]
fn parse_errors_carry_line_and_column() {
    check(
        "builtin.module ({\n  %0 = arith.frobnicate : i64\n})",
        expect![[r#"
            parse error: 2:8: unknown op `arith.frobnicate`
        "#]],
    );
    check(
        "builtin.module ({\n  %0 = arith.constant {value = 1 : i7} : i64\n})",
        expect![[r#"
            parse error: 2:36: unknown type `i7`
        "#]],
    );
}

#[test]
fn nested_regions_see_enclosing_values_but_not_the_reverse() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%x: i64):
            test.scope ({
              %inner = arith.addi %x, %x : i64
              test.br [^bb1]
            })
            func.return %inner : i64
          ^bb1:
            func.return %x : i64
          })
        })"#,
        expect![[r#"
            `test.br`: successor 0 is not a block of the same region
            `func.return`: operand 0 is not defined in an enclosing region
        "#]],
    );
}

#[test]
fn an_op_cannot_use_its_own_result_in_its_region() {
    check(
        r#"builtin.module ({
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%x: i64):
            %r = test.scope ({
              %y = arith.addi %r, %x : i64
              test.br [^bb1]
            ^bb1:
              test.br [^bb1]
            }) : i64
            func.return %r : i64
          })
        })"#,
        expect![[r#"
            `arith.addi`: dominance violation: operand 0, defined by `test.scope`, does not dominate this use
        "#]],
    );
}

#[test]
fn a_value_of_another_function_is_not_visible() {
    let mut module = Module::new();
    let (_, f_entry) = func::function(&mut module, "f", &[Type::I64], &[Type::I64]);
    let x = module.blocks[f_entry].arguments[0];
    func::return_(&mut Builder::at_end(&mut module, f_entry), &[x]);
    let (_, g_entry) = func::function(&mut module, "g", &[], &[Type::I64]);
    func::return_(&mut Builder::at_end(&mut module, g_entry), &[x]);
    expect![[r#"
        `func.return`: operand 0 is not defined in an enclosing region
    "#]]
    .assert_eq(&render(&module));
}

#[test]
fn functions_are_isolated_from_above() {
    // A value of the module's body (from a test op) used inside a function.
    let mut module = Module::new();
    let region = module.create_region();
    let block = module.append_block(region, &[]);
    let body = module.body();
    let mut builder = Builder::at_end(&mut module, body);
    let outer = builder
        .append_value(OpState::new(&test_dialect::SCOPE).region(region).results(&[Type::I64]));
    builder.set_block(block);
    builder.append(OpState::new(&test_dialect::BR).successor(block, &[]));
    let (_, entry) = func::function(&mut module, "f", &[], &[Type::I64]);
    func::return_(&mut Builder::at_end(&mut module, entry), &[outer]);
    expect![[r#"
        `func.return`: operand 0 is defined outside the enclosing `func.func`, which is isolated from above
    "#]]
    .assert_eq(&render(&module));
}

#[test]
fn more_parse_errors() {
    check(
        "builtin.module ({\n  %0 = arith.constant {value = 1 : i64} : i64\n  %0 = arith.constant {value = 1 : i64} : i64\n})",
        expect![[r#"
            parse error: 3:3: redefinition of %0
        "#]],
    );
    check(
        "builtin.module ({\n  test.br [^nowhere]\n})",
        expect![[r#"
            parse error: 2:12: use of undefined block ^nowhere
        "#]],
    );
    check(
        "builtin.module ({\n  func.return %0\n})",
        expect![[r#"
            parse error: 3:1: expected `:` and the op's types
        "#]],
    );
    check(
        "builtin.module ({\n  %0 = arith.constant {value = \"x} : i64\n})",
        expect![[r#"
            parse error: 2:32: unterminated string
        "#]],
    );
    check(
        "builtin.module ({\n  %0 = arith.addi %1, %1 : (i64) -> i64\n})",
        expect![[r#"
            parse error: 2:27: the signature has 1 operand and 1 result types for 2 operands and 1 results
        "#]],
    );
}
