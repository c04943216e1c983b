//! `open(..., opener=f)`: the opener makes the file descriptor
//! (`f(file, flags)`, as `tempfile.NamedTemporaryFile` uses with `mkstemp`),
//! which the stream then owns.

use crate::exc::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

use super::OpenMode;

const O_WRONLY: i64 = 0o1;
const O_RDWR: i64 = 0o2;
const O_CREAT: i64 = 0o100;
const O_EXCL: i64 = 0o200;
const O_TRUNC: i64 = 0o1000;
const O_APPEND: i64 = 0o2000;
const O_CLOEXEC: i64 = 0o2000000;

/// The `os.open` flags `_io.FileIO` passes its opener for `m`.
fn flags(m: &OpenMode) -> i64 {
    let mut f = if m.updating {
        O_RDWR
    } else if m.reading {
        0
    } else {
        O_WRONLY
    };
    if m.writing {
        f |= O_CREAT | O_TRUNC;
    }
    if m.appending {
        f |= O_APPEND | O_CREAT;
    }
    if m.creating {
        f |= O_EXCL | O_CREAT;
    }
    f | O_CLOEXEC
}

/// Calls `opener(file, flags)` and gives its descriptor, which the file
/// then owns (closing the file closes it), and the mode (the opener has
/// already created the file).
pub(super) fn open_through(
    vm: &mut Vm,
    opener: &Value,
    file: &Value,
    mut m: OpenMode,
) -> PyResult<(i64, OpenMode)> {
    let r = vm.call(opener, &[file.clone(), Value::Int(flags(&m))])?;
    let fd = vm.index_value(&r)?;
    if fd < 0 {
        return Err(PyErr::value_error(format!("opener returned {fd}")));
    }
    if m.creating {
        m.creating = false;
        m.writing = true;
    }
    Ok((fd, m))
}
