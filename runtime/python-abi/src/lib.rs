//! The contract between the runtime (`mlc-runtime`) and the Python bridge
//! (`mlc-python-bridge`, a shared library built with pyo3).
//!
//! Why two sides: the runtime is linked into every program, most of which never touch
//! Python, and it must not depend on a libpython at link time (executables are static, and
//! which Python to use is decided when the program runs: `MLC_PYTHON`, the project's
//! environment, or `python3`). So the runtime loads the chosen Python's libpython and then
//! the bridge with `dlopen`, and the two talk through the [`Bridge`] table of C functions
//! defined here, the only thing both crates share.
//!
//! Conventions of every function in the table:
//! - the caller holds the GIL (the runtime keeps it on the thread that started Python);
//! - a [`PyPtr`] argument is borrowed, a [`PyPtr`] result is a new reference;
//! - failure is a null result or a negative status, with the Python exception set: the
//!   runtime then calls [`Bridge::fetch_error`], which takes it.

#![no_std]

use core::ffi::c_void;

/// A `PyObject*`, opaque to the runtime.
pub type PyPtr = *mut c_void;

/// Changed whenever the table or a structure below changes: the runtime refuses a bridge
/// of another version rather than calling through a table of another shape.
pub const ABI_VERSION: u32 = 3;

/// The symbol of the bridge's entry point, a [`BridgeEntry`].
pub const ENTRY_SYMBOL: &[u8] = b"mlc_python_bridge\0";

/// `mlc_python_bridge()`: the bridge's table of functions (static, never freed).
pub type BridgeEntry = unsafe extern "C" fn() -> *const Bridge;

/// Borrowed UTF-8 text.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Text {
    pub ptr: *const u8,
    pub len: usize,
}

impl Text {
    pub const fn new(text: &str) -> Text {
        Text { ptr: text.as_ptr(), len: text.len() }
    }

    /// # Safety
    ///
    /// `ptr` points to `len` bytes of UTF-8 that outlive `'a`.
    pub unsafe fn as_str<'a>(self) -> &'a str {
        if self.len == 0 {
            return "";
        }
        // SAFETY: as the caller promises.
        unsafe { core::str::from_utf8_unchecked(core::slice::from_raw_parts(self.ptr, self.len)) }
    }
}

/// Receives text from the bridge: `sink(context, bytes, len)` appends UTF-8 bytes.
pub type TextSink = unsafe extern "C" fn(context: *mut c_void, bytes: *const u8, len: usize);

/// Where to start the interpreter from, as the chosen `python` executable reported it.
#[repr(C)]
pub struct StartConfig {
    /// `sys.executable` of the chosen Python.
    pub executable: Text,
    pub prefix: Text,
    pub exec_prefix: Text,
    /// `sys.path` entries, joined by `\n`: the folder of the program's source file first,
    /// then the chosen Python's own path (its site-packages included).
    pub path: Text,
    /// `sys.argv[0]`: the program.
    pub program: Text,
}

/// Binary operators of [`Bridge::binary`] (the IR's `py.binary` names, in this order).
pub const BINARY_OPERATORS: [&str; 13] = [
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and", "or", "xor",
    "lshift", "rshift",
];
/// Unary operators of [`Bridge::unary`].
pub const UNARY_OPERATORS: [&str; 3] = ["neg", "pos", "invert"];
/// Comparisons of [`Bridge::compare`]: the six rich comparisons in CPython's order
/// (`Py_LT` = 0 ... `Py_GE` = 5), then `in` and `is`.
pub const COMPARISONS: [&str; 8] = ["lt", "le", "eq", "ne", "gt", "ge", "in", "is"];

/// Element types of tensors crossing the boundary, as DLPack names them.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DType {
    /// [`DTYPE_INT`], [`DTYPE_UINT`], [`DTYPE_FLOAT`], [`DTYPE_BFLOAT`] or [`DTYPE_BOOL`].
    pub code: u8,
    pub bits: u8,
}

pub const DTYPE_INT: u8 = 0;
pub const DTYPE_UINT: u8 = 1;
pub const DTYPE_FLOAT: u8 = 2;
pub const DTYPE_BFLOAT: u8 = 4;
pub const DTYPE_BOOL: u8 = 6;

/// The most dimensions a tensor view carries (numpy's own limit).
pub const MAX_DIMS: usize = 64;

/// Releases what keeps shared memory alive: called once, with the GIL held.
pub type Release = unsafe extern "C" fn(keeper: *mut c_void);

/// A Python object's memory seen as a native tensor ([`Bridge::tensor_view`]).
#[repr(C)]
pub struct TensorView {
    pub data: *mut u8,
    pub dtype: DType,
    pub ndim: usize,
    pub shape: [i64; MAX_DIMS],
    /// In elements.
    pub strides: [i64; MAX_DIMS],
    /// Keeps the memory alive (the exporter's buffer or DLPack capsule) until `release`.
    pub keeper: *mut c_void,
    pub release: Option<Release>,
}

/// A native tensor's memory offered to Python ([`Bridge::tensor_export`]).
#[repr(C)]
pub struct TensorExport {
    pub data: *mut u8,
    pub dtype: DType,
    pub ndim: usize,
    pub shape: *const i64,
    /// In elements.
    pub strides: *const i64,
    /// The native tensor, released (`release(keeper)`) when Python no longer uses it.
    pub keeper: *mut c_void,
    pub release: Release,
}

/// The bridge's functions. See the crate documentation for the conventions.
#[repr(C)]
pub struct Bridge {
    pub abi_version: u32,

    /// Starts the interpreter and leaves the GIL held by the calling thread. On failure,
    /// writes why to `error` and returns false.
    pub start: unsafe extern "C" fn(
        config: *const StartConfig,
        error: TextSink,
        context: *mut c_void,
    ) -> bool,
    /// At the program's end: runs `atexit` handlers, collects garbage and flushes Python's
    /// streams (the interpreter is not finalized: the process exits next): 0, or -1.
    pub finish: unsafe extern "C" fn() -> i32,
    /// Releases the GIL around native work: the thread state to give back to
    /// `restore_thread`.
    pub save_thread: unsafe extern "C" fn() -> *mut c_void,
    pub restore_thread: unsafe extern "C" fn(state: *mut c_void),

    /// CPython's `Py_IncRef` and `Py_DecRef` themselves.
    pub incref: unsafe extern "C" fn(object: PyPtr),
    pub decref: unsafe extern "C" fn(object: PyPtr),
    /// Takes the pending exception, writing its type's name, its message (`str(e)`) and its
    /// formatted traceback. False when no exception was pending.
    pub fetch_error: unsafe extern "C" fn(
        sink: TextSink,
        type_name: *mut c_void,
        message: *mut c_void,
        traceback: *mut c_void,
    ) -> bool,
    /// Raises `TypeError(message)`: the runtime's own conversion errors take the same path
    /// as Python's.
    pub raise_type_error: unsafe extern "C" fn(message: Text),
    /// `raise o`: sets `o` (an exception instance or class) as the pending exception, or a
    /// `TypeError` when it is neither.
    pub raise_object: unsafe extern "C" fn(exception: PyPtr),

    pub import: unsafe extern "C" fn(name: Text) -> PyPtr,
    pub none: unsafe extern "C" fn() -> PyPtr,
    pub getattr: unsafe extern "C" fn(object: PyPtr, name: Text) -> PyPtr,
    pub setattr: unsafe extern "C" fn(object: PyPtr, name: Text, value: PyPtr) -> i32,
    /// CPython's `PyObject_Vectorcall` itself (the hot path: no wrapper in between):
    /// `callable(*args[..positional], **{names[i]: args[positional + i]})`, `names` being
    /// `keyword_names` (a tuple of `str`, or null for none).
    pub vectorcall: unsafe extern "C" fn(
        callable: PyPtr,
        args: *const PyPtr,
        positional: usize,
        keyword_names: PyPtr,
    ) -> PyPtr,
    pub getitem: unsafe extern "C" fn(object: PyPtr, key: PyPtr) -> PyPtr,
    pub setitem: unsafe extern "C" fn(object: PyPtr, key: PyPtr, value: PyPtr) -> i32,
    pub slice: unsafe extern "C" fn(start: PyPtr, stop: PyPtr, step: PyPtr) -> PyPtr,
    /// [`BINARY_OPERATORS`]`[op]`.
    pub binary: unsafe extern "C" fn(op: u32, left: PyPtr, right: PyPtr) -> PyPtr,
    /// [`UNARY_OPERATORS`]`[op]`.
    pub unary: unsafe extern "C" fn(op: u32, operand: PyPtr) -> PyPtr,
    /// [`COMPARISONS`]`[op]`; `in` tests whether `left` is in `right`.
    pub compare: unsafe extern "C" fn(op: u32, left: PyPtr, right: PyPtr) -> PyPtr,
    /// `len(o)`, -1 on error.
    pub len: unsafe extern "C" fn(object: PyPtr) -> i64,
    /// `bool(o)`: 1, 0, or -1 on error.
    pub truthy: unsafe extern "C" fn(object: PyPtr) -> i32,
    /// `str(o)` (`repr(o)` when `repr`), written to `sink`: 0, or -1 on error.
    pub text: unsafe extern "C" fn(
        object: PyPtr,
        repr: bool,
        sink: TextSink,
        context: *mut c_void,
    ) -> i32,
    /// The qualified name of `type(o)` (`numpy.ndarray`, `int`).
    pub type_name: unsafe extern "C" fn(object: PyPtr, sink: TextSink, context: *mut c_void),
    pub iter: unsafe extern "C" fn(object: PyPtr) -> PyPtr,
    /// The next item into `item`: 1, 0 when exhausted, -1 on error.
    pub next: unsafe extern "C" fn(iterator: PyPtr, item: *mut PyPtr) -> i32,

    pub from_i64: unsafe extern "C" fn(value: i64) -> PyPtr,
    pub from_u64: unsafe extern "C" fn(value: u64) -> PyPtr,
    pub from_f64: unsafe extern "C" fn(value: f64) -> PyPtr,
    pub from_bool: unsafe extern "C" fn(value: bool) -> PyPtr,
    pub from_str: unsafe extern "C" fn(value: Text) -> PyPtr,
    /// New containers of `n` borrowed items.
    pub tuple: unsafe extern "C" fn(items: *const PyPtr, n: usize) -> PyPtr,
    pub list: unsafe extern "C" fn(items: *const PyPtr, n: usize) -> PyPtr,
    pub dict: unsafe extern "C" fn(keys: *const PyPtr, values: *const PyPtr, n: usize) -> PyPtr,

    /// `int(o)` into `out`: 0, or -1 on error (not a number, out of the i64 range).
    pub to_i64: unsafe extern "C" fn(object: PyPtr, out: *mut i64) -> i32,
    pub to_u64: unsafe extern "C" fn(object: PyPtr, out: *mut u64) -> i32,
    /// `float(o)`.
    pub to_f64: unsafe extern "C" fn(object: PyPtr, out: *mut f64) -> i32,

    /// Views `object` (a buffer such as a numpy array, or an object with `__dlpack__` such
    /// as a CPU torch tensor) as a tensor of `wanted` elements, `wanted_name` being the
    /// native type for messages (`Tensor[f32]`): 0, or -1 with `TypeError` raised on a
    /// dtype or device mismatch.
    pub tensor_view: unsafe extern "C" fn(
        object: PyPtr,
        wanted: DType,
        wanted_name: Text,
        out: *mut TensorView,
    ) -> i32,
    /// A Python object that shares a native tensor's memory: it supports the buffer
    /// protocol (`numpy.asarray`) and `__dlpack__` (`torch.from_dlpack`).
    pub tensor_export: unsafe extern "C" fn(tensor: *const TensorExport) -> PyPtr,
}
