//! Globals and reduce values for the pickler: `save_global` (classes and
//! functions by module and qualified name, the extension registry, the
//! 2.x name mapping) and `save_reduce` (the 2- to 6-tuples of `__reduce__`).

use crate::exc::{PyErr, PyResult};
use crate::native::is_callable;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::opcodes::*;
use super::save::Saver;
use super::{attr_opt, dict_lookup, pickling_error};

/// The str value of `v` (a str subclass reads as its text).
fn text_of(v: &Value) -> Option<String> {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    }
}

/// A qualified name split at its dots; `<locals>` in it cannot be found again.
pub(super) fn dotted_path(vm: &mut Vm, name: &str) -> PyResult<Vec<String>> {
    let parts: Vec<String> = name.split('.').map(str::to_string).collect();
    if parts.iter().any(|p| p == "<locals>") {
        let r = crate::repr::repr(&Value::str(name));
        let _ = vm;
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("Can't pickle local object {r}"),
        ));
    }
    Ok(parts)
}

/// A qualified name split at its dots, for a lookup on `obj`
/// (`find_class` from protocol 4).
pub(super) fn dotted_path_on(vm: &mut Vm, name: &str, obj: &Value) -> PyResult<Vec<String>> {
    let parts: Vec<String> = name.split('.').map(str::to_string).collect();
    if parts.iter().any(|p| p == "<locals>") {
        let r = crate::repr::repr(&Value::str(name));
        let o = vm.repr_of(obj)?;
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("Can't get local attribute {r} on {o}"),
        ));
    }
    Ok(parts)
}

/// `getattr` along `path`: the object and its parent, or `None` when an
/// attribute is missing.
pub(super) fn deep_attribute(
    vm: &mut Vm,
    obj: &Value,
    path: &[String],
) -> PyResult<Option<(Value, Value)>> {
    let mut cur = obj.clone();
    let mut parent = obj.clone();
    for name in path {
        parent = cur.clone();
        match attr_opt(vm, &parent, name)? {
            Some(v) => cur = v,
            None => return Ok(None),
        }
    }
    Ok(Some((cur, parent)))
}

/// The module a global lives in: its `__module__`, else the first module
/// of `sys.modules` holding it at `path`, else `__main__`.
fn which_module(vm: &mut Vm, obj: &Value, path: &[String]) -> PyResult<Value> {
    if let Some(m) = attr_opt(vm, obj, "__module__")? {
        if !matches!(m, Value::None) {
            return Ok(m);
        }
    }
    let modules: Vec<(Value, Value)> = vm
        .modules
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, module) in modules {
        if matches!(module, Value::None) || text_of(&name).as_deref() == Some("__main__") {
            continue;
        }
        if let Some((cand, _)) = deep_attribute(vm, &module, path)? {
            if cand.is(obj) {
                return Ok(name);
            }
        }
    }
    Ok(Value::str("__main__"))
}

impl Saver<'_> {
    /// `save_global`: `obj` by module and name (`name` overrides its
    /// `__qualname__`).
    pub(super) fn save_global(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        name: Option<Value>,
    ) -> PyResult<()> {
        let global_name = match name {
            Some(n) => n,
            None => match attr_opt(vm, obj, "__qualname__")? {
                Some(q) => q,
                None => {
                    let n = vm.intern("__name__");
                    vm.get_attr(obj, &n)?
                }
            },
        };
        let gname = text_of(&global_name).unwrap_or_default();
        let path = dotted_path(vm, &gname)?;
        let module_name = which_module(vm, obj, &path)?;
        let mname_s = match text_of(&module_name) {
            Some(s) => s,
            None => vm.str_of(&module_name)?,
        };
        let module = match vm.import_dotted(&mname_s) {
            Ok(m) => m,
            Err(_) => {
                let (r, mr) = (vm.repr_of(obj)?, vm.repr_of(&module_name)?);
                return Err(pickling_error(
                    vm,
                    format!("Can't pickle {r}: import of module {mr} failed"),
                ));
            }
        };
        let lastname = path.last().cloned().unwrap_or_default();
        let Some((cls, parent)) = deep_attribute(vm, &module, &path)? else {
            let r = vm.repr_of(obj)?;
            return Err(pickling_error(
                vm,
                format!("Can't pickle {r}: attribute lookup {gname} on {mname_s} failed"),
            ));
        };
        if !cls.is(obj) {
            let r = vm.repr_of(obj)?;
            return Err(pickling_error(
                vm,
                format!("Can't pickle {r}: it's not the same object as {mname_s}.{gname}"),
            ));
        }
        if self.st.proto >= 2 {
            let key = Value::tuple(vec![module_name.clone(), global_name.clone()]);
            if let Some(code) = dict_lookup(vm, &self.tables.extension_registry, &key)? {
                return self.save_ext(vm, obj, &code);
            }
        }
        let (mut mname, mut gname) = (mname_s, gname);
        if parent.is(&module) {
            gname = lastname.clone();
        }
        if self.st.proto >= 4 {
            // CPython's module and plain global names are interned strs, so
            // repeats of them hit the memo; a dotted name's last part is new.
            let m = Value::Str(vm.intern(&mname));
            let g = if path.len() == 1 {
                Value::Str(vm.intern(&gname))
            } else {
                Value::string(gname)
            };
            self.save(vm, &m, false)?;
            self.save(vm, &g, false)?;
            self.st.out.op(STACK_GLOBAL);
        } else if !parent.is(&module) {
            let getattr = crate::import::builtin(vm, "getattr")?;
            let rv = Value::tuple(vec![
                getattr,
                Value::tuple(vec![parent, Value::string(lastname)]),
            ]);
            self.save_reduce(vm, &rv, None)?;
        } else {
            if self.st.proto < 3 && self.st.fix_imports {
                (mname, gname) = self.fix_imports(vm, mname, gname)?;
            }
            let proto = self.st.proto;
            let encode = |vm: &mut Vm, s: &str, what: &str| -> PyResult<Vec<u8>> {
                if proto == 3 || s.is_ascii() {
                    Ok(s.as_bytes().to_vec())
                } else {
                    Err(pickling_error(
                        vm,
                        format!(
                            "can't pickle {what} identifier '{s}' using pickle protocol {proto}"
                        ),
                    ))
                }
            };
            let m = encode(vm, &mname, "module")?;
            let g = encode(vm, &gname, "global")?;
            let mut d = vec![GLOBAL];
            d.extend_from_slice(&m);
            d.push(b'\n');
            d.extend_from_slice(&g);
            d.push(b'\n');
            self.st.out.write(&d);
        }
        self.memo_put(vm, obj)
    }

    fn save_ext(&mut self, vm: &mut Vm, obj: &Value, code: &Value) -> PyResult<()> {
        let code = match code {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            _ => {
                let (r, c) = (vm.repr_of(obj)?, vm.repr_of(code)?);
                return Err(pickling_error(
                    vm,
                    format!("Can't pickle {r}: extension code {c} isn't an integer"),
                ));
            }
        };
        if code <= 0 || code > 0x7fff_ffff {
            let r = vm.repr_of(obj)?;
            return Err(pickling_error(
                vm,
                format!("Can't pickle {r}: extension code {code} is out of range"),
            ));
        }
        let b = (code as u32).to_le_bytes();
        if code <= 0xff {
            self.st.out.write(&[EXT1, b[0]]);
        } else if code <= 0xffff {
            self.st.out.write(&[EXT2, b[0], b[1]]);
        } else {
            self.st.out.write(&[EXT4, b[0], b[1], b[2], b[3]]);
        }
        Ok(())
    }

    /// The 2.x names of a 3.x module and global (`REVERSE_NAME_MAPPING`,
    /// then `REVERSE_IMPORT_MAPPING`).
    fn fix_imports(&mut self, vm: &mut Vm, m: String, g: String) -> PyResult<(String, String)> {
        let key = Value::tuple(vec![Value::str(&m), Value::str(&g)]);
        if let Some(item) = dict_lookup(vm, &self.tables.name_3to2, &key)? {
            let pair = match &item {
                Value::Tuple(t) if t.len() == 2 => (text_of(&t[0]), text_of(&t[1])),
                _ => {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        format!(
                            "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not {}",
                            type_name(&item)
                        ),
                    ))
                }
            };
            if let (Some(a), Some(b)) = pair {
                return Ok((a, b));
            }
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str",
            ));
        }
        if let Some(item) = dict_lookup(vm, &self.tables.import_3to2, &Value::str(&m))? {
            return match text_of(&item) {
                Some(a) => Ok((a, g)),
                None => Err(PyErr::new(
                    ExcKind::RuntimeError,
                    format!(
                        "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not {}",
                        type_name(&item)
                    ),
                )),
            };
        }
        Ok((m, g))
    }

    /// `save_reduce`: `rv` is the tuple `__reduce__` returned; `obj` is
    /// memoized after its constructor call unless `None`.
    pub(super) fn save_reduce(
        &mut self,
        vm: &mut Vm,
        rv: &Value,
        obj: Option<&Value>,
    ) -> PyResult<()> {
        let items: Vec<Value> = match crate::instance::payload_of(rv).unwrap_or(rv) {
            Value::Tuple(t) => t.as_ref().clone(),
            _ => Vec::new(),
        };
        if !(2..=6).contains(&items.len()) {
            return Err(pickling_error(
                vm,
                "tuple returned by __reduce__ must contain 2 through 6 elements",
            ));
        }
        let opt = |i: usize| match items.get(i) {
            None | Some(Value::None) => None,
            Some(v) => Some(v.clone()),
        };
        let callable = items[0].clone();
        let argtup = items[1].clone();
        let state = opt(2);
        let listitems = opt(3);
        let dictitems = opt(4);
        let state_setter = opt(5);
        if !is_callable(&callable) {
            return Err(pickling_error(
                vm,
                "first item of the tuple returned by __reduce__ must be callable",
            ));
        }
        let args: Vec<Value> = match crate::instance::payload_of(&argtup).unwrap_or(&argtup) {
            Value::Tuple(t) => t.as_ref().clone(),
            _ => {
                return Err(pickling_error(
                    vm,
                    "second item of the tuple returned by __reduce__ must be a tuple",
                ))
            }
        };
        if let Some(li) = &listitems {
            if !crate::native::is_iterator(li) {
                return Err(pickling_error(
                    vm,
                    format!(
                        "fourth element of the tuple returned by __reduce__ must be an iterator, not {}",
                        type_name(li)
                    ),
                ));
            }
        }
        if let Some(di) = &dictitems {
            if !crate::native::is_iterator(di) {
                return Err(pickling_error(
                    vm,
                    format!(
                        "fifth element of the tuple returned by __reduce__ must be an iterator, not {}",
                        type_name(di)
                    ),
                ));
            }
        }
        if let Some(ss) = &state_setter {
            if !is_callable(ss) {
                return Err(pickling_error(
                    vm,
                    format!(
                        "sixth element of the tuple returned by __reduce__ must be a function, not {}",
                        type_name(ss)
                    ),
                ));
            }
        }
        let (mut newobj, mut newobj_ex) = (false, false);
        if self.st.proto >= 2 {
            if let Some(n) = attr_opt(vm, &callable, "__name__")? {
                match text_of(&n).as_deref() {
                    Some("__newobj_ex__") => newobj_ex = true,
                    Some("__newobj__") => newobj = true,
                    _ => {}
                }
            }
        }
        if newobj_ex {
            self.save_newobj_ex(vm, &args)?;
        } else if newobj {
            let Some(cls) = args.first() else {
                return Err(pickling_error(vm, "__newobj__ arglist is empty"));
            };
            if !matches!(cls, Value::Type(_)) {
                return Err(pickling_error(
                    vm,
                    "args[0] from __newobj__ args is not a type",
                ));
            }
            if let Some(o) = obj {
                let oc = match attr_opt(vm, o, "__class__")? {
                    Some(c) => c,
                    None => Value::Type(crate::types::type_of(o)),
                };
                if !oc.is(cls) {
                    return Err(pickling_error(
                        vm,
                        "args[0] from __newobj__ args has the wrong class",
                    ));
                }
            }
            self.save(vm, cls, false)?;
            self.save(vm, &Value::tuple(args[1..].to_vec()), false)?;
            self.st.out.op(NEWOBJ);
        } else {
            self.save(vm, &callable, false)?;
            self.save(vm, &argtup, false)?;
            self.st.out.op(REDUCE);
        }
        if let Some(o) = obj {
            if let Some(idx) = self.st.memo.get(o) {
                self.st.out.op(POP);
                return self.memo_get(vm, idx);
            }
            self.memo_put(vm, o)?;
        }
        if let Some(li) = listitems {
            self.batch_list(vm, &li)?;
        }
        if let Some(di) = dictitems {
            self.batch_dict(vm, &di)?;
        }
        if let Some(state) = state {
            match state_setter {
                None => {
                    self.save(vm, &state, false)?;
                    self.st.out.op(BUILD);
                }
                Some(ss) => {
                    self.save(vm, &ss, false)?;
                    if let Some(o) = obj {
                        self.save(vm, o, false)?;
                    }
                    self.save(vm, &state, false)?;
                    self.st.out.write(&[TUPLE2, REDUCE, POP]);
                }
            }
        }
        Ok(())
    }

    fn save_newobj_ex(&mut self, vm: &mut Vm, argtup: &[Value]) -> PyResult<()> {
        if argtup.len() != 3 {
            return Err(pickling_error(
                vm,
                format!(
                    "length of the NEWOBJ_EX argument tuple must be exactly 3, not {}",
                    argtup.len()
                ),
            ));
        }
        let (cls, args, kwargs) = (&argtup[0], &argtup[1], &argtup[2]);
        if !matches!(cls, Value::Type(_)) {
            return Err(pickling_error(
                vm,
                format!(
                    "first item from NEWOBJ_EX argument tuple must be a class, not {}",
                    type_name(cls)
                ),
            ));
        }
        let Value::Tuple(argv) = crate::instance::payload_of(args).unwrap_or(args) else {
            return Err(pickling_error(
                vm,
                format!(
                    "second item from NEWOBJ_EX argument tuple must be a tuple, not {}",
                    type_name(args)
                ),
            ));
        };
        let Value::Dict(kw) = crate::instance::payload_of(kwargs).unwrap_or(kwargs) else {
            return Err(pickling_error(
                vm,
                format!(
                    "third item from NEWOBJ_EX argument tuple must be a dict, not {}",
                    type_name(kwargs)
                ),
            ));
        };
        if self.st.proto >= 4 {
            self.save(vm, cls, false)?;
            self.save(vm, args, false)?;
            self.save(vm, kwargs, false)?;
            self.st.out.op(NEWOBJ_EX);
            return Ok(());
        }
        // Protocols 2 and 3: `functools.partial(cls.__new__, cls, *args, **kwargs)()`.
        let n = vm.intern("__new__");
        let cls_new = vm.get_attr(cls, &n)?;
        let mut pargs = vec![cls_new, cls.clone()];
        pargs.extend(argv.iter().cloned());
        let (names, vals): (Vec<Value>, Vec<Value>) = kw
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .unzip();
        let partial = self.tables.partial.clone();
        let callable = vm.call_with_kw(&partial, &pargs, &names, &vals)?;
        self.save(vm, &callable, false)?;
        self.save(vm, &Value::tuple(vec![]), false)?;
        self.st.out.op(REDUCE);
        Ok(())
    }
}
