//! Every example of `examples/` runs through both back ends (Cranelift unoptimized, LLVM at
//! `-O2`) and writes exactly its `.out` file. The `.out` files of the programs that mean the
//! same in Python (mandelbrot, nbody, word_freq) come from CPython through
//! `tests/run/to_python.py`; the tensor programs' come from mlc itself (its seeded generator)
//! and guard against changes. Each runs with `MLC_CHECK_LEAKS` set, so one that ends with
//! a runtime object still allocated exits with code 3 and fails.

use std::path::Path;
use std::process::Command;

/// Examples that cannot run on the CPU back ends yet, with the reason.
const NOT_YET: &[(&str, &str)] =
    &[("saxpy_kernel", "needs GPU kernels (or their CPU fallback) in the back ends")];

#[test]
fn every_example_runs_and_writes_its_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let scratch = std::env::temp_dir().join(format!("mlc-examples-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let mut examples: Vec<_> = std::fs::read_dir(root.join("examples"))
        .expect("examples/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ml"))
        .collect();
    examples.sort();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in &examples {
        let name = path.file_stem().expect("a name").to_string_lossy().to_string();
        if NOT_YET.iter().any(|(skipped, _)| *skipped == name) {
            continue;
        }
        let expected = std::fs::read_to_string(path.with_extension("out"))
            .unwrap_or_else(|_| panic!("examples/{name}.out is missing"));
        let jit = Command::new(env!("CARGO_BIN_EXE_mlc"))
            .env("MLC_CHECK_LEAKS", "1")
            .arg("run")
            .arg(path)
            .output()
            .expect("mlc starts");
        let executable = scratch.join(&name);
        let build = Command::new(env!("CARGO_BIN_EXE_mlc"))
            .args(["build", "-O2", "-o"])
            .arg(&executable)
            .arg(path)
            .output()
            .expect("mlc starts");
        assert!(build.status.success(), "{name}: {}", String::from_utf8_lossy(&build.stderr));
        let native = Command::new(&executable)
            .env("MLC_CHECK_LEAKS", "1")
            .output()
            .expect("the example starts");
        for (way, output) in [("mlc run", jit), ("mlc build -O2", native)] {
            let stdout = String::from_utf8_lossy(&output.stdout);
            if !output.status.success() || stdout != expected {
                failures.push(format!(
                    "{name} ({way}): {}\n--- expected\n{expected}--- found\n{stdout}{}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
        }
        ran += 1;
    }
    std::fs::remove_dir_all(&scratch).ok();
    assert!(ran >= 6, "only {ran} examples ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
