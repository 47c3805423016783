//! Finding a Python, loading it and the bridge, starting the interpreter: once per
//! process, on the first Python operation of a program.
//!
//! Which Python: `MLC_PYTHON` if set, else the project's own environment (the default the
//! compiler registered, when it exists), else `python3` on the `PATH`. The chosen
//! executable reports its version, paths and libpython; the runtime loads that libpython
//! (`RTLD_GLOBAL`, so the bridge's Python symbols resolve against it), then the bridge
//! (from the image an executable carries, or from the file next to the compiler for the
//! JIT), then starts the interpreter with the chosen Python's `sys.path`.
//!
//! The thread that starts Python keeps the GIL (it is the program's thread; objects belong
//! to one thread), except around long native work ([`without_gil`]).

use std::ffi::{c_char, c_void, CStr, CString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::thread::ThreadId;

use mlc_python_abi::{Bridge, BridgeEntry, StartConfig, Text, ABI_VERSION, ENTRY_SYMBOL};

use crate::panic::{fatal, Loc};

/// Names the Python to use, overriding every default.
pub const PYTHON_VARIABLE: &str = "MLC_PYTHON";

/// Where the bridge comes from.
enum BridgeSource {
    /// The shared library's bytes, carried by an executable (`mlc build`).
    Image(&'static [u8]),
    /// The shared library's file (`mlc run`, next to the compiler).
    File(PathBuf),
}

struct Registration {
    bridge: Option<BridgeSource>,
    /// The project's environment's `python`, tried after `MLC_PYTHON`.
    default_python: Option<PathBuf>,
}

static REGISTRATION: Mutex<Registration> =
    Mutex::new(Registration { bridge: None, default_python: None });

struct Started {
    bridge: &'static Bridge,
    thread: ThreadId,
}

static STARTED: OnceLock<Started> = OnceLock::new();

fn registration() -> std::sync::MutexGuard<'static, Registration> {
    REGISTRATION.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Records the bridge an executable carries and the default Python (called before `main`).
pub fn register_image(image: &'static [u8], default_python: Option<PathBuf>) {
    let mut registration = registration();
    registration.bridge = Some(BridgeSource::Image(image));
    registration.default_python = default_python;
}

/// Records the bridge's file and the default Python (the JIT's host does this).
pub fn register_file(bridge: PathBuf, default_python: Option<PathBuf>) {
    let mut registration = registration();
    registration.bridge = Some(BridgeSource::File(bridge));
    registration.default_python = default_python;
}

thread_local! {
    /// Whether this thread started Python (and holds the GIL): the fast path of [`bridge`].
    static ON_PYTHON_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The bridge of the running interpreter, starting it on first use; a program whose
/// Python cannot be started stops here with a message that says what is missing.
#[inline]
pub fn bridge(loc: Loc) -> &'static Bridge {
    if ON_PYTHON_THREAD.with(|on| on.get()) {
        if let Some(started) = STARTED.get() {
            return started.bridge;
        }
    }
    start_or_refuse(loc)
}

#[cold]
fn start_or_refuse(loc: Loc) -> &'static Bridge {
    let started = match STARTED.get() {
        Some(started) => started,
        None => match start() {
            Ok(bridge) => {
                STARTED.get_or_init(|| Started { bridge, thread: std::thread::current().id() })
            }
            Err(message) => fatal(&format!("cannot start Python: {message}"), Some(&loc)),
        },
    };
    if started.thread != std::thread::current().id() {
        fatal("Python objects can only be used from the thread that started Python", Some(&loc));
    }
    ON_PYTHON_THREAD.with(|on| on.set(true));
    started.bridge
}

/// The bridge if Python was started (by this process), for releasing objects and exiting.
pub fn started() -> Option<&'static Bridge> {
    STARTED.get().map(|started| started.bridge)
}

/// Runs `work` with the GIL released when this thread holds it: long native work (a matrix
/// product) lets Python's other threads run meanwhile.
pub fn without_gil<R>(work: impl FnOnce() -> R) -> R {
    match STARTED.get() {
        Some(started) if started.thread == std::thread::current().id() => {
            // SAFETY: this thread holds the GIL (it started Python and keeps it).
            let state = unsafe { (started.bridge.save_thread)() };
            let result = work();
            // SAFETY: the state just saved, on the same thread.
            unsafe { (started.bridge.restore_thread)(state) };
            result
        }
        _ => work(),
    }
}

/// What the chosen `python` says about itself.
struct PythonFacts {
    version: (u32, u32),
    executable: String,
    prefix: String,
    exec_prefix: String,
    base_prefix: String,
    shared: bool,
    library_folder: String,
    library_name: String,
    path: Vec<String>,
}

const QUERY: &str = "\
import sys, sysconfig
v = sysconfig.get_config_var
print(sys.version_info[0], sys.version_info[1])
print(sys.executable)
print(sys.prefix)
print(sys.exec_prefix)
print(sys.base_prefix)
print(v('Py_ENABLE_SHARED') or 0)
print(v('LIBDIR') or '')
print(v('INSTSONAME') or v('LDLIBRARY') or '')
for p in sys.path:
    if p:
        print(p)
";

/// The Python to use and why (for messages).
fn choose_python() -> Result<(PathBuf, String), String> {
    if let Some(named) = std::env::var_os(PYTHON_VARIABLE) {
        return Ok((PathBuf::from(named), PYTHON_VARIABLE.to_string()));
    }
    if let Some(default) = registration().default_python.clone() {
        if default.is_file() {
            return Ok((default, "the project's environment".to_string()));
        }
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for folder in std::env::split_paths(&path) {
        let candidate = folder.join("python3");
        if candidate.is_file() {
            return Ok((candidate, "`python3` on the PATH".to_string()));
        }
    }
    Err(format!(
        "no Python was found: {PYTHON_VARIABLE} is not set, there is no project environment, \
         and there is no `python3` on the PATH. Set {PYTHON_VARIABLE} to a python3 (3.11 or \
         newer) that has numpy, torch or whatever the program imports"
    ))
}

fn query(python: &Path, why: &str) -> Result<PythonFacts, String> {
    let shown = python.display();
    let output = Command::new(python).arg("-c").arg(QUERY).output().map_err(|e| {
        format!("could not run {shown} (chosen by {why}): {e}; set {PYTHON_VARIABLE} to a working python3")
    })?;
    if !output.status.success() {
        return Err(format!(
            "{shown} (chosen by {why}) failed to describe itself ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut lines = text.lines();
    let mut next = || lines.next().map(str::to_string).unwrap_or_default();
    let version_line = next();
    let mut version = version_line.split(' ').map(|part| part.parse::<u32>().unwrap_or(0));
    let facts = PythonFacts {
        version: (version.next().unwrap_or(0), version.next().unwrap_or(0)),
        executable: next(),
        prefix: next(),
        exec_prefix: next(),
        base_prefix: next(),
        shared: next().trim() == "1",
        library_folder: next(),
        library_name: next(),
        path: lines.map(str::to_string).collect(),
    };
    if facts.version < (3, 11) {
        return Err(format!(
            "{shown} (chosen by {why}) is Python {}.{}; mlc needs 3.11 or newer: set \
             {PYTHON_VARIABLE} to a newer python3",
            facts.version.0, facts.version.1
        ));
    }
    if !facts.shared || facts.library_name.is_empty() {
        return Err(format!(
            "{shown} (chosen by {why}) has no shared libpython (it was built without \
             --enable-shared), which running Python inside a program needs: set \
             {PYTHON_VARIABLE} to a python3 that has one (Debian's, or pyenv's built with \
             PYTHON_CONFIGURE_OPTS=--enable-shared)"
        ));
    }
    Ok(facts)
}

const RTLD_NOW: i32 = 2;
const RTLD_GLOBAL: i32 = 0x100;
const MFD_CLOEXEC: u32 = 1;

extern "C" {
    fn dlopen(filename: *const c_char, flags: i32) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
    fn memfd_create(name: *const c_char, flags: u32) -> i32;
}

fn last_dl_error() -> String {
    // SAFETY: dlerror returns null or a C string valid until the next dl call.
    let error = unsafe { dlerror() };
    if error.is_null() {
        "unknown error".to_string()
    } else {
        // SAFETY: a C string, per the above.
        unsafe { CStr::from_ptr(error) }.to_string_lossy().into_owned()
    }
}

fn load(path: &str, flags: i32) -> Result<*mut c_void, String> {
    let c_path = CString::new(path).map_err(|_| format!("a NUL in the path {path}"))?;
    // SAFETY: a C string; loading runs the library's constructors, which is the point.
    let handle = unsafe { dlopen(c_path.as_ptr(), flags) };
    if handle.is_null() {
        return Err(last_dl_error());
    }
    Ok(handle)
}

/// Loads the bridge from where it was registered.
fn load_bridge() -> Result<*mut c_void, String> {
    let source = match registration().bridge.as_ref() {
        Some(BridgeSource::Image(image)) => BridgeSource::Image(image),
        Some(BridgeSource::File(path)) => BridgeSource::File(path.clone()),
        None => {
            return Err("this program was built without mlc's Python bridge (an internal \
                        error: programs that use Python carry it)"
                .to_string())
        }
    };
    match source {
        BridgeSource::File(path) => load(&path.to_string_lossy(), RTLD_NOW)
            .map_err(|e| format!("could not load mlc's Python bridge {}: {e}", path.display())),
        BridgeSource::Image(image) => {
            // The image goes to an anonymous in-memory file that is then loaded by its
            // /proc path: nothing is written to disk.
            // SAFETY: a C string name; the flag closes the descriptor in child processes.
            let fd = unsafe { memfd_create(c"mlc-python-bridge".as_ptr(), MFD_CLOEXEC) };
            if fd < 0 {
                return Err(format!(
                    "could not create a memory file for mlc's Python bridge: {}",
                    std::io::Error::last_os_error()
                ));
            }
            use std::io::Write;
            use std::os::fd::FromRawFd;
            // SAFETY: a descriptor we own from here on.
            let mut file = unsafe { std::fs::File::from_raw_fd(fd) };
            file.write_all(image)
                .map_err(|e| format!("could not write mlc's Python bridge to memory: {e}"))?;
            let handle = load(&format!("/proc/self/fd/{fd}"), RTLD_NOW)
                .map_err(|e| format!("could not load mlc's Python bridge: {e}"));
            drop(file);
            handle
        }
    }
}

fn start() -> Result<&'static Bridge, String> {
    let (python, why) = choose_python()?;
    let facts = query(&python, &why)?;
    let library = Path::new(&facts.library_folder).join(&facts.library_name);
    let library_path = library.to_string_lossy().into_owned();
    load(&library_path, RTLD_NOW | RTLD_GLOBAL)
        .or_else(|first| load(&facts.library_name, RTLD_NOW | RTLD_GLOBAL).map_err(|_| first))
        .map_err(|e| {
            format!(
                "could not load {library_path}, the libpython of {} (chosen by {why}): {e}; set \
                 {PYTHON_VARIABLE} to a python3 whose libpython is installed",
                python.display()
            )
        })?;
    let handle = load_bridge()?;
    // SAFETY: a C string symbol name.
    let entry = unsafe { dlsym(handle, ENTRY_SYMBOL.as_ptr().cast()) };
    if entry.is_null() {
        return Err(format!("mlc's Python bridge has no entry point: {}", last_dl_error()));
    }
    // SAFETY: the bridge's entry point has this signature (`mlc-python-abi`).
    let entry: BridgeEntry = unsafe { std::mem::transmute::<*mut c_void, BridgeEntry>(entry) };
    // SAFETY: returns its static table.
    let bridge: &'static Bridge = unsafe { &*entry() };
    if bridge.abi_version != ABI_VERSION {
        return Err(format!(
            "mlc's Python bridge speaks ABI version {}, this runtime {ABI_VERSION}: rebuild both",
            bridge.abi_version
        ));
    }
    let program = crate::process::args().first().cloned().unwrap_or_default();
    let path = facts.path.join("\n");
    let config = StartConfig {
        executable: Text::new(&facts.executable),
        prefix: Text::new(&facts.prefix),
        exec_prefix: Text::new(&facts.exec_prefix),
        path: Text::new(&path),
        program: Text::new(&program),
    };
    // The interpreter finds its standard library from PYTHONHOME (its own guess would
    // start from this program's location); the variable is only set while it starts.
    let home_was_set = std::env::var_os("PYTHONHOME").is_some();
    if !home_was_set {
        std::env::set_var("PYTHONHOME", &facts.base_prefix);
    }
    let mut error = String::new();
    // SAFETY: a valid configuration whose texts outlive the call; the sink appends to
    // `error`.
    let started = unsafe {
        (bridge.start)(&config, super::text::append_to_string, (&mut error as *mut String).cast())
    };
    if !home_was_set {
        std::env::remove_var("PYTHONHOME");
    }
    if !started {
        return Err(format!("{} (chosen by {why}): {error}", python.display()));
    }
    Ok(bridge)
}
