//! `mlc build`: check a program, lower it to the IR, run the pipeline, write the result.
//!
//! A program with errors gets its diagnostics (as `mlc check` writes them) and exit code 1.
//! The IR is verified after lowering and after every pass: a failure there is a bug in the
//! compiler, reported as an internal error.

use crate::cli::{resolve_color, BuildArgs, Emit, Terminal};
use crate::{exit_code, paint_level, Level, Streams};
use mlc_diagnostics::render::{render, ColorChoice};
use mlc_diagnostics::Diagnostic;
use mlc_semantics::{check_file, CheckMode, Database};

/// What `emit_ir` produced besides the IR: the passes' dumps for `--print-ir-after-all`.
#[derive(Debug, Default)]
pub struct IrOutput {
    pub ir: String,
    /// `(pass, IR after it)`, when asked for.
    pub dumps: Vec<(String, String)>,
}

/// The IR of a program given as text: after the default pipeline, or as lowered (`raw`).
/// `Err` holds the rendered diagnostics of a program with errors.
pub fn emit_ir(path: &str, text: &str, raw: bool) -> Result<String, String> {
    emit_ir_with(path, text, raw, false, ColorChoice::Never).map(|output| output.ir)
}

pub fn emit_ir_with(
    path: &str,
    text: &str,
    raw: bool,
    dump_each_pass: bool,
    color: ColorChoice,
) -> Result<IrOutput, String> {
    let mut db = Database::new();
    let file = db.add_file(path, text);
    let diagnostics = check_file(&db, file, CheckMode::Program);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(render(&diagnostics, path, text, color));
    }
    let mut module = mlc_lower::lower_file(&db, file);
    if let Err(errors) = mlc_ir::verify(&module) {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the IR lowered from {path} does not verify:\n{}", messages.join("\n"));
    }
    let mut output = IrOutput::default();
    if !raw {
        let mut pipeline =
            mlc_transforms::pipelines::pipeline_manager("default").expect("the default pipeline");
        pipeline.verify_each(true);
        let dumps = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        if dump_each_pass {
            let sink = dumps.clone();
            pipeline.print_after_each(Box::new(move |pass: &str, ir: &str| {
                sink.borrow_mut().push((pass.to_string(), ir.to_string()));
            }));
        }
        if let Err(error) = pipeline.run(&mut module) {
            panic!("the default pipeline failed on {path}: {error}");
        }
        output.dumps = dumps.take();
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
    let raw = args.emit == Emit::IrRaw;
    let output = match emit_ir_with(&path, &text, raw, args.print_ir_after_all, color) {
        Ok(output) => output,
        Err(rendered) => {
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
        Some(target) => {
            if let Err(reason) = std::fs::write(target, &output.ir) {
                let error = paint_level(Level::Error, color);
                writeln!(streams.stderr, "{error}: could not write {}: {reason}", target.display())
                    .ok();
                return exit_code::FAILURE;
            }
        }
        None => {
            write!(streams.stdout, "{}", output.ir).ok();
        }
    }
    exit_code::SUCCESS
}
