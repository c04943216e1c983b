//! A `bytearray`'s storage and its count of live buffer exports
//! (`ob_exports` of CPython's `PyByteArrayObject`).
//!
//! While a memoryview (or a native consumer such as a regular-expression
//! scanner) holds the bytes, the array may be written in place but never
//! resized: a resize would move the bytes out from under the view. The
//! storage is therefore reached through two doors: [`ByteArrayObj::write`]
//! gives a fixed-length slice and always works, [`ByteArrayObj::resize`]
//! gives the vector and refuses while an export lives, with CPython's
//! `BufferError`.

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;

/// The items of a bytearray and how many exports of them are alive.
#[derive(Debug, Default)]
pub struct ByteArrayObj {
    data: RefCell<Vec<u8>>,
    exports: Cell<usize>,
}

/// CPython's error for resizing an object whose buffer is exported
/// (`_canresize` in `bytearrayobject.c`, and `BytesIO`'s `CHECK_EXPORTS`).
pub fn resize_error() -> PyErr {
    PyErr::new(
        ExcKind::BufferError,
        "Existing exports of data: object cannot be re-sized",
    )
}

impl ByteArrayObj {
    /// A bytearray holding `v`, with no exports.
    pub fn new(v: Vec<u8>) -> Self {
        ByteArrayObj {
            data: RefCell::new(v),
            exports: Cell::new(0),
        }
    }

    /// The items, to read.
    pub fn borrow(&self) -> Ref<'_, Vec<u8>> {
        self.data.borrow()
    }

    /// The items, to read, or an error if they are being written.
    pub fn try_borrow(&self) -> Result<Ref<'_, Vec<u8>>, std::cell::BorrowError> {
        self.data.try_borrow()
    }

    /// The items, to overwrite in place (the length cannot change).
    pub fn write(&self) -> RefMut<'_, [u8]> {
        RefMut::map(self.data.borrow_mut(), |v| v.as_mut_slice())
    }

    /// The items, to overwrite in place, or an error if they are in use.
    pub fn try_write(&self) -> Result<RefMut<'_, [u8]>, std::cell::BorrowMutError> {
        Ok(RefMut::map(self.data.try_borrow_mut()?, |v| {
            v.as_mut_slice()
        }))
    }

    /// The item vector, for a change that leaves `new_len` items: a
    /// `BufferError` while an export lives unless the length stays, as
    /// `PyByteArray_Resize` returns early for the same size.
    pub fn resize(&self, new_len: usize) -> PyResult<RefMut<'_, Vec<u8>>> {
        self.check_resize(new_len)?;
        Ok(self.data.borrow_mut())
    }

    /// The `BufferError` of a resize to `new_len` items while an export
    /// lives, else `Ok`.
    pub fn check_resize(&self, new_len: usize) -> PyResult<()> {
        if self.exports.get() > 0 && new_len != self.data.borrow().len() {
            return Err(resize_error());
        }
        Ok(())
    }

    /// Replaces the items (a resize to `v.len()`).
    pub fn replace(&self, v: Vec<u8>) -> PyResult<()> {
        self.check_resize(v.len())?;
        *self.data.borrow_mut() = v;
        Ok(())
    }

    /// How many exports are alive.
    pub fn exports(&self) -> usize {
        self.exports.get()
    }

    /// Counts one export until the returned handle is dropped
    /// (`bytearray_getbuffer` / `bytearray_releasebuffer`).
    pub fn export(self: &Rc<Self>) -> ByteArrayExport {
        self.exports.set(self.exports.get() + 1);
        ByteArrayExport(self.clone())
    }
}

/// One live export of a bytearray; dropping it ends the export.
#[derive(Debug)]
pub struct ByteArrayExport(Rc<ByteArrayObj>);

impl ByteArrayExport {
    /// The exporting bytearray.
    pub fn obj(&self) -> &Rc<ByteArrayObj> {
        &self.0
    }
}

impl Drop for ByteArrayExport {
    fn drop(&mut self) {
        self.0.exports.set(self.0.exports.get().saturating_sub(1));
    }
}
