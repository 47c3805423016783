//! The command line's shape: what `mlc` accepts, declared with clap's derive.
//!
//! Only parsing lives here; each command's behavior is in its own module. Colors are
//! resolved here too, because "auto" depends on the terminal and the environment, which
//! the rendering crate deliberately knows nothing about.

use clap::{Args, Parser, Subcommand, ValueEnum};
use mlc_diagnostics::render::ColorChoice;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "mlc",
    version,
    about = "The mlc compiler: a statically typed, Python-looking language for ML",
    after_help = "Exit codes: 0 success, 1 errors in the input, 2 invalid command line, \
                  101 internal compiler error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files for errors without building them.
    Check(CheckArgs),
    /// Compile a program to a native executable (LLVM), or emit one of its stages.
    Build(BuildArgs),
    /// Compile a program in memory (Cranelift JIT) and run it at once.
    Run(RunArgs),
    /// Explain a diagnostic code, such as E0201.
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The program's `.ml` file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// What to write: `exe` (a native executable, the default), `obj`, `asm`, `llvm` (LLVM
    /// IR), `ir` (mlc's IR after the default pipeline), `ir-raw` (as lowered), `ir-low` (the
    /// low form the back ends translate).
    #[arg(long, value_enum, default_value_t = Emit::Exe, value_name = "WHAT")]
    pub emit: Emit,

    /// Where to write it (default: the file's name without `.ml` for an executable, with
    /// `.o`/`.s`/`.ll` for the others; standard output for IR). `-` is standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Optimization level, 0 to 3. At 0, integer overflow panics.
    #[arg(short = 'O', long = "opt-level", default_value_t = 2, value_name = "N",
          value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt_level: u8,

    /// The CPU to generate code for (default: this machine's CPU and its features).
    #[arg(long, value_name = "CPU")]
    pub target_cpu: Option<String>,

    /// Emit debug line information.
    #[arg(short = 'g')]
    pub debug_info: bool,

    /// Write the IR after each pass of the pipeline to stderr.
    #[arg(long)]
    pub print_ir_after_all: bool,

    /// When to color diagnostics (as for `mlc check`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The program's `.ml` file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Compile with LLVM (optimized) instead of Cranelift.
    #[arg(long)]
    pub llvm: bool,

    /// Optimization level, 0 to 3 (default: 0 with Cranelift, 2 with `--llvm`). At 0,
    /// integer overflow panics.
    #[arg(short = 'O', long = "opt-level", value_name = "N",
          value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt_level: Option<u8>,

    /// When to color diagnostics (as for `mlc check`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// The program's arguments (`argv()[1:]`); put them after `--` if they start with `-`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    /// A native executable.
    Exe,
    /// An object file.
    Obj,
    /// Assembly.
    Asm,
    /// LLVM IR.
    Llvm,
    /// The IR after the default pipeline.
    Ir,
    /// The IR as lowered from the checked program.
    IrRaw,
    /// The low form the back ends translate (`docs/runtime.md`).
    IrLow,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The `.ml` files to check; each is checked on its own.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// How diagnostics are written: `human` text on stderr, or `json` (one object per
    /// line) on stdout.
    #[arg(long, value_enum, default_value_t = ErrorFormat::Human, value_name = "FORMAT")]
    pub error_format: ErrorFormat,

    /// When to color the output: `auto` colors when stderr is a terminal and `NO_COLOR` is
    /// not set.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Check the files as libraries: no `fn main()` is required.
    #[arg(long)]
    pub lib: bool,

    /// Also report files that are clean.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code such as `E0201` (the letter's case does not matter).
    pub code: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ErrorFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What the environment says about colors, gathered in one place so that the decision is a
/// plain function of it.
#[derive(Clone, Copy, Debug)]
pub struct Terminal {
    pub stderr_is_terminal: bool,
    /// `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
    pub no_color: bool,
}

impl Terminal {
    pub fn from_environment() -> Terminal {
        use std::io::IsTerminal;
        Terminal {
            stderr_is_terminal: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
        }
    }
}

/// `--color always` and `never` are obeyed as written; `auto` colors only a terminal, and
/// not when `NO_COLOR` asks for plain text.
pub fn resolve_color(when: ColorWhen, terminal: Terminal) -> ColorChoice {
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto if terminal.stderr_is_terminal && !terminal.no_color => ColorChoice::Always,
        ColorWhen::Auto => ColorChoice::Never,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn auto_colors_only_a_terminal_without_no_color() {
        let terminal = |stderr_is_terminal, no_color| Terminal { stderr_is_terminal, no_color };
        assert_eq!(resolve_color(ColorWhen::Auto, terminal(true, false)), ColorChoice::Always);
        assert_eq!(resolve_color(ColorWhen::Auto, terminal(false, false)), ColorChoice::Never);
        assert_eq!(resolve_color(ColorWhen::Auto, terminal(true, true)), ColorChoice::Never);
        assert_eq!(resolve_color(ColorWhen::Always, terminal(false, true)), ColorChoice::Always);
        assert_eq!(resolve_color(ColorWhen::Never, terminal(true, false)), ColorChoice::Never);
    }

    #[test]
    fn error_format_is_accepted_with_and_without_equals() {
        let cli =
            Cli::try_parse_from(["mlc", "check", "a.ml", "--error-format=json", "--lib"]).unwrap();
        let Command::Check(args) = cli.command else { panic!("expected `check`") };
        assert_eq!(args.error_format, ErrorFormat::Json);
        assert!(args.lib);
        let cli = Cli::try_parse_from(["mlc", "check", "--error-format", "human", "a.ml", "b.ml"])
            .unwrap();
        let Command::Check(args) = cli.command else { panic!("expected `check`") };
        assert_eq!(args.files.len(), 2);
    }
}
