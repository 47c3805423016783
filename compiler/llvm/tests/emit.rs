//! What `compile` emits: LLVM IR text (symbols, conventions, constants), assembly, objects
//! at every level and for a named CPU, line tables with `debug_info`, and errors naming the
//! op that is not part of the low form.

mod common;

use common::{c_program, emit, options, parse, run_with_driver};
use mlc_llvm::{compile, Emit, LlvmOptions, OptLevel};

const PROGRAM: &str = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64) -> i64, sym_name = "fib"} ({
  ^bb0(%n: i64):
    %two = arith.constant {value = 2 : i64} : i64 loc("fib.ml":2:8)
    %small = arith.cmpi %n, %two {predicate = "slt"} : (i64, i64) -> i1 loc("fib.ml":2:8)
    cf.cond_br %small [^bb1, ^bb2] : i1 loc("fib.ml":2:5)
  ^bb1:
    func.return %n : i64 loc("fib.ml":3:9)
  ^bb2:
    %one = arith.constant {value = 1 : i64} : i64 loc("fib.ml":4:20)
    %n1 = arith.subi %n, %one : i64 loc("fib.ml":4:16)
    %n2 = arith.subi %n, %two : i64 loc("fib.ml":4:30)
    %f1 = func.call %n1 {callee = @fib} : (i64) -> i64 loc("fib.ml":4:12)
    %f2 = func.call %n2 {callee = @fib} : (i64) -> i64 loc("fib.ml":4:26)
    %sum = arith.addi %f1, %f2 : i64 loc("fib.ml":4:12)
    func.return %sum : i64 loc("fib.ml":4:5)
  }) loc("fib.ml":1:1)
  func.func {export = "run_fib", function_type = (i64) -> i64, sym_name = "main"} ({
  ^bb0(%n: i64):
    %s = ll.cstring {value = "fib"} : !ll.ptr loc("fib.ml":7:5)
    %r = func.call %n {callee = @fib} : (i64) -> i64 loc("other.ml":8:12)
    ll.call %s, %r {callee = "report"} : (!ll.ptr, i64) -> () loc("fib.ml":9:5)
    func.return %r : i64
  }) loc("fib.ml":6:1)
})
"#;

fn text(level: OptLevel, what: Emit) -> String {
    String::from_utf8(emit(PROGRAM, &options(level), what).unwrap()).unwrap()
}

#[test]
fn llvm_ir_names_symbols_and_conventions() {
    let ir = text(OptLevel::O0, Emit::LlvmIr);
    assert!(ir.contains("define internal fastcc i64 @mlc.fib(i64 %0)"), "{ir}");
    assert!(ir.contains("define i64 @run_fib(i64 %0)"), "{ir}");
    assert!(ir.contains("call fastcc i64 @mlc.fib("), "{ir}");
    assert!(ir.contains("@.str.0 = private unnamed_addr constant [4 x i8] c\"fib\\00\""), "{ir}");
    assert!(ir.contains("declare void @report(ptr, i64)"), "{ir}");
    assert!(ir.contains("target triple = \"x86_64"), "{ir}");
    // Optimized, the recursion stays but the module is still one internal function and
    // the exported one.
    let optimized = text(OptLevel::O2, Emit::LlvmIr);
    assert!(optimized.contains("@run_fib("), "{optimized}");
    assert!(!optimized.contains("@main("), "{optimized}");
}

#[test]
fn assembly_for_the_host() {
    let assembly = text(OptLevel::O2, Emit::Assembly);
    assert!(assembly.contains(".text"), "{assembly}");
    assert!(assembly.contains("run_fib:"), "{assembly}");
    assert!(assembly.contains("call") && assembly.contains("report"), "{assembly}");
}

#[test]
fn every_level_and_a_named_cpu_give_the_same_results() {
    let driver = c_program(
        "int64_t run_fib(int64_t);\nvoid report(const char *what, int64_t value) { printf(\"%s=%lld \", what, (long long)value); }",
        "  printf(\"%lld\\n\", (long long)run_fib(20));",
    );
    for level in [OptLevel::O0, OptLevel::O1, OptLevel::O2, OptLevel::O3] {
        assert_eq!(run_with_driver("levels", PROGRAM, &driver, level), "fib=6765 6765\n");
    }
    // A baseline CPU: no host features assumed.
    let baseline = LlvmOptions { target_cpu: Some("x86-64".to_string()), ..options(OptLevel::O2) };
    let object = compile(&parse(PROGRAM), &baseline, Emit::Object).unwrap();
    assert_eq!(&object[..4], b"\x7fELF");
}

#[test]
fn debug_info_gives_line_tables() {
    let with = LlvmOptions { debug_info: true, ..options(OptLevel::O0) };
    let object = compile(&parse(PROGRAM), &with, Emit::Object).unwrap();
    assert!(contains(&object, b".debug_line"), "no .debug_line section");
    let without = emit(PROGRAM, &options(OptLevel::O0), Emit::Object).unwrap();
    assert!(!contains(&without, b".debug_line"));
    // Optimized code keeps its line tables too, and the IR shows the subprograms and the
    // op locations, another file's through a lexical block.
    let optimized = LlvmOptions { debug_info: true, ..options(OptLevel::O2) };
    let object = compile(&parse(PROGRAM), &optimized, Emit::Object).unwrap();
    assert!(contains(&object, b".debug_line"));
    let ir = String::from_utf8(compile(&parse(PROGRAM), &with, Emit::LlvmIr).unwrap()).unwrap();
    assert!(ir.contains("!DICompileUnit("), "{ir}");
    assert!(ir.contains("distinct !DISubprogram(name: \"fib\", linkageName: \"mlc.fib\""), "{ir}");
    assert!(ir.contains("!DILocation(line: 4, column: 16"), "{ir}");
    assert!(ir.contains("!DILexicalBlock(") && ir.contains("filename: \"other.ml\""), "{ir}");
    assert!(ir.contains("emissionKind: LineTablesOnly"), "{ir}");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn an_op_outside_the_low_form_is_an_error_naming_it() {
    let module = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64) -> i64, sym_name = "loop"} ({
  ^bb0(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %r = scf.for %zero, %n, %one, %zero ({
    ^body(%i: i64, %acc: i64):
      %next = arith.addi %acc, %i : i64
      scf.yield %next : i64
    }) : (i64, i64, i64, i64) -> i64 loc("loop.ml":3:5)
    func.return %r : i64
  })
})
"#;
    let error = emit(module, &options(OptLevel::O2), Emit::Object).unwrap_err();
    assert_eq!(
        error.message,
        "loop.ml:3:5: `scf.for`: is not part of the low form the LLVM back end translates"
    );
    // Checked arithmetic and floor division are the passes' to lower.
    let checked = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64, i64) -> i64, sym_name = "f"} ({
  ^bb0(%a: i64, %b: i64):
    %r = arith.addi %a, %b {checked = true} : i64 loc("f.ml":1:2)
    func.return %r : i64
  })
})
"#;
    let error = emit(checked, &options(OptLevel::O0), Emit::LlvmIr).unwrap_err();
    assert!(error.message.starts_with("f.ml:1:2: `arith.addi`: `{checked = true}`"), "{error}");
}

#[test]
fn exported_functions_take_c_types_only() {
    let module = r#"builtin.module ({
^bb0:
  func.func {export = "pair", function_type = (i64) -> tuple<i64, i64>, sym_name = "pair"} ({
  ^bb0(%a: i64):
    %p = agg.make %a, %a : (i64, i64) -> tuple<i64, i64>
    func.return %p : tuple<i64, i64>
  }) loc("pair.ml":1:1)
})
"#;
    let error = emit(module, &options(OptLevel::O0), Emit::Object).unwrap_err();
    assert_eq!(
        error.message,
        "pair.ml:1:1: `func.func`: @pair: type tuple<i64, i64> does not cross the C ABI"
    );
}

#[test]
fn invalid_ir_is_reported_not_translated() {
    // A call whose types do not match the callee: the IR verifier's message comes back.
    let module = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64) -> i64, sym_name = "id"} ({
  ^bb0(%a: i64):
    func.return %a : i64
  })
  func.func {function_type = (i32) -> i32, sym_name = "caller"} ({
  ^bb0(%a: i32):
    %r = func.call %a {callee = @id} : (i32) -> i32
    func.return %r : i32
  })
})
"#;
    let error = emit(module, &options(OptLevel::O0), Emit::Object).unwrap_err();
    assert!(error.message.starts_with("invalid IR:"), "{error}");
    assert!(error.message.contains("`func.call`: type mismatch"), "{error}");
}
