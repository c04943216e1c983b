//! `BytesIO.getbuffer()`: a view that shares the stream's memory.
//!
//! The view reaches the bytes through the stream's registry entry at each
//! access (the stream lives in `FILES`, not in a cell a view could hold),
//! and counts as one export of the stream until its last view goes, so the
//! `BytesIO` refuses to resize or close meanwhile (`CHECK_EXPORTS` in
//! `bytesio.c`).

use crate::exc::PyResult;
use crate::value::Value;

use super::{with_state, FILES};

/// One live export of a `BytesIO`'s memory; dropping it ends the export.
#[derive(Debug)]
pub struct BytesIoExport {
    obj: Value,
}

impl BytesIoExport {
    /// Counts a new export of the `BytesIO` `obj`.
    pub(super) fn new(obj: &Value) -> PyResult<BytesIoExport> {
        with_state(obj, |st| {
            st.stream.count_export(true);
            Ok(())
        })?;
        Ok(BytesIoExport { obj: obj.clone() })
    }

    /// Runs `f` over the stream's bytes.
    pub fn with<R>(&self, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
        with_state(&self.obj, |st| Ok(f(st.stream.contents())))
    }

    /// Runs `f` over the stream's bytes, writably (their length stays).
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> PyResult<R> {
        with_state(&self.obj, |st| Ok(f(st.stream.contents_mut())))
    }
}

impl Drop for BytesIoExport {
    fn drop(&mut self) {
        // A view may be dropped while the registry is in use (an entry being
        // replaced); the count then stays, as a leaked export's would.
        if FILES.with(|f| f.try_borrow_mut().is_err()) {
            return;
        }
        let _ = with_state(&self.obj, |st| {
            st.stream.count_export(false);
            Ok(())
        });
    }
}

/// `BufferError` if `getbuffer()` views of the stream are alive.
pub(super) fn check_exports(st: &super::FileState) -> PyResult<()> {
    if st.stream.exports() > 0 {
        return Err(crate::bytearray_obj::resize_error());
    }
    Ok(())
}
