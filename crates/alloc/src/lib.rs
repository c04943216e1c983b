//! The global allocator of Pith's binaries and benchmarks.
//!
//! It is mimalloc, as the `mimalloc` crate provides it, with one difference:
//! that crate sends every request through `mi_malloc_aligned`, whose
//! alignment checks cost about a tenth of an allocation, while nearly every
//! Rust allocation asks for no more than the word alignment `mi_malloc`
//! always gives. Those go to `mi_malloc`/`mi_realloc` directly, the rest
//! to the aligned entry points.
//!
//! ```
//! #[global_allocator]
//! static GLOBAL: pith_alloc::Mimalloc = pith_alloc::Mimalloc;
//!
//! fn main() {
//!     let names: Vec<String> = (0..3).map(|i| format!("x{i}")).collect();
//!     assert_eq!(names.concat(), "x0x1x2");
//! }
//! ```
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Every block `mi_malloc` returns is aligned to at least a machine word:
/// its size classes are multiples of the word size.
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc as Rust's global allocator.
pub struct Mimalloc;

// SAFETY: every method forwards to the mimalloc entry point that honours
// `layout`: the plain ones only for alignments `mi_malloc` always meets
// (see `PLAIN_ALIGN`), the aligned ones otherwise; `mi_free` takes any
// block from either.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honours_every_alignment() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 8, 24, 100, 5000] {
                let layout = Layout::from_size_align(size.max(align), align).expect("layout");
                // SAFETY: a non-zero size; the block is freed with its layout.
                unsafe {
                    let p = Mimalloc.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    let q = Mimalloc.realloc(p, layout, layout.size() * 3);
                    assert_eq!(q as usize % align, 0);
                    Mimalloc.dealloc(
                        q,
                        Layout::from_size_align(layout.size() * 3, align).expect("layout"),
                    );
                }
            }
        }
    }
}
