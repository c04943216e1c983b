//! The pickler's walk (`save` and its helpers in `_pickle.c`): each object
//! goes out by its exact type's opcode, through the memo, or by its reduce
//! value. Nesting recurses in Rust, each level counted against the
//! recursion limit as `Py_EnterRecursiveCall` does.

use std::collections::{HashMap, HashSet};

use num_bigint::{BigInt, Sign};

use crate::exc::{PyErr, PyResult};
use crate::types::{builtin_type, type_name, type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::opcodes::*;
use super::output::Output;
use super::picklebuffer::ViewOf;
use super::{attr_opt, pickling_error, Tables};

/// The memo: objects already written, by identity, with their index. The
/// objects are held so that their identities stay theirs.
#[derive(Default)]
pub(super) struct Memo {
    map: HashMap<usize, (usize, Value)>,
}

impl Memo {
    /// The index of `obj`, if it was memoized.
    pub fn get(&self, obj: &Value) -> Option<usize> {
        self.map.get(&obj.identity()).map(|e| e.0)
    }

    /// Records `obj` under the next index and returns that index.
    pub fn put(&mut self, obj: &Value) -> usize {
        let idx = self.map.len();
        self.map.insert(obj.identity(), (idx, obj.clone()));
        idx
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Entries as `(index, object)`, in index order.
    pub fn entries(&self) -> Vec<(usize, Value)> {
        let mut v: Vec<(usize, Value)> = self.map.values().cloned().collect();
        v.sort_by_key(|e| e.0);
        v
    }

    /// Replaces the memo by `entries` (`Pickler.memo = ...`).
    pub fn set_entries(&mut self, entries: Vec<(usize, Value)>) {
        self.map.clear();
        for (i, v) in entries {
            self.map.insert(v.identity(), (i, v));
        }
    }
}

/// A pickler's settings and state (`PicklerObject`).
#[derive(Default)]
pub(super) struct PicklerState {
    /// `file.write`, or `None` for `dumps` and before `__init__`.
    pub write: Option<Value>,
    /// Whether `__init__` ran.
    pub ready: bool,
    /// The protocol, 0 to 5.
    pub proto: u8,
    /// `proto > 0`.
    pub bin: bool,
    /// `fix_imports`.
    pub fix_imports: bool,
    /// Fast mode: no memo.
    pub fast: bool,
    fast_nesting: usize,
    fast_memo: HashSet<usize>,
    /// The output buffer.
    pub out: Output,
    /// The memo.
    pub memo: Memo,
    /// `persistent_id`: the function and whether it is bound to the pickler.
    pub pers_func: Option<(Value, bool)>,
    /// `dispatch_table`, if set.
    pub dispatch_table: Option<Value>,
    /// `buffer_callback`.
    pub buffer_callback: Option<Value>,
    /// `reducer_override`, looked up for each `dump`.
    pub reducer_override: Option<Value>,
}

/// One `dump`: the state, the pickler object (for bound hooks), the module
/// tables, and the recursion levels open.
pub(super) struct Saver<'a> {
    /// The pickler's state, moved out of the object for the walk.
    pub st: &'a mut PicklerState,
    /// The pickler object itself (`None` for module-level `dumps`).
    pub me: Value,
    /// `copyreg` and `_compat_pickle` tables.
    pub tables: &'a Tables,
    levels: usize,
}

/// What a `persistent_id` call decided.
enum Pers {
    Saved,
    NotPersistent,
}

impl<'a> Saver<'a> {
    /// A walk over `st` for the pickler `me`.
    pub fn new(st: &'a mut PicklerState, me: Value, tables: &'a Tables) -> Saver<'a> {
        Saver {
            st,
            me,
            tables,
            levels: 0,
        }
    }

    /// `dump`: the protocol header, the object, `STOP`, the last frame.
    pub fn dump(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.st.proto >= 2 {
            self.st.out.write(&[PROTO, self.st.proto]);
            if self.st.proto >= 4 {
                self.st.out.framing = true;
            }
        }
        let r = self.save(vm, obj, false).map(|()| {
            self.st.out.op(STOP);
            self.st.out.commit_frame();
        });
        self.st.out.framing = false;
        while self.levels > 0 {
            self.leave(vm);
        }
        r
    }

    fn enter(&mut self, vm: &mut Vm) -> PyResult<()> {
        // The Rust stack bounds the depth as well as the limit does.
        if vm.frames.len() >= vm.recursion_limit || self.levels >= 20_000 {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        vm.recursion_limit -= 1;
        vm.c_depth += 1;
        self.levels += 1;
        Ok(())
    }

    fn leave(&mut self, vm: &mut Vm) {
        if self.levels > 0 {
            self.levels -= 1;
            vm.recursion_limit += 1;
            vm.c_depth -= 1;
        }
    }

    fn flush(&mut self, vm: &mut Vm) -> PyResult<()> {
        if let Some(w) = self.st.write.clone() {
            let data = std::mem::take(&mut self.st.out.buf);
            self.st.out.clear();
            vm.call(&w, &[Value::Bytes(std::rc::Rc::new(data))])?;
        }
        Ok(())
    }

    fn boundary(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.st.out.boundary() && self.st.write.is_some() {
            self.flush(vm)?;
        }
        Ok(())
    }

    fn op(&mut self, op: u8) {
        self.st.out.op(op);
    }

    /// `save(obj)`; `pers_save` is set for the id `persistent_id` returned.
    pub fn save(&mut self, vm: &mut Vm, obj: &Value, pers_save: bool) -> PyResult<()> {
        self.boundary(vm)?;
        if !pers_save && self.st.pers_func.is_some() {
            if let Pers::Saved = self.save_pers(vm, obj)? {
                return Ok(());
            }
        }
        match obj {
            Value::None => {
                self.op(NONE);
                return Ok(());
            }
            Value::Bool(b) => {
                self.save_bool(*b);
                return Ok(());
            }
            Value::Int(i) => {
                self.save_int(*i);
                return Ok(());
            }
            Value::BigInt(b) => return self.save_bigint(b),
            Value::Float(x) => {
                self.save_float(*x);
                return Ok(());
            }
            _ => {}
        }
        if let Some(idx) = self.st.memo.get(obj) {
            return self.memo_get(vm, idx);
        }
        match obj {
            Value::Bytes(b) => return self.save_bytes(vm, obj, b),
            Value::Str(s) => return self.save_str(vm, obj, s),
            _ => {}
        }
        self.enter(vm)?;
        let r = self.save_container(vm, obj);
        self.leave(vm);
        r
    }

    fn save_container(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        match obj {
            Value::Dict(_) => return self.save_dict(vm, obj),
            Value::Set(_) => return self.save_set(vm, obj),
            Value::FrozenSet(_) => return self.save_frozenset(vm, obj),
            Value::List(_) => return self.save_list(vm, obj),
            Value::Tuple(t) => return self.save_tuple(vm, obj, t),
            Value::ByteArray(b) => {
                let data = b.borrow().clone();
                return self.save_bytearray(vm, obj, data);
            }
            _ => {}
        }
        if let Some(pb) = super::picklebuffer::state(obj) {
            return self.save_picklebuffer(vm, obj, &pb);
        }
        if let Some(ro) = self.st.reducer_override.clone() {
            let rv = vm.call(&ro, std::slice::from_ref(obj))?;
            if !matches!(rv, Value::NotImplemented) {
                return self.save_reduce_value(vm, obj, rv);
            }
        }
        let cls = type_of(obj);
        if let Value::Type(t) = obj {
            if std::rc::Rc::ptr_eq(&cls, &builtin_type(TypeKind::Type)) {
                let singleton = match t.kind {
                    TypeKind::NoneType => Some(Value::None),
                    TypeKind::Ellipsis => Some(Value::Ellipsis),
                    TypeKind::NotImplementedType => Some(Value::NotImplemented),
                    _ => None,
                };
                return match singleton {
                    Some(s) if t.heap.is_none() => {
                        let rv = Value::tuple(vec![
                            Value::Type(builtin_type(TypeKind::Type)),
                            Value::tuple(vec![s]),
                        ]);
                        self.save_reduce(vm, &rv, Some(obj))
                    }
                    _ => self.save_global(vm, obj, None),
                };
            }
        }
        if let Value::Function(_) = obj {
            return self.save_global(vm, obj, None);
        }
        let cls_v = Value::Type(cls.clone());
        let reduce_func = match &self.st.dispatch_table {
            None => super::dict_lookup(vm, &self.tables.dispatch_table, &cls_v)?,
            Some(dt) => {
                let dt = dt.clone();
                match vm.getitem(&dt, &cls_v) {
                    Ok(f) => Some(f),
                    Err(e) if e.is(ExcKind::KeyError) => None,
                    Err(e) => return Err(e),
                }
            }
        };
        let rv = if let Some(f) = reduce_func {
            vm.call(&f, std::slice::from_ref(obj))?
        } else if cls.is_subtype(&builtin_type(TypeKind::Type)) {
            return self.save_global(vm, obj, None);
        } else if let Some(f) = attr_opt(vm, obj, "__reduce_ex__")? {
            vm.call(&f, &[Value::Int(i64::from(self.st.proto))])?
        } else if let Some(f) = attr_opt(vm, obj, "__reduce__")? {
            vm.call(&f, &[])?
        } else {
            let r = vm.repr_of(obj)?;
            return Err(pickling_error(
                vm,
                format!("can't pickle '{}' object: {r}", type_name(obj)),
            ));
        };
        self.save_reduce_value(vm, obj, rv)
    }

    fn save_reduce_value(&mut self, vm: &mut Vm, obj: &Value, rv: Value) -> PyResult<()> {
        match &rv {
            Value::Str(_) => self.save_global(vm, obj, Some(rv.clone())),
            Value::Instance(_)
                if matches!(crate::instance::payload_of(&rv), Some(Value::Str(_))) =>
            {
                self.save_global(vm, obj, Some(rv.clone()))
            }
            Value::Tuple(_) => self.save_reduce(vm, &rv, Some(obj)),
            Value::Instance(_)
                if matches!(crate::instance::payload_of(&rv), Some(Value::Tuple(_))) =>
            {
                self.save_reduce(vm, &rv, Some(obj))
            }
            _ => Err(pickling_error(
                vm,
                "__reduce__ must return a string or tuple",
            )),
        }
    }

    fn save_pers(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Pers> {
        let Some((f, bound)) = self.st.pers_func.clone() else {
            return Ok(Pers::NotPersistent);
        };
        let pid = if bound {
            vm.call(&f, &[self.me.clone(), obj.clone()])?
        } else {
            vm.call(&f, std::slice::from_ref(obj))?
        };
        if matches!(pid, Value::None) {
            return Ok(Pers::NotPersistent);
        }
        if self.st.bin {
            self.save(vm, &pid, true)?;
            self.op(BINPERSID);
        } else {
            let s = vm.str_of(&pid)?;
            if !s.is_ascii() {
                return Err(pickling_error(
                    vm,
                    "persistent IDs in protocol 0 must be ASCII strings",
                ));
            }
            self.op(PERSID);
            self.st.out.write(s.as_bytes());
            self.op(b'\n');
        }
        Ok(Pers::Saved)
    }

    fn save_bool(&mut self, b: bool) {
        if self.st.proto >= 2 {
            self.op(if b { NEWTRUE } else { NEWFALSE });
        } else {
            self.st.out.write(if b { b"I01\n" } else { b"I00\n" });
        }
    }

    fn save_int(&mut self, i: i64) {
        if let Ok(v) = i32::try_from(i) {
            if self.st.bin {
                let b = v.to_le_bytes();
                if b[2] != 0 || b[3] != 0 {
                    self.st.out.write(&[BININT, b[0], b[1], b[2], b[3]]);
                } else if b[1] != 0 {
                    self.st.out.write(&[BININT2, b[0], b[1]]);
                } else {
                    self.st.out.write(&[BININT1, b[0]]);
                }
            } else {
                self.st.out.write(format!("I{v}\n").as_bytes());
            }
            return;
        }
        self.save_long(&BigInt::from(i));
    }

    fn save_bigint(&mut self, b: &BigInt) -> PyResult<()> {
        if let Ok(i) = i64::try_from(b) {
            self.save_int(i);
            return Ok(());
        }
        if b.bits() / 8 + 1 > 0x7fff_ffff {
            return Err(PyErr::overflow("int too large to pickle"));
        }
        self.save_long(b);
        Ok(())
    }

    /// An int outside the 4-byte range: `LONG1`/`LONG4` in two's
    /// complement, or `L<repr>L` before protocol 2.
    fn save_long(&mut self, b: &BigInt) {
        if self.st.proto >= 2 {
            if b.sign() == Sign::NoSign {
                self.st.out.write(&[LONG1, 0]);
                return;
            }
            let data = b.to_signed_bytes_le();
            let n = data.len();
            if n < 256 {
                self.st.out.write(&[LONG1, n as u8]);
            } else {
                let mut h = vec![LONG4];
                h.extend_from_slice(&(n as u32).to_le_bytes());
                self.st.out.write(&h);
            }
            self.st.out.write(&data);
        } else {
            self.st.out.write(format!("L{b}L\n").as_bytes());
        }
    }

    fn save_float(&mut self, x: f64) {
        if self.st.bin {
            let mut d = vec![BINFLOAT];
            d.extend_from_slice(&x.to_be_bytes());
            self.st.out.write(&d);
        } else {
            let s = format!("F{}\n", pith_repr::float_repr(x));
            self.st.out.write(s.as_bytes());
        }
    }

    pub(super) fn memo_get(&mut self, vm: &mut Vm, idx: usize) -> PyResult<()> {
        if !self.st.bin {
            self.st.out.write(format!("g{idx}\n").as_bytes());
        } else if idx < 256 {
            self.st.out.write(&[BINGET, idx as u8]);
        } else if let Ok(i) = u32::try_from(idx) {
            let b = i.to_le_bytes();
            self.st.out.write(&[LONG_BINGET, b[0], b[1], b[2], b[3]]);
        } else {
            return Err(pickling_error(vm, "memo id too large for LONG_BINGET"));
        }
        Ok(())
    }

    pub(super) fn memo_put(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.st.fast {
            return Ok(());
        }
        let idx = self.st.memo.put(obj);
        if self.st.proto >= 4 {
            self.op(MEMOIZE);
        } else if !self.st.bin {
            self.st.out.write(format!("p{idx}\n").as_bytes());
        } else if idx < 256 {
            self.st.out.write(&[BINPUT, idx as u8]);
        } else if let Ok(i) = u32::try_from(idx) {
            let b = i.to_le_bytes();
            self.st.out.write(&[LONG_BINPUT, b[0], b[1], b[2], b[3]]);
        } else {
            return Err(pickling_error(vm, "memo id too large for LONG_BINPUT"));
        }
        Ok(())
    }

    /// A header and a payload; a payload of a frame's size or more goes
    /// outside any frame, straight to the file when there is one.
    fn write_bytes(&mut self, vm: &mut Vm, header: &[u8], data: &[u8]) -> PyResult<()> {
        let bypass = data.len() >= FRAME_SIZE_TARGET;
        let framing = self.st.out.framing;
        if bypass {
            self.st.out.commit_frame();
            self.st.out.framing = false;
        }
        self.st.out.write(header);
        if bypass && self.st.write.is_some() {
            self.flush(vm)?;
            if let Some(w) = self.st.write.clone() {
                vm.call(&w, &[Value::Bytes(std::rc::Rc::new(data.to_vec()))])?;
            }
        } else {
            self.st.out.write(data);
        }
        self.st.out.framing = framing;
        Ok(())
    }

    fn save_bytes_data(&mut self, vm: &mut Vm, obj: &Value, data: &[u8]) -> PyResult<()> {
        let n = data.len();
        let mut h = Vec::with_capacity(9);
        if n <= 0xff {
            h.extend_from_slice(&[SHORT_BINBYTES, n as u8]);
        } else if let Ok(m) = u32::try_from(n) {
            h.push(BINBYTES);
            h.extend_from_slice(&m.to_le_bytes());
        } else if self.st.proto >= 4 {
            h.push(BINBYTES8);
            h.extend_from_slice(&(n as u64).to_le_bytes());
        } else {
            return Err(PyErr::overflow(
                "serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher",
            ));
        }
        self.write_bytes(vm, &h, data)?;
        self.memo_put(vm, obj)
    }

    fn save_bytes(&mut self, vm: &mut Vm, obj: &Value, b: &[u8]) -> PyResult<()> {
        if self.st.proto >= 3 {
            return self.save_bytes_data(vm, obj, b);
        }
        // Protocols 0-2 have no bytes opcode: `codecs.encode(latin1, 'latin1')`.
        let rv = if b.is_empty() {
            Value::tuple(vec![
                Value::Type(builtin_type(TypeKind::Bytes)),
                Value::tuple(vec![]),
            ])
        } else {
            let text: String = b.iter().map(|&c| char::from(c)).collect();
            Value::tuple(vec![
                self.tables.codecs_encode.clone(),
                Value::tuple(vec![Value::string(text), Value::str("latin1")]),
            ])
        };
        self.save_reduce(vm, &rv, Some(obj))
    }

    fn save_bytearray_data(&mut self, vm: &mut Vm, obj: &Value, data: &[u8]) -> PyResult<()> {
        let mut h = vec![BYTEARRAY8];
        h.extend_from_slice(&(data.len() as u64).to_le_bytes());
        self.write_bytes(vm, &h, data)?;
        self.memo_put(vm, obj)
    }

    fn save_bytearray(&mut self, vm: &mut Vm, obj: &Value, data: Vec<u8>) -> PyResult<()> {
        if self.st.proto >= 5 {
            return self.save_bytearray_data(vm, obj, &data);
        }
        let cls = Value::Type(builtin_type(TypeKind::ByteArray));
        let args = if data.is_empty() {
            vec![]
        } else {
            vec![Value::Bytes(std::rc::Rc::new(data))]
        };
        let rv = Value::tuple(vec![cls, Value::tuple(args)]);
        self.save_reduce(vm, &rv, Some(obj))
    }

    fn save_picklebuffer(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        pb: &super::picklebuffer::Exported,
    ) -> PyResult<()> {
        if self.st.proto < 5 {
            return Err(pickling_error(
                vm,
                "PickleBuffer can only pickled with protocol >= 5",
            ));
        }
        let view = pb.view()?;
        if !view.contiguous {
            return Err(pickling_error(
                vm,
                "PickleBuffer can not be pickled when pointing to a non-contiguous buffer",
            ));
        }
        let in_band = match self.st.buffer_callback.clone() {
            Some(cb) => {
                let r = vm.call(&cb, std::slice::from_ref(obj))?;
                vm.truthy(&r)?
            }
            None => true,
        };
        if in_band {
            if view.readonly {
                self.save_bytes_data(vm, obj, &view.data)
            } else {
                self.save_bytearray_data(vm, obj, &view.data)
            }
        } else {
            self.op(NEXT_BUFFER);
            if view.readonly {
                self.op(READONLY_BUFFER);
            }
            Ok(())
        }
    }

    fn save_str(&mut self, vm: &mut Vm, obj: &Value, s: &crate::value::StrObj) -> PyResult<()> {
        if self.st.bin {
            let data = s.to_surrogatepass().into_owned();
            let n = data.len();
            let mut h = Vec::with_capacity(9);
            if n <= 0xff && self.st.proto >= 4 {
                h.extend_from_slice(&[SHORT_BINUNICODE, n as u8]);
            } else if let Ok(m) = u32::try_from(n) {
                h.push(BINUNICODE);
                h.extend_from_slice(&m.to_le_bytes());
            } else if self.st.proto >= 4 {
                h.push(BINUNICODE8);
                h.extend_from_slice(&(n as u64).to_le_bytes());
            } else {
                return Err(PyErr::overflow(
                    "serializing a string larger than 4 GiB requires pickle protocol 4 or higher",
                ));
            }
            self.write_bytes(vm, &h, &data)?;
        } else {
            let mut d = vec![UNICODE];
            super::text::raw_unicode_escape(s, &mut d);
            d.push(b'\n');
            self.st.out.write(&d);
        }
        self.memo_put(vm, obj)
    }

    fn save_tuple(&mut self, vm: &mut Vm, obj: &Value, items: &[Value]) -> PyResult<()> {
        let len = items.len();
        if len == 0 {
            if self.st.proto > 0 {
                self.op(EMPTY_TUPLE);
            } else {
                self.st.out.write(&[MARK, TUPLE]);
            }
            return Ok(());
        }
        if len <= 3 && self.st.proto >= 2 {
            for it in items {
                self.save(vm, it, false)?;
            }
            if let Some(idx) = self.st.memo.get(obj) {
                for _ in 0..len {
                    self.op(POP);
                }
                return self.memo_get(vm, idx);
            }
            self.op([EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3][len]);
            return self.memo_put(vm, obj);
        }
        self.op(MARK);
        for it in items {
            self.save(vm, it, false)?;
        }
        if let Some(idx) = self.st.memo.get(obj) {
            if self.st.bin {
                self.op(POP_MARK);
            } else {
                for _ in 0..=len {
                    self.op(POP);
                }
            }
            return self.memo_get(vm, idx);
        }
        self.op(TUPLE);
        self.memo_put(vm, obj)
    }

    fn fast_enter(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        self.st.fast_nesting += 1;
        if self.st.fast_nesting >= FAST_NESTING_LIMIT && !self.st.fast_memo.insert(obj.identity()) {
            let _ = vm;
            return Err(PyErr::value_error(format!(
                "fast mode: can't pickle cyclic objects including object type {} at {:#x}",
                type_name(obj),
                obj.identity()
            )));
        }
        Ok(())
    }

    fn fast_leave(&mut self, obj: &Value) {
        if self.st.fast_nesting >= FAST_NESTING_LIMIT {
            self.st.fast_memo.remove(&obj.identity());
        }
        self.st.fast_nesting = self.st.fast_nesting.saturating_sub(1);
    }

    /// Runs `body` for a container, inside fast mode's cycle check when on.
    fn in_fast_scope(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        body: fn(&mut Self, &mut Vm, &Value) -> PyResult<()>,
    ) -> PyResult<()> {
        if self.st.fast {
            self.fast_enter(vm, obj)?;
        }
        let r = body(self, vm, obj);
        if self.st.fast {
            self.fast_leave(obj);
        }
        r
    }

    fn save_list(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        self.in_fast_scope(vm, obj, Self::save_list_body)
    }

    fn save_list_body(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.st.bin {
            self.op(EMPTY_LIST);
        } else {
            self.st.out.write(&[MARK, LIST]);
        }
        self.memo_put(vm, obj)?;
        let Value::List(l) = obj else {
            return Ok(());
        };
        if l.borrow().is_empty() {
            return Ok(());
        }
        self.enter(vm)?;
        let r = if self.st.proto > 0 {
            self.batch_list_exact(vm, l)
        } else {
            let it = vm.get_iter(obj)?;
            self.batch_list(vm, &it)
        };
        self.leave(vm);
        r
    }

    fn batch_list_exact(
        &mut self,
        vm: &mut Vm,
        l: &std::rc::Rc<std::cell::RefCell<Vec<Value>>>,
    ) -> PyResult<()> {
        let item = |i: usize| l.borrow().get(i).cloned();
        if l.borrow().len() == 1 {
            if let Some(x) = item(0) {
                self.save(vm, &x, false)?;
            }
            self.op(APPEND);
            return Ok(());
        }
        let mut total = 0;
        loop {
            let mut this_batch = 0;
            self.op(MARK);
            while let Some(x) = item(total) {
                self.save(vm, &x, false)?;
                total += 1;
                this_batch += 1;
                if this_batch == BATCHSIZE {
                    break;
                }
            }
            self.op(APPENDS);
            if total >= l.borrow().len() {
                return Ok(());
            }
        }
    }

    /// Items of an iterator, in `MARK ... APPENDS` batches (`APPEND` each
    /// at protocol 0).
    pub(super) fn batch_list(&mut self, vm: &mut Vm, it: &Value) -> PyResult<()> {
        if self.st.proto == 0 {
            while let Some(x) = vm.iter_next(it)? {
                self.save(vm, &x, false)?;
                self.op(APPEND);
            }
            return Ok(());
        }
        loop {
            let Some(first) = vm.iter_next(it)? else {
                return Ok(());
            };
            let Some(mut next) = vm.iter_next(it)? else {
                self.save(vm, &first, false)?;
                self.op(APPEND);
                return Ok(());
            };
            self.op(MARK);
            self.save(vm, &first, false)?;
            let mut n = 1;
            loop {
                self.save(vm, &next, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                match vm.iter_next(it)? {
                    Some(x) => next = x,
                    None => break,
                }
            }
            self.op(APPENDS);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn pair(&mut self, vm: &mut Vm, item: &Value) -> PyResult<(Value, Value)> {
        match crate::instance::payload_of(item).unwrap_or(item) {
            Value::Tuple(t) if t.len() == 2 => Ok((t[0].clone(), t[1].clone())),
            _ => {
                let _ = vm;
                Err(PyErr::type_error(
                    "dict items iterator must return 2-tuples",
                ))
            }
        }
    }

    /// `(key, value)` pairs of an iterator, in `MARK ... SETITEMS` batches
    /// (`SETITEM` each at protocol 0).
    pub(super) fn batch_dict(&mut self, vm: &mut Vm, it: &Value) -> PyResult<()> {
        if self.st.proto == 0 {
            while let Some(x) = vm.iter_next(it)? {
                let (k, v) = self.pair(vm, &x)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.op(SETITEM);
            }
            return Ok(());
        }
        loop {
            let Some(first) = vm.iter_next(it)? else {
                return Ok(());
            };
            let (k, v) = self.pair(vm, &first)?;
            let Some(mut next) = vm.iter_next(it)? else {
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.op(SETITEM);
                return Ok(());
            };
            self.op(MARK);
            self.save(vm, &k, false)?;
            self.save(vm, &v, false)?;
            let mut n = 1;
            loop {
                let (k, v) = self.pair(vm, &next)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                match vm.iter_next(it)? {
                    Some(x) => next = x,
                    None => break,
                }
            }
            self.op(SETITEMS);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_dict(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        self.in_fast_scope(vm, obj, Self::save_dict_body)
    }

    fn save_dict_body(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.st.bin {
            self.op(EMPTY_DICT);
        } else {
            self.st.out.write(&[MARK, DICT]);
        }
        self.memo_put(vm, obj)?;
        let Value::Dict(d) = obj else {
            return Ok(());
        };
        let size = d.borrow().len();
        if size == 0 {
            return Ok(());
        }
        self.enter(vm)?;
        let r = if self.st.proto > 0 {
            self.batch_dict_exact(vm, d, size)
        } else {
            let items = vm.call_method(obj, "items", &[])?;
            let it = vm.get_iter(&items)?;
            self.batch_dict(vm, &it)
        };
        self.leave(vm);
        r
    }

    fn batch_dict_exact(
        &mut self,
        vm: &mut Vm,
        d: &std::rc::Rc<std::cell::RefCell<crate::dict::Dict>>,
        size: usize,
    ) -> PyResult<()> {
        let changed = || {
            PyErr::new(
                ExcKind::RuntimeError,
                "dictionary changed size during iteration",
            )
        };
        let entry = |pos: usize| -> Option<(usize, Value, Value)> {
            d.borrow()
                .entry_at(pos)
                .map(|(p, k, v)| (p, k.clone(), v.clone()))
        };
        if size == 1 {
            if let Some((_, k, v)) = entry(0) {
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
            }
            self.op(SETITEM);
            return Ok(());
        }
        let mut pos = 0;
        loop {
            let mut i = 0;
            self.op(MARK);
            while let Some((p, k, v)) = entry(pos) {
                pos = p;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                i += 1;
                if i == BATCHSIZE {
                    break;
                }
            }
            self.op(SETITEMS);
            if d.borrow().len() != size {
                return Err(changed());
            }
            if i != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_set(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let Value::Set(s) = obj else {
            return Ok(());
        };
        if self.st.proto < 4 {
            let items: Vec<Value> = s.borrow().keys().cloned().collect();
            let rv = Value::tuple(vec![
                Value::Type(builtin_type(TypeKind::Set)),
                Value::tuple(vec![Value::list(items)]),
            ]);
            return self.save_reduce(vm, &rv, Some(obj));
        }
        self.op(EMPTY_SET);
        self.memo_put(vm, obj)?;
        let size = s.borrow().len();
        if size == 0 {
            return Ok(());
        }
        let mut pos = 0;
        loop {
            let mut i = 0;
            self.op(MARK);
            loop {
                let next = s.borrow().entry_at(pos).map(|(p, k, _)| (p, k.clone()));
                let Some((p, k)) = next else { break };
                pos = p;
                self.save(vm, &k, false)?;
                i += 1;
                if i == BATCHSIZE {
                    break;
                }
            }
            self.op(ADDITEMS);
            if s.borrow().len() != size {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    "set changed size during iteration",
                ));
            }
            if i != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_frozenset(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let Value::FrozenSet(s) = obj else {
            return Ok(());
        };
        let items: Vec<Value> = s.keys().cloned().collect();
        if self.st.fast {
            self.fast_enter(vm, obj)?;
        }
        if self.st.proto < 4 {
            let rv = Value::tuple(vec![
                Value::Type(builtin_type(TypeKind::FrozenSet)),
                Value::tuple(vec![Value::list(items)]),
            ]);
            return self.save_reduce(vm, &rv, Some(obj));
        }
        self.op(MARK);
        for x in &items {
            self.save(vm, x, false)?;
        }
        if let Some(idx) = self.st.memo.get(obj) {
            self.op(POP_MARK);
            return self.memo_get(vm, idx);
        }
        self.op(FROZENSET);
        self.memo_put(vm, obj)
    }
}
