//! `mlc-opt`: runs passes over IR text (see `mlc_transforms::opt`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let output = mlc_transforms::run_opt(&args, None);
    print!("{}", output.stdout);
    eprint!("{}", output.stderr);
    std::process::exit(output.exit_code);
}
