//! `Dict[K, V]`: an insertion-ordered hash map, laid out like CPython's compact dict: the
//! entries (hash, key bytes, value bytes) in insertion order, and an open-addressing index
//! of entry numbers. Removing an entry leaves a hole that the next resize compacts.
//! Keys hash and compare by their descriptor (numbers, `bool`, `str`, tuples of them).
//!
//! The mutable state sits in a `RefCell`; elements that an operation drops are released
//! only after the borrow ends, so a release can never observe a half-updated dict.

use std::cell::RefCell;
use std::ffi::c_char;
use std::ptr;

use crate::abi::exports;
use crate::desc::{self, Kind, TypeDesc};
use crate::error;
use crate::list;
use crate::object::{self, Handle, Header, Object, VTable};
use crate::panic::Loc;
use crate::value;

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// A dict object.
#[repr(C)]
pub struct DictObj {
    header: Header,
    key: &'static TypeDesc,
    value: &'static TypeDesc,
    /// Byte offset of the value inside an entry, and the entry's size in 8-byte words.
    value_offset: usize,
    entry_words: usize,
    inner: RefCell<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Entries in insertion order, `entry_words` words each (8-byte aligned storage).
    entries: Vec<u64>,
    hashes: Vec<u64>,
    /// Whether each entry is still in the dict.
    alive: Vec<bool>,
    /// Live entries.
    len: usize,
    /// Open-addressing table of entry numbers (`EMPTY`, `DELETED`); a power of two long.
    index: Vec<u32>,
    /// Slots of `index` that are not `EMPTY` (live and deleted).
    used_slots: usize,
}

static VTABLE: VTable = VTable { name: "Dict", drop: drop_dict, write: write_dict };

// SAFETY: `#[repr(C)]` with the header first; only `new_dict` uses `VTABLE`.
unsafe impl Object for DictObj {
    const VTABLE: &'static VTable = &VTABLE;
}

/// A new empty dict.
pub fn new_dict(key: &'static TypeDesc, value: &'static TypeDesc) -> Handle {
    let key_layout = key.layout();
    let value_layout = value.layout();
    let value_offset = key_layout.size.div_ceil(value_layout.align) * value_layout.align;
    let entry_words = (value_offset + value_layout.size).div_ceil(8);
    object::allocate(DictObj {
        header: Header::new(&VTABLE),
        key,
        value,
        value_offset,
        entry_words,
        inner: RefCell::new(Inner::default()),
    })
}

unsafe fn drop_dict(handle: Handle) {
    // SAFETY: called once with the last reference to a dict.
    let dict = unsafe { get(handle) };
    let inner = dict.inner.take();
    dict.release_entries(&inner);
    // SAFETY: dicts are made by `object::allocate`.
    unsafe { object::free::<DictObj>(handle) };
}

unsafe fn write_dict(handle: Handle, out: &mut String, _repr: bool) {
    // SAFETY: the vtable is only reached through live dicts.
    let dict = unsafe { get(handle) };
    let snapshot = dict.snapshot();
    out.push('{');
    for (i, entry) in dict.snapshot_entries(&snapshot).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // SAFETY: a snapshot entry holds a valid key and value.
        unsafe {
            crate::format::value::write_value(out, entry, dict.key, true);
            out.push_str(": ");
            crate::format::value::write_value(out, entry.add(dict.value_offset), dict.value, true);
        }
    }
    out.push('}');
}

/// The dict behind a handle.
///
/// # Safety
///
/// `handle` is a live dict handle, which outlives the returned reference.
pub unsafe fn get<'a>(handle: Handle) -> &'a DictObj {
    // SAFETY: the caller passes a live dict.
    unsafe { object::cast::<DictObj>(handle) }
}

impl Inner {
    fn entry(&self, words: usize, n: usize) -> *const u8 {
        self.entries.as_ptr().wrapping_add(n * words).cast()
    }

    fn entry_mut(&mut self, words: usize, n: usize) -> *mut u8 {
        self.entries.as_mut_ptr().wrapping_add(n * words).cast()
    }
}

impl DictObj {
    pub fn len(&self) -> usize {
        self.inner.borrow().len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn key_desc(&self) -> &'static TypeDesc {
        self.key
    }

    pub fn value_desc(&self) -> &'static TypeDesc {
        self.value
    }

    /// The index slot and entry number of `key`, if present.
    ///
    /// # Safety
    ///
    /// `key` points to a valid key.
    unsafe fn find(&self, inner: &Inner, key: *const u8, hash: u64) -> Option<(usize, usize)> {
        if inner.index.is_empty() {
            return None;
        }
        let mask = inner.index.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match inner.index[slot] {
                EMPTY => return None,
                DELETED => {}
                n => {
                    let n = n as usize;
                    if inner.hashes[n] == hash {
                        let entry = inner.entry(self.entry_words, n);
                        // SAFETY: live entries hold valid keys; `key` is valid.
                        if unsafe { value::values_eq(entry, key, self.key) } {
                            return Some((slot, n));
                        }
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Rebuilds the index for at least `needed` live entries, compacting the entries.
    fn rebuild(&self, inner: &mut Inner, needed: usize) {
        let words = self.entry_words;
        if inner.len != inner.hashes.len() {
            let mut kept = 0;
            for n in 0..inner.hashes.len() {
                if inner.alive[n] {
                    if kept != n {
                        inner.entries.copy_within(n * words..(n + 1) * words, kept * words);
                        inner.hashes[kept] = inner.hashes[n];
                    }
                    kept += 1;
                }
            }
            inner.entries.truncate(kept * words);
            inner.hashes.truncate(kept);
            inner.alive.clear();
            inner.alive.resize(kept, true);
        }
        let mut size = 8;
        while size * 2 < needed * 3 {
            size *= 2;
        }
        if size > u32::MAX as usize / 2 {
            crate::panic::internal("dict too large");
        }
        inner.index.clear();
        inner.index.resize(size, EMPTY);
        let mask = size - 1;
        for (n, &hash) in inner.hashes.iter().enumerate() {
            let mut slot = hash as usize & mask;
            while inner.index[slot] != EMPTY {
                slot = (slot + 1) & mask;
            }
            inner.index[slot] = n as u32;
        }
        inner.used_slots = inner.hashes.len();
    }

    /// Inserts or replaces; returns the replaced value's bytes (to release) if any.
    ///
    /// # Safety
    ///
    /// `key` and `value` point to valid values; their references are retained here.
    unsafe fn insert(&self, key: *const u8, val: *const u8) -> Option<Vec<u64>> {
        // SAFETY: `key` is a valid key.
        let hash = unsafe { value::hash_value(key, self.key) };
        let mut inner = self.inner.borrow_mut();
        let words = self.entry_words;
        // SAFETY: `key` is valid.
        if let Some((_, n)) = unsafe { self.find(&inner, key, hash) } {
            let mut old = vec![0u64; words];
            let entry = inner.entry_mut(words, n);
            // SAFETY: the entry's value moves out to `old`; the new value is copied in and
            // retained.
            unsafe {
                ptr::copy_nonoverlapping(
                    entry.add(self.value_offset),
                    old.as_mut_ptr().cast::<u8>(),
                    self.value.size(),
                );
                value::copy_value(entry.add(self.value_offset), val, self.value);
            }
            return Some(old);
        }
        if (inner.used_slots + 1) * 3 > inner.index.len() * 2 {
            let needed = inner.len + 1;
            self.rebuild(&mut inner, needed);
        }
        let n = inner.hashes.len();
        if n >= DELETED as usize {
            crate::panic::internal("dict too large");
        }
        inner.entries.resize((n + 1) * words, 0);
        inner.hashes.push(hash);
        inner.alive.push(true);
        inner.len += 1;
        let entry = inner.entry_mut(words, n);
        // SAFETY: a fresh entry; key and value are copied in and retained.
        unsafe {
            value::copy_value(entry, key, self.key);
            value::copy_value(entry.add(self.value_offset), val, self.value);
        }
        let mask = inner.index.len() - 1;
        let mut slot = hash as usize & mask;
        while inner.index[slot] != EMPTY && inner.index[slot] != DELETED {
            slot = (slot + 1) & mask;
        }
        if inner.index[slot] == EMPTY {
            inner.used_slots += 1;
        }
        inner.index[slot] = n as u32;
        None
    }

    /// Removes `key`; returns its entry's bytes (key and value, to release or move out).
    ///
    /// # Safety
    ///
    /// `key` points to a valid key.
    unsafe fn remove(&self, key: *const u8) -> Option<Vec<u64>> {
        // SAFETY: `key` is a valid key.
        let hash = unsafe { value::hash_value(key, self.key) };
        let mut inner = self.inner.borrow_mut();
        // SAFETY: `key` is valid.
        let (slot, n) = unsafe { self.find(&inner, key, hash) }?;
        let words = self.entry_words;
        let removed = inner.entries[n * words..(n + 1) * words].to_vec();
        inner.index[slot] = DELETED;
        inner.alive[n] = false;
        inner.len -= 1;
        if inner.len == 0 {
            *inner = Inner::default();
        }
        Some(removed)
    }

    /// Calls `f(key, value)` with pointers to each entry's key and value, in insertion
    /// order, on a snapshot (`f` may change the dict; it sees the entries as they were).
    ///
    /// # Safety
    ///
    /// `f` must not keep the pointers past the call, nor use them after changing the dict.
    pub unsafe fn for_each_entry(&self, mut f: impl FnMut(*const u8, *const u8)) {
        let snapshot = self.snapshot();
        for entry in self.snapshot_entries(&snapshot) {
            f(entry, entry.wrapping_add(self.value_offset));
        }
    }

    /// `d[*key] = *value` (both retained).
    ///
    /// # Safety
    ///
    /// `key` and `value` point to valid values of the dict's key and value types.
    pub unsafe fn set(&self, key: *const u8, value: *const u8) {
        // SAFETY: as the caller promises; the dict owned the value it replaces.
        unsafe {
            if let Some(old) = self.insert(key, value) {
                value::release_value(old.as_ptr().cast(), self.value);
            }
        }
    }

    /// A copy of the live entries' bytes in order (references not retained).
    fn snapshot(&self) -> Vec<u64> {
        let inner = self.inner.borrow();
        let words = self.entry_words;
        let mut out = Vec::with_capacity(inner.len * words);
        for n in 0..inner.hashes.len() {
            if inner.alive[n] {
                out.extend_from_slice(&inner.entries[n * words..(n + 1) * words]);
            }
        }
        out
    }

    /// The entries of a snapshot, in order.
    fn snapshot_entries<'a>(&self, snapshot: &'a [u64]) -> impl Iterator<Item = *const u8> + 'a {
        let words = self.entry_words;
        let count = snapshot.len().checked_div(words).unwrap_or_else(|| self.len());
        (0..count).map(move |n| snapshot.as_ptr().wrapping_add(n * words).cast::<u8>())
    }

    fn release_entries(&self, inner: &Inner) {
        for n in 0..inner.hashes.len() {
            if inner.alive[n] {
                let entry = inner.entry(self.entry_words, n);
                // SAFETY: a live entry owns its key and value.
                unsafe {
                    value::release_value(entry, self.key);
                    value::release_value(entry.add(self.value_offset), self.value);
                }
            }
        }
    }

    /// Copies the value of `key` to `out` (retained); false if missing.
    ///
    /// # Safety
    ///
    /// `key` is a valid key, `out` has room for a value.
    unsafe fn lookup(&self, key: *const u8, out: *mut u8) -> bool {
        // SAFETY: `key` is a valid key.
        let hash = unsafe { value::hash_value(key, self.key) };
        let inner = self.inner.borrow();
        // SAFETY: `key` is valid.
        match unsafe { self.find(&inner, key, hash) } {
            Some((_, n)) => {
                // SAFETY: a live entry's value copied to `out`.
                unsafe {
                    value::copy_value(
                        out,
                        inner.entry(self.entry_words, n).add(self.value_offset),
                        self.value,
                    )
                };
                true
            }
            None => false,
        }
    }

    /// Whether `key` is present.
    ///
    /// # Safety
    ///
    /// `key` is a valid key.
    pub unsafe fn contains(&self, key: *const u8) -> bool {
        // SAFETY: `key` is a valid key.
        let hash = unsafe { value::hash_value(key, self.key) };
        let inner = self.inner.borrow();
        // SAFETY: `key` is valid.
        unsafe { self.find(&inner, key, hash) }.is_some()
    }
}

/// Equality of two dicts: the same keys with equal values (order does not matter).
///
/// # Safety
///
/// Both are live dicts of one type.
pub unsafe fn dicts_eq(a: Handle, b: Handle) -> bool {
    if a == b {
        return true;
    }
    // SAFETY: live dicts.
    let (x, y) = unsafe { (get(a), get(b)) };
    if x.len() != y.len() {
        return false;
    }
    let snapshot = x.snapshot();
    let mut found = vec![0u8; x.value.size().max(1)];
    for entry in x.snapshot_entries(&snapshot) {
        // SAFETY: snapshot entries hold valid keys and values; `found` has room for a
        // value, which is released after the comparison.
        unsafe {
            if !y.lookup(entry, found.as_mut_ptr()) {
                return false;
            }
            let equal = value::values_eq(entry.add(x.value_offset), found.as_ptr(), x.value);
            value::release_value(found.as_ptr(), x.value);
            if !equal {
                return false;
            }
        }
    }
    true
}

/// Raises `KeyError: <repr of key>`.
///
/// # Safety
///
/// `key` points to a valid key of type `desc`.
unsafe fn raise_key_error(key: *const u8, desc: &TypeDesc, loc: Loc) {
    let mut detail = String::new();
    // SAFETY: a valid key.
    unsafe { crate::format::value::write_value(&mut detail, key, desc, true) };
    error::raise_new("KeyError", &detail, loc);
}

/// A list of copies of the keys (`part` 0), values (1), or `(key, value)` tuples (2).
fn collect(dict: &DictObj, part: u8) -> Handle {
    let elem = match part {
        0 => dict.key,
        1 => dict.value,
        _ => desc::intern_desc(&TypeDesc::new(Kind::Tuple(vec![
            dict.key.clone(),
            dict.value.clone(),
        ]))),
    };
    let snapshot = dict.snapshot();
    let handle = list::new_list(elem, dict.len());
    // SAFETY: a list we just made.
    let list = unsafe { list::get(handle) };
    let mut tuple = vec![0u8; elem.size().max(1)];
    let offsets = elem.field_offsets().to_vec();
    for entry in dict.snapshot_entries(&snapshot) {
        // SAFETY: snapshot entries hold valid keys and values; `push` retains.
        unsafe {
            match part {
                0 => list.push(entry),
                1 => list.push(entry.add(dict.value_offset)),
                _ => {
                    let t = tuple.as_mut_ptr();
                    ptr::copy_nonoverlapping(entry, t.add(offsets[0]), dict.key.size());
                    ptr::copy_nonoverlapping(
                        entry.add(dict.value_offset),
                        t.add(offsets[1]),
                        dict.value.size(),
                    );
                    list.push(t);
                }
            }
        }
    }
    handle
}

exports! {
    /// A new empty dict with `key` and `value` descriptors.
    fn mlc_dict_new(key: *const c_char, value: *const c_char) -> Handle {
        // SAFETY: generated code passes descriptor strings.
        let (key, value) = unsafe { (desc::from_cstr(key), desc::from_cstr(value)) };
        new_dict(key, value)
    }

    /// `len(d)`.
    fn mlc_dict_len(d: Handle) -> i64 {
        // SAFETY: a live dict.
        unsafe { get(d) }.len() as i64
    }

    /// `d[*k]` written to `out`; a missing key raises `KeyError: <repr of key>`.
    fn mlc_dict_getitem(d: Handle, k: *const u8, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live dict, a valid key, room for a value at `out`.
        unsafe {
            let dict = get(d);
            if !dict.lookup(k, out) {
                ptr::write_bytes(out, 0, dict.value.size());
                raise_key_error(k, dict.key, Loc::new(file, line, col));
            }
        }
    }

    /// `d[*k] = *v` (both retained; a replaced value released).
    fn mlc_dict_set(d: Handle, k: *const u8, v: *const u8) {
        // SAFETY: a live dict, a valid key and value.
        unsafe {
            let dict = get(d);
            if let Some(old) = dict.insert(k, v) {
                value::release_value(old.as_ptr().cast(), dict.value);
            }
        }
    }

    /// `*k in d`.
    fn mlc_dict_contains(d: Handle, k: *const u8) -> bool {
        // SAFETY: a live dict and a valid key.
        unsafe { get(d).contains(k) }
    }

    /// `d.get(*k, *default)` written to `out`.
    fn mlc_dict_get(d: Handle, k: *const u8, default: *const u8, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        let _ = (file, line, col);
        // SAFETY: a live dict, a valid key and default, room for a value at `out`.
        unsafe {
            let dict = get(d);
            if !dict.lookup(k, out) {
                value::copy_value(out, default, dict.value);
            }
        }
    }

    /// `d.keys()`: a new list of the keys in insertion order.
    fn mlc_dict_keys(d: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live dict.
        collect(unsafe { get(d) }, 0)
    }

    /// `d.values()`: a new list of the values in insertion order.
    fn mlc_dict_values(d: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live dict.
        collect(unsafe { get(d) }, 1)
    }

    /// `d.items()`: a new list of `(key, value)` tuples in insertion order.
    fn mlc_dict_items(d: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live dict.
        collect(unsafe { get(d) }, 2)
    }

    /// `d.pop(*k[, *default])` written to `out`; a missing key without a default (null)
    /// raises `KeyError`.
    fn mlc_dict_pop(d: Handle, k: *const u8, default: *const u8, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live dict, a valid key, a valid default or null, room at `out`.
        unsafe {
            let dict = get(d);
            match dict.remove(k) {
                Some(entry) => {
                    let entry = entry.as_ptr().cast::<u8>();
                    // The value moves to `out`; the key is released.
                    ptr::copy_nonoverlapping(entry.add(dict.value_offset), out, dict.value.size());
                    value::release_value(entry, dict.key);
                }
                None if !default.is_null() => value::copy_value(out, default, dict.value),
                None => {
                    ptr::write_bytes(out, 0, dict.value.size());
                    raise_key_error(k, dict.key, Loc::new(file, line, col));
                }
            }
        }
    }

    /// `d.clear()`.
    fn mlc_dict_clear(d: Handle, file: *const c_char, line: i32, col: i32) {
        let _ = (file, line, col);
        // SAFETY: a live dict.
        let dict = unsafe { get(d) };
        let inner = dict.inner.take();
        dict.release_entries(&inner);
    }

    /// `d.copy()`: a new dict with the same items.
    fn mlc_dict_copy(d: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live dict.
        let dict = unsafe { get(d) };
        let handle = new_dict(dict.key, dict.value);
        // SAFETY: the dict we just made, of the same types.
        let copy = unsafe { get(handle) };
        let snapshot = dict.snapshot();
        for entry in dict.snapshot_entries(&snapshot) {
            // SAFETY: snapshot entries hold valid keys and values; `insert` retains.
            unsafe { copy.insert(entry, entry.add(dict.value_offset)) };
        }
        handle
    }

    /// `a == b`.
    fn mlc_dict_eq(a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: live dicts of one type.
        unsafe { dicts_eq(a, b) }
    }
}
