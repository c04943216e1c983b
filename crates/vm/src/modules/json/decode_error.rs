//! Scanner failures and the exceptions they become. As `_json.c`'s
//! `raise_errmsg`, a syntax error is `json.decoder.JSONDecodeError(msg,
//! doc, pos)`, the class looked up in `json.decoder` when it is raised, so
//! `_json` imports nothing until then; a missing value is `StopIteration`
//! carrying its index, which `JSONDecoder.raw_decode` turns into
//! "Expecting value".

use crate::exc::PyErr;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::text::Text;

/// Why a scan failed; positions are byte offsets into the document.
pub(super) enum ScanErr {
    /// A syntax error at a position.
    Decode(&'static str, usize),
    /// A syntax error at the character before a position (the opening quote
    /// of an unterminated string; `-1` before the start).
    DecodeBefore(&'static str, usize),
    /// No value starts at a position.
    Stop(usize),
    /// An exception from Python code (a hook) or the VM.
    Py(PyErr),
}

impl From<PyErr> for ScanErr {
    fn from(e: PyErr) -> ScanErr {
        ScanErr::Py(e)
    }
}

impl ScanErr {
    /// The Python exception, positions as code-point indices of `t`.
    pub fn into_pyerr(self, vm: &mut Vm, t: &Text<'_>) -> PyErr {
        match self {
            ScanErr::Decode(msg, at) => decode_error(vm, msg, t.doc(), t.char_index(at) as i64),
            ScanErr::DecodeBefore(msg, at) => {
                decode_error(vm, msg, t.doc(), t.char_index(at) as i64 - 1)
            }
            ScanErr::Stop(at) => stop_iteration(t.char_index(at) as i64),
            ScanErr::Py(e) => e,
        }
    }
}

/// `StopIteration(idx)`.
pub(super) fn stop_iteration(idx: i64) -> PyErr {
    PyErr::with_args(ExcKind::StopIteration, vec![Value::Int(idx)])
}

/// `json.decoder.JSONDecodeError(msg, doc, pos)`, or whatever failed in
/// looking it up or making it.
fn decode_error(vm: &mut Vm, msg: &str, doc: Value, pos: i64) -> PyErr {
    let made = (|| {
        let module = vm.import_dotted("json.decoder")?;
        let name = vm.intern("JSONDecodeError");
        let cls = vm.get_attr(&module, &name)?;
        vm.call(&cls, &[Value::str(msg), doc, Value::Int(pos)])
    })();
    match made {
        Ok(Value::Exception(e)) => PyErr(e),
        Ok(_) => PyErr::type_error("exceptions must derive from BaseException"),
        Err(e) => e,
    }
}
