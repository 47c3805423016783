//! The compiler's stages from source text to the low form the back ends translate, shared by
//! `mlc build` and `mlc run`.
//!
//! The IR is verified after lowering, after every pass and after code-generation lowering: a
//! failure there is a bug in the compiler and panics (the driver reports it as an internal
//! compiler error). A program with errors gets its rendered diagnostics as `Err`.

use mlc_diagnostics::render::{render, ColorChoice};
use mlc_diagnostics::Diagnostic;
use mlc_ir::Module;
use mlc_semantics::{check_file, CheckMode, Database};

/// Why a program did not reach the back ends.
#[derive(Debug)]
pub enum CompileError {
    /// The program has errors: the rendered diagnostics.
    Diagnostics(String),
    /// The program uses what the back ends cannot compile yet: one message per use.
    Unsupported(Vec<String>),
}

/// The program checked, lowered and verified (before any pass).
pub fn lowered_module(path: &str, text: &str, color: ColorChoice) -> Result<Module, CompileError> {
    let mut db = Database::new();
    let file = db.add_file(path, text);
    let diagnostics = check_file(&db, file, CheckMode::Program);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(CompileError::Diagnostics(render(&diagnostics, path, text, color)));
    }
    let module = mlc_lower::lower_file(&db, file);
    verify_or_panic(&module, path, "lowering");
    Ok(module)
}

/// What receives the IR after each pass: `(pass name, IR text)`.
pub type PassDump = Box<dyn FnMut(&str, &str)>;

/// The pipeline a build at `opt_level` runs: `default` at `-O0`, `optimize` above.
pub fn pipeline_name(opt_level: u8) -> &'static str {
    if opt_level == 0 {
        "default"
    } else {
        "optimize"
    }
}

/// Runs the pipeline of `opt_level` over `module`, verifying after each pass; `dump`
/// receives the IR after each pass when given.
pub fn optimize(module: &mut Module, path: &str, opt_level: u8, dump: Option<PassDump>) {
    let name = pipeline_name(opt_level);
    let mut pipeline =
        mlc_transforms::pipelines::pipeline_manager(name).expect("the pipelines are known");
    pipeline.verify_each(true);
    if let Some(dump) = dump {
        pipeline.print_after_each(dump);
    }
    if let Err(error) = pipeline.run(module) {
        panic!("the `{name}` pipeline failed on {path}: {error}");
    }
}

/// The low form of a program: checked, lowered, optimized at `opt_level`, lowered for code
/// generation.
pub fn low_module(
    path: &str,
    text: &str,
    opt_level: u8,
    options: &mlc_codegen::CodegenOptions,
    color: ColorChoice,
) -> Result<Module, CompileError> {
    let mut module = lowered_module(path, text, color)?;
    optimize(&mut module, path, opt_level, None);
    lower_for_codegen(&mut module, path, options)?;
    Ok(module)
}

/// The code-generation lowering of an optimized module, verified.
pub fn lower_for_codegen(
    module: &mut Module,
    path: &str,
    options: &mlc_codegen::CodegenOptions,
) -> Result<(), CompileError> {
    if let Err(unsupported) = mlc_codegen::lower_module(module, options) {
        return Err(CompileError::Unsupported(
            unsupported.iter().map(ToString::to_string).collect(),
        ));
    }
    verify_or_panic(module, path, "code-generation lowering");
    let mismatches = mlc_codegen::check_runtime_calls(module);
    if !mismatches.is_empty() {
        panic!("calls of the runtime in {path} do not match it:\n{}", mismatches.join("\n"));
    }
    Ok(())
}

fn verify_or_panic(module: &Module, path: &str, stage: &str) {
    if let Err(errors) = mlc_ir::verify(module) {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the IR of {path} does not verify after {stage}:\n{}", messages.join("\n"));
    }
}
