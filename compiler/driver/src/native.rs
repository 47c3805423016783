//! The back ends as the driver uses them: LLVM for `mlc build` and `mlc run --llvm`,
//! Cranelift for `mlc run`, and where the runtime library that executables link is found.

use std::path::{Path, PathBuf};

use mlc_ir::Module;

/// The environment variable that names the runtime's static library explicitly.
pub const RUNTIME_LIBRARY_VARIABLE: &str = "MLC_RUNTIME_LIB";
const RUNTIME_LIBRARY_NAME: &str = "libmlc_runtime.a";

/// The environment variable that names the Python bridge explicitly.
pub const PYTHON_BRIDGE_VARIABLE: &str = "MLC_PYTHON_BRIDGE";
const PYTHON_BRIDGE_NAME: &str = "libmlc_python_bridge.so";

/// The runtime's static library: `$MLC_RUNTIME_LIB`, else next to the `mlc` executable (or
/// one folder up, where test executables live), else an error that says how to fix it.
pub fn runtime_library() -> Result<PathBuf, String> {
    find_beside_mlc(RUNTIME_LIBRARY_VARIABLE, RUNTIME_LIBRARY_NAME, "mlc-runtime")
}

/// The Python bridge (a shared library), found as the runtime library is.
pub fn python_bridge() -> Result<PathBuf, String> {
    find_beside_mlc(PYTHON_BRIDGE_VARIABLE, PYTHON_BRIDGE_NAME, "mlc-python-bridge")
}

fn find_beside_mlc(variable: &str, name: &str, package: &str) -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(variable) {
        let path = PathBuf::from(path);
        if path.is_file() {
            return Ok(path);
        }
        return Err(format!("{variable} names {}, which is not a file", path.display()));
    }
    let executable = std::env::current_exe().map_err(|e| format!("where is mlc? {e}"))?;
    let mut searched = Vec::new();
    for folder in executable.ancestors().skip(1).take(2) {
        let candidate = folder.join(name);
        if candidate.is_file() {
            return Ok(candidate);
        }
        searched.push(candidate.display().to_string());
    }
    Err(format!(
        "{name} was not found (looked at {}); build it with `cargo build -p {package}` next to \
         mlc, or set {variable}",
        searched.join(", ")
    ))
}

/// The `python` of the project's own environment (`.venv`, made by `scripts/setup.sh`),
/// when it exists: what programs use when `MLC_PYTHON` is not set. Not resolved through
/// its symbolic link, which would lose the environment.
pub fn project_python() -> Option<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().ok()?;
    let python = workspace.join(".venv/bin/python");
    python.is_file().then_some(python)
}

/// Whether lowered `module` calls into Python (it then needs the bridge).
pub fn uses_python(module: &Module) -> bool {
    let mut found = false;
    for &top in &module.blocks[module.body()].ops {
        module.walk(top, &mut |op| {
            let op = &module.ops[op];
            found |= op.name() == "ll.call"
                && matches!(op.attributes.get("callee"),
                    Some(mlc_ir::Attribute::String(callee)) if callee.starts_with("mlc_py_"));
        });
    }
    found
}

/// Tells the runtime linked into this process (the JIT's) where the bridge is.
pub fn register_python_bridge_for_jit() -> Result<(), String> {
    mlc_runtime::python::register_file(python_bridge()?, project_python());
    Ok(())
}

pub fn llvm_options(
    path: &str,
    opt_level: u8,
    target_cpu: Option<String>,
    debug_info: bool,
) -> mlc_llvm::LlvmOptions {
    let opt_level = match opt_level {
        0 => mlc_llvm::OptLevel::O0,
        1 => mlc_llvm::OptLevel::O1,
        2 => mlc_llvm::OptLevel::O2,
        _ => mlc_llvm::OptLevel::O3,
    };
    mlc_llvm::LlvmOptions { opt_level, target_cpu, debug_info, source_name: path.to_string() }
}

/// The codegen options for the program at `path`: overflow checks as asked, and the
/// program's folder for Python's `sys.path`.
pub fn codegen_options(path: &str, overflow_checks: bool) -> mlc_codegen::CodegenOptions {
    let source_folder = Path::new(path)
        .canonicalize()
        .ok()
        .and_then(|file| file.parent().map(|folder| folder.to_string_lossy().into_owned()));
    mlc_codegen::CodegenOptions { overflow_checks, source_folder }
}

/// Compiles `module` with LLVM and links it into the executable `output`.
pub fn build_executable(
    module: &Module,
    options: &mlc_llvm::LlvmOptions,
    output: &Path,
) -> Result<(), String> {
    let object =
        mlc_llvm::compile(module, options, mlc_llvm::Emit::Object).map_err(|e| e.message)?;
    let runtime = runtime_library()?;
    let folder = tempfile_folder()?;
    let object_path = folder.join("program.o");
    std::fs::write(&object_path, object)
        .map_err(|e| format!("could not write {}: {e}", object_path.display()))?;
    let python = if uses_python(module) {
        Some(mlc_llvm::PythonBridge { library: python_bridge()?, default_python: project_python() })
    } else {
        None
    };
    let linked = mlc_llvm::link_executable(&object_path, &runtime, python.as_ref(), output)
        .map_err(|e| e.message);
    std::fs::remove_dir_all(&folder).ok();
    linked
}

/// A fresh private folder under the system's temporary folder.
pub fn tempfile_folder() -> Result<PathBuf, String> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let base = std::env::temp_dir();
    for _ in 0..100 {
        let name = format!(
            "mlc-{}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(0)
        );
        let folder = base.join(name);
        if std::fs::create_dir(&folder).is_ok() {
            return Ok(folder);
        }
    }
    Err(format!("could not create a temporary folder in {}", base.display()))
}

/// The address of runtime function `name`, for the JIT.
pub fn runtime_symbol(name: &str) -> Option<*const u8> {
    mlc_runtime::exports().iter().find(|export| export.name == name).map(|export| export.address)
}
