//! A memory mapping (`mmap`, `munmap`, `mremap`, `msync`, `madvise`) owned
//! by a Rust value, for the `mmap` module.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`. A [`Mapping`]
//! is never empty (the kernel refuses zero-length maps), its pages stay
//! mapped until it is dropped or remapped, and a mutable view is given only
//! for a mapping made writable (`PROT_WRITE`), so no write can fault on a
//! read-only page.
#![allow(unsafe_code)]

use super::posix::raw::errno;

/// A live mapping of `len` bytes at `ptr`.
pub(crate) struct Mapping {
    ptr: std::ptr::NonNull<u8>,
    len: usize,
    readable: bool,
    writable: bool,
}

impl std::fmt::Debug for Mapping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mapping").field("len", &self.len).finish()
    }
}

impl Mapping {
    /// `mmap(NULL, len, prot, flags, fd, offset)`.
    pub(crate) fn new(
        len: usize,
        prot: i32,
        flags: i32,
        fd: i32,
        offset: i64,
    ) -> Result<Self, i32> {
        // SAFETY: a fresh mapping at an address the kernel picks; nothing of
        // ours is overwritten.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, fd, offset) };
        if p == libc::MAP_FAILED {
            return Err(errno());
        }
        let ptr = std::ptr::NonNull::new(p.cast::<u8>()).ok_or(libc::ENOMEM)?;
        Ok(Mapping {
            ptr,
            len,
            // On Linux a writable page is readable too.
            readable: prot & (libc::PROT_READ | libc::PROT_WRITE) != 0,
            writable: prot & libc::PROT_WRITE != 0,
        })
    }

    /// Its length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Its bytes; `None` for a mapping made neither readable nor writable,
    /// whose pages would fault.
    pub(crate) fn bytes(&self) -> Option<&[u8]> {
        if !self.readable {
            return None;
        }
        // SAFETY: `len` bytes at `ptr` are mapped and readable while `self`
        // lives.
        Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) })
    }

    /// Its bytes, to change; `None` for a mapping without `PROT_WRITE`.
    pub(crate) fn bytes_mut(&mut self) -> Option<&mut [u8]> {
        if !self.writable {
            return None;
        }
        // SAFETY: as `bytes`, and the pages are writable; `&mut self`
        // makes this the only view.
        Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) })
    }

    /// `mremap(ptr, len, new_len, MREMAP_MAYMOVE)`: the mapping may move.
    pub(crate) fn resize(&mut self, new_len: usize) -> Result<(), i32> {
        // SAFETY: `ptr`/`len` is our mapping; on success the old range is
        // gone and the new one is ours.
        let p = unsafe {
            libc::mremap(
                self.ptr.as_ptr().cast(),
                self.len,
                new_len,
                libc::MREMAP_MAYMOVE,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(errno());
        }
        self.ptr = std::ptr::NonNull::new(p.cast::<u8>()).ok_or(libc::ENOMEM)?;
        self.len = new_len;
        Ok(())
    }

    /// `msync(ptr + offset, size, MS_SYNC)`; the range lies in the mapping.
    pub(crate) fn sync(&self, offset: usize, size: usize) -> Result<(), i32> {
        if offset.checked_add(size).map_or(true, |end| end > self.len) {
            return Err(libc::EINVAL);
        }
        // SAFETY: the range lies inside our mapping (checked above).
        let r = unsafe { libc::msync(self.ptr.as_ptr().add(offset).cast(), size, libc::MS_SYNC) };
        if r == -1 {
            return Err(errno());
        }
        Ok(())
    }

    /// `madvise(ptr + start, length, advice)`; the range lies in the mapping.
    pub(crate) fn advise(&self, start: usize, length: usize, advice: i32) -> Result<(), i32> {
        if start.checked_add(length).map_or(true, |end| end > self.len) {
            return Err(libc::EINVAL);
        }
        // SAFETY: the range lies inside our mapping (checked above); advice
        // never unmaps it.
        let r = unsafe { libc::madvise(self.ptr.as_ptr().add(start).cast(), length, advice) };
        if r == -1 {
            return Err(errno());
        }
        Ok(())
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` is our mapping, and nothing refers to it after
        // this (views borrow `self`).
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.len) };
    }
}

/// `ftruncate(fd, len)`.
pub(crate) fn truncate(fd: i32, len: i64) -> Result<(), i32> {
    // SAFETY: integers only.
    if unsafe { libc::ftruncate(fd, len) } == -1 {
        return Err(errno());
    }
    Ok(())
}

/// `fstat(fd)`: `(is a regular file, size)`.
pub(crate) fn file_size(fd: i32) -> Result<(bool, i64), i32> {
    // SAFETY: `stat` is plain integers; all zeros is valid.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a live `struct stat`.
    if unsafe { libc::fstat(fd, &mut st) } == -1 {
        return Err(errno());
    }
    Ok((st.st_mode & libc::S_IFMT == libc::S_IFREG, st.st_size))
}

/// `dup(fd)`, close-on-exec as `_Py_dup` makes it.
pub(crate) fn dup(fd: i32) -> Result<i32, i32> {
    // SAFETY: integers only.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r == -1 {
        return Err(errno());
    }
    Ok(r)
}

/// `close(fd)`; errors are ignored, as the C module ignores them.
pub(crate) fn close(fd: i32) {
    // SAFETY: an integer only; the descriptor is ours (from `dup`).
    unsafe { libc::close(fd) };
}
