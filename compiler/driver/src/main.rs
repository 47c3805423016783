//! The `mlc` executable: parse the command line, run the command, exit with its code
//! (0 success, 1 errors, 2 invalid command line, 101 internal compiler error).

use clap::Parser;
use mlc_driver::cli::{resolve_color, Cli, ColorWhen, Terminal};
use mlc_driver::{ice, run, Streams};
use std::process::ExitCode;

fn main() -> ExitCode {
    let terminal = Terminal::from_environment();
    let report_color = resolve_color(ColorWhen::Auto, terminal);
    let status = ice::catch_internal_errors(report_color, || {
        let cli = Cli::parse();
        let (mut stdout, mut stderr) = (std::io::stdout().lock(), std::io::stderr().lock());
        run(cli, terminal, &mut Streams { stdout: &mut stdout, stderr: &mut stderr })
    });
    ExitCode::from(u8::try_from(status).unwrap_or(u8::MAX))
}
