//! Compiling test modules and calling their functions.

use mlc_cranelift::{CodegenError, JitOptions, JitProgram};
use mlc_ir::{parse_module, verify, Registry};

/// A module holding `functions` (text of `func.func` / `builtin.struct` ops).
pub fn module(functions: &str) -> String {
    format!("builtin.module ({{\n^bb0:\n{functions}\n}})\n")
}

/// Parses and verifies `text`, then compiles it with `resolve`.
pub fn try_compile_with(
    text: &str,
    optimize: bool,
    resolve: &dyn Fn(&str) -> Option<*const u8>,
) -> Result<JitProgram, CodegenError> {
    let ir = parse_module(text, &Registry::with_all_dialects())
        .unwrap_or_else(|e| panic!("parse error {e} in\n{text}"));
    if let Err(errors) = verify(&ir) {
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("invalid IR:\n{}\nin\n{text}", errors.join("\n"));
    }
    mlc_cranelift::compile(&ir, &JitOptions { optimize, verify: true }, resolve)
}

fn no_symbols(_: &str) -> Option<*const u8> {
    None
}

pub fn try_compile(text: &str) -> Result<JitProgram, CodegenError> {
    try_compile_with(text, false, &no_symbols)
}

/// Compiles at both optimization levels (each test runs against both: Cranelift's
/// optimizer must not change a result).
pub fn compile_both(text: &str) -> [JitProgram; 2] {
    compile_both_with(text, &no_symbols)
}

pub fn compile_both_with(
    text: &str,
    resolve: &dyn Fn(&str) -> Option<*const u8>,
) -> [JitProgram; 2] {
    [false, true]
        .map(|optimize| try_compile_with(text, optimize, resolve).unwrap_or_else(|e| panic!("{e}")))
}

/// The function `name` of `program` as a function pointer of type `F`.
///
/// # Safety
/// `F` must be an `extern "C" fn` type matching the function's convention (see the crate
/// docs: leaves in order, `i1` as a byte, f16/bf16 as `f32`).
pub unsafe fn get<F: Copy>(program: &JitProgram, name: &str) -> F {
    let address = program.function(name).unwrap_or_else(|| panic!("no function @{name}"));
    assert_eq!(std::mem::size_of::<F>(), std::mem::size_of::<*const u8>());
    std::mem::transmute_copy(&address)
}

/// A `func.func` named `name` of type `(a, a) -> r` applying `op` (with `attrs`).
pub fn binary_function(name: &str, op: &str, attrs: &str, operand: &str, result: &str) -> String {
    let signature = if operand == result {
        format!(": {operand}")
    } else {
        format!(": ({operand}, {operand}) -> {result}")
    };
    format!(
        r#"  func.func {{function_type = ({operand}, {operand}) -> {result}, sym_name = "{name}"}} ({{
  ^bb0(%a: {operand}, %b: {operand}):
    %r = {op} %a, %b {attrs} {signature}
    func.return %r : {result}
  }})
"#
    )
}

/// A `func.func` named `name` of type `(a) -> r` applying the one-operand `op`.
pub fn unary_function(name: &str, op: &str, operand: &str, result: &str) -> String {
    let signature = if operand == result {
        format!(": {operand}")
    } else {
        format!(": ({operand}) -> {result}")
    };
    format!(
        r#"  func.func {{function_type = ({operand}) -> {result}, sym_name = "{name}"}} ({{
  ^bb0(%a: {operand}):
    %r = {op} %a {signature}
    func.return %r : {result}
  }})
"#
    )
}

/// Compares floats bit for bit, except that any NaN equals any NaN.
pub fn same_f64(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

pub fn same_f32(a: f32, b: f32) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}
