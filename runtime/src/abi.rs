//! The table of exported functions: every `extern "C"` function of the runtime with its
//! name, the ABI kinds of its parameters and result, and its address.
//!
//! The codegen passes check every `ll.call` against this table and the JIT binds symbols
//! from it, so the table must never disagree with the functions. That is why it is not
//! written by hand: each module declares its functions inside [`exports!`], which emits the
//! functions themselves and, from the same tokens, the module's `EXPORTS` slice.
//! [`crate::exports`] joins the slices.

use std::panic::{catch_unwind, AssertUnwindSafe};

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

/// Runs the body of an exported function, turning a Rust panic (a bug in the runtime) into
/// the runtime's own panic, which prints and exits with code 1. A Rust panic must never
/// unwind into generated code, which has no unwinding tables.
#[inline]
pub(crate) fn guard<R>(body: impl FnOnce() -> R) -> R {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => crate::panic::internal_panic(payload),
    }
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
