//! `mlc-opt`: parses IR text, verifies it, runs passes over it and prints the result, like
//! `mlir-opt`. [`run_opt`] is the whole tool as a function (the IR test runner calls it
//! in-process); `src/bin/mlc-opt.rs` only forwards the command line and the exit code.
//!
//! ```text
//! mlc-opt FILE|- [--pass NAME]... [--pipeline NAME] [--print-ir-after-all]
//!                [--split-input-file] [--no-verify] [--list-passes]
//! ```
//!
//! Passes and pipelines run in the order given. Errors: a parse error as
//! `FILE:line:column: error: message`, each verifier error as `error: <error>`, a failed pass
//! as `error: pass ...`: exit code 1. A bad command line (an unknown pass, flag or pipeline):
//! exit code 2. `--split-input-file` processes the parts between `// -----` lines one by one
//! (line numbers stay the file's) and joins their outputs with `// -----` lines; the exit
//! code is 1 when any part failed. `--print-ir-after-all` writes
//! `// -----// IR Dump After NAME //----- //` and the IR to stderr after each pass.

use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;

use mlc_ir::{parse_module, print_module, verify, Registry};

use crate::pass_manager::PassManager;
use crate::pipelines::{all_passes, pass_by_name, pipeline, PIPELINE_NAMES};

/// What the tool printed and its exit code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OptOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

const USAGE: &str = "usage: mlc-opt FILE|- [--pass NAME]... [--pipeline NAME] \
[--print-ir-after-all] [--split-input-file] [--no-verify] [--list-passes]\n";

/// The line that separates the parts of a `--split-input-file` input and output.
const SPLIT_MARKER: &str = "// -----";

/// Runs `mlc-opt` with `args` (the arguments after the program name). `input`, when given,
/// is the text of the file named in `args` (which is then only used in messages); without
/// it the file is read (`-`: standard input).
pub fn run_opt(args: &[String], input: Option<&str>) -> OptOutput {
    let options = match Options::parse(args) {
        Ok(options) => options,
        Err(message) => {
            return OptOutput { stdout: String::new(), stderr: message, exit_code: 2 };
        }
    };
    if options.help {
        return OptOutput { stdout: USAGE.to_string(), ..OptOutput::default() };
    }
    if options.list_passes {
        return OptOutput { stdout: list_passes(), ..OptOutput::default() };
    }
    let Some(file) = options.file.clone() else {
        return OptOutput {
            stderr: format!("error: no input file\n{USAGE}"),
            exit_code: 2,
            ..OptOutput::default()
        };
    };
    let text = match input {
        Some(text) => text.to_string(),
        None => match read_input(&file) {
            Ok(text) => text,
            Err(error) => {
                return OptOutput {
                    stderr: format!("error: cannot read `{file}`: {error}\n"),
                    exit_code: 1,
                    ..OptOutput::default()
                }
            }
        },
    };
    let registry = Registry::with_all_dialects();
    let mut output = OptOutput::default();
    let parts = if options.split_input_file {
        split_input(&text)
    } else {
        vec![Part { text: text.clone(), first_line: 1 }]
    };
    let mut printed = Vec::new();
    for part in &parts {
        match process(&options, &registry, &file, part, &mut output.stderr) {
            Some(ir) => printed.push(ir),
            None => output.exit_code = 1,
        }
    }
    output.stdout = printed.join(&format!("{SPLIT_MARKER}\n"));
    output
}

#[derive(Default)]
struct Options {
    file: Option<String>,
    /// Pass names, pipelines already expanded, in command-line order.
    passes: Vec<&'static str>,
    print_ir_after_all: bool,
    split_input_file: bool,
    verify: bool,
    list_passes: bool,
    help: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options { verify: true, ..Options::default() };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, inline_value) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
                _ => (arg.as_str(), None),
            };
            let mut value = || {
                inline_value
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or_else(|| format!("error: `{flag}` expects a value\n{USAGE}"))
            };
            match flag {
                "--pass" => {
                    let name = value()?;
                    let pass = pass_by_name(&name).ok_or_else(|| unknown_pass(&name))?;
                    options.passes.push(pass.name());
                }
                "--pipeline" => {
                    let name = value()?;
                    let passes = pipeline(&name).ok_or_else(|| {
                        format!(
                            "error: unknown pipeline `{name}`; known pipelines: {}\n",
                            PIPELINE_NAMES.join(", ")
                        )
                    })?;
                    options.passes.extend(passes.iter().map(|pass| pass.name()));
                }
                "--print-ir-after-all" => options.print_ir_after_all = true,
                "--split-input-file" => options.split_input_file = true,
                "--no-verify" => options.verify = false,
                "--list-passes" => options.list_passes = true,
                "-h" | "--help" => options.help = true,
                "-" => options.set_file(arg)?,
                _ if flag.starts_with('-') => {
                    return Err(format!("error: unknown option `{arg}`\n{USAGE}"))
                }
                _ => options.set_file(arg)?,
            }
        }
        Ok(options)
    }

    fn set_file(&mut self, file: &str) -> Result<(), String> {
        if let Some(first) = &self.file {
            return Err(format!(
                "error: one input file expected, found `{first}` and `{file}`\n{USAGE}"
            ));
        }
        self.file = Some(file.to_string());
        Ok(())
    }
}

fn unknown_pass(name: &str) -> String {
    let known: Vec<&str> = all_passes().iter().map(|pass| pass.name()).collect();
    format!("error: unknown pass `{name}`; known passes: {}\n", known.join(", "))
}

fn list_passes() -> String {
    let mut out = String::from("passes:\n");
    for pass in all_passes() {
        writeln!(out, "  {:<14} {}", pass.name(), pass.description()).unwrap();
    }
    out.push_str("pipelines:\n");
    for &name in PIPELINE_NAMES {
        let passes: Vec<&str> =
            pipeline(name).unwrap_or_default().iter().map(|pass| pass.name()).collect();
        writeln!(out, "  {:<14} {}", name, passes.join(", ")).unwrap();
    }
    out
}

fn read_input(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
    }
}

/// One part of the input, and the line of the file it starts at.
struct Part {
    text: String,
    first_line: u32,
}

/// The parts between `// -----` lines; parts holding only comments and blank lines (the
/// `RUN` lines before the first marker, say) are dropped.
fn split_input(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut current = Part { text: String::new(), first_line: 1 };
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_end() == SPLIT_MARKER {
            let next = Part { text: String::new(), first_line: index as u32 + 2 };
            parts.push(std::mem::replace(&mut current, next));
        } else {
            current.text.push_str(line);
        }
    }
    parts.push(current);
    parts.retain(|part| {
        part.text.lines().any(|line| {
            let line = line.trim();
            !line.is_empty() && !line.starts_with("//")
        })
    });
    parts
}

/// Parses, verifies and transforms one part; its printed IR, or `None` after writing the
/// errors to `stderr`.
fn process(
    options: &Options,
    registry: &Registry,
    file: &str,
    part: &Part,
    stderr: &mut String,
) -> Option<String> {
    let mut module = match parse_module(&part.text, registry) {
        Ok(module) => module,
        Err(error) => {
            let line = error.line + part.first_line - 1;
            writeln!(stderr, "{file}:{line}:{}: error: {}", error.column, error.message).unwrap();
            return None;
        }
    };
    if options.verify {
        if let Err(errors) = verify(&module) {
            for error in errors {
                writeln!(stderr, "error: {error}").unwrap();
            }
            return None;
        }
    }
    let mut manager = PassManager::new();
    for name in &options.passes {
        manager.add(pass_by_name(name).expect("names were checked when parsing options"));
    }
    manager.verify_each(options.verify);
    let dumps = Rc::new(RefCell::new(String::new()));
    if options.print_ir_after_all {
        let sink = Rc::clone(&dumps);
        manager.print_after_each(Box::new(move |pass, ir| {
            let mut dumps = sink.borrow_mut();
            writeln!(dumps, "// -----// IR Dump After {pass} //----- //").unwrap();
            dumps.push_str(ir);
        }));
    }
    let result = manager.run(&mut module);
    stderr.push_str(&dumps.borrow());
    match result {
        Ok(()) => Some(print_module(&module)),
        Err(error) => {
            writeln!(stderr, "error: {error}").unwrap();
            None
        }
    }
}
