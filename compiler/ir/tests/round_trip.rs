//! Print → parse → print is the identity, for every op of every registered dialect and
//! every kind of type and attribute. The corpus is `CORE` below (types and attributes) and
//! the valid IR files of `tests/ir/dialects/`, which together use every registered op.

#[path = "common/ir_files.rs"]
mod ir_files;
#[path = "common/test_dialect.rs"]
mod test_dialect;

use std::collections::BTreeSet;

use mlc_ir::{parse_module, print_module, verify, Registry};

use test_dialect::registry_with_test_dialect;

/// Core ops with every kind of type and attribute, in the canonical printed form.
const CORE: &str = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64, i64) -> i64, sym_name = "integers"} ({
  ^bb0(%0: i64, %1: i64):
    %2 = arith.constant {value = -3 : i64} : i64
    %3 = arith.addi %0, %1 : i64
    %4 = arith.subi %3, %2 : i64
    %5 = arith.muli %4, %4 : i64
    %6 = arith.divsi %5, %1 : i64
    %7 = arith.remsi %6, %1 : i64 loc("fib.ml":3:5)
    %8 = arith.cmpi %7, %0 {predicate = "slt"} : (i64, i64) -> i1
    %9 = arith.select %8, %7, %0 : (i1, i64, i64) -> i64
    %10 = arith.trunci %9 : (i64) -> i32
    %11 = arith.extsi %10 : (i32) -> i64
    %12 = arith.extui %10 : (i32) -> i64
    %13 = arith.index_cast %12 : (i64) -> index
    %14 = arith.index_cast %13 : (index) -> i64
    %15 = func.call %14, %11 {callee = @integers} : i64
    func.return %15 : i64
  })
  func.func {function_type = (f64, f32) -> f64, sym_name = "floats"} ({
  ^bb0(%0: f64, %1: f32):
    %2 = arith.constant {value = 1.5 : f64} : f64
    %3 = arith.addf %0, %2 : f64
    %4 = arith.subf %3, %2 : f64
    %5 = arith.mulf %4, %4 : f64
    %6 = arith.divf %5, %2 : f64
    %7 = arith.cmpf %6, %0 {predicate = "olt"} : (f64, f64) -> i1
    %8 = arith.extf %1 : (f32) -> f64
    %9 = arith.truncf %8 : (f64) -> f32
    %10 = arith.fptosi %9 : (f32) -> i64
    %11 = arith.fptoui %9 : (f32) -> u32
    %12 = arith.sitofp %10 : (i64) -> f64
    %13 = arith.uitofp %11 : (u32) -> f64
    %14 = arith.constant {value = 0x7FF8000000000000 : f64} : f64
    %15 = arith.constant {value = -0.0 : f32} : f32
    %16 = arith.constant {value = 1e100 : f64} : f64
    func.return %13 : f64
  })
  func.func {function_type = (i1, i8, i16, u8, u16, u64, f16, bf16, none, tuple<i64, f64>, (i64, f64) -> i64, !mem.ref<f32, ?x4>, !mem.ref<f64>, !mem.ref<f32, ?x?, strides ?x1>, !tensor<f32>, !py.object, !str, !list<i64>, !dict<!str, !list<f64>>, !struct<Point>) -> (), sym_name = "types"} ({
  ^bb0(%0: i1, %1: i8, %2: i16, %3: u8, %4: u16, %5: u64, %6: f16, %7: bf16, %8: none, %9: tuple<i64, f64>, %10: (i64, f64) -> i64, %11: !mem.ref<f32, ?x4>, %12: !mem.ref<f64>, %13: !mem.ref<f32, ?x?, strides ?x1>, %14: !tensor<f32>, %15: !py.object, %16: !str, %17: !list<i64>, %18: !dict<!str, !list<f64>>, %19: !struct<Point>):
    func.return
  })
  func.func {extra = {flag = true, list = [1 : i64, "a\"b\n\u{1}", @integers, @"clamp[i64]", @"\"", i32, [], {}]}, function_type = () -> ((i64) -> i64), sym_name = "declaration"} ({
  })
  func.func {function_type = (!rt.error, !tensor.space, !struct<"Pair[i64]">, !list<!struct<Vec3.Inner$1>>) -> (), sym_name = "more_types"} ({
  ^bb0(%0: !rt.error, %1: !tensor.space, %2: !struct<"Pair[i64]">, %3: !list<!struct<Vec3.Inner$1>>):
    func.return
  })
})
"#;

/// Successors with arguments, through the test dialect's branch ops.
const SUCCESSORS: &str = r#"builtin.module ({
^bb0:
  func.func {function_type = (i1, i64) -> i64, sym_name = "branches"} ({
  ^bb0(%0: i1, %1: i64):
    test.cond_br %0 [^bb1(%1: i64), ^bb2] : i1
  ^bb1(%2: i64):
    func.return %2 : i64
  ^bb2:
    test.br [^bb1(%1: i64)]
  })
})
"#;

fn check_round_trip(text: &str) {
    let registry = registry_with_test_dialect();
    let module = parse_module(text, &registry).unwrap_or_else(|error| panic!("{error}"));
    if let Err(errors) = verify(&module) {
        panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
    }
    let printed = print_module(&module);
    assert_eq!(printed, text, "print(parse(text)) differs from text");
    let reparsed = parse_module(&printed, &registry).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(print_module(&reparsed), printed, "print(parse(print)) differs");
}

#[test]
fn core_types_and_attributes_round_trip() {
    check_round_trip(CORE);
}

/// Each valid dialect file is in printed form (once its comments are dropped), verifies, and
/// its `CHECK` lines match the printed module, as `mlc-opt | filecheck` will check.
#[test]
fn every_dialect_file_round_trips_and_matches_its_checks() {
    let files = ir_files::valid_files();
    assert!(!files.is_empty(), "no files in {}", ir_files::directory().display());
    for file in files {
        let text = ir_files::without_comments(&file.text);
        let module = parse_module(&text, &Registry::with_all_dialects())
            .unwrap_or_else(|error| panic!("{}.ir: {error}", file.name));
        if let Err(errors) = verify(&module) {
            let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("{}.ir does not verify:\n{}", file.name, errors.join("\n"));
        }
        let printed = print_module(&module);
        assert_eq!(printed, text, "{}.ir is not in printed form", file.name);
        let checks = ir_files::checks(&file.text);
        assert!(!checks.is_empty(), "{}.ir has no CHECK lines", file.name);
        if let Some(pattern) = ir_files::unmatched_check(&printed, &checks) {
            panic!("{}.ir: `CHECK: {pattern}` does not match the printed module", file.name);
        }
    }
}

/// Names of the ops the corpus uses.
fn ops_in_corpus() -> BTreeSet<&'static str> {
    let registry = Registry::with_all_dialects();
    let mut texts = vec![CORE.to_string()];
    texts.extend(ir_files::valid_files().iter().map(|f| ir_files::without_comments(&f.text)));
    let mut names = BTreeSet::new();
    for text in texts {
        let module = parse_module(&text, &registry).expect("the corpus parses");
        module.walk(module.top(), &mut |op| {
            names.insert(module.ops[op].name());
        });
    }
    names
}

/// A new op can never go untested: the corpus must use every registered op.
#[test]
fn the_corpus_covers_every_registered_op() {
    let used = ops_in_corpus();
    let missing: Vec<&str> = Registry::with_all_dialects()
        .ops()
        .into_iter()
        .map(|op| op.name)
        .filter(|name| !used.contains(name))
        .collect();
    assert!(missing.is_empty(), "the round-trip corpus does not use: {}", missing.join(", "));
}

/// Each dialect has its two IR text files.
#[test]
fn every_dialect_has_its_ir_files() {
    let names: BTreeSet<String> = ir_files::files().into_iter().map(|f| f.name).collect();
    let dialects: BTreeSet<&str> = Registry::with_all_dialects()
        .ops()
        .into_iter()
        .map(|op| op.name.split_once('.').expect("dialect-qualified").0)
        .collect();
    for dialect in dialects {
        for name in [dialect.to_string(), format!("{dialect}-invalid")] {
            assert!(names.contains(&name), "tests/ir/dialects/{name}.ir is missing");
        }
    }
}

#[test]
fn successors_round_trip() {
    check_round_trip(SUCCESSORS);
}

#[test]
fn hand_written_text_is_renumbered_and_reprinted_canonically() {
    let text = r#"
        // Names are free in hand-written text, the entry header optional, `: () -> ()` allowed.
        builtin.module ({
          func.func {sym_name = "f", function_type = (i64) -> i64} ({
          ^entry(%n: i64):
            %two = arith.constant {value = 2 : i64} : () -> i64
            %sum = arith.addi %n, %two : (i64, i64) -> i64
            func.return %sum : (i64) -> ()
          })
        })
    "#;
    let module = parse_module(text, &registry_with_test_dialect()).unwrap();
    expect_test::expect![[r#"
        builtin.module ({
        ^bb0:
          func.func {function_type = (i64) -> i64, sym_name = "f"} ({
          ^bb0(%0: i64):
            %1 = arith.constant {value = 2 : i64} : i64
            %2 = arith.addi %0, %1 : i64
            func.return %2 : i64
          })
        })
    "#]]
    .assert_eq(&print_module(&module));
}
