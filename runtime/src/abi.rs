//! The table of exported functions: every `extern "C"` function of the runtime with its
//! name, the ABI kinds of its parameters and result, and its address.
//!
//! The codegen passes check every `ll.call` against this table and the JIT binds symbols
//! from it, so the table must never disagree with the functions. That is why it is not
//! written by hand: each module declares its functions inside [`exports!`], which emits the
//! functions themselves and, from the same tokens, the module's `EXPORTS` slice.
//! [`crate::exports`] joins the slices.

/// How a parameter or result crosses the C ABI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Abi {
    /// A C `bool`: one byte, 0 or 1 (the IR's `i1`).
    Bool,
    I32,
    I64,
    F32,
    F64,
    /// A pointer: a handle, a `!mem.ref`, an `!ll.ptr` (C strings, out-pointers, arrays).
    Ptr,
}

/// One exported function.
#[derive(Clone, Copy, Debug)]
pub struct Export {
    /// The C symbol (`mlc_list_len`).
    pub name: &'static str,
    pub params: &'static [Abi],
    /// `None` for functions without a result (and for those that never return).
    pub result: Option<Abi>,
    /// The function's address, for the JIT.
    pub address: *const u8,
}

// SAFETY: `address` is the address of a function: immutable code that every thread may
// call. The other fields are immutable `'static` data.
unsafe impl Sync for Export {}
// SAFETY: as for `Sync`: nothing in an `Export` belongs to a thread.
unsafe impl Send for Export {}

/// The ABI kind of a Rust type used in an exported signature. Only the types below may
/// appear there, so a signature the C ABI cannot express does not compile.
pub trait AbiType {
    const ABI: Abi;
}

impl AbiType for bool {
    const ABI: Abi = Abi::Bool;
}
impl AbiType for i32 {
    const ABI: Abi = Abi::I32;
}
impl AbiType for i64 {
    const ABI: Abi = Abi::I64;
}
impl AbiType for f32 {
    const ABI: Abi = Abi::F32;
}
impl AbiType for f64 {
    const ABI: Abi = Abi::F64;
}
impl<T> AbiType for *mut T {
    const ABI: Abi = Abi::Ptr;
}
impl<T> AbiType for *const T {
    const ABI: Abi = Abi::Ptr;
}

/// Runs the body of an exported function. A Rust panic (a bug in the runtime) must never
/// unwind into generated code, which has no unwinding tables: the hook that `mlc_rt_init`
/// installs ([`install_panic_hook`]) reports it as the runtime's own panic and exits with
/// code 1 before any unwinding starts, and without it the `extern "C"` boundary aborts.
/// No `catch_unwind` here: it would keep every body out of line, a call and a landing pad
/// on paths as hot as `mlc_release` and the calls into Python.
#[inline(always)]
pub(crate) fn guard<R>(body: impl FnOnce() -> R) -> R {
    body()
}

/// Makes a Rust panic anywhere in the runtime stop the program like a runtime panic
/// (`panic: internal error in the runtime: ...`, exit code 1). Installed once per process,
/// when a program starts.
pub fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let payload = info.payload();
            let message = if let Some(text) = payload.downcast_ref::<&str>() {
                (*text).to_string()
            } else if let Some(text) = payload.downcast_ref::<String>() {
                text.clone()
            } else {
                "a Rust panic".to_string()
            };
            let place = info
                .location()
                .map(|l| format!(" ({}:{})", l.file(), l.line()))
                .unwrap_or_default();
            crate::panic::internal(&format!("{message}{place}"))
        }));
    });
}

/// `None` or `Some(kind)` for an optional result type.
macro_rules! result_abi {
    () => {
        None
    };
    ($ret:ty) => {
        Some(<$ret as $crate::abi::AbiType>::ABI)
    };
}
pub(crate) use result_abi;

/// Declares exported functions and, from the same signatures, the module's `EXPORTS` table.
///
/// ```ignore
/// exports! {
///     /// The number of elements.
///     fn mlc_list_len(list: Handle) -> i64 { ... }
/// }
/// ```
///
/// Each function becomes `#[no_mangle] pub unsafe extern "C" fn` whose body runs inside
/// [`guard`]. Functions that never return (`mlc_panic`) are declared without a result: the
/// body ends in a call of a function returning `!`.
macro_rules! exports {
    ($(
        $(#[$meta:meta])*
        fn $name:ident($($arg:ident : $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block
    )*) => {
        $(
            $(#[$meta])*
            ///
            /// # Safety
            ///
            /// Called by generated code under the contract of `docs/runtime.md`: handles are
            /// live objects of the kind the signature says (or null where allowed), pointers
            /// point to values of the types their descriptors describe, descriptors and
            /// locations are NUL-terminated strings.
            #[no_mangle]
            pub unsafe extern "C" fn $name($($arg: $ty),*) $(-> $ret)? {
                $crate::abi::guard(move || $body)
            }
        )*

        /// The exported functions of this module, for [`crate::exports`].
        pub(crate) static EXPORTS: &[$crate::abi::Export] = &[
            $(
                $crate::abi::Export {
                    name: stringify!($name),
                    params: &[$(<$ty as $crate::abi::AbiType>::ABI),*],
                    result: $crate::abi::result_abi!($($ret)?),
                    address: $name as *const u8,
                },
            )*
        ];
    };
}
pub(crate) use exports;
