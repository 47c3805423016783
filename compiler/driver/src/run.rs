//! `mlc run FILE [ARGS...]`: compile in memory with Cranelift and run at once (or with
//! `--llvm`, build an optimized executable in a temporary folder and run that). The program's
//! exit code becomes mlc's; its output goes straight to the terminal.

use crate::cli::{resolve_color, RunArgs, Terminal};
use crate::compile::{low_module, CompileError};
use crate::native::{build_executable, llvm_options, runtime_symbol, tempfile_folder};
use crate::{exit_code, paint_level, Level, Streams};

pub fn run_program(args: &RunArgs, terminal: Terminal, streams: &mut Streams<'_>) -> i32 {
    let color = resolve_color(args.color, terminal);
    let error = paint_level(Level::Error, color);
    let path = args.file.display().to_string();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(reason) => {
            writeln!(streams.stderr, "{error}: could not read {path}: {reason}").ok();
            return exit_code::FAILURE;
        }
    };
    let opt_level = args.opt_level.unwrap_or(if args.llvm { 2 } else { 0 });
    let options = crate::native::codegen_options(&path, opt_level == 0);
    let module = match low_module(&path, &text, opt_level, &options, color) {
        Ok(module) => module,
        Err(CompileError::Diagnostics(rendered)) => {
            writeln!(streams.stderr, "{rendered}").ok();
            writeln!(streams.stderr, "{error}: could not compile {path}").ok();
            return exit_code::FAILURE;
        }
        Err(CompileError::Unsupported(messages)) => {
            for message in messages {
                writeln!(streams.stderr, "{error}: {message}").ok();
            }
            return exit_code::FAILURE;
        }
    };
    let mut argv = vec![path.clone()];
    argv.extend(args.args.iter().cloned());
    streams.stdout.flush().ok();
    if args.llvm {
        run_with_llvm(&module, &path, opt_level, &argv, streams)
    } else {
        if crate::native::uses_python(&module) {
            if let Err(message) = crate::native::register_python_bridge_for_jit() {
                writeln!(streams.stderr, "{error}: this program uses Python: {message}").ok();
                return exit_code::FAILURE;
            }
        }
        let jit_options =
            mlc_cranelift::JitOptions { optimize: opt_level > 0, ..Default::default() };
        match mlc_cranelift::compile(&module, &jit_options, &runtime_symbol) {
            Ok(program) => program.run_entry(&argv),
            Err(failure) => panic!("Cranelift could not compile {path}: {}", failure.message),
        }
    }
}

fn run_with_llvm(
    module: &mlc_ir::Module,
    path: &str,
    opt_level: u8,
    argv: &[String],
    streams: &mut Streams<'_>,
) -> i32 {
    let folder = match tempfile_folder() {
        Ok(folder) => folder,
        Err(message) => {
            writeln!(streams.stderr, "error: {message}").ok();
            return exit_code::FAILURE;
        }
    };
    let executable = folder.join("program");
    let options = llvm_options(path, opt_level, None, false);
    if let Err(message) = build_executable(module, &options, &executable) {
        std::fs::remove_dir_all(&folder).ok();
        writeln!(streams.stderr, "error: {message}").ok();
        return exit_code::FAILURE;
    }
    let status = std::process::Command::new(&executable).arg0(&argv[0]).args(&argv[1..]).status();
    std::fs::remove_dir_all(&folder).ok();
    match status {
        Ok(status) => status_code(status),
        Err(reason) => {
            writeln!(streams.stderr, "error: could not run the program: {reason}").ok();
            exit_code::FAILURE
        }
    }
}

/// The exit code of a finished program; a signal `n` gives `128 + n`, as shells report it.
fn status_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0))
}

use std::os::unix::process::CommandExt;
