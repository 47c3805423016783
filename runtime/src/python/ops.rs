//! The functions generated code calls for the `py` dialect's ops (`docs/runtime.md`,
//! *Python*). Each starts Python on first use, keeps the output order (the runtime's
//! buffered stdout is flushed before Python may write), and raises a Python exception as an
//! mlc error at the op's location (returning null or zero; generated code checks).

use std::cell::RefCell;
use std::ffi::{c_char, CStr};

use mlc_python_abi::{Bridge, PyPtr, Text};

use crate::abi::exports;
use crate::object::Handle;
use crate::panic::Loc;

use super::errors;
use super::interpreter;
use super::object::{pointer, wrap};
use super::text::{append_to_string, context};

/// The bridge, Python started, before an operation at `loc`.
fn enter(file: *const c_char, line: i32, col: i32) -> (&'static Bridge, Loc) {
    let loc = Loc::new(file, line, col);
    crate::print::flush_stdout_before_foreign_output();
    (interpreter::bridge(loc), loc)
}

/// A new reference as a handle, or null with the exception raised as an mlc error.
#[inline(always)]
fn object_result(bridge: &Bridge, result: PyPtr, loc: Loc) -> Handle {
    if result.is_null() {
        errors::raise_pending(bridge, loc);
        return std::ptr::null_mut();
    }
    wrap(result)
}

fn status_result(bridge: &Bridge, status: i32, loc: Loc) {
    if status < 0 {
        errors::raise_pending(bridge, loc);
    }
}

/// # Safety
///
/// A NUL-terminated string from generated code.
unsafe fn c_text<'a>(text: *const c_char) -> &'a str {
    // SAFETY: as the caller promises; names in source files are UTF-8.
    unsafe { CStr::from_ptr(text) }.to_str().unwrap_or("")
}

/// Caches keyed by the address of a constant string of the generated code (checked against
/// the text, as the descriptor cache does: a JIT may reuse addresses).
struct ConstantCache {
    entries: Vec<(usize, String, PyPtr)>,
}

impl ConstantCache {
    fn find(&self, key: *const c_char, text: &str) -> Option<PyPtr> {
        self.entries
            .iter()
            .find(|(address, cached, _)| *address == key as usize && cached == text)
            .map(|&(_, _, object)| object)
    }
}

thread_local! {
    /// Imported modules (one reference each, kept while the program runs).
    static MODULES: RefCell<ConstantCache> = const { RefCell::new(ConstantCache { entries: Vec::new() }) };
    /// Tuples of keyword names of call sites.
    static KEYWORDS: RefCell<ConstantCache> = const { RefCell::new(ConstantCache { entries: Vec::new() }) };
    /// Source folders already put on `sys.path`.
    static FOLDERS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Puts `folder` first on `sys.path` (once): a program imports the `.py` files next to it.
fn add_source_folder(bridge: &Bridge, folder: &str, loc: Loc) -> bool {
    if folder.is_empty() || FOLDERS.with(|folders| folders.borrow().iter().any(|f| f == folder)) {
        return true;
    }
    // SAFETY: C API calls on live objects; every new reference is dropped.
    let ok = unsafe {
        let sys = (bridge.import)(Text::new("sys"));
        let path = if sys.is_null() { sys } else { (bridge.getattr)(sys, Text::new("path")) };
        let insert =
            if path.is_null() { path } else { (bridge.getattr)(path, Text::new("insert")) };
        let (zero, entry) = ((bridge.from_i64)(0), (bridge.from_str)(Text::new(folder)));
        let result = if insert.is_null() || zero.is_null() || entry.is_null() {
            std::ptr::null_mut()
        } else {
            (bridge.vectorcall)(insert, [zero, entry].as_ptr(), 2, std::ptr::null_mut())
        };
        for object in [sys, path, insert, zero, entry, result] {
            if !object.is_null() {
                (bridge.decref)(object);
            }
        }
        !result.is_null()
    };
    if !ok {
        errors::raise_pending(bridge, loc);
        return false;
    }
    FOLDERS.with(|folders| folders.borrow_mut().push(folder.to_string()));
    true
}

/// The tuple of keyword names `names` (comma-separated) stands for, and their count.
/// Kept out of line: a call without keywords, the common one, skips it.
#[inline(never)]
fn keyword_names(bridge: &Bridge, names: *const c_char, loc: Loc) -> Result<(PyPtr, usize), ()> {
    // SAFETY: a constant C string from generated code.
    let text = unsafe { c_text(names) };
    let count = text.split(',').count();
    if let Some(tuple) = KEYWORDS.with(|cache| cache.borrow().find(names, text)) {
        return Ok((tuple, count));
    }
    // SAFETY: C API constructors; the tuple takes its own references to the names.
    let tuple = unsafe {
        let strings: Vec<PyPtr> =
            text.split(',').map(|name| (bridge.from_str)(Text::new(name))).collect();
        let tuple = if strings.iter().any(|s| s.is_null()) {
            std::ptr::null_mut()
        } else {
            (bridge.tuple)(strings.as_ptr(), strings.len())
        };
        for string in strings.into_iter().filter(|s| !s.is_null()) {
            (bridge.decref)(string);
        }
        tuple
    };
    if tuple.is_null() {
        errors::raise_pending(bridge, loc);
        return Err(());
    }
    KEYWORDS
        .with(|cache| cache.borrow_mut().entries.push((names as usize, text.to_string(), tuple)));
    Ok((tuple, count))
}

/// The native scalar of `o` read by the bridge's `read`; zero with an error raised (naming
/// `target`) when it does not convert.
///
/// # Safety
///
/// `o` is a live `PyObject` handle.
unsafe fn scalar_of<T: Default>(
    bridge: &Bridge,
    o: Handle,
    read: unsafe extern "C" fn(PyPtr, *mut T) -> i32,
    target: &str,
    loc: Loc,
) -> T {
    // SAFETY: as the caller promises.
    let object = unsafe { pointer(o) };
    let mut value = T::default();
    // SAFETY: a live object and room for the value.
    if unsafe { read(object, &mut value) } < 0 {
        // SAFETY: as above.
        unsafe { errors::raise_conversion(bridge, object, target, loc) };
        return T::default();
    }
    value
}

/// The most arguments a call passes without a heap allocation.
const INLINE_ARGUMENTS: usize = 8;

/// A call as generated code passes it: `f` with `n` arguments; `args` holds one 8-byte
/// word each, read as `kinds` says, one letter an argument (empty when all are objects): `O`
/// a `PyObject` handle, `l` an `i64`, `d` an `f64` (its bits), `?` a bool (its low byte).
/// The last arguments go by the comma-separated names in `keywords` (empty for none).
#[derive(Clone, Copy)]
struct CallSite {
    f: Handle,
    args: *const u64,
    n: usize,
    kinds: *const c_char,
    keywords: *const c_char,
}

/// Makes the call: scalars become Python objects for the call only. A new reference, or
/// null with the exception pending in Python.
///
/// # Safety
///
/// `site.f` is a live `PyObject` handle, `site.args` holds `site.n` words as `site.kinds`
/// describes them, and `kinds` and `keywords` are C strings.
#[inline(always)]
unsafe fn call(bridge: &Bridge, site: CallSite, loc: Loc) -> PyPtr {
    if site.n > INLINE_ARGUMENTS {
        // SAFETY: as the caller promises.
        return unsafe { call_with_many(bridge, site, loc) };
    }
    let mut objects = std::mem::MaybeUninit::<[PyPtr; INLINE_ARGUMENTS]>::uninit();
    // SAFETY: as the caller promises; room for the `n` objects.
    unsafe { call_through(bridge, site, objects.as_mut_ptr().cast(), loc) }
}

/// [`call`] with more arguments than fit on the stack.
///
/// # Safety
///
/// As for [`call`].
#[cold]
#[inline(never)]
unsafe fn call_with_many(bridge: &Bridge, site: CallSite, loc: Loc) -> PyPtr {
    let mut objects: Vec<PyPtr> = Vec::with_capacity(site.n);
    // SAFETY: as the caller promises; room for the `n` objects.
    unsafe { call_through(bridge, site, objects.as_mut_ptr(), loc) }
}

/// [`call`], the Python objects of the arguments gathered in `objects`.
///
/// # Safety
///
/// As for [`call`]; `objects` has room for `site.n` pointers.
#[inline(always)]
unsafe fn call_through(bridge: &Bridge, site: CallSite, objects: *mut PyPtr, loc: Loc) -> PyPtr {
    let CallSite { f, args, n, kinds, keywords } = site;
    // SAFETY: C strings from generated code; most calls have no keywords.
    let (names, keywords) = if unsafe { *keywords } == 0 {
        (std::ptr::null_mut(), 0)
    } else {
        match keyword_names(bridge, keywords, loc) {
            Ok(names) => names,
            Err(()) => return std::ptr::null_mut(),
        }
    };
    // SAFETY: as the caller promises: `kinds` has a letter for each argument, or is empty;
    // each of the `n` places of `objects` is written before it is read.
    unsafe {
        let kinds: &[u8] =
            if *kinds == 0 { &[] } else { std::slice::from_raw_parts(kinds.cast(), n) };
        for i in 0..n {
            let word = *args.add(i);
            let object = match kinds.get(i) {
                None | Some(b'O') => pointer(word as Handle),
                Some(b'l') => (bridge.from_i64)(word as i64),
                Some(b'd') => (bridge.from_f64)(f64::from_bits(word)),
                Some(_) => (bridge.from_bool)(word as u8 != 0),
            };
            if object.is_null() {
                release_converted(bridge, objects, kinds, i);
                return std::ptr::null_mut();
            }
            objects.add(i).write(object);
        }
        let result = (bridge.vectorcall)(pointer(f), objects, n - keywords, names);
        release_converted(bridge, objects, kinds, n);
        result
    }
}

/// Drops the Python objects a call made of its first `count` scalar arguments.
///
/// # Safety
///
/// `objects` holds `count` live objects, those whose letter in `kinds` is not `O` new
/// references.
unsafe fn release_converted(bridge: &Bridge, objects: *const PyPtr, kinds: &[u8], count: usize) {
    for (i, &kind) in kinds.iter().take(count).enumerate() {
        if kind != b'O' {
            // SAFETY: as the caller promises.
            unsafe { (bridge.decref)(*objects.add(i)) };
        }
    }
}

/// Whether C string `text` is `expected` (which ends with its NUL), read no further than
/// the first difference: cheaper than measuring `text` first.
///
/// # Safety
///
/// `text` is a C string.
unsafe fn c_text_is(text: *const c_char, expected: &[u8]) -> bool {
    // SAFETY: every byte read is at most the string's NUL (reading stops at a difference,
    // and `expected` ends with its NUL).
    expected.iter().enumerate().all(|(i, &byte)| unsafe { *text.cast::<u8>().add(i) } == byte)
}

/// Casts `object` to the native type of descriptor `desc` into `out` (owned); false with an
/// error raised (naming both types) and a zero value in `out` when it does not convert.
/// `i64` and `f64` take the bridge's scalar readers without reading the descriptor.
///
/// # Safety
///
/// `object` is live; `desc` is a descriptor string and `out` has room for its type.
unsafe fn cast(
    bridge: &Bridge,
    object: PyPtr,
    desc: *const c_char,
    out: *mut u8,
    loc: Loc,
) -> bool {
    // SAFETY: as the caller promises.
    unsafe {
        let scalar = if c_text_is(desc, b"i64\0") {
            Some(((bridge.to_i64)(object, out.cast()), "i64"))
        } else if c_text_is(desc, b"f64\0") {
            Some(((bridge.to_f64)(object, out.cast()), "f64"))
        } else {
            None
        };
        let converted = match scalar {
            Some((status, _)) if status >= 0 => true,
            Some((_, target)) => {
                errors::raise_conversion(bridge, object, target, loc);
                false
            }
            None => {
                super::convert::from_python(bridge, object, crate::desc::from_cstr(desc), out, loc)
            }
        };
        if !converted {
            std::ptr::write_bytes(out, 0, crate::desc::from_cstr(desc).size());
        }
        converted
    }
}

/// Registers the bridge an executable carries (`image`, `len` bytes) and the project
/// Python it was built with (a C string, empty for none).
///
/// # Safety
///
/// `image` points to `len` bytes that live as long as the program; `default_python` is a
/// C string.
unsafe fn register_image(image: *const u8, len: i64, default_python: *const c_char) {
    // SAFETY: the executable's read-only data, alive as long as the program.
    let image: &'static [u8] = unsafe { std::slice::from_raw_parts(image, len as usize) };
    // SAFETY: a C string from the executable.
    let default = unsafe { c_text(default_python) };
    let default = (!default.is_empty()).then(|| std::path::PathBuf::from(default));
    interpreter::register_image(image, default);
}

exports! {
    /// Records the Python bridge an executable carries (called before `main`).
    fn mlc_py_register_bridge(image: *const u8, len: i64, default_python: *const c_char) {
        // SAFETY: the executable's own data, as the registration code passes it.
        unsafe { register_image(image, len, default_python) }
    }

    /// `from python import <name>` (`folder`: the source file's, put on `sys.path`).
    fn mlc_py_import(name: *const c_char, folder: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: constant C strings from generated code.
        let (text, folder) = unsafe { (c_text(name), c_text(folder)) };
        if let Some(module) = MODULES.with(|cache| cache.borrow().find(name, text)) {
            // SAFETY: the cache's live module.
            unsafe { (bridge.incref)(module) };
            return wrap(module);
        }
        if !add_source_folder(bridge, folder, loc) {
            return std::ptr::null_mut();
        }
        // SAFETY: a text that outlives the call.
        let module = unsafe { (bridge.import)(Text::new(text)) };
        if !module.is_null() {
            // SAFETY: the cache keeps its own reference.
            unsafe { (bridge.incref)(module) };
            MODULES.with(|cache| cache.borrow_mut().entries.push((name as usize, text.to_string(), module)));
        }
        object_result(bridge, module, loc)
    }

    /// Drops one reference to a `PyObject` (null: nothing): what the compiler's reference
    /// counting calls for `PyObject`s instead of `mlc_release`.
    fn mlc_py_release(o: Handle) {
        // SAFETY: generated code passes a `PyObject` handle it owns, or null.
        unsafe { super::object::release(o) }
    }

    /// `raise o` of a Python exception (instance or class): raised as an mlc error.
    fn mlc_py_raise(o: Handle, file: *const c_char, line: i32, col: i32) {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object.
        unsafe { (bridge.raise_object)(pointer(o)) };
        errors::raise_pending(bridge, loc);
    }

    /// `None`.
    fn mlc_py_none(file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, _) = enter(file, line, col);
        // SAFETY: always succeeds.
        wrap(unsafe { (bridge.none)() })
    }

    /// `o.<name>`.
    fn mlc_py_getattr(o: Handle, name: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object and a constant name.
        let result = unsafe { (bridge.getattr)(pointer(o), Text::new(c_text(name))) };
        object_result(bridge, result, loc)
    }

    /// `o.<name> = v`.
    fn mlc_py_setattr(o: Handle, name: *const c_char, v: Handle, file: *const c_char, line: i32, col: i32) {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: live objects and a constant name.
        let status = unsafe { (bridge.setattr)(pointer(o), Text::new(c_text(name)), pointer(v)) };
        status_result(bridge, status, loc)
    }

    /// `f(args...)`: `n` arguments, 8-byte words holding what `kinds` says (see
    /// [`CallSite`]), the last of them passed by the names in `keywords` (comma-separated;
    /// empty for none).
    fn mlc_py_call(f: Handle, args: *const u64, n: i64, kinds: *const c_char, keywords: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        let site = CallSite { f, args, n: n as usize, kinds, keywords };
        // SAFETY: as generated code passes them.
        let result = unsafe { call(bridge, site, loc) };
        object_result(bridge, result, loc)
    }

    /// `T(f(args...))` in one step: the call as `mlc_py_call` makes it, its result cast to
    /// the type of descriptor `desc` and written to `out` (owned). Returns true when it
    /// raised (the call or the cast; then `out` holds a zero value).
    fn mlc_py_call_into(f: Handle, args: *const u64, n: i64, kinds: *const c_char, keywords: *const c_char, desc: *const c_char, out: *mut u8, file: *const c_char, line: i32, col: i32) -> bool {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: as generated code passes them: a descriptor string and room for its type.
        unsafe {
            let site = CallSite { f, args, n: n as usize, kinds, keywords };
            let result = call(bridge, site, loc);
            if result.is_null() {
                errors::raise_pending(bridge, loc);
                std::ptr::write_bytes(out, 0, crate::desc::from_cstr(desc).size());
                return true;
            }
            let converted = cast(bridge, result, desc, out, loc);
            (bridge.decref)(result);
            !converted
        }
    }

    /// `o[key]`.
    fn mlc_py_getitem(o: Handle, key: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: live objects.
        let result = unsafe { (bridge.getitem)(pointer(o), pointer(key)) };
        object_result(bridge, result, loc)
    }

    /// `o[key] = v`.
    fn mlc_py_setitem(o: Handle, key: Handle, v: Handle, file: *const c_char, line: i32, col: i32) {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: live objects.
        let status = unsafe { (bridge.setitem)(pointer(o), pointer(key), pointer(v)) };
        status_result(bridge, status, loc)
    }

    /// `slice(start, stop, step)`.
    fn mlc_py_slice(start: Handle, stop: Handle, step: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: live objects.
        let result = unsafe { (bridge.slice)(pointer(start), pointer(stop), pointer(step)) };
        object_result(bridge, result, loc)
    }

    /// `a <op> b`, `op` an index into `mlc_python_abi::BINARY_OPERATORS`.
    fn mlc_py_binary(op: i32, a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: live objects.
        let result = unsafe { (bridge.binary)(op as u32, pointer(a), pointer(b)) };
        object_result(bridge, result, loc)
    }

    /// `<op> a`, `op` an index into `mlc_python_abi::UNARY_OPERATORS`.
    fn mlc_py_unary(op: i32, a: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object.
        let result = unsafe { (bridge.unary)(op as u32, pointer(a)) };
        object_result(bridge, result, loc)
    }

    /// `a <op> b`, `op` an index into `mlc_python_abi::COMPARISONS`: a Python object (numpy
    /// compares elementwise).
    fn mlc_py_compare(op: i32, a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: live objects.
        let result = unsafe { (bridge.compare)(op as u32, pointer(a), pointer(b)) };
        object_result(bridge, result, loc)
    }

    /// `len(o)`.
    fn mlc_py_len(o: Handle, file: *const c_char, line: i32, col: i32) -> i64 {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object.
        let length = unsafe { (bridge.len)(pointer(o)) };
        if length < 0 {
            errors::raise_pending(bridge, loc);
            return 0;
        }
        length
    }

    /// `bool(o)`.
    fn mlc_py_truthy(o: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object.
        let truth = unsafe { (bridge.truthy)(pointer(o)) };
        if truth < 0 {
            errors::raise_pending(bridge, loc);
            return false;
        }
        truth == 1
    }

    /// `str(o)`.
    fn mlc_py_str(o: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        let mut text = String::new();
        // SAFETY: a live object; the sink appends to `text`.
        let status = unsafe { (bridge.text)(pointer(o), false, append_to_string, context(&mut text)) };
        if status < 0 {
            errors::raise_pending(bridge, loc);
            return std::ptr::null_mut();
        }
        crate::str::new_str(&text)
    }

    /// `iter(o)`.
    fn mlc_py_iter(o: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object.
        let result = unsafe { (bridge.iter)(pointer(o)) };
        object_result(bridge, result, loc)
    }

    /// The next item of an iterator into `*item` (an owned handle): false when exhausted
    /// (or an error was raised).
    fn mlc_py_next(it: Handle, item: *mut Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let (bridge, loc) = enter(file, line, col);
        let mut next = std::ptr::null_mut();
        // SAFETY: a live iterator.
        match unsafe { (bridge.next)(pointer(it), &mut next) } {
            1 => {
                // SAFETY: room for a handle.
                unsafe { item.write(wrap(next)) };
                true
            }
            0 => {
                // SAFETY: as above: exhausted iterators give a null item.
                unsafe { item.write(std::ptr::null_mut()) };
                false
            }
            _ => {
                // SAFETY: as above.
                unsafe { item.write(std::ptr::null_mut()) };
                errors::raise_pending(bridge, loc);
                false
            }
        }
    }

    /// The native value at `value` (of type `desc`) as a Python object.
    fn mlc_py_from(value: *const u8, desc: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a descriptor string and a value of that type.
        let result = unsafe { super::convert::to_python(bridge, value, crate::desc::from_cstr(desc)) };
        object_result(bridge, result, loc)
    }

    /// A native `i64` as a Python `int` (the common case of `mlc_py_from`, without a
    /// descriptor).
    fn mlc_py_from_i64(value: i64, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a constructor.
        object_result(bridge, unsafe { (bridge.from_i64)(value) }, loc)
    }

    /// A native `f64` as a Python `float`.
    fn mlc_py_from_f64(value: f64, file: *const c_char, line: i32, col: i32) -> Handle {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a constructor.
        object_result(bridge, unsafe { (bridge.from_f64)(value) }, loc)
    }

    /// `i64(o)`: 0 with an error raised when `o` does not convert.
    fn mlc_py_to_i64(o: Handle, file: *const c_char, line: i32, col: i32) -> i64 {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object.
        unsafe { scalar_of(bridge, o, bridge.to_i64, "i64", loc) }
    }

    /// `f64(o)`: 0.0 with an error raised when `o` does not convert.
    fn mlc_py_to_f64(o: Handle, file: *const c_char, line: i32, col: i32) -> f64 {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a live object.
        unsafe { scalar_of(bridge, o, bridge.to_f64, "f64", loc) }
    }

    /// `T(o)`: the native value of `o` as `desc`, written to `out` (owned); raises an error
    /// naming both types when it does not convert (then `out` holds a zero value).
    fn mlc_py_to(o: Handle, desc: *const c_char, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        let (bridge, loc) = enter(file, line, col);
        // SAFETY: a descriptor string, a live object, room for a value of that type.
        unsafe { cast(bridge, pointer(o), desc, out, loc) };
    }
}
