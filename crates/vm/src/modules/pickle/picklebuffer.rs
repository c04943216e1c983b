//! `pickle.PickleBuffer` (`Objects/picklebufobject.c`): a wrapper around a
//! buffer export that the pickler writes in band (`BYTEARRAY8`, bytes) or
//! hands to `buffer_callback` out of band (protocol 5). It exports the
//! wrapped buffer again (`memoryview(pb)`, `bytes(pb)`) until `release()`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::methods::memoryview::MemView;
use crate::native::{
    cls_arg, native_methods, new_object, receiver, state_of, ClassSpec, SpecFlags,
};
use crate::types::{ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

/// A `PickleBuffer`'s view of its object; `None` once released.
pub(crate) struct PickleBufferState {
    view: Option<MemView>,
}

/// The state of a `PickleBuffer`, as the pickler reads it.
pub(super) type Exported = Rc<RefCell<PickleBufferState>>;

/// The bytes of a view and what the pickler needs to know of its layout.
pub(super) struct ViewData {
    /// The bytes, in order.
    pub data: Vec<u8>,
    /// Whether the view is read-only (written as bytes, not bytearray).
    pub readonly: bool,
    /// Whether the memory is contiguous (C or Fortran order).
    pub contiguous: bool,
}

fn released() -> PyErr {
    PyErr::value_error("operation forbidden on released PickleBuffer object")
}

impl PickleBufferState {
    fn view_ref(&self) -> PyResult<&MemView> {
        self.view.as_ref().ok_or_else(released)
    }
}

/// Reads the view of a `PickleBuffer` state.
pub(super) trait ViewOf {
    /// The wrapped view's bytes and layout.
    fn view(&self) -> PyResult<ViewData>;
}

impl ViewOf for Exported {
    fn view(&self) -> PyResult<ViewData> {
        let st = self.borrow();
        let v = st.view_ref()?;
        let contiguous = v.c_contiguous() || v.f_contiguous();
        Ok(ViewData {
            data: if contiguous { v.to_vec()? } else { Vec::new() },
            readonly: v.readonly(),
            contiguous,
        })
    }
}

native_methods!(PB_M, "PickleBuffer", [
    "__new__" => pb_new,
    "raw" => pb_raw,
    "release" => pb_release,
]);

/// `pickle.PickleBuffer`.
pub(crate) static PICKLE_BUFFER: ClassSpec = ClassSpec {
    name: "PickleBuffer",
    module: "pickle",
    base: TypeKind::Object,
    methods: PB_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::WEAKREFS,
};

/// The state of `v` if it is a `PickleBuffer`.
pub(super) fn state(v: &Value) -> Option<Exported> {
    state_of::<PickleBufferState>(v)
}

/// A new view of the buffer a `PickleBuffer` wraps (its buffer export).
pub(crate) fn export(v: &Value) -> Option<PyResult<MemView>> {
    let st = state(v)?;
    let st = st.borrow();
    Some(st.view_ref().and_then(MemView::derive))
}

fn pb_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let rest = crate::native::rest(&a);
    let n = rest.pos.len() + rest.kwnames.len();
    if n > 1 {
        return Err(PyErr::type_error(format!(
            "PickleBuffer() takes at most 1 argument ({n} given)"
        )));
    }
    let [obj] = rest.pos else {
        return Err(PyErr::type_error(
            "PickleBuffer() takes exactly 1 positional argument (0 given)",
        ));
    };
    let _ = vm;
    let view = match MemView::of(obj) {
        Some(v) => v?,
        None => return Err(crate::buffer::not_bytes_like(obj)),
    };
    Ok(new_object(&cls, PickleBufferState { view: Some(view) }))
}

/// `raw()`: a one-dimensional `'B'` memoryview of the whole buffer.
fn pb_raw(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<PickleBufferState>(&a, "PickleBuffer", "raw")?;
    let view = {
        let st = st.borrow();
        let v = st.view_ref()?;
        if !(v.c_contiguous() || v.f_contiguous()) {
            return Err(PyErr::new(
                ExcKind::BufferError,
                "cannot extract raw buffer from non-contiguous buffer",
            ));
        }
        v.derive()?
    };
    let m = Value::MemoryView(Rc::new(view));
    vm.call_method(&m, "cast", &[Value::str("B")])
}

/// `release()`: drops the view; later uses raise `ValueError`.
fn pb_release(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<PickleBufferState>(&a, "PickleBuffer", "release")?;
    st.borrow_mut().view = None;
    Ok(Value::None)
}
