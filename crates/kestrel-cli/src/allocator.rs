//! The global allocator: mimalloc, asked through its plain entry points whenever the alignment
//! wanted is one every mimalloc block has anyway.
//!
//! Coding allocates many small, short-lived vectors per sentence (phrases, actors, drafts);
//! mimalloc's thread-local free lists serve them several times faster than the system
//! allocator (see README, Speed). The `mimalloc` crate's allocator hands every request to the
//! aligned entry points, whose alignment checks, and whose slower path when a page's free
//! list runs out, cost about as much again as the allocation itself.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// An alignment every mimalloc block has: block sizes are whole machine words and pages start
/// aligned (blocks of more than a word are even aligned to two).
const BLOCK_ALIGN: usize = std::mem::size_of::<usize>();

pub struct Mimalloc;

// SAFETY: every block comes from mimalloc with at least the layout's alignment (checked
// against BLOCK_ALIGN, or asked for), and goes back to mimalloc, which frees and resizes
// blocks from any of its entry points.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain calls into mimalloc; a null result is passed on as the failure.
        unsafe {
            if layout.align() <= BLOCK_ALIGN {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if layout.align() <= BLOCK_ALIGN {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, so by mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by this allocator with `layout`, so by mimalloc.
        unsafe {
            if layout.align() <= BLOCK_ALIGN {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_asked_for_and_keep_their_bytes() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 8, 24, 40, 100, 1000, 5000, 1 << 20] {
                let layout = Layout::from_size_align(size, align).expect("valid layout");
                // SAFETY: the layout is not zero-sized; every block is freed with its layout.
                unsafe {
                    let zeroed = Mimalloc.alloc_zeroed(layout);
                    assert!(!zeroed.is_null());
                    assert_eq!(zeroed as usize % align, 0, "zeroed {size} bytes aligned to {align}");
                    assert!(std::slice::from_raw_parts(zeroed, size).iter().all(|&b| b == 0));
                    Mimalloc.dealloc(zeroed, layout);

                    let block = Mimalloc.alloc(layout);
                    assert!(!block.is_null());
                    assert_eq!(block as usize % align, 0, "{size} bytes aligned to {align}");
                    block.write_bytes(0xAB, size);
                    let grown = Mimalloc.realloc(block, layout, size * 3);
                    assert!(!grown.is_null());
                    assert_eq!(grown as usize % align, 0, "{size} bytes grown, aligned to {align}");
                    assert!(std::slice::from_raw_parts(grown, size).iter().all(|&b| b == 0xAB));
                    Mimalloc.dealloc(grown, Layout::from_size_align(size * 3, align).expect("valid layout"));
                }
            }
        }
    }
}
