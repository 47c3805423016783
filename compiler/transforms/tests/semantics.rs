//! Differential tests: every pass, and the pipelines, leave what each function
//! computes unchanged. Each function of every IR test input (`tests/ir/**/*.ir`) and of
//! the programs below whose parameters are numbers runs in the interpreter of
//! `common/interpret.rs` on sample arguments, before and after; results, panics and traps
//! must agree.

#[path = "common/check.rs"]
mod common;
#[path = "common/interpret.rs"]
mod interpret;

use std::path::{Path, PathBuf};

use interpret::{run, sample_arguments, Outcome};
use mlc_ir::dialect::func;
use mlc_ir::{parse_module, verify, Module, Registry};
use mlc_transforms::{all_passes, pipeline};

/// Programs with the control flow the passes rewrite most: loops of every kind with
/// `break`, `continue` and `return` inside `scf.if`s, steps of both signs and unknown sign,
/// calls to inline, values to fold and share.
const PROGRAMS: &str = r#"builtin.module ({
  func.func {function_type = (i64, i64) -> i64, sym_name = "search"} ({
  ^entry(%n: i64, %step: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %three = arith.constant {value = 3 : i64} : i64
    %limit = arith.constant {value = 40 : i64} : i64
    %is_zero = arith.cmpi %step, %zero {predicate = "eq"} : (i64, i64) -> i1
    rt.panic_if %is_zero {message = "zero step"} : i1
    %total = scf.for %n, %zero, %step, %zero ({
    ^body(%i: i64, %acc: i64):
      %big = arith.cmpi %acc, %limit {predicate = "sgt"} : (i64, i64) -> i1
      scf.if %big ({
        scf.break %acc : i64
      }, {
        scf.yield
      }) : (i1) -> ()
      %remainder = arith.floorremsi %i, %three : i64
      %skip = arith.cmpi %remainder, %zero {predicate = "eq"} : (i64, i64) -> i1
      scf.if %skip ({
        %negative = arith.cmpi %i, %zero {predicate = "slt"} : (i64, i64) -> i1
        scf.if %negative ({
          %minus = arith.subi %zero, %i : i64
          func.return %minus : i64
        }, {
          scf.continue %acc : i64
        }) : (i1) -> ()
        scf.yield
      }, {
        scf.yield
      }) : (i1) -> ()
      %square = arith.muli %i, %i : i64
      %next = arith.addi %acc, %square : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %total : i64
  })
  func.func {function_type = (i64, i64) -> (i64, i64), sym_name = "collatz"} ({
  ^entry(%start: i64, %cap: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %two = arith.constant {value = 2 : i64} : i64
    %three = arith.constant {value = 3 : i64} : i64
    %positive = arith.maxsi %start, %one : i64
    %value, %steps = scf.while %positive, %zero ({
    ^before(%v: i64, %s: i64):
      %going = arith.cmpi %v, %one {predicate = "ne"} : (i64, i64) -> i1
      scf.condition %going, %v, %s : (i1, i64, i64) -> ()
    }, {
    ^after(%w: i64, %t: i64):
      %tired = arith.cmpi %t, %cap {predicate = "sge"} : (i64, i64) -> i1
      scf.if %tired ({
        scf.break %w, %t : (i64, i64) -> ()
      }, {
        scf.yield
      }) : (i1) -> ()
      %odd = arith.remsi %w, %two : i64
      %is_odd = arith.cmpi %odd, %one {predicate = "eq"} : (i64, i64) -> i1
      %next = scf.if %is_odd ({
        %tripled = arith.muli %w, %three : i64
        %up = arith.addi %tripled, %one : i64
        scf.yield %up : i64
      }, {
        %down = arith.divsi %w, %two : i64
        scf.yield %down : i64
      }) : (i1) -> i64
      %counted = arith.addi %t, %one : i64
      scf.yield %next, %counted : (i64, i64) -> ()
    }) : (i64, i64) -> (i64, i64)
    func.return %value, %steps : (i64, i64) -> ()
  })
  func.func {function_type = (i8, i8) -> i8, sym_name = "wrapping"} ({
  ^entry(%x: i8, %y: i8):
    %hundred = arith.constant {value = 100 : i8} : i8
    %forty = arith.constant {value = 40 : i8} : i8
    %sum = arith.addi %hundred, %forty : i8
    %mixed = arith.muli %x, %sum : i8
    %same = arith.muli %x, %sum : i8
    %both = arith.subi %mixed, %same : i8
    %r = arith.addi %both, %y : i8
    func.return %r : i8
  })
  func.func {function_type = (i64) -> i64, sym_name = "helper"} ({
  ^entry(%x: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %negative = arith.cmpi %x, %zero {predicate = "slt"} : (i64, i64) -> i1
    %r = scf.if %negative ({
      %minus = arith.subi %zero, %x : i64
      scf.yield %minus : i64
    }, {
      scf.yield %x : i64
    }) : (i1) -> i64
    func.return %r : i64
  })
  func.func {function_type = (i64, i64) -> i64, sym_name = "nested"} ({
  ^entry(%n: i64, %m: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %minus_one = arith.constant {value = -1 : i64} : i64
    %outer = scf.for %zero, %n, %one, %zero ({
    ^i(%i: i64, %acc: i64):
      %inner = scf.for %m, %zero, %minus_one, %acc ({
      ^j(%j: i64, %acc2: i64):
        %invariant = arith.muli %n, %m : i64
        %absolute = func.call %j {callee = @helper} : i64
        %term = arith.addi %absolute, %invariant : i64
        %same_pair = arith.cmpi %i, %j {predicate = "eq"} : (i64, i64) -> i1
        scf.if %same_pair ({
          scf.break %acc2 : i64
        }, {
          scf.yield
        }) : (i1) -> ()
        %next = arith.addi %acc2, %term : i64
        scf.yield %next : i64
      }) : (i64, i64, i64, i64) -> i64
      scf.yield %inner : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %outer : i64
  })
  func.func {function_type = (i64, i64) -> i64, sym_name = "guarded"} ({
  ^entry(%n: i64, %bad: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %five = arith.constant {value = 5 : i64} : i64
    %total = scf.for %zero, %n, %one, %zero ({
    ^body(%i: i64, %acc: i64):
      rt.try ({
        %is_bad = arith.cmpi %i, %bad {predicate = "eq"} : (i64, i64) -> i1
        scf.if %is_bad ({
          %text = rt.string {value = "bad"} : () -> !str
          %error = rt.error %text : (!str) -> !rt.error
          rt.raise %error : !rt.error
        }, {
          scf.yield
        }) : (i1) -> ()
        %enough = arith.cmpi %acc, %five {predicate = "sgt"} : (i64, i64) -> i1
        scf.if %enough ({
          %doubled = arith.addi %acc, %acc : i64
          scf.break %doubled : i64
        }, {
          scf.yield
        }) : (i1) -> ()
        scf.yield
      }, {
      ^handler(%e: !rt.error):
        %penalty = arith.subi %acc, %one : i64
        scf.continue %penalty : i64
      })
      %next = arith.addi %acc, %i : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64
    func.return %total : i64
  })
  func.func {function_type = (i1, i64) -> i64, sym_name = "slots"} ({
  ^entry(%c: i1, %x: i64):
    %slot = mem.alloca : () -> !mem.ref<i64>
    mem.store %x, %slot : (i64, !mem.ref<i64>) -> ()
    scf.if %c ({
      %v = mem.load %slot : (!mem.ref<i64>) -> i64
      %w = arith.addi %v, %v {checked = true} : i64
      mem.store %w, %slot : (i64, !mem.ref<i64>) -> ()
      scf.yield
    }, {
    }) : (i1) -> ()
    %r = mem.load %slot : (!mem.ref<i64>) -> i64
    func.return %r : i64
  })
})
"#;

fn ir_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ir_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "ir") {
            files.push(path);
        }
    }
}

fn inputs() -> Vec<(String, Module)> {
    let registry = Registry::with_all_dialects();
    let mut texts = vec![("the programs of semantics.rs".to_string(), PROGRAMS.to_string())];
    let mut files = Vec::new();
    ir_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/ir"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable test file");
        for (index, part) in text.split("\n// -----\n").enumerate() {
            texts.push((format!("{} part {index}", file.display()), part.to_string()));
        }
    }
    texts
        .into_iter()
        .filter_map(|(name, text)| {
            let module = parse_module(&text, &registry).ok()?;
            verify(&module).is_ok().then_some((name, module))
        })
        .collect()
}

/// Each function's name and its outcomes on its sample arguments, for the functions the
/// interpreter supports on some of them (an argument list it does not support, say one
/// that meets a conversion out of range, is not compared).
fn outcomes(module: &Module) -> Vec<(String, Vec<Outcome>)> {
    let mut all = Vec::new();
    for &function in &module.blocks[module.body()].ops {
        if module.ops[function].name() != "func.func" {
            continue;
        }
        let Some(name) = func::name(module, function) else { continue };
        let Ok((inputs, _)) = func::signature(module, function) else { continue };
        let Some(arguments) = sample_arguments(inputs, 40) else { continue };
        let results: Vec<Outcome> =
            arguments.iter().map(|arguments| run(module, name, arguments)).collect();
        if results.iter().any(|outcome| !matches!(outcome, Outcome::Unsupported(_))) {
            all.push((name.to_string(), results));
        }
    }
    all
}

fn assert_same_outcomes(name: &str, what: &str, before: &[(String, Vec<Outcome>)], after: &Module) {
    for (function, expected) in before {
        let Some(handle) = func::lookup(after, function) else {
            panic!("{name}: {what} removed @{function}");
        };
        let (inputs, _) = func::signature(after, handle).expect("a signature");
        let arguments = sample_arguments(inputs, 40).expect("sample arguments");
        for (arguments, expected) in arguments.iter().zip(expected) {
            if matches!(expected, Outcome::Unsupported(_) | Outcome::TooLong | Outcome::TooDeep) {
                continue;
            }
            let found = run(after, function, arguments);
            if matches!(found, Outcome::TooLong | Outcome::TooDeep) {
                continue;
            }
            assert_eq!(
                &found, expected,
                "{name}: @{function}{arguments:?} computes something else after {what}"
            );
        }
    }
}

#[test]
fn the_programs_are_interpreted() {
    let registry = Registry::with_all_dialects();
    let module = parse_module(PROGRAMS, &registry).expect("the programs parse");
    common::assert_verifies(&module, "the programs");
    let functions: Vec<String> = outcomes(&module).into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        functions,
        ["search", "collatz", "wrapping", "helper", "nested", "guarded", "slots"]
    );
}

#[test]
fn every_pass_keeps_what_functions_compute() {
    for (name, input) in inputs() {
        let before = outcomes(&input);
        if before.is_empty() {
            continue;
        }
        for pass in all_passes() {
            let mut module = input.clone();
            pass.run(&mut module).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_same_outcomes(&name, pass.name(), &before, &module);
        }
        let mut lowered = input.clone();
        common::run(&mut lowered, &["scf-to-cf"]);
        for pass in all_passes() {
            let mut module = lowered.clone();
            pass.run(&mut module).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_same_outcomes(&name, &format!("scf-to-cf, {}", pass.name()), &before, &module);
        }
        let mut module = input.clone();
        for pass in pipeline("default").expect("the default pipeline") {
            pass.run(&mut module).unwrap_or_else(|error| panic!("{name}: {error}"));
        }
        assert_same_outcomes(&name, "the default pipeline", &before, &module);
        // `optimize` starts by making checked arithmetic wrap, which changes what an
        // overflowing function does: it keeps what the wrapping function computes.
        let mut wrapping = input.clone();
        common::run(&mut wrapping, &["drop-overflow-checks"]);
        let wrapping_before = outcomes(&wrapping);
        let mut module = input.clone();
        for pass in pipeline("optimize").expect("the optimize pipeline") {
            pass.run(&mut module).unwrap_or_else(|error| panic!("{name}: {error}"));
        }
        assert_same_outcomes(&name, "the optimize pipeline", &wrapping_before, &module);
    }
}
