//! The test harness: low-form IR modules (text) compiled to objects by `mlc_llvm::compile`,
//! linked by `cc` with a C driver written into a scratch folder, run, and their output
//! compared, at O0 and at O2 (both must give the expected output).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use mlc_ir::{parse_module, Module, Registry};
use mlc_llvm::{compile, CodegenError, Emit, LlvmOptions, OptLevel};

pub fn parse(text: &str) -> Module {
    parse_module(text, &Registry::with_all_dialects()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

pub fn options(opt_level: OptLevel) -> LlvmOptions {
    LlvmOptions {
        opt_level,
        target_cpu: None,
        debug_info: false,
        source_name: "test.ml".to_string(),
    }
}

pub fn emit(text: &str, options: &LlvmOptions, emit: Emit) -> Result<Vec<u8>, CodegenError> {
    compile(&parse(text), options, emit)
}

/// A fresh folder under cargo's scratch space for integration tests.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mlc-llvm").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `command`, panicking with its output unless it succeeds; its stdout.
pub fn run(command: &mut Command) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Compiles `ir` at `level` to an object, links it with the C `driver` and runs it.
pub fn run_with_driver(name: &str, ir: &str, driver: &str, level: OptLevel) -> String {
    run_with_options(&format!("{name}-{level:?}"), ir, driver, &options(level))
}

/// Compiles `ir` with `options` to an object, links it with the C `driver` and runs it.
pub fn run_with_options(name: &str, ir: &str, driver: &str, options: &LlvmOptions) -> String {
    let dir = scratch(name);
    let object = emit(ir, options, Emit::Object).unwrap_or_else(|e| panic!("{name}: {e}"));
    std::fs::write(dir.join("module.o"), object).unwrap();
    std::fs::write(dir.join("driver.c"), driver).unwrap();
    run(Command::new("cc").current_dir(&dir).args([
        "-O0",
        "-std=gnu11",
        "-o",
        "test",
        "driver.c",
        "module.o",
        "-lm",
    ]));
    run(&mut Command::new(dir.join("test")))
}

/// The driver's output at O0 and at O2 must both be `expected`.
pub fn check(name: &str, ir: &str, driver: &str, expected: &str) {
    for level in [OptLevel::O0, OptLevel::O2] {
        let output = run_with_driver(name, ir, driver, level);
        if output != expected {
            let diff: Vec<String> = output
                .lines()
                .zip(expected.lines())
                .filter(|(a, b)| a != b)
                .take(20)
                .map(|(a, b)| format!("  got      {a}\n  expected {b}"))
                .collect();
            panic!(
                "{name} at {level:?}: output differs ({} lines vs {} expected)\n{}",
                output.lines().count(),
                expected.lines().count(),
                diff.join("\n")
            );
        }
    }
}

/// A module of the given ops (functions, structs).
pub fn module(items: &[String]) -> String {
    format!("builtin.module ({{\n^bb0:\n{}\n}})\n", items.join("\n"))
}

/// An exported function `name` (C symbol `name` too) with one block.
pub fn function(name: &str, params: &[&str], results: &[&str], body: &str) -> String {
    let inputs = params.join(", ");
    let outputs = match results {
        [single] => single.to_string(),
        several => format!("({})", several.join(", ")),
    };
    let arguments: Vec<String> =
        params.iter().enumerate().map(|(i, ty)| format!("%arg{i}: {ty}")).collect();
    format!(
        "func.func {{export = \"{name}\", function_type = ({inputs}) -> {outputs}, sym_name = \"{name}\"}} ({{\n^entry({}):\n{body}\n}})",
        arguments.join(", ")
    )
}

/// The C type of an IR scalar type.
pub fn c_type(ty: &str) -> &'static str {
    match ty {
        "i1" => "bool",
        "i8" => "int8_t",
        "i16" => "int16_t",
        "i32" => "int32_t",
        "i64" | "index" => "int64_t",
        "u8" => "uint8_t",
        "u16" => "uint16_t",
        "u32" => "uint32_t",
        "u64" => "uint64_t",
        "f32" => "float",
        "f64" => "double",
        "!ll.ptr" => "void *",
        other => panic!("no C type for {other}"),
    }
}

/// A C program including the usual headers, with `declarations` and a `main` running `body`.
pub fn c_program(declarations: &str, body: &str) -> String {
    format!(
        "#include <stdint.h>\n#include <stdbool.h>\n#include <stdio.h>\n#include <string.h>\n#include <math.h>\n#include <stddef.h>\n\n{declarations}\n\nint main(void) {{\n{body}\n  return 0;\n}}\n"
    )
}
