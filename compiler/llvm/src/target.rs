//! The host target machine, the optimization pipeline and emission.

use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine,
};
use inkwell::OptimizationLevel;

use crate::{CodegenError, Emit, LlvmOptions, OptLevel};

/// A target machine for the host triple: the host CPU and its features unless the options
/// name a CPU (then that CPU's own features). Position-independent code, since Debian's `cc`
/// links PIE executables.
pub(crate) fn host_machine(options: &LlvmOptions) -> Result<TargetMachine, CodegenError> {
    Target::initialize_native(&InitializationConfig::default())
        .map_err(|e| CodegenError::new(format!("cannot initialize the host target: {e}")))?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| {
        CodegenError::new(format!(
            "no LLVM target for {}: {}",
            triple.as_str().to_string_lossy(),
            e.to_string_lossy()
        ))
    })?;
    let (cpu, features) = match &options.target_cpu {
        Some(cpu) => (cpu.clone(), String::new()),
        None => (
            TargetMachine::get_host_cpu_name().to_string(),
            TargetMachine::get_host_cpu_features().to_string(),
        ),
    };
    target
        .create_target_machine(
            &triple,
            &cpu,
            &features,
            codegen_level(options.opt_level),
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or_else(|| CodegenError::new(format!("cannot create a target machine for CPU `{cpu}`")))
}

fn codegen_level(level: OptLevel) -> OptimizationLevel {
    match level {
        OptLevel::O0 => OptimizationLevel::None,
        OptLevel::O1 => OptimizationLevel::Less,
        OptLevel::O2 => OptimizationLevel::Default,
        OptLevel::O3 => OptimizationLevel::Aggressive,
    }
}

/// Runs the new pass manager's `default<On>` pipeline (at O0 too: it keeps the passes that
/// must run, like always-inline, and nothing else).
pub(crate) fn optimize(
    module: &Module<'_>,
    machine: &TargetMachine,
    level: OptLevel,
) -> Result<(), CodegenError> {
    let pipeline = match level {
        OptLevel::O0 => "default<O0>",
        OptLevel::O1 => "default<O1>",
        OptLevel::O2 => "default<O2>",
        OptLevel::O3 => "default<O3>",
    };
    module.run_passes(pipeline, machine, PassBuilderOptions::create()).map_err(|e| {
        CodegenError::new(format!("LLVM passes `{pipeline}`: {}", e.to_string_lossy()))
    })
}

pub(crate) fn emit(
    module: &Module<'_>,
    machine: &TargetMachine,
    emit: Emit,
) -> Result<Vec<u8>, CodegenError> {
    let file_type = match emit {
        Emit::LlvmIr => return Ok(module.print_to_string().to_bytes().to_vec()),
        Emit::Assembly => FileType::Assembly,
        Emit::Object => FileType::Object,
    };
    let buffer = machine
        .write_to_memory_buffer(module, file_type)
        .map_err(|e| CodegenError::new(format!("LLVM code generation: {}", e.to_string_lossy())))?;
    Ok(buffer.as_slice().to_vec())
}
