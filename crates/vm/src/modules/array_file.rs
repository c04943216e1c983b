//! `array.fromfile` and `array.tofile`: an array's machine bytes read from
//! and written to a file object through its `read` and `write` methods, as
//! `Modules/arraymodule.c` does.

use super::array::{frombytes, itemsize, me};
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{borrow, exactly_positional, rest};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// `tofile` writes in blocks of this many bytes (CPython's `BLOCKSIZE`).
const BLOCK: usize = 64 * 1024;

/// `fromfile(f, n, /)`: appends `n` items read from `f.read()`. A short
/// read keeps what came and raises `EOFError`.
pub(super) fn a_fromfile(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "fromfile")?;
    let [f, n] = exactly_positional(&rest(&a), "fromfile", 2)? else {
        return Err(PyErr::type_error("fromfile() takes 2 arguments"));
    };
    let n = vm.index_value(n)?;
    if n < 0 {
        return Err(PyErr::value_error("negative count"));
    }
    let code = borrow(&st)?.code();
    let nbytes = usize::try_from(n)
        .ok()
        .and_then(|n| n.checked_mul(itemsize(code)))
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(|| PyErr::new(ExcKind::MemoryError, ""))?;
    let got = vm.call_method(f, "read", &[Value::Int(nbytes as i64)])?;
    let Value::Bytes(data) = &got else {
        return Err(PyErr::type_error("read() didn't return bytes"));
    };
    frombytes(&mut *borrow(&st)?, data)?;
    if data.len() != nbytes {
        return Err(PyErr::new(
            ExcKind::EOFError,
            "read() didn't return enough bytes",
        ));
    }
    Ok(Value::None)
}

/// `tofile(f, /)`: writes the machine bytes with `f.write()`, in blocks.
pub(super) fn a_tofile(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "tofile")?;
    let [f] = exactly_positional(&rest(&a), "tofile", 1)? else {
        return Err(PyErr::type_error("tofile() takes 1 argument"));
    };
    let data = borrow(&st)?.bytes().to_vec();
    for block in data.chunks(BLOCK) {
        vm.call_method(
            f,
            "write",
            &[Value::Bytes(std::rc::Rc::new(block.to_vec()))],
        )?;
    }
    Ok(Value::None)
}
