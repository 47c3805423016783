//! Running folders of test programs: each `X.ml` with its expected stdout `X.out` and a
//! header of `# Key: value` lines (`tests/run/README.md`), compiled and run several ways in
//! parallel, every run with `MLC_CHECK_LEAKS` set.
//!
//! Headers: `# Exit: N` (required), `# Stderr: text` (stderr must contain it; repeatable),
//! `# Env: NAME=value` (set for the run; repeatable).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

#[derive(Clone, Copy, Debug)]
pub enum Way {
    Cranelift { optimize: bool },
    Llvm { opt_level: u8 },
}

pub struct Program {
    pub path: PathBuf,
    pub name: String,
    pub expected_stdout: String,
    pub expected_exit: i32,
    pub expected_stderr: Vec<String>,
    pub env: Vec<(String, String)>,
}

pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The programs of `folder` (relative to the repository) whose name contains
/// `MLC_RUN_FILTER`, except those in `skipped`.
pub fn programs(folder: &str, skipped: &[(&str, &str)]) -> Vec<Program> {
    let folder = repository().join(folder);
    let filter = std::env::var("MLC_RUN_FILTER").unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let name = path.file_stem()?.to_string_lossy().to_string();
            if !name.contains(&filter) || skipped.iter().any(|(skip, _)| *skip == name) {
                return None;
            }
            let source = std::fs::read_to_string(&path).expect("a readable program");
            let header = |key: &str| -> Vec<String> {
                source
                    .lines()
                    .take_while(|line| line.starts_with('#'))
                    .filter_map(|line| line.strip_prefix(key).map(|v| v.trim().to_string()))
                    .collect()
            };
            let expected_exit = header("# Exit:")
                .first()
                .map(|code| code.parse().expect("an integer exit code"))
                .unwrap_or_else(|| panic!("{name}: no `# Exit:` header"));
            let env = header("# Env:")
                .into_iter()
                .map(|pair| {
                    let (key, value) = pair.split_once('=').expect("`# Env: NAME=value`");
                    (key.to_string(), value.to_string())
                })
                .collect();
            let expected_stdout = std::fs::read_to_string(path.with_extension("out"))
                .unwrap_or_else(|_| panic!("{name}: no .out file"));
            Some(Program {
                path,
                name,
                expected_stdout,
                expected_exit,
                expected_stderr: header("# Stderr:"),
                env,
            })
        })
        .collect()
}

fn mlc() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mlc"))
}

/// Runs `program` one way; `Err` says how it went wrong.
pub fn run(program: &Program, way: Way, scratch: &Path) -> Result<(), String> {
    let relative = program.path.strip_prefix(repository()).unwrap_or(&program.path);
    let output = match way {
        Way::Cranelift { optimize } => {
            let mut command = mlc();
            command
                .current_dir(repository())
                .env("MLC_CHECK_LEAKS", "1")
                .envs(program.env.iter().map(|(k, v)| (k, v)))
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
                .envs(program.env.iter().map(|(k, v)| (k, v)))
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
    for expected in &program.expected_stderr {
        if !stderr.contains(expected.as_str()) {
            problems.push(format!("stderr does not contain `{expected}`"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr\n{stderr}", problems.join("\n")))
    }
}

/// Runs the programs of `folder` (at least `minimum` of them, unless filtered) every way and
/// fails with every failed run described.
pub fn check_suite(folder: &str, skipped: &[(&str, &str)], minimum: usize, ways: &[Way]) {
    let programs = programs(folder, skipped);
    assert!(
        programs.len() >= minimum || std::env::var("MLC_RUN_FILTER").is_ok(),
        "expected at least {minimum} programs in {folder}, found {}",
        programs.len()
    );
    let scratch = format!("mlc-{}", folder.replace('/', "-"));
    let (runs, failures) = run_all(&programs, ways, &scratch);
    assert!(
        failures.is_empty(),
        "{} of {runs} runs failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Runs every program every way, on a few threads; the failures, described.
pub fn run_all(programs: &[Program], ways: &[Way], scratch_name: &str) -> (usize, Vec<String>) {
    let scratch = std::env::temp_dir().join(format!("{scratch_name}-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let jobs: Vec<(&Program, Way)> =
        programs.iter().flat_map(|p| ways.iter().map(move |&w| (p, w))).collect();
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
    (jobs.len(), failures.into_inner().unwrap())
}
