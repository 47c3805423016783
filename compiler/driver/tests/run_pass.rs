//! The run-pass suite: every program of `tests/run/` (see its README) is compiled and run
//! four ways — Cranelift (`mlc run`) unoptimized and optimized, LLVM (`mlc build`) at `-O0`
//! and `-O2` — and each way must write exactly the `.out` file to stdout and exit with the
//! header's `# Exit:` code. A panic's message (stderr) must name the program's file, a line
//! and a column. Every run has `MLC_CHECK_LEAKS` set: a program that ends with a runtime
//! object still allocated fails (reference counting releases everything `main` made).
//!
//! `MLC_RUN_FILTER=substring` runs only the programs whose name contains it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// Programs that cannot run yet, each with the reason. Keep this list short and honest.
const NOT_YET: &[(&str, &str)] =
    &[("module_imports", "compares with `None`, a Python object: needs Python interop")];

#[derive(Clone, Copy, Debug)]
enum Way {
    Cranelift { optimize: bool },
    Llvm { opt_level: u8 },
}

const WAYS: &[Way] = &[
    Way::Cranelift { optimize: false },
    Way::Cranelift { optimize: true },
    Way::Llvm { opt_level: 0 },
    Way::Llvm { opt_level: 2 },
];

struct Program {
    path: PathBuf,
    name: String,
    expected_stdout: String,
    expected_exit: i32,
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn programs() -> Vec<Program> {
    let folder = repository().join("tests/run");
    let filter = std::env::var("MLC_RUN_FILTER").unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("tests/run exists")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let name = path.file_stem()?.to_string_lossy().to_string();
            if !name.contains(&filter) || NOT_YET.iter().any(|(skipped, _)| *skipped == name) {
                return None;
            }
            let source = std::fs::read_to_string(&path).expect("a readable program");
            let expected_exit = source
                .lines()
                .find_map(|line| line.strip_prefix("# Exit:"))
                .map(|code| code.trim().parse().expect("an integer exit code"))
                .unwrap_or_else(|| panic!("{name}: no `# Exit:` header"));
            let expected_stdout = std::fs::read_to_string(path.with_extension("out"))
                .unwrap_or_else(|_| panic!("{name}: no .out file"));
            Some(Program { path, name, expected_stdout, expected_exit })
        })
        .collect()
}

fn mlc() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mlc"))
}

/// Runs `program` one way; `Err` says how it went wrong.
fn run(program: &Program, way: Way, scratch: &Path) -> Result<(), String> {
    let relative = program.path.strip_prefix(repository()).unwrap_or(&program.path);
    let output = match way {
        Way::Cranelift { optimize } => {
            let mut command = mlc();
            command
                .current_dir(repository())
                .env("MLC_CHECK_LEAKS", "1")
                .arg("run")
                .arg(relative)
                .arg("--color=never");
            if optimize {
                command.arg("-O2");
            }
            command.output().map_err(|e| format!("could not start mlc: {e}"))?
        }
        Way::Llvm { opt_level } => {
            let executable = scratch.join(format!("{}-O{opt_level}", program.name));
            let build = mlc()
                .current_dir(repository())
                .args(["build", "--color=never", &format!("-O{opt_level}"), "-o"])
                .arg(&executable)
                .arg(relative)
                .output()
                .map_err(|e| format!("could not start mlc: {e}"))?;
            if !build.status.success() {
                return Err(format!(
                    "mlc build failed ({}):\n{}",
                    build.status,
                    String::from_utf8_lossy(&build.stderr)
                ));
            }
            let output = Command::new(&executable)
                .current_dir(repository())
                .env("MLC_CHECK_LEAKS", "1")
                .output()
                .map_err(|e| format!("could not start the executable: {e}"))?;
            std::fs::remove_file(&executable).ok();
            output
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if stdout != program.expected_stdout {
        problems.push(format!(
            "stdout differs:\n--- expected\n{}--- found\n{}",
            program.expected_stdout, stdout
        ));
    }
    if code != program.expected_exit {
        problems.push(format!("exit code {code}, expected {}", program.expected_exit));
    }
    if stderr.contains("leak check:") {
        problems.push("objects were still allocated at exit".to_string());
    }
    if program.expected_exit == 1 {
        let file = format!("{}:", relative.display());
        if !stderr.contains(&file) {
            problems.push(format!("the error message does not name {file}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr\n{stderr}", problems.join("\n")))
    }
}

#[test]
fn every_program_runs_the_same_through_both_back_ends_at_both_levels() {
    let programs = programs();
    assert!(
        programs.len() >= 80 || std::env::var("MLC_RUN_FILTER").is_ok(),
        "expected at least 80 run-pass programs, found {}",
        programs.len()
    );
    let scratch = std::env::temp_dir().join(format!("mlc-run-pass-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let jobs: Vec<(&Program, Way)> =
        programs.iter().flat_map(|p| WAYS.iter().map(move |&w| (p, w))).collect();
    let next = Mutex::new(0usize);
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let index = {
                    let mut next = next.lock().unwrap();
                    let index = *next;
                    *next += 1;
                    index
                };
                let Some(&(program, way)) = jobs.get(index) else { break };
                if let Err(problem) = run(program, way, &scratch) {
                    failures.lock().unwrap().push(format!("{} ({way:?}): {problem}", program.name));
                }
            });
        }
    });
    std::fs::remove_dir_all(&scratch).ok();
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} runs failed:\n\n{}",
        failures.len(),
        jobs.len(),
        failures.join("\n\n")
    );
}

/// The differential half: the expected outputs of the programs that mean the same in Python
/// are CPython's. `to_python.py --check` translates each of them, runs it with `python3` and
/// compares with its `.out` and `# Exit:`; the test above compares mlc with the same files.
#[test]
fn the_expected_outputs_are_what_cpython_prints() {
    let output = Command::new("python3")
        .arg(repository().join("tests/run/to_python.py"))
        .arg("--check")
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("0 problem(s)"), "{stdout}");
}
