//! `List[T]`: a growable array of values of one type, stored as raw bytes in the element's
//! memory layout, with the element descriptor saying how to count references, compare and
//! print them.
//!
//! The fields are `Cell`s: generated code may hold several handles to one list and pass
//! two of them to one call (`xs.extend(xs)`), so the runtime never makes a `&mut` to a list.
//! Overwritten or removed elements are released only after the list is consistent again.

use std::alloc::{self, Layout};
use std::cell::Cell;
use std::cmp::Ordering;
use std::ffi::c_char;
use std::ptr;

use crate::abi::exports;
use crate::desc::{self, TypeDesc};
use crate::error;
use crate::object::{self, Handle, Header, Object, VTable};
use crate::panic::{panic_at, Loc};
use crate::value;

/// A list object.
#[repr(C)]
pub struct ListObj {
    header: Header,
    elem: &'static TypeDesc,
    /// Element size and alignment (cached from `elem`).
    size: usize,
    align: usize,
    len: Cell<usize>,
    capacity: Cell<usize>,
    data: Cell<*mut u8>,
}

/// Where generated code finds a list's length (an `i64`) and its element buffer (a pointer to
/// `length` elements laid out back to back): the compiler reads and writes elements in place
/// instead of calling the runtime (`docs/runtime.md`, "Lists in place").
pub const LIST_LENGTH_OFFSET: usize = std::mem::offset_of!(ListObj, len);
pub const LIST_DATA_OFFSET: usize = std::mem::offset_of!(ListObj, data);

static VTABLE: VTable = VTable { name: "List", drop: drop_list, write: write_list };

// SAFETY: `#[repr(C)]` with the header first; only `new_list` uses `VTABLE`.
unsafe impl Object for ListObj {
    const VTABLE: &'static VTable = &VTABLE;
}

/// A new empty list of elements of type `elem`, with room for `capacity` of them.
pub fn new_list(elem: &'static TypeDesc, capacity: usize) -> Handle {
    let layout = elem.layout();
    let handle = object::allocate(ListObj {
        header: Header::new(&VTABLE),
        elem,
        size: layout.size,
        align: layout.align.max(1),
        len: Cell::new(0),
        capacity: Cell::new(if layout.size == 0 { usize::MAX } else { 0 }),
        data: Cell::new(ptr::without_provenance_mut(layout.align.max(1))),
    });
    if capacity > 0 {
        // SAFETY: a list we just made.
        unsafe { get(handle) }.reserve(capacity);
    }
    handle
}

/// A new `List[str]` holding `parts`.
pub fn list_of_strs<'a>(parts: impl Iterator<Item = &'a str>) -> Handle {
    let handle = new_list(crate::static_desc!("s"), 0);
    // SAFETY: a `List[str]` we just made; each new string's reference moves into it.
    unsafe {
        let list = get(handle);
        for part in parts {
            let string = crate::str::new_str(part);
            list.push_moved((&raw const string).cast());
        }
    }
    handle
}

/// A new `List[i64]` holding `values` (tensor shapes).
pub fn list_of_i64(values: &[i64]) -> Handle {
    let handle = new_list(crate::static_desc!("i64"), values.len());
    // SAFETY: a `List[i64]` we just made.
    let list = unsafe { get(handle) };
    for value in values {
        // SAFETY: an `i64` element.
        unsafe { list.push_moved((value as *const i64).cast()) };
    }
    handle
}

unsafe fn drop_list(handle: Handle) {
    // SAFETY: called once with the last reference to a list.
    let list = unsafe { get(handle) };
    // SAFETY: the list owns its elements.
    unsafe { list.release_range(0, list.len()) };
    list.free_buffer();
    // SAFETY: lists are made by `object::allocate`.
    unsafe { object::free::<ListObj>(handle) };
}

unsafe fn write_list(handle: Handle, out: &mut String, _repr: bool) {
    // SAFETY: the vtable is only reached through live lists.
    let list = unsafe { get(handle) };
    out.push('[');
    for i in 0..list.len() {
        if i > 0 {
            out.push_str(", ");
        }
        // SAFETY: element `i` is a valid value of the element type.
        unsafe { crate::format::value::write_value(out, list.at(i), list.elem, true) };
    }
    out.push(']');
}

/// The list behind a handle.
///
/// # Safety
///
/// `handle` is a live list handle, which outlives the returned reference.
#[inline]
pub unsafe fn get<'a>(handle: Handle) -> &'a ListObj {
    // SAFETY: the caller passes a live list.
    unsafe { object::cast::<ListObj>(handle) }
}

impl ListObj {
    #[inline]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn elem(&self) -> &'static TypeDesc {
        self.elem
    }

    /// The address of element `i` (`i <= len`; not checked).
    #[inline]
    pub fn at(&self, i: usize) -> *mut u8 {
        // In bounds of the allocation (or zero-sized elements on a dangling pointer).
        self.data.get().wrapping_add(i * self.size)
    }

    /// Reads element `i` of a list of handles (borrowed).
    ///
    /// # Safety
    ///
    /// `i < len` and the elements are handles.
    pub unsafe fn read_handle(&self, i: usize) -> Handle {
        // SAFETY: per the contract above.
        unsafe { value::read::<Handle>(self.at(i)) }
    }

    fn buffer_layout(&self, capacity: usize) -> Layout {
        match Layout::from_size_align(capacity.saturating_mul(self.size), self.align) {
            Ok(layout) if capacity.checked_mul(self.size).is_some() => layout,
            _ => crate::panic::internal("list too large"),
        }
    }

    /// Makes room for `additional` more elements.
    pub fn reserve(&self, additional: usize) {
        let needed = self.len().saturating_add(additional);
        if needed <= self.capacity.get() {
            return;
        }
        let capacity = needed.max(self.capacity.get().saturating_mul(2)).max(4);
        let new_layout = self.buffer_layout(capacity);
        let data = if self.capacity.get() == 0 {
            // SAFETY: nonzero size (elements are not zero-sized here, capacity >= 4).
            unsafe { alloc::alloc(new_layout) }
        } else {
            // SAFETY: `data` was allocated with the layout of the old capacity.
            unsafe {
                alloc::realloc(
                    self.data.get(),
                    self.buffer_layout(self.capacity.get()),
                    new_layout.size(),
                )
            }
        };
        if data.is_null() {
            alloc::handle_alloc_error(new_layout);
        }
        self.data.set(data);
        self.capacity.set(capacity);
    }

    fn free_buffer(&self) {
        if self.size != 0 && self.capacity.get() != 0 {
            // SAFETY: allocated with the layout of the current capacity.
            unsafe { alloc::dealloc(self.data.get(), self.buffer_layout(self.capacity.get())) };
            self.capacity.set(0);
        }
    }

    /// Appends a copy of the value at `src` (retained).
    ///
    /// # Safety
    ///
    /// `src` points to a valid element value, not inside this list's buffer.
    pub unsafe fn push(&self, src: *const u8) {
        self.reserve(1);
        // SAFETY: room for one more element; `src` is outside the buffer.
        unsafe { value::copy_value(self.at(self.len()), src, self.elem) };
        self.len.set(self.len() + 1);
    }

    /// Appends the value at `src`, taking over its references.
    ///
    /// # Safety
    ///
    /// `src` points to a valid element value whose references the caller gives up.
    pub unsafe fn push_moved(&self, src: *const u8) {
        self.reserve(1);
        // SAFETY: room for one more element.
        unsafe { ptr::copy_nonoverlapping(src, self.at(self.len()), self.size) };
        self.len.set(self.len() + 1);
    }

    /// Releases elements `start..end`.
    ///
    /// # Safety
    ///
    /// They are owned by the list and are not used afterwards.
    unsafe fn release_range(&self, start: usize, end: usize) {
        if self.elem.has_handles() {
            for i in start..end {
                // SAFETY: per the contract above.
                unsafe { value::release_value(self.at(i), self.elem) };
            }
        }
    }

    /// Bytes of the elements `start..end`, copied out (their references move with them).
    fn take_bytes(&self, start: usize, end: usize) -> Vec<u8> {
        let mut bytes = vec![0u8; (end - start) * self.size];
        // SAFETY: the range is within the list.
        unsafe { ptr::copy_nonoverlapping(self.at(start), bytes.as_mut_ptr(), bytes.len()) };
        bytes
    }

    /// Releases elements held in `bytes` (from `take_bytes`).
    fn release_bytes(&self, bytes: &[u8]) {
        if self.elem.has_handles() && self.size > 0 {
            for chunk in bytes.chunks_exact(self.size) {
                // SAFETY: owned elements moved out of the list.
                unsafe { value::release_value(chunk.as_ptr(), self.elem) };
            }
        }
    }

    /// Removes every element.
    pub fn clear(&self) {
        let removed = self.take_bytes(0, self.len());
        self.len.set(0);
        self.release_bytes(&removed);
    }

    /// A position in range for an element access, or a panic.
    fn index(&self, i: i64, loc: Loc) -> usize {
        let length = self.len() as i64;
        let position = if i < 0 { i.wrapping_add(length) } else { i };
        if position < 0 || position >= length {
            panic_at(&format!("index out of range: {i} (length {length})"), loc);
        }
        position as usize
    }

    /// A new list with copies of the elements at `positions`.
    fn select(&self, positions: impl Iterator<Item = usize>, count: usize) -> Handle {
        let handle = new_list(self.elem, count);
        // SAFETY: a list we just made, with the same element type.
        let result = unsafe { get(handle) };
        for i in positions {
            // SAFETY: `i < len`; the source is another list's buffer.
            unsafe { result.push(self.at(i)) };
        }
        handle
    }
}

/// Element-wise equality of two lists of one element type.
///
/// # Safety
///
/// Both are live lists.
pub unsafe fn lists_eq(a: Handle, b: Handle) -> bool {
    if a == b {
        return true;
    }
    // SAFETY: live lists.
    let (x, y) = unsafe { (get(a), get(b)) };
    x.len() == y.len()
        // SAFETY: positions below the common length hold valid elements.
        && (0..x.len()).all(|i| unsafe { value::values_eq(x.at(i), y.at(i), x.elem) })
}

/// Python's order of two lists (first differing element, then length).
///
/// # Safety
///
/// Both are live lists of `elem`.
pub unsafe fn lists_compare(a: Handle, b: Handle, elem: &TypeDesc) -> Option<Ordering> {
    // SAFETY: live lists.
    let (x, y) = unsafe { (get(a), get(b)) };
    for i in 0..x.len().min(y.len()) {
        // SAFETY: both positions hold valid elements.
        unsafe {
            if !value::values_eq(x.at(i), y.at(i), elem) {
                return value::compare(x.at(i), y.at(i), elem);
            }
        }
    }
    Some(x.len().cmp(&y.len()))
}

/// A stable merge sort of `items` by `less`, which may be any relation: unlike the
/// standard library's sorts it never panics on an inconsistent order (NaN), so no Rust
/// panic can start here. Like Python's sort it only asks `a < b`.
pub fn merge_sort<T: Copy>(items: &mut [T], less: &mut impl FnMut(T, T) -> bool) {
    if items.len() <= 16 {
        // Insertion sort: stable, moves an item left past the greater ones.
        for i in 1..items.len() {
            let item = items[i];
            let mut j = i;
            while j > 0 && less(item, items[j - 1]) {
                items[j] = items[j - 1];
                j -= 1;
            }
            items[j] = item;
        }
        return;
    }
    let middle = items.len() / 2;
    merge_sort(&mut items[..middle], less);
    merge_sort(&mut items[middle..], less);
    if !less(items[middle], items[middle - 1]) {
        return;
    }
    let left = items[..middle].to_vec();
    let (mut i, mut j, mut k) = (0, middle, 0);
    while i < left.len() && j < items.len() {
        // Take from the right only when strictly less: stability.
        if less(items[j], left[i]) {
            items[k] = items[j];
            j += 1;
        } else {
            items[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        items[k] = left[i];
        i += 1;
        k += 1;
    }
}

/// Sorts a list in place, by `<` of its elements.
fn sort_list(list: &ListObj) {
    let n = list.len();
    let elem = list.elem;
    // Sort positions, then permute the bytes: elements may be large aggregates.
    let mut order: Vec<usize> = (0..n).collect();
    match elem.kind() {
        crate::desc::Kind::I64 => {
            // SAFETY: `i64` elements.
            let keys: Vec<i64> =
                (0..n).map(|i| unsafe { value::read::<i64>(list.at(i)) }).collect();
            merge_sort(&mut order, &mut |a, b| keys[a] < keys[b]);
        }
        crate::desc::Kind::F64 => {
            // SAFETY: `f64` elements.
            let keys: Vec<f64> =
                (0..n).map(|i| unsafe { value::read::<f64>(list.at(i)) }).collect();
            merge_sort(&mut order, &mut |a, b| keys[a] < keys[b]);
        }
        _ => {
            // SAFETY: positions below `n` hold valid elements.
            merge_sort(&mut order, &mut |a, b| unsafe {
                value::value_lt(list.at(a), list.at(b), elem)
            });
        }
    }
    let bytes = list.take_bytes(0, n);
    for (target, &source) in order.iter().enumerate() {
        // SAFETY: both ranges are within their buffers; references move with the bytes.
        unsafe {
            ptr::copy_nonoverlapping(
                bytes.as_ptr().add(source * list.size),
                list.at(target),
                list.size,
            )
        };
    }
}

/// The position of the first element `< ` (or `>`) all others, Python's `min`/`max`.
fn extreme(list: &ListObj, want: Ordering) -> usize {
    let mut best = 0;
    for i in 1..list.len() {
        // SAFETY: both positions hold valid elements.
        if unsafe { value::compare(list.at(i), list.at(best), list.elem) } == Some(want) {
            best = i;
        }
    }
    best
}

exports! {
    /// A new empty list of `elem` values with room for `capacity` of them.
    fn mlc_list_new(elem: *const c_char, capacity: i64) -> Handle {
        // SAFETY: generated code passes a descriptor string.
        let elem = unsafe { desc::from_cstr(elem) };
        new_list(elem, capacity.max(0) as usize)
    }

    /// `len(l)`.
    fn mlc_list_len(l: Handle) -> i64 {
        // SAFETY: a live list.
        unsafe { get(l) }.len() as i64
    }

    /// `l[i]` written to `out` (an owned copy); out of range panics.
    fn mlc_list_get(l: Handle, i: i64, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let position = list.index(i, Loc::new(file, line, col));
        // SAFETY: `out` has room for an element, outside the list's buffer.
        unsafe { value::copy_value(out, list.at(position), list.elem) };
    }

    /// `l[i] = *v` (retained; the old element released); out of range panics.
    fn mlc_list_set(l: Handle, i: i64, v: *const u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let position = list.index(i, Loc::new(file, line, col));
        let old = list.take_bytes(position, position + 1);
        // SAFETY: `v` points to a valid element (retained before the old one is released,
        // so `l[i] = l[i]` is safe).
        unsafe {
            value::retain_value(v, list.elem);
            ptr::copy(v, list.at(position), list.size);
        }
        list.release_bytes(&old);
    }

    /// `l.append(*v)` (retained).
    fn mlc_list_append(l: Handle, v: *const u8) {
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let buffer = list.data.get() as usize..list.data.get() as usize + list.capacity.get() * list.size;
        if !buffer.contains(&(v as usize)) {
            // SAFETY: `v` is a valid element outside the buffer, which growing may move.
            unsafe { list.push(v) };
            return;
        }
        // `v` points into this very list (`xs.append(xs[0])`): copied out first, since
        // growing may move the buffer under it.
        let mut staging = vec![0u8; list.size];
        // SAFETY: `v` is a valid element.
        unsafe {
            ptr::copy_nonoverlapping(v, staging.as_mut_ptr(), list.size);
            value::retain_value(staging.as_ptr(), list.elem);
            list.push_moved(staging.as_ptr());
        }
    }

    /// `l.pop(i)` written to `out` (`i = -1` for `pop()`); an empty list or an index out
    /// of range raises `IndexError`.
    fn mlc_list_pop(l: Handle, i: i64, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let length = list.len() as i64;
        let position = if i < 0 { i.wrapping_add(length) } else { i };
        if length == 0 || position < 0 || position >= length {
            let detail = if length == 0 { "pop from empty list" } else { "pop index out of range" };
            error::raise_new("IndexError", detail, Loc::new(file, line, col));
            // SAFETY: `out` has room for an element: leave a zero value.
            unsafe { ptr::write_bytes(out, 0, list.size) };
            return;
        }
        let position = position as usize;
        // SAFETY: the element moves to `out` with its references; the tail shifts left.
        unsafe {
            ptr::copy_nonoverlapping(list.at(position), out, list.size);
            ptr::copy(list.at(position + 1), list.at(position), (list.len() - position - 1) * list.size);
        }
        list.len.set(list.len() - 1);
    }

    /// `l.insert(i, *v)`: Python clamps `i` to `0..=len` (negative from the end).
    fn mlc_list_insert(l: Handle, i: i64, v: *const u8, file: *const c_char, line: i32, col: i32) {
        let _ = (file, line, col);
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let length = list.len() as i64;
        let position = if i < 0 { (i.wrapping_add(length)).max(0) } else { i.min(length) } as usize;
        let mut staging = vec![0u8; list.size];
        // SAFETY: `v` is a valid element, copied out before the buffer may move; then the
        // tail shifts right into the reserved room.
        unsafe {
            ptr::copy_nonoverlapping(v, staging.as_mut_ptr(), list.size);
            value::retain_value(staging.as_ptr(), list.elem);
            list.reserve(1);
            ptr::copy(list.at(position), list.at(position + 1), (list.len() - position) * list.size);
            ptr::copy_nonoverlapping(staging.as_ptr(), list.at(position), list.size);
        }
        list.len.set(list.len() + 1);
    }

    /// `l.extend(other)` (`other` may be `l`).
    fn mlc_list_extend(l: Handle, other: Handle, file: *const c_char, line: i32, col: i32) {
        let _ = (file, line, col);
        // SAFETY: live lists of one element type.
        let (list, source) = unsafe { (get(l), get(other)) };
        let count = source.len();
        let copied = source.take_bytes(0, count);
        list.reserve(count);
        for chunk in copied.chunks_exact(list.size.max(1)).take(count) {
            // SAFETY: a valid element of the same type, outside the buffer.
            unsafe { list.push(chunk.as_ptr()) };
        }
        if list.size == 0 {
            list.len.set(list.len() + count);
        }
    }

    /// `l.clear()`.
    fn mlc_list_clear(l: Handle, file: *const c_char, line: i32, col: i32) {
        let _ = (file, line, col);
        // SAFETY: a live list.
        unsafe { get(l) }.clear();
    }

    /// `l.copy()`: a new list with the same elements.
    fn mlc_list_copy(l: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        list.select(0..list.len(), list.len())
    }

    /// `l.reverse()`.
    fn mlc_list_reverse(l: Handle, file: *const c_char, line: i32, col: i32) {
        let _ = (file, line, col);
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let n = list.len();
        let bytes = list.take_bytes(0, n);
        for i in 0..n {
            // SAFETY: within both buffers; references move with the bytes.
            unsafe {
                ptr::copy_nonoverlapping(bytes.as_ptr().add((n - 1 - i) * list.size), list.at(i), list.size)
            };
        }
    }

    /// `l.sort()`: stable, by `<` of the elements.
    fn mlc_list_sort(l: Handle, file: *const c_char, line: i32, col: i32) {
        let _ = (file, line, col);
        // SAFETY: a live list.
        sort_list(unsafe { get(l) });
    }

    /// `l.index(*v)`: the first position of an equal element; missing raises `ValueError`.
    fn mlc_list_index(l: Handle, v: *const u8, file: *const c_char, line: i32, col: i32) -> i64 {
        // SAFETY: a live list and a valid element.
        let list = unsafe { get(l) };
        // SAFETY: positions below `len` hold valid elements; `v` is one.
        match (0..list.len()).find(|&i| unsafe { value::values_eq(list.at(i), v, list.elem) }) {
            Some(position) => position as i64,
            None => {
                let mut detail = String::new();
                // SAFETY: `v` is a valid element.
                unsafe { crate::format::value::write_value(&mut detail, v, list.elem, true) };
                detail.push_str(" is not in list");
                error::raise_new("ValueError", &detail, Loc::new(file, line, col));
                0
            }
        }
    }

    /// `l.count(*v)`.
    fn mlc_list_count(l: Handle, v: *const u8, file: *const c_char, line: i32, col: i32) -> i64 {
        let _ = (file, line, col);
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        // SAFETY: positions below `len` hold valid elements; `v` is one.
        (0..list.len()).filter(|&i| unsafe { value::values_eq(list.at(i), v, list.elem) }).count() as i64
    }

    /// `*v in l`.
    fn mlc_list_contains(l: Handle, v: *const u8, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        // SAFETY: positions below `len` hold valid elements; `v` is one.
        (0..list.len()).any(|i| unsafe { value::values_eq(list.at(i), v, list.elem) })
    }

    /// `a + b`: a new list.
    fn mlc_list_concat(a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: live lists of one element type.
        let (x, y) = unsafe { (get(a), get(b)) };
        let handle = x.select(0..x.len(), x.len() + y.len());
        // SAFETY: the list we just made.
        let result = unsafe { get(handle) };
        for i in 0..y.len() {
            // SAFETY: a valid element of another list.
            unsafe { result.push(y.at(i)) };
        }
        handle
    }

    /// `l * n`: a new list (empty for `n <= 0`).
    fn mlc_list_repeat(l: Handle, n: i64, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let times = n.max(0) as usize;
        let Some(count) = list.len().checked_mul(times) else {
            panic_at("repeated list too large", Loc::new(file, line, col));
        };
        let length = list.len();
        list.select((0..count).map(|k| k % length.max(1)), count)
    }

    /// `min(l)` written to `out`; an empty list raises `ValueError`.
    fn mlc_list_min(l: Handle, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live list; `out` has room for an element.
        unsafe { min_max(l, out, Ordering::Less, "min", Loc::new(file, line, col)) }
    }

    /// `max(l)` written to `out`; an empty list raises `ValueError`.
    fn mlc_list_max(l: Handle, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live list; `out` has room for an element.
        unsafe { min_max(l, out, Ordering::Greater, "max", Loc::new(file, line, col)) }
    }

    /// `a == b`.
    fn mlc_list_eq(a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: live lists of one element type.
        unsafe { lists_eq(a, b) }
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b` (0 also when unordered: NaN).
    fn mlc_list_compare(a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> i64 {
        let _ = (file, line, col);
        // SAFETY: live lists of one element type.
        let elem = unsafe { get(a) }.elem;
        // SAFETY: as above.
        match unsafe { lists_compare(a, b, elem) } {
            Some(Ordering::Less) => -1,
            Some(Ordering::Greater) => 1,
            _ => 0,
        }
    }

    /// `l[start:stop:step]`: a new list (bits 0/1/2 of `present`: which parts were written).
    fn mlc_list_slice(
        l: Handle,
        start: i64,
        stop: i64,
        step: i64,
        present: i32,
        file: *const c_char,
        line: i32,
        col: i32,
    ) -> Handle {
        // SAFETY: a live list.
        let list = unsafe { get(l) };
        let [start, stop, step] = crate::slice::from_abi(start, stop, step, present);
        match crate::slice::resolve(list.len() as i64, start, stop, step) {
            Ok(range) => list.select(range.positions().map(|i| i as usize), range.count as usize),
            Err(message) => panic_at(message, Loc::new(file, line, col)),
        }
    }
}

/// Shared body of `min` and `max`.
///
/// # Safety
///
/// `l` is a live list; `out` has room for an element.
unsafe fn min_max(l: Handle, out: *mut u8, want: Ordering, name: &str, loc: Loc) {
    // SAFETY: per the contract above.
    let list = unsafe { get(l) };
    if list.is_empty() {
        error::raise_new("ValueError", &format!("{name}() arg is an empty sequence"), loc);
        // SAFETY: `out` has room for an element: leave a zero value.
        unsafe { ptr::write_bytes(out, 0, list.size) };
        return;
    }
    let best = extreme(list, want);
    // SAFETY: a valid element copied to `out`, retained.
    unsafe { value::copy_value(out, list.at(best), list.elem) };
}

#[cfg(test)]
mod tests {
    use super::merge_sort;

    #[test]
    fn merge_sort_is_stable_and_total() {
        let mut items: Vec<(i32, usize)> = (0..200).map(|i| (i * 7919 % 13, i as usize)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(key, _)| key);
        merge_sort(&mut items, &mut |a, b| a.0 < b.0);
        assert_eq!(items, expected);
        // An inconsistent order (NaN) must not panic.
        let mut floats = vec![3.0, f64::NAN, 1.0, 2.0, f64::NAN, 0.5];
        floats.extend((0..40).map(|i| if i % 5 == 0 { f64::NAN } else { i as f64 }));
        merge_sort(&mut floats, &mut |a, b| a < b);
        assert_eq!(floats.len(), 46);
    }
}
