//! `mlc build`: check a program, lower it to the IR, run the pipeline, write the result.
//!
//! A program with errors gets its diagnostics (as `mlc check` writes them) and exit code 1.
//! The IR is verified after lowering and after every pass: a failure there is a bug in the
//! compiler, reported as an internal error.

use crate::cli::{resolve_color, BuildArgs, Emit, Terminal};
use crate::compile::{
    low_module, lower_for_codegen, lowered_module, optimize, CompileError, PassDump,
};
use crate::native::{build_executable, llvm_options};
use crate::{exit_code, paint_level, Level, Streams};
use mlc_diagnostics::render::ColorChoice;

/// What `emit_ir` produced besides the IR: the passes' dumps for `--print-ir-after-all`.
#[derive(Debug, Default)]
pub struct IrOutput {
    pub ir: String,
    /// `(pass, IR after it)`, when asked for.
    pub dumps: Vec<(String, String)>,
}

/// The IR of a program given as text: after the pipeline of `opt_level`, or as lowered
/// (`raw`). `Err` holds the rendered diagnostics of a program with errors.
pub fn emit_ir(path: &str, text: &str, raw: bool, opt_level: u8) -> Result<String, String> {
    emit_ir_with(path, text, raw, opt_level, false, ColorChoice::Never).map(|output| output.ir)
}

pub fn emit_ir_with(
    path: &str,
    text: &str,
    raw: bool,
    opt_level: u8,
    dump_each_pass: bool,
    color: ColorChoice,
) -> Result<IrOutput, String> {
    let stage = if raw { IrStage::Lowered } else { IrStage::Optimized };
    emit_stage(path, text, stage, opt_level, dump_each_pass, color).map_err(|error| match error {
        CompileError::Diagnostics(rendered) => rendered,
        CompileError::Unsupported(messages) => messages.join("\n"),
    })
}

/// The IR `--emit STAGE -O LEVEL` writes (`ir`, `ir-raw`, `ir-low`), for the lit runner.
pub fn emit_named_stage(
    path: &str,
    text: &str,
    stage: &str,
    opt_level: u8,
) -> Result<String, String> {
    let stage = match stage {
        "ir-raw" => IrStage::Lowered,
        "ir" => IrStage::Optimized,
        "ir-low" => IrStage::Low,
        other => return Err(format!("no IR stage `{other}`")),
    };
    match emit_stage(path, text, stage, opt_level, false, ColorChoice::Never) {
        Ok(output) => Ok(output.ir),
        Err(CompileError::Diagnostics(rendered)) => Err(rendered),
        Err(CompileError::Unsupported(messages)) => Err(messages.join("\n")),
    }
}

/// Which IR `--emit` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrStage {
    Lowered,
    /// After the pipeline of the optimization level.
    Optimized,
    /// The low form the back ends translate.
    Low,
}

pub fn emit_stage(
    path: &str,
    text: &str,
    stage: IrStage,
    opt_level: u8,
    dump_each_pass: bool,
    color: ColorChoice,
) -> Result<IrOutput, CompileError> {
    let mut module = lowered_module(path, text, color)?;
    let mut output = IrOutput::default();
    if stage != IrStage::Lowered {
        let dumps = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let dump: Option<PassDump> = if dump_each_pass {
            let sink = dumps.clone();
            Some(Box::new(move |pass: &str, ir: &str| {
                sink.borrow_mut().push((pass.to_string(), ir.to_string()));
            }))
        } else {
            None
        };
        optimize(&mut module, path, opt_level, dump);
        output.dumps = dumps.take();
    }
    if stage == IrStage::Low {
        // No source folder: IR text stays the same wherever the file is.
        let options =
            mlc_codegen::CodegenOptions { overflow_checks: opt_level == 0, source_folder: None };
        lower_for_codegen(&mut module, path, &options)?;
    }
    output.ir = mlc_ir::print_module(&module);
    Ok(output)
}

pub fn run_build(args: &BuildArgs, terminal: Terminal, streams: &mut Streams<'_>) -> i32 {
    let color = resolve_color(args.color, terminal);
    let path = args.file.display().to_string();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(reason) => {
            let error = paint_level(Level::Error, color);
            writeln!(streams.stderr, "{error}: could not read {path}: {reason}").ok();
            return exit_code::FAILURE;
        }
    };
    let stage = match args.emit {
        Emit::IrRaw => IrStage::Lowered,
        Emit::Ir => IrStage::Optimized,
        Emit::IrLow => IrStage::Low,
        Emit::Exe | Emit::Obj | Emit::Asm | Emit::Llvm => {
            return build_native(args, &path, &text, color, streams)
        }
    };
    let output =
        match emit_stage(&path, &text, stage, args.opt_level, args.print_ir_after_all, color) {
            Ok(output) => output,
            Err(error) => {
                let rendered = match error {
                    CompileError::Diagnostics(rendered) => rendered,
                    CompileError::Unsupported(messages) => {
                        let error = paint_level(Level::Error, color);
                        messages
                            .iter()
                            .map(|m| format!("{error}: {m}"))
                            .collect::<Vec<_>>()
                            .join("\n")
                    }
                };
                writeln!(streams.stderr, "{rendered}").ok();
                let error = paint_level(Level::Error, color);
                writeln!(streams.stderr, "{error}: could not build {path}").ok();
                return exit_code::FAILURE;
            }
        };
    for (pass, ir) in &output.dumps {
        writeln!(streams.stderr, "// -----// IR Dump After {pass} //----- //\n{ir}").ok();
    }
    match &args.output {
        Some(target) if target.as_os_str() != "-" => {
            if let Err(reason) = std::fs::write(target, &output.ir) {
                let error = paint_level(Level::Error, color);
                writeln!(streams.stderr, "{error}: could not write {}: {reason}", target.display())
                    .ok();
                return exit_code::FAILURE;
            }
        }
        _ => {
            write!(streams.stdout, "{}", output.ir).ok();
        }
    }
    exit_code::SUCCESS
}

/// `mlc build` of an executable, object, assembly or LLVM IR.
fn build_native(
    args: &BuildArgs,
    path: &str,
    text: &str,
    color: ColorChoice,
    streams: &mut Streams<'_>,
) -> i32 {
    let error = paint_level(Level::Error, color);
    let options = crate::native::codegen_options(path, args.opt_level == 0);
    let module = match low_module(path, text, args.opt_level, &options, color) {
        Ok(module) => module,
        Err(CompileError::Diagnostics(rendered)) => {
            writeln!(streams.stderr, "{rendered}").ok();
            writeln!(streams.stderr, "{error}: could not build {path}").ok();
            return exit_code::FAILURE;
        }
        Err(CompileError::Unsupported(messages)) => {
            for message in messages {
                writeln!(streams.stderr, "{error}: {message}").ok();
            }
            return exit_code::FAILURE;
        }
    };
    let llvm = llvm_options(path, args.opt_level, args.target_cpu.clone(), args.debug_info);
    let extension = match args.emit {
        Emit::Obj => "o",
        Emit::Asm => "s",
        Emit::Llvm => "ll",
        _ => "",
    };
    let output = args.output.clone().unwrap_or_else(|| args.file.with_extension(extension));
    let result = match args.emit {
        Emit::Exe => build_executable(&module, &llvm, &output),
        _ => {
            let emit = match args.emit {
                Emit::Obj => mlc_llvm::Emit::Object,
                Emit::Asm => mlc_llvm::Emit::Assembly,
                _ => mlc_llvm::Emit::LlvmIr,
            };
            mlc_llvm::compile(&module, &llvm, emit).map_err(|e| e.message).and_then(|bytes| {
                if output.as_os_str() == "-" {
                    streams.stdout.write_all(&bytes).map_err(|reason| format!("{reason}"))
                } else {
                    std::fs::write(&output, bytes)
                        .map_err(|reason| format!("could not write {}: {reason}", output.display()))
                }
            })
        }
    };
    match result {
        Ok(()) => exit_code::SUCCESS,
        Err(message) => {
            writeln!(streams.stderr, "{error}: {message}").ok();
            exit_code::FAILURE
        }
    }
}
