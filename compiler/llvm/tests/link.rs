//! `link_executable`: an object whose `main` is the `$entry` function, linked with a static
//! library standing in for the runtime (written in C, archived with `ar`), runs and exits
//! with the code `mlc_rt_exit` gives.

mod common;

use std::process::Command;

use common::{emit, options, run, scratch};
use mlc_llvm::{link_executable, Emit, OptLevel, PythonBridge};

const FAKE_RUNTIME: &str = r#"#include <stdint.h>
#include <stdio.h>
static int initialized;
void mlc_rt_init(int32_t argc, char **argv) { initialized = argc > 0 && argv[0] != 0; }
void mlc_print_i64(int64_t value) { printf("%lld\n", (long long)value); }
int32_t mlc_rt_exit(int64_t code) { fflush(stdout); return initialized ? (int32_t)code : 99; }
"#;

/// What the codegen passes produce for `def main() -> int: print(fib(10)); return fib(10)`,
/// more or less: `$entry` initializes the runtime, calls `main`, and exits through it.
const PROGRAM: &str = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64) -> i64, sym_name = "fib"} ({
  ^bb0(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    cf.br [^bb1(%zero: i64, %one: i64, %n: i64)]
  ^bb1(%a: i64, %b: i64, %k: i64):
    %done = arith.cmpi %k, %zero {predicate = "eq"} : (i64, i64) -> i1
    %next = arith.addi %a, %b : i64
    %k1 = arith.subi %k, %one : i64
    cf.cond_br %done [^bb2, ^bb1(%b: i64, %next: i64, %k1: i64)] : i1
  ^bb2:
    func.return %a : i64
  })
  func.func {function_type = () -> i64, sym_name = "main"} ({
  ^bb0:
    %ten = arith.constant {value = 10 : i64} : i64
    %f = func.call %ten {callee = @fib} : (i64) -> i64
    ll.call %f {callee = "mlc_print_i64"} : (i64) -> ()
    func.return %f : i64
  })
  func.func {export = "main", function_type = (i32, !ll.ptr) -> i32, sym_name = "$entry"} ({
  ^bb0(%argc: i32, %argv: !ll.ptr):
    ll.call %argc, %argv {callee = "mlc_rt_init"} : (i32, !ll.ptr) -> ()
    %code = func.call {callee = @main} : () -> i64
    %exit = ll.call %code {callee = "mlc_rt_exit"} : (i64) -> i32
    func.return %exit : i32
  })
})
"#;

#[test]
fn an_executable_runs_and_returns_its_exit_code() {
    let dir = scratch("link");
    std::fs::write(dir.join("fake_runtime.c"), FAKE_RUNTIME).unwrap();
    run(Command::new("cc").current_dir(&dir).args([
        "-c",
        "-fPIC",
        "-O1",
        "fake_runtime.c",
        "-o",
        "fake_runtime.o",
    ]));
    run(Command::new("ar").current_dir(&dir).args(["rcs", "libfake_runtime.a", "fake_runtime.o"]));
    for level in [OptLevel::O0, OptLevel::O2] {
        let object = dir.join(format!("program-{level:?}.o"));
        let executable = dir.join(format!("program-{level:?}"));
        std::fs::write(&object, emit(PROGRAM, &options(level), Emit::Object).unwrap()).unwrap();
        link_executable(&object, &dir.join("libfake_runtime.a"), None, &executable).unwrap();
        // Static (where the C library has `libc.a`, as Debian's libc6-dev does): no
        // program interpreter, so no shared library is loaded at start.
        let bytes = std::fs::read(&executable).unwrap();
        assert!(!has_interpreter(&bytes), "{level:?}: the executable asks for a dynamic loader");
        let output = Command::new(&executable).output().unwrap();
        assert_eq!(output.status.code(), Some(55), "{level:?}: {output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), "55\n");
    }
}

/// A runtime whose registration hook prints what it was given: the image's length and
/// first bytes, and the default Python.
const REGISTERING_RUNTIME: &str = r#"#include <stdint.h>
#include <stdio.h>
static long image_length = -1;
static char first[4];
static const char *default_python = "?";
void mlc_py_register_bridge(const unsigned char *image, long len, const char *python) {
    image_length = len;
    for (int i = 0; i < 3 && i < len; i++) first[i] = (char)image[i];
    default_python = python;
}
void mlc_rt_init(int32_t argc, char **argv) { (void)argc; (void)argv; }
void mlc_print_i64(int64_t value) { printf("%lld\n", (long long)value); }
int32_t mlc_rt_exit(int64_t code) {
    printf("%ld %s %s\n", image_length, first, default_python);
    fflush(stdout);
    return (int32_t)code;
}
"#;

#[test]
fn a_program_that_uses_python_carries_the_bridge_and_registers_it_before_main() {
    let dir = scratch("link-python");
    std::fs::write(dir.join("runtime.c"), REGISTERING_RUNTIME).unwrap();
    run(Command::new("cc").current_dir(&dir).args(["-c", "-fPIC", "runtime.c", "-o", "runtime.o"]));
    run(Command::new("ar").current_dir(&dir).args(["rcs", "libruntime.a", "runtime.o"]));
    // A stand-in for the bridge library, in a folder whose name needs quoting in C.
    let folder = dir.join("a \"quoted\" folder");
    std::fs::create_dir_all(&folder).unwrap();
    let library = folder.join("libbridge.so");
    std::fs::write(&library, b"ELF and then some bytes").unwrap();
    let object = dir.join("program.o");
    let executable = dir.join("program");
    std::fs::write(&object, emit(PROGRAM, &options(OptLevel::O1), Emit::Object).unwrap()).unwrap();
    let bridge = PythonBridge { library, default_python: Some("/opt/env/bin/python".into()) };
    link_executable(&object, &dir.join("libruntime.a"), Some(&bridge), &executable).unwrap();
    // Dynamic: it will load a libpython.
    assert!(has_interpreter(&std::fs::read(&executable).unwrap()));
    let output = Command::new(&executable).output().unwrap();
    assert_eq!(output.status.code(), Some(55), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "55\n23 ELF /opt/env/bin/python\n");
}

#[test]
fn link_errors_come_back_with_the_linker_output() {
    let dir = scratch("link-error");
    let object = dir.join("program.o");
    std::fs::write(&object, emit(PROGRAM, &options(OptLevel::O0), Emit::Object).unwrap()).unwrap();
    // An empty archive: the runtime's functions are missing.
    run(Command::new("ar").current_dir(&dir).args(["rcs", "libempty.a"]));
    let error =
        link_executable(&object, &dir.join("libempty.a"), None, &dir.join("program")).unwrap_err();
    assert!(error.message.contains("undefined reference to `mlc_rt_init'"), "{error}");
}

/// Whether an ELF64 little-endian executable has a `PT_INTERP` program header (asks for a
/// dynamic loader).
fn has_interpreter(elf: &[u8]) -> bool {
    let u16_at = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]) as usize;
    let program_headers = u64::from_le_bytes(elf[0x20..0x28].try_into().unwrap()) as usize;
    let (entry_size, count) = (u16_at(0x36), u16_at(0x38));
    (0..count).any(|i| {
        let at = program_headers + i * entry_size;
        u32::from_le_bytes(elf[at..at + 4].try_into().unwrap()) == 3
    })
}
