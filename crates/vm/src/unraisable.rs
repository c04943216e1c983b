//! Exceptions nobody can catch (`__del__`, weakref and atexit callbacks,
//! generators closed when freed): `_PyErr_WriteUnraisableMsg` of
//! `Python/errors.c`. They go to `sys.unraisablehook` as an
//! `UnraisableHookArgs`; the builtin hook (`sys.__unraisablehook__`) prints
//! "Exception ignored in: OBJ", the traceback and the exception (not its
//! chain) to `sys.stderr`.

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::Args;
use crate::modules::structseq::{self, StructSeqType};
use crate::value::Value;
use crate::vm::Vm;

/// `UnraisableHookArgs`, the argument of `sys.unraisablehook`.
static UNRAISABLE_ARGS: StructSeqType = StructSeqType {
    name: "UnraisableHookArgs",
    fields: &[
        "exc_type",
        "exc_value",
        "exc_traceback",
        "err_msg",
        "object",
    ],
    n_in_sequence: 5,
    constructible: true,
    fill: None,
};

/// `sys.unraisablehook(unraisable)` (also `sys.__unraisablehook__`).
pub(crate) fn unraisablehook(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "unraisablehook", 1, 1)?;
    let cls = structseq::class_of(vm, &UNRAISABLE_ARGS);
    let fields = match &a.pos[0] {
        Value::Instance(inst) if Rc::ptr_eq(&inst.class(), &cls) => match &inst.payload {
            Value::Tuple(t) if t.len() == 5 => t.clone(),
            _ => return Err(bad_argument()),
        },
        _ => return Err(bad_argument()),
    };
    let exc = match &fields[1] {
        Value::Exception(e) => Some(e.clone()),
        _ => None,
    };
    let msg = match &fields[3] {
        Value::None => None,
        m => Some(vm.str_of(m)?),
    };
    let text = vm.format_unraisable(msg.as_deref(), &fields[4], &fields[0], exc.as_ref());
    vm.write_sys_stderr(&text);
    Ok(Value::None)
}

fn bad_argument() -> PyErr {
    PyErr::type_error("sys.unraisablehook argument type must be UnraisableHookArgs")
}

impl Vm {
    /// Reports `e`, raised where nothing can catch it, to
    /// `sys.unraisablehook`. `context` completes "Exception ignored "
    /// (`None`: the hook's default, "Exception ignored in"); `obj` is what
    /// was being finalized or called (`Value::None` if nothing).
    pub(crate) fn unraisable(&mut self, context: Option<&str>, obj: &Value, e: &PyErr) {
        self.unraisable_shown(context, obj, None, e);
    }

    /// As [`Vm::unraisable`], for an object that no longer exists as a
    /// value (a coroutine freed in Rust): `shown` is its repr, printed by the
    /// builtin hook; a Python hook gets `None` as the object.
    pub(crate) fn unraisable_shown(
        &mut self,
        context: Option<&str>,
        obj: &Value,
        shown: Option<&str>,
        e: &PyErr,
    ) {
        use std::io::Write;
        let _ = self.stdout.flush();
        let msg = context.map(|c| format!("Exception ignored {c}"));
        let hook = self.sys_attr("unraisablehook");
        let builtin = self.sys_attr("__unraisablehook__");
        let typ = Value::Type(e.0.typ.clone());
        let hook = match hook {
            Some(h) if !matches!(h, Value::None) && !builtin.is_some_and(|b| b.is(&h)) => h,
            // No hook, or the builtin one: print without making the arguments.
            _ => {
                let text = match shown {
                    Some(r) => {
                        let header = msg.as_deref().unwrap_or("Exception ignored in");
                        let body = self.format_unraisable(None, &Value::None, &typ, Some(&e.0));
                        format!("{header}: {r}\n{body}")
                    }
                    None => self.format_unraisable(msg.as_deref(), obj, &typ, Some(&e.0)),
                };
                self.write_sys_stderr(&text);
                return;
            }
        };
        let exc = Value::Exception(e.0.clone());
        let name = self.intern("__traceback__");
        let tb = self.get_attr(&exc, &name).unwrap_or(Value::None);
        let msg_value = msg.as_deref().map_or(Value::None, Value::str);
        let args = structseq::new(
            self,
            &UNRAISABLE_ARGS,
            vec![typ, exc, tb, msg_value, obj.clone()],
        );
        if let Err(hook_error) = self.call(&hook, &[args]) {
            // As CPython: the hook's own error is reported with the builtin
            // hook, the original exception is lost.
            let typ = Value::Type(hook_error.0.typ.clone());
            let text = self.format_unraisable(
                Some("Exception ignored in sys.unraisablehook"),
                &hook,
                &typ,
                Some(&hook_error.0),
            );
            self.write_sys_stderr(&text);
        }
    }

    /// `write_unraisable_exc_file`: the header line, then the traceback and
    /// the `Type: message` line of `exc` without its chain.
    fn format_unraisable(
        &mut self,
        msg: Option<&str>,
        obj: &Value,
        typ: &Value,
        exc: Option<&Rc<ExcObj>>,
    ) -> String {
        let mut out = String::new();
        if !matches!(obj, Value::None) {
            out.push_str(msg.unwrap_or("Exception ignored in"));
            out.push_str(": ");
            match self.repr_of(obj) {
                Ok(r) => out.push_str(&r),
                Err(_) => out.push_str("<object repr() failed>"),
            }
            out.push('\n');
        } else if let Some(m) = msg {
            out.push_str(m);
            out.push_str(":\n");
        }
        match exc {
            Some(e) => {
                let tb = crate::frame_obj::print_entries(e);
                if !tb.is_empty() {
                    out.push_str("Traceback (most recent call last):\n");
                    self.format_traceback(&mut out, &tb);
                }
                self.format_exc_only(&mut out, e);
            }
            None => {
                if let Value::Type(t) = typ {
                    out.push_str(&crate::class::exc_display_name(t));
                    out.push('\n');
                }
            }
        }
        out
    }

    /// An attribute of the `sys` module, if it is loaded and has it.
    pub(crate) fn sys_attr(&mut self, name: &str) -> Option<Value> {
        let (sys_key, key) = (self.intern("sys"), self.intern(name));
        let sys = self.modules.borrow().get_str(&sys_key).cloned();
        match sys {
            Some(Value::Module(m)) => m.dict.borrow().get_str(&key).cloned(),
            _ => None,
        }
    }
}
