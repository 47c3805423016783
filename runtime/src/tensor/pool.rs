//! Memory for large tensor buffers, kept for reuse.
//!
//! A program that computes `c = a * 2.0 + b` in a loop frees a result as large as its
//! operands and allocates another at once. Handing the memory back to the system and
//! getting it again costs a page fault per 4 KiB page (and the kernel's zeroing of each),
//! which for 40 MB is more than the arithmetic. So a freed buffer of at least
//! [`POOLED_MIN_BYTES`] stays here (a few, per thread, up to [`POOL_MAX_BYTES`] in all) and
//! the next allocation of the same size takes it back. Fresh large allocations are also
//! offered transparent huge pages (`madvise`), as numpy does.

use std::alloc::{self, Layout};
use std::cell::RefCell;

/// Buffers at least this large are pooled (and advised to use huge pages).
pub const POOLED_MIN_BYTES: usize = 1 << 20;
/// The most memory the pool of one thread keeps.
const POOL_MAX_BYTES: usize = 1 << 30;
/// The most buffers the pool of one thread keeps.
const POOL_MAX_BUFFERS: usize = 8;

struct Pool {
    /// Freed buffers, the most recent last.
    free: Vec<(Layout, *mut u8)>,
    bytes: usize,
}

impl Drop for Pool {
    fn drop(&mut self) {
        for (layout, ptr) in self.free.drain(..) {
            // SAFETY: allocated by `allocate` with this layout, and no longer used.
            unsafe { alloc::dealloc(ptr, layout) };
        }
    }
}

thread_local! {
    static POOL: RefCell<Pool> = const { RefCell::new(Pool { free: Vec::new(), bytes: 0 }) };
}

/// Memory for `layout` (nonzero size): zeroed when `zeroed`, else with unspecified
/// contents.
pub fn allocate(layout: Layout, zeroed: bool) -> *mut u8 {
    if layout.size() >= POOLED_MIN_BYTES {
        let reused = POOL.with(|pool| {
            let mut pool = pool.borrow_mut();
            let position = pool.free.iter().rposition(|(l, _)| *l == layout)?;
            let (_, ptr) = pool.free.swap_remove(position);
            pool.bytes -= layout.size();
            Some(ptr)
        });
        if let Some(ptr) = reused {
            if zeroed {
                // SAFETY: the buffer has `layout.size()` bytes.
                unsafe { std::ptr::write_bytes(ptr, 0, layout.size()) };
            }
            return ptr;
        }
    }
    // SAFETY: callers never ask for a zero size.
    let ptr = unsafe {
        if zeroed {
            alloc::alloc_zeroed(layout)
        } else {
            alloc::alloc(layout)
        }
    };
    if ptr.is_null() {
        alloc::handle_alloc_error(layout);
    }
    if layout.size() >= POOLED_MIN_BYTES {
        advise_huge_pages(ptr, layout.size());
    }
    ptr
}

/// Gives back memory from [`allocate`]: kept for reuse when large, else freed.
///
/// # Safety
///
/// `ptr` came from [`allocate`] with `layout` and is not used afterwards.
pub unsafe fn free(ptr: *mut u8, layout: Layout) {
    if layout.size() >= POOLED_MIN_BYTES && layout.size() <= POOL_MAX_BYTES {
        let evicted = POOL.try_with(|pool| {
            let mut pool = pool.borrow_mut();
            let mut evicted = Vec::new();
            while !pool.free.is_empty()
                && (pool.free.len() >= POOL_MAX_BUFFERS
                    || pool.bytes + layout.size() > POOL_MAX_BYTES)
            {
                let (old_layout, old_ptr) = pool.free.remove(0);
                pool.bytes -= old_layout.size();
                evicted.push((old_layout, old_ptr));
            }
            pool.free.push((layout, ptr));
            pool.bytes += layout.size();
            evicted
        });
        if let Ok(evicted) = evicted {
            for (old_layout, old_ptr) in evicted {
                // SAFETY: a pooled buffer, allocated with this layout and unused.
                unsafe { alloc::dealloc(old_ptr, old_layout) };
            }
            return;
        }
    }
    // SAFETY: the caller's guarantee.
    unsafe { alloc::dealloc(ptr, layout) };
}

#[cfg(target_os = "linux")]
fn advise_huge_pages(ptr: *mut u8, size: usize) {
    extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, length: usize, advice: i32) -> i32;
    }
    const MADV_HUGEPAGE: i32 = 14;
    const PAGE: usize = 4096;
    let start = (ptr as usize).next_multiple_of(PAGE);
    let end = (ptr as usize + size) & !(PAGE - 1);
    if end > start {
        // SAFETY: a range of whole pages inside our own allocation; the advice only
        // changes how the kernel backs it. Failure (no THP support) is harmless.
        unsafe { madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE) };
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages(_ptr: *mut u8, _size: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_large_buffer_is_reused_and_zeroed_when_asked() {
        let layout = Layout::from_size_align(POOLED_MIN_BYTES * 2, 64).unwrap();
        let first = allocate(layout, false);
        // SAFETY: the buffer is ours and large enough.
        unsafe { first.write(7) };
        // SAFETY: allocated above with this layout.
        unsafe { free(first, layout) };
        let second = allocate(layout, true);
        assert_eq!(second, first, "the pooled buffer comes back");
        // SAFETY: a live buffer of this size.
        assert!(unsafe { std::slice::from_raw_parts(second, layout.size()) }
            .iter()
            .all(|&b| b == 0));
        // SAFETY: allocated above.
        unsafe { free(second, layout) };
    }

    #[test]
    fn small_buffers_are_not_pooled() {
        let layout = Layout::from_size_align(4096, 64).unwrap();
        let ptr = allocate(layout, true);
        // SAFETY: allocated above.
        unsafe { free(ptr, layout) };
        POOL.with(|pool| assert!(pool.borrow().free.iter().all(|(l, _)| *l != layout)));
    }
}
