//! The `mlc` command line, as a library so that tests can run its commands in-process.
//!
//! The binary (`main.rs`) only parses the arguments and hands them to [`run`] inside
//! [`ice::catch_internal_errors`]. This crate is where the compiler meets the outside world:
//! it reads files, decides about colors and terminals, and sets exit codes ([`exit_code`]);
//! the compiler crates it calls do no IO.

pub mod build;
pub mod check;
pub mod cli;
pub mod compile;
pub mod explain;
pub mod ice;
pub mod native;
pub mod run;

pub use check::{check_sources, CheckOptions, CheckOutput, Verbosity};

use cli::{Cli, Command, Terminal};
use mlc_diagnostics::render::ColorChoice;
use std::io::Write;

/// The process exit codes of `mlc`. (Clap itself exits with 2 on an invalid command line.)
pub mod exit_code {
    /// Success: no errors (warnings allowed).
    pub const SUCCESS: i32 = 0;
    /// The input had errors, or a file could not be read, or the request made no sense.
    pub const FAILURE: i32 = 1;
    /// A bug in mlc: it panicked (an internal compiler error).
    pub const INTERNAL_ERROR: i32 = 101;
}

/// Where a command writes: the process's streams, or buffers in tests.
pub struct Streams<'out> {
    pub stdout: &'out mut dyn Write,
    pub stderr: &'out mut dyn Write,
}

/// Runs one parsed command and returns its exit code.
pub fn run(cli: Cli, terminal: Terminal, streams: &mut Streams<'_>) -> i32 {
    ice::panic_if_test_requested();
    match &cli.command {
        Command::Check(args) => check::run_check(args, terminal, streams),
        Command::Build(args) => build::run_build(args, terminal, streams),
        Command::Run(args) => run::run_program(args, terminal, streams),
        Command::Explain(args) => {
            let color = cli::resolve_color(cli::ColorWhen::Auto, terminal);
            explain::explain(&args.code, color, streams)
        }
    }
}

/// The severity word that starts a message of the driver's own (`error: could not read ...`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Level {
    Error,
}

/// `error`, in bold red when colors are on (the same as the diagnostics' headers).
pub(crate) fn paint_level(level: Level, color: ColorChoice) -> &'static str {
    match (level, color) {
        (Level::Error, ColorChoice::Always) => "\x1b[1;31merror\x1b[0m",
        (Level::Error, ColorChoice::Never) => "error",
    }
}
