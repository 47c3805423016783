//! The header every runtime object starts with, reference counting, and the count of live
//! objects that leak tests read.
//!
//! A handle is a pointer to a [`Header`]: a non-atomic reference count (an object belongs
//! to one thread) and a pointer to the [`VTable`] of its kind, which knows how to free it
//! and how to write it as text. Kinds defined elsewhere (Python objects, later) plug in by
//! providing their own `VTable`.

use std::cell::Cell;

use crate::abi::exports;

/// What generated code holds: a pointer to an object's header.
pub type Handle = *mut Header;

/// The start of every object (`#[repr(C)]`: the reference count is at offset 0 and the
/// vtable pointer at offset 8, should a back end ever inline a retain).
#[repr(C)]
pub struct Header {
    pub refcount: Cell<i64>,
    pub vtable: &'static VTable,
}

/// What the runtime needs to know about a kind of object.
pub struct VTable {
    /// The kind's name, for messages.
    pub name: &'static str,
    /// Frees the object (its reference count reached zero), releasing what it holds.
    pub drop: unsafe fn(Handle),
    /// Writes the object as text: `str(x)` when `repr` is false, `repr(x)` (as inside a
    /// container) when it is true.
    pub write: unsafe fn(Handle, &mut String, bool),
}

impl Header {
    pub const fn new(vtable: &'static VTable) -> Header {
        Header { refcount: Cell::new(1), vtable }
    }
}

/// An object type: a `#[repr(C)]` struct whose first field is its [`Header`].
///
/// # Safety
///
/// Implementors are `#[repr(C)]` with a `Header` first, and every object whose header
/// points to `VTABLE` is a `Self`.
pub unsafe trait Object: Sized {
    const VTABLE: &'static VTable;
}

thread_local! {
    static LIVE: Cell<i64> = const { Cell::new(0) };
}

/// The number of objects the current thread has allocated and not yet freed: a leak test
/// reads it before and after some work. Counted per thread because objects belong to one
/// thread (and tests run in parallel threads).
pub fn live_objects() -> i64 {
    LIVE.with(|live| live.get())
}

/// Records the allocation of an object (for objects not made by [`allocate`]).
pub fn count_allocation() {
    LIVE.with(|live| live.set(live.get() + 1));
}

/// Records the freeing of an object.
pub fn count_free() {
    LIVE.with(|live| live.set(live.get() - 1));
}

/// Moves `object` to the heap and returns it as a handle with a reference count of 1.
pub fn allocate<T: Object>(object: T) -> Handle {
    count_allocation();
    Box::into_raw(Box::new(object)).cast()
}

/// Frees an object made by [`allocate`] (its `VTable::drop`, for Box-allocated kinds).
///
/// # Safety
///
/// `handle` was returned by `allocate::<T>` and is not used afterwards.
pub unsafe fn free<T: Object>(handle: Handle) {
    count_free();
    // SAFETY: the caller guarantees the handle came from `Box::into_raw` of a `T`.
    drop(unsafe { Box::from_raw(handle.cast::<T>()) });
}

/// The object behind a handle, checked to be of kind `T`. Null handles and handles of
/// another kind are compiler bugs: the runtime panics with an internal error rather than
/// reading garbage.
///
/// # Safety
///
/// `handle` is null or points to a live object.
#[inline]
pub unsafe fn cast<'a, T: Object>(handle: Handle) -> &'a T {
    if handle.is_null() {
        null_handle(T::VTABLE.name);
    }
    // SAFETY: non-null handles point to live objects, which start with a header.
    let vtable = unsafe { (*handle).vtable };
    if !std::ptr::eq(vtable, T::VTABLE) {
        wrong_kind(T::VTABLE.name, vtable.name);
    }
    // SAFETY: the header says the object is a `T`, whose layout starts with the header.
    unsafe { &*handle.cast::<T>() }
}

#[cold]
fn null_handle(kind: &str) -> ! {
    crate::panic::internal(&format!("null {kind} handle"))
}

#[cold]
fn wrong_kind(expected: &str, found: &str) -> ! {
    crate::panic::internal(&format!("expected a {expected} handle, found a {found}"))
}

/// Adds a reference. Null is ignored.
///
/// # Safety
///
/// `handle` is null or points to a live object.
#[inline]
pub unsafe fn retain(handle: Handle) {
    if !handle.is_null() {
        // SAFETY: a live object starts with its header.
        let header = unsafe { &*handle };
        header.refcount.set(header.refcount.get() + 1);
    }
}

/// Drops a reference and frees the object when none is left. Null is ignored.
///
/// # Safety
///
/// `handle` is null or points to a live object, and the caller owns the reference it drops.
#[inline]
pub unsafe fn release(handle: Handle) {
    // SAFETY: as the caller promises; the vtable's `drop` frees objects of its kind (read
    // from the header of the live object).
    unsafe { release_with(handle, |handle| (*handle).vtable.drop) }
}

/// [`release`] with the object's `drop` given by `drop_of` when the last reference goes: a
/// caller that knows the kind passes its function and saves the dispatch.
///
/// # Safety
///
/// As for [`release`]; `drop_of` gives a function that frees this very object.
#[inline]
pub unsafe fn release_with(handle: Handle, drop_of: impl FnOnce(Handle) -> unsafe fn(Handle)) {
    if handle.is_null() {
        return;
    }
    // SAFETY: a live object starts with its header.
    let header = unsafe { &*handle };
    let count = header.refcount.get() - 1;
    if count == 0 {
        let drop = drop_of(handle);
        // SAFETY: this was the last reference: nobody uses the object after this.
        unsafe { drop(handle) };
    } else {
        header.refcount.set(count);
    }
}

/// The reference count of a live object (for tests).
///
/// # Safety
///
/// `handle` points to a live object.
pub unsafe fn refcount(handle: Handle) -> i64 {
    // SAFETY: a live object starts with its header.
    unsafe { (*handle).refcount.get() }
}

/// Writes an object as text through its vtable.
///
/// # Safety
///
/// `handle` is null or points to a live object.
pub unsafe fn write_object(handle: Handle, out: &mut String, repr: bool) {
    if handle.is_null() {
        out.push_str("<null>");
        return;
    }
    // SAFETY: a live object starts with its header.
    let write = unsafe { (*handle).vtable.write };
    // SAFETY: the vtable's function for this very object.
    unsafe { write(handle, out, repr) }
}

exports! {
    /// Adds one reference to `h` (null: nothing).
    fn mlc_retain(h: Handle) {
        // SAFETY: generated code passes live handles or null.
        unsafe { retain(h) }
    }

    /// Drops one reference to `h`, freeing it when none is left (null: nothing).
    fn mlc_release(h: Handle) {
        // SAFETY: generated code passes live handles it owns, or null.
        unsafe { release(h) }
    }
}
