//! `_thread._local`: attributes per thread. Green threads switch only at
//! known points, so each `_local` keeps one instance dict and the scheduler
//! swaps its contents when another thread comes in ([`Vm::sync_locals`]);
//! the other threads' contents wait in the object's native state.

use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::Args;
use crate::instance::Instance;
use crate::native::{cls_arg, new_object, ClassSpec, SpecFlags};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

crate::native::native_methods!(LOCAL_M, "_thread._local", ["__new__" => local_new]);
/// `_thread._local` (`threading.local`).
pub(crate) static LOCAL: ClassSpec = ClassSpec {
    name: "_local",
    module: "_thread",
    base: TypeKind::Object,
    methods: LOCAL_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::BASETYPE
        .with(SpecFlags::DICT)
        .with(SpecFlags::WEAKREFS),
};

/// The attributes of the threads whose turn it is not.
pub(crate) struct LocalState {
    /// The thread whose attributes the instance dict holds.
    owner: i64,
    others: HashMap<i64, Dict>,
}

fn local_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    // `local_new`: arguments are only for an `__init__` a subclass defines.
    if (a.pos.len() > 1 || !a.kwnames.is_empty())
        && crate::class::special(&cls, crate::names::D::Init).is_none()
    {
        return Err(crate::exc::PyErr::type_error(
            "Initialization arguments are not supported",
        ));
    }
    let owner = vm.sched.ident();
    let v = new_object(
        &cls,
        LocalState {
            owner,
            others: HashMap::new(),
        },
    );
    if let Value::Instance(i) = &v {
        vm.sched.locals.retain(|w| w.strong_count() > 0);
        vm.sched.locals.push(Rc::downgrade(i));
    }
    Ok(v)
}

impl Vm {
    /// Gives every live `_local` the running thread's attributes.
    pub(crate) fn sync_locals(&mut self) {
        if self.sched.locals.is_empty() {
            return;
        }
        let me = self.sched.ident();
        let live: Vec<Rc<Instance>> = self.sched.locals.iter().filter_map(Weak::upgrade).collect();
        for inst in live {
            let Some(st) = inst
                .native
                .clone()
                .and_then(|n| n.downcast::<std::cell::RefCell<LocalState>>().ok())
            else {
                continue;
            };
            let Ok(mut st) = st.try_borrow_mut() else {
                continue;
            };
            if st.owner == me {
                continue;
            }
            let dict = inst.dict.materialize();
            let Ok(mut d) = dict.try_borrow_mut() else {
                continue;
            };
            let mine = st.others.remove(&me).unwrap_or_default();
            let theirs = std::mem::replace(&mut *d, mine);
            let owner = st.owner;
            st.others.insert(owner, theirs);
            st.owner = me;
        }
    }

    /// Drops what a thread that ended kept in the `_local`s.
    pub(crate) fn forget_locals(&mut self, ident: i64) {
        for inst in self.sched.locals.iter().filter_map(Weak::upgrade) {
            if let Some(st) = inst
                .native
                .clone()
                .and_then(|n| n.downcast::<std::cell::RefCell<LocalState>>().ok())
            {
                if let Ok(mut st) = st.try_borrow_mut() {
                    st.others.remove(&ident);
                }
            }
        }
    }
}
