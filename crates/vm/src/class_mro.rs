//! A class's MRO from its metaclass's `mro()`, and `__bases__` assignment
//! (`mro_internal`, `mro_check` and `type_set_bases` in
//! `Objects/typeobject.c`).

use std::rc::Rc;

use crate::class::{bump_epoch, c3, metatype, solid_base};
use crate::exc::{PyErr, PyResult};
use crate::types::{type_name, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// Whether the metaclass of `t` overrides `type.mro` (a Python class along
/// its MRO defines `mro`).
fn has_custom_mro(vm: &mut Vm, t: &Rc<TypeObj>) -> bool {
    let meta = metatype(t);
    let name = vm.intern("mro");
    crate::class::mro_find(&meta, |c| {
        let h = c.heap.as_ref()?;
        h.dict.borrow().get_str(&name).map(|_| ())
    })
    .is_some()
}

/// The MRO of `t` as it stands: (the classes but `t`, where `t` stands).
type Saved = (Rc<[Rc<TypeObj>]>, usize);

fn save(t: &Rc<TypeObj>) -> Option<Saved> {
    let h = t.heap.as_ref()?;
    Some((h.mro(), h.self_pos.get()))
}

/// Puts back the MRO `saved` unless `t` got a newer one than `made`
/// meanwhile (an `mro()` that assigned `__bases__` again).
fn restore(t: &Rc<TypeObj>, saved: Saved, made: &Rc<[Rc<TypeObj>]>) {
    if let Some(h) = &t.heap {
        if Rc::ptr_eq(&h.mro(), made) {
            *h.mro.borrow_mut() = saved.0;
            h.self_pos.set(saved.1);
        }
    }
}

/// `mro_internal`: computes and stores the MRO of the class `t`: C3 over its
/// bases, or what its metaclass's `mro()` returns, checked as `mro_check`
/// does.
pub(crate) fn mro_internal(vm: &mut Vm, t: &Rc<TypeObj>) -> PyResult<()> {
    let Some(h) = &t.heap else {
        return Ok(());
    };
    if !has_custom_mro(vm, t) {
        let mro = c3(&h.bases())?;
        *h.mro.borrow_mut() = mro.into();
        h.self_pos.set(0);
        bump_epoch();
        return Ok(());
    }
    let cls = Value::Type(t.clone());
    let f = {
        let name = vm.intern("mro");
        vm.get_attr(&cls, &name)?
    };
    let result = vm.call(&f, &[])?;
    let items = vm.collect(&result)?;
    let solid = solid_base(t);
    let mut rest = Vec::with_capacity(items.len());
    let mut self_pos = usize::MAX;
    for item in items {
        let Value::Type(c) = &item else {
            return Err(PyErr::type_error(format!(
                "mro() returned a non-class ('{}')",
                type_name(&item)
            )));
        };
        if !solid.is_subtype(&solid_base(c)) {
            return Err(PyErr::type_error(format!(
                "mro() returned base with unsuitable layout ('{}')",
                c.name
            )));
        }
        if Rc::ptr_eq(c, t) {
            if self_pos == usize::MAX {
                self_pos = rest.len();
            }
        } else {
            rest.push(c.clone());
        }
    }
    *h.mro.borrow_mut() = rest.into();
    h.self_pos.set(self_pos);
    bump_epoch();
    Ok(())
}

/// After a class was made: the MRO from its metaclass's `mro()`, when the
/// metaclass defines one (C3, already stored, otherwise).
pub(crate) fn custom_mro(vm: &mut Vm, t: &Rc<TypeObj>) -> PyResult<()> {
    let Some(h) = &t.heap else {
        return Ok(());
    };
    if has_custom_mro(vm, t) {
        h.mro_ready.set(false);
        let r = mro_internal(vm, t);
        h.mro_ready.set(true);
        r?;
    }
    Ok(())
}

/// A class whose MRO was recomputed: its old MRO and the one made.
type Done = (Rc<TypeObj>, Saved, Rc<[Rc<TypeObj>]>);

/// `mro_hierarchy`: recomputes the MRO of `t` and of every class below it,
/// recording the old ones in `done` so a failure can put them back.
fn mro_hierarchy(vm: &mut Vm, t: &Rc<TypeObj>, done: &mut Vec<Done>) -> PyResult<()> {
    let saved = save(t);
    mro_internal(vm, t)?;
    if let (Some(saved), Some(h)) = (saved, &t.heap) {
        done.push((t.clone(), saved, h.mro()));
    }
    for sub in crate::subclasses::subclasses(t) {
        mro_hierarchy(vm, &sub, done)?;
    }
    Ok(())
}

/// `C.__bases__ = value` (`type_set_bases`).
pub(crate) fn set_bases(vm: &mut Vm, t: &Rc<TypeObj>, value: Value) -> PyResult<()> {
    let Some(h) = &t.heap else {
        return Err(PyErr::type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{}'",
            t.name
        )));
    };
    let name = crate::attr::class_name(t);
    let Value::Tuple(items) = &value else {
        return Err(PyErr::type_error(format!(
            "can only assign tuple to {name}.__bases__, not {}",
            type_name(&value)
        )));
    };
    if items.is_empty() {
        return Err(PyErr::type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    let mut bases: Vec<Rc<TypeObj>> = Vec::with_capacity(items.len());
    for item in items.iter() {
        let Value::Type(b) = item else {
            return Err(PyErr::type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                type_name(item)
            )));
        };
        if b.is_subtype(t) {
            return Err(PyErr::type_error(
                "a __bases__ item causes an inheritance cycle",
            ));
        }
        if bases.iter().any(|x| Rc::ptr_eq(x, b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                b.name
            )));
        }
        bases.push(b.clone());
    }
    // The instances keep their layout: the new bases must give the same
    // builtin base (`compatible_for_assignment`).
    let mut solid = crate::types::builtin_type(crate::types::TypeKind::Object);
    for b in &bases {
        let s = solid_base(b);
        if s.is_subtype(&solid) {
            solid = s;
        } else if !solid.is_subtype(&s) {
            return Err(PyErr::type_error(
                "multiple bases have instance lay-out conflict",
            ));
        }
    }
    if !Rc::ptr_eq(&solid, &h.solid) {
        let new_base = crate::class::best_base(&bases, &solid);
        let old_base = t.base.as_ref().map_or("object", |b| b.name.as_str());
        return Err(PyErr::type_error(format!(
            "__bases__ assignment: '{}' object layout differs from '{}'",
            new_base.name, old_base
        )));
    }
    let new: Rc<[Rc<TypeObj>]> = bases.into();
    let old = std::mem::replace(&mut *h.bases.borrow_mut(), new.clone());
    let mut done = Vec::new();
    if let Err(e) = mro_hierarchy(vm, t, &mut done) {
        // Unless an `mro()` assigned `__bases__` again meanwhile.
        if Rc::ptr_eq(&h.bases(), &new) {
            *h.bases.borrow_mut() = old;
        }
        for (c, saved, made) in done.into_iter().rev() {
            restore(&c, saved, &made);
        }
        bump_epoch();
        return Err(e);
    }
    bump_epoch();
    Ok(())
}
