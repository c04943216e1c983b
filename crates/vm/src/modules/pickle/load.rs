//! The unpickler's loop (`load` in `_pickle.c`): one opcode at a time onto
//! an object stack with a separate stack of marks, and a memo indexed by
//! the pickle's `PUT`/`MEMOIZE` numbers. Errors are `_pickle.c`'s: stack
//! underflow, missing marks and bad memo keys are `UnpicklingError`s, and
//! a pickle that ends before `STOP` is `EOFError("Ran out of input")`.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::exc::{PyErr, PyResult};
use crate::types::{builtin_type, type_name, ExcKind, TypeKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::input::{bytes_value, short_error, Input, Short};
use super::opcodes::*;
use super::{attr_opt, dict_lookup, unpickling_error, Tables};

/// An unpickler's settings and state (`UnpicklerObject`).
#[derive(Default)]
pub(super) struct UnpicklerState {
    /// The pickle's bytes.
    pub input: Input,
    /// Whether `__init__` ran.
    pub ready: bool,
    /// The object stack.
    pub stack: Vec<Value>,
    /// Stack heights at each open `MARK`.
    pub marks: Vec<usize>,
    /// The memo.
    pub memo: HashMap<usize, Value>,
    /// The protocol the pickle announced (0 before `PROTO`).
    pub proto: u8,
    /// `fix_imports`.
    pub fix_imports: bool,
    /// `encoding` for 2.x strs (`"bytes"` keeps them bytes).
    pub encoding: String,
    /// `errors` for that decoding.
    pub errors: String,
    /// An iterator over the out-of-band buffers.
    pub buffers: Option<Value>,
    /// `persistent_load`: the function and whether it is bound to the unpickler.
    pub pers_func: Option<(Value, bool)>,
}

/// One `load` over an unpickler's state.
pub(super) struct Loader<'a> {
    /// The state, moved out of the object for the loop.
    pub st: &'a mut UnpicklerState,
    /// The unpickler object (`find_class` and bound hooks are called on it).
    pub me: Value,
    /// `copyreg` and `_compat_pickle` tables.
    pub tables: &'a Tables,
    /// The object's own cell while the state is moved out: `find_class`
    /// reads the protocol and `fix_imports` there.
    pub shadow: Option<std::rc::Rc<std::cell::RefCell<UnpicklerState>>>,
}

/// The str of a value that should be one.
fn text_of(v: &Value) -> Option<String> {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    }
}

/// C's `strtol(s, &end, 0)` over a whole line: leading space, a sign,
/// then hex (`0x`), octal (leading `0`) or decimal digits.
fn strtol(s: &str) -> Option<i64> {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (16, h)
    } else if t.len() > 1 && t.starts_with('0') {
        (8, &t[1..])
    } else {
        (10, t)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let v = i64::from_str_radix(digits, radix).ok()?;
    Some(if neg { -v } else { v })
}

fn le_size(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a[..b.len()].copy_from_slice(b);
    u64::from_le_bytes(a)
}

impl Loader<'_> {
    fn fence(&self) -> usize {
        self.st.marks.last().copied().unwrap_or(0)
    }

    fn underflow(&self, vm: &mut Vm) -> PyErr {
        let msg = if self.st.marks.is_empty() {
            "unpickling stack underflow"
        } else {
            "unexpected MARK found"
        };
        unpickling_error(vm, msg)
    }

    fn pop(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.st.stack.len() <= self.fence() {
            return Err(self.underflow(vm));
        }
        Ok(self.st.stack.pop().unwrap_or(Value::None))
    }

    fn top(&self, vm: &mut Vm) -> PyResult<Value> {
        if self.st.stack.len() <= self.fence() {
            return Err(self.underflow(vm));
        }
        Ok(self.st.stack.last().cloned().unwrap_or(Value::None))
    }

    fn push(&mut self, v: Value) {
        self.st.stack.push(v);
    }

    /// The items from `start` up, removed from the stack.
    fn pop_from(&mut self, vm: &mut Vm, start: usize) -> PyResult<Vec<Value>> {
        if start < self.fence() || start > self.st.stack.len() {
            return Err(self.underflow(vm));
        }
        Ok(self.st.stack.split_off(start))
    }

    fn marker(&mut self, vm: &mut Vm) -> PyResult<usize> {
        self.st
            .marks
            .pop()
            .ok_or_else(|| unpickling_error(vm, "could not find MARK"))
    }

    fn read(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        match self.st.input.read(vm, n) {
            Ok(b) => Ok(b.to_vec()),
            Err(s) => Err(short_error(vm, s)),
        }
    }

    fn readline(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        self.st.input.readline(vm).map_err(|s| short_error(vm, s))
    }

    /// A line's text without its `\n`; a line shorter than `min` is truncated data.
    fn line(&mut self, vm: &mut Vm, min: usize) -> PyResult<Vec<u8>> {
        let mut l = self.readline(vm)?;
        if l.len() < min {
            return Err(unpickling_error(vm, "pickle data was truncated"));
        }
        l.pop();
        Ok(l)
    }

    /// `load()`: runs opcodes until `STOP` and returns the top of the stack.
    pub fn load(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.st.marks.clear();
        self.st.stack.clear();
        self.st.proto = 0;
        loop {
            let op = match self.st.input.read(vm, 1) {
                Ok(b) => b[0],
                Err(Short::Truncated) => {
                    return Err(PyErr::new(ExcKind::EOFError, "Ran out of input"))
                }
                Err(Short::Err(e)) => return Err(e),
            };
            if op == STOP {
                return self.pop(vm);
            }
            self.dispatch(vm, op)?;
        }
    }

    fn dispatch(&mut self, vm: &mut Vm, op: u8) -> PyResult<()> {
        match op {
            NONE => self.push(Value::None),
            NEWFALSE => self.push(Value::Bool(false)),
            NEWTRUE => self.push(Value::Bool(true)),
            BININT => {
                let b = self.read(vm, 4)?;
                let v = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                self.push(Value::Int(i64::from(v)));
            }
            BININT1 => {
                let b = self.read(vm, 1)?;
                self.push(Value::Int(i64::from(b[0])));
            }
            BININT2 => {
                let b = self.read(vm, 2)?;
                self.push(Value::Int(i64::from(u16::from_le_bytes([b[0], b[1]]))));
            }
            INT => self.load_int(vm)?,
            LONG => self.load_long(vm)?,
            LONG1 => self.load_counted_long(vm, 1)?,
            LONG4 => self.load_counted_long(vm, 4)?,
            FLOAT => self.load_float(vm)?,
            BINFLOAT => {
                let b = self.read(vm, 8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                self.push(Value::Float(f64::from_be_bytes(a)));
            }
            STRING => self.load_string(vm)?,
            BINSTRING => self.load_binstring(vm, 4)?,
            SHORT_BINSTRING => self.load_binstring(vm, 1)?,
            BINBYTES => self.load_binbytes(vm, 4)?,
            SHORT_BINBYTES => self.load_binbytes(vm, 1)?,
            BINBYTES8 => self.load_binbytes(vm, 8)?,
            BYTEARRAY8 => {
                let n = self.size(vm, 8, "BYTEARRAY8")?;
                let d = self.read(vm, n)?;
                self.push(crate::methods::bytearray::new_bytearray(d));
            }
            NEXT_BUFFER => self.load_next_buffer(vm)?,
            READONLY_BUFFER => self.load_readonly_buffer(vm)?,
            UNICODE => {
                let l = self.line(vm, 1)?;
                let b = bytes_value(&l);
                let s = vm.call_method(&b, "decode", &[Value::str("raw-unicode-escape")])?;
                self.push(s);
            }
            BINUNICODE => self.load_binunicode(vm, 4)?,
            SHORT_BINUNICODE => self.load_binunicode(vm, 1)?,
            BINUNICODE8 => self.load_binunicode(vm, 8)?,
            EMPTY_TUPLE => self.push(Value::tuple(vec![])),
            TUPLE1 | TUPLE2 | TUPLE3 => {
                let n = usize::from(op - TUPLE1 + 1);
                if self.st.stack.len() < n {
                    return Err(self.underflow(vm));
                }
                let start = self.st.stack.len() - n;
                let items = self.pop_from(vm, start)?;
                self.push(Value::tuple(items));
            }
            TUPLE => {
                let m = self.marker(vm)?;
                let items = self.pop_from(vm, m)?;
                self.push(Value::tuple(items));
            }
            EMPTY_LIST => self.push(Value::list(vec![])),
            EMPTY_DICT => self.push(Value::dict(crate::dict::Dict::new())),
            EMPTY_SET => {
                let s = vm.call(&Value::Type(builtin_type(TypeKind::Set)), &[])?;
                self.push(s);
            }
            LIST => {
                let m = self.marker(vm)?;
                let items = self.pop_from(vm, m)?;
                self.push(Value::list(items));
            }
            DICT => self.load_dict(vm)?,
            FROZENSET => {
                let m = self.marker(vm)?;
                let items = self.pop_from(vm, m)?;
                let fs = vm.call(
                    &Value::Type(builtin_type(TypeKind::FrozenSet)),
                    &[Value::tuple(items)],
                )?;
                self.push(fs);
            }
            OBJ => self.load_obj(vm)?,
            INST => self.load_inst(vm)?,
            NEWOBJ => self.load_newobj(vm, false)?,
            NEWOBJ_EX => self.load_newobj(vm, true)?,
            GLOBAL => {
                let m = self.line(vm, 2)?;
                let m = self.utf8(vm, &m)?;
                let g = self.line(vm, 2)?;
                let g = self.utf8(vm, &g)?;
                let v = self.find_class(vm, m, g)?;
                self.push(v);
            }
            STACK_GLOBAL => {
                let g = self.pop(vm)?;
                let m = self.pop(vm)?;
                if !matches!(m, Value::Str(_)) || !matches!(g, Value::Str(_)) {
                    return Err(unpickling_error(vm, "STACK_GLOBAL requires str"));
                }
                let v = self.find_class(vm, m, g)?;
                self.push(v);
            }
            EXT1 => self.load_ext(vm, 1)?,
            EXT2 => self.load_ext(vm, 2)?,
            EXT4 => self.load_ext(vm, 4)?,
            REDUCE => {
                let args = self.pop(vm)?;
                let f = self.top(vm)?;
                let argv: Vec<Value> = match crate::instance::payload_of(&args).unwrap_or(&args) {
                    Value::Tuple(t) => t.as_ref().clone(),
                    _ => vm.collect(&args)?,
                };
                let r = vm.call(&f, &argv)?;
                if let Some(t) = self.st.stack.last_mut() {
                    *t = r;
                }
            }
            POP => self.load_pop(vm)?,
            POP_MARK => {
                let m = self.marker(vm)?;
                self.st.stack.truncate(m);
            }
            DUP => {
                let t = self.top(vm)?;
                self.push(t);
            }
            GET => {
                let l = self.line(vm, 2)?;
                let idx = self.memo_index(vm, &l)?;
                self.memo_get(vm, idx)?;
            }
            BINGET => {
                let b = self.read(vm, 1)?;
                self.memo_get(vm, i64::from(b[0]))?;
            }
            LONG_BINGET => {
                let b = self.read(vm, 4)?;
                self.memo_get(vm, le_size(&b) as i64)?;
            }
            PUT => {
                let l = self.line(vm, 2)?;
                self.top(vm)?;
                let idx = self.memo_index(vm, &l)?;
                if idx < 0 {
                    return Err(PyErr::value_error("negative PUT argument"));
                }
                self.memo_put(vm, idx as usize)?;
            }
            BINPUT => {
                let b = self.read(vm, 1)?;
                self.memo_put(vm, usize::from(b[0]))?;
            }
            LONG_BINPUT => {
                let b = self.read(vm, 4)?;
                self.memo_put(vm, le_size(&b) as usize)?;
            }
            MEMOIZE => {
                let n = self.st.memo.len();
                self.memo_put(vm, n)?;
            }
            APPEND => {
                let n = self.st.stack.len();
                self.do_append(vm, n.saturating_sub(1))?;
            }
            APPENDS => {
                let m = self.marker(vm)?;
                self.do_append(vm, m)?;
            }
            SETITEM => {
                let n = self.st.stack.len();
                self.do_setitems(vm, n.saturating_sub(2))?;
            }
            SETITEMS => {
                let m = self.marker(vm)?;
                self.do_setitems(vm, m)?;
            }
            ADDITEMS => self.load_additems(vm)?,
            BUILD => self.load_build(vm)?,
            MARK => {
                let n = self.st.stack.len();
                self.st.marks.push(n);
            }
            PROTO => {
                let b = self.read(vm, 1)?;
                if i64::from(b[0]) > HIGHEST_PROTOCOL {
                    return Err(PyErr::value_error(format!(
                        "unsupported pickle protocol: {}",
                        b[0]
                    )));
                }
                self.st.proto = b[0];
                if let Some(sh) = &self.shadow {
                    if let Ok(mut sh) = sh.try_borrow_mut() {
                        sh.proto = b[0];
                    }
                }
            }
            FRAME => {
                let b = self.read(vm, 8)?;
                let n = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                if n > isize::MAX as u64 {
                    return Err(PyErr::value_error(format!(
                        "FRAME length exceeds system's maximum of {} bytes",
                        isize::MAX
                    )));
                }
                if let Err(s) = self.st.input.prefetch(vm, n as usize) {
                    return Err(short_error(vm, s));
                }
            }
            PERSID => {
                self.need_persistent_load(vm)?;
                let l = self.line(vm, 1)?;
                if !l.is_ascii() {
                    return Err(unpickling_error(
                        vm,
                        "persistent IDs in protocol 0 must be ASCII strings",
                    ));
                }
                let pid = Value::string(String::from_utf8_lossy(&l).into_owned());
                let v = self.persistent_load(vm, pid)?;
                self.push(v);
            }
            BINPERSID => {
                self.need_persistent_load(vm)?;
                let pid = self.pop(vm)?;
                let v = self.persistent_load(vm, pid)?;
                self.push(v);
            }
            _ => {
                let msg = if (0x20..=0x7e).contains(&op) && op != b'\'' && op != b'\\' {
                    format!("invalid load key, '{}'.", char::from(op))
                } else {
                    format!("invalid load key, '\\x{op:02x}'.")
                };
                return Err(unpickling_error(vm, msg));
            }
        }
        Ok(())
    }

    fn utf8(&mut self, vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
        match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(_) => vm.call_method(&bytes_value(b), "decode", &[Value::str("utf-8")]),
        }
    }

    fn size(&mut self, vm: &mut Vm, nbytes: usize, what: &str) -> PyResult<usize> {
        let b = self.read(vm, nbytes)?;
        let n = le_size(&b);
        if n > isize::MAX as u64 {
            return Err(PyErr::overflow(format!(
                "{what} exceeds system's maximum size of {} bytes",
                isize::MAX
            )));
        }
        Ok(n as usize)
    }

    fn load_int(&mut self, vm: &mut Vm) -> PyResult<()> {
        let l = self.line(vm, 1)?;
        let text = String::from_utf8_lossy(&l).into_owned();
        let v = match strtol(&text) {
            Some(x) if l.len() == 2 && (x == 0 || x == 1) => Value::Bool(x == 1),
            Some(x) => Value::Int(x),
            None => {
                let int = Value::Type(builtin_type(TypeKind::Int));
                match vm.call(&int, &[Value::string(text), Value::Int(0)]) {
                    Ok(v) => v,
                    Err(e) if e.is(ExcKind::ValueError) => {
                        return Err(PyErr::value_error("could not convert string to int"))
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        self.push(v);
        Ok(())
    }

    fn load_long(&mut self, vm: &mut Vm) -> PyResult<()> {
        let mut l = self.line(vm, 1)?;
        if l.last() == Some(&b'L') {
            l.pop();
        }
        let s = Value::string(String::from_utf8_lossy(&l).into_owned());
        let v = vm.call(
            &Value::Type(builtin_type(TypeKind::Int)),
            &[s, Value::Int(0)],
        )?;
        self.push(v);
        Ok(())
    }

    fn load_counted_long(&mut self, vm: &mut Vm, nbytes: usize) -> PyResult<()> {
        let b = self.read(vm, nbytes)?;
        let n = if nbytes == 1 {
            i64::from(b[0])
        } else {
            i64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        if n < 0 {
            return Err(unpickling_error(vm, "LONG pickle has negative byte count"));
        }
        let data = self.read(vm, n as usize)?;
        let v = if data.is_empty() {
            Value::Int(0)
        } else {
            let b = BigInt::from_signed_bytes_le(&data);
            match i64::try_from(&b) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::from_bigint(b),
            }
        };
        self.push(v);
        Ok(())
    }

    fn load_float(&mut self, vm: &mut Vm) -> PyResult<()> {
        let l = self.readline(vm)?;
        if l.is_empty() {
            return Err(unpickling_error(vm, "pickle data was truncated"));
        }
        let raw = String::from_utf8_lossy(&l).into_owned();
        let s = Value::string(raw.strip_suffix('\n').unwrap_or(&raw).to_string());
        let v = match vm.call(&Value::Type(builtin_type(TypeKind::Float)), &[s]) {
            Ok(v) => v,
            // `PyOS_string_to_double`'s message quotes the line as read.
            Err(e) if e.is(ExcKind::ValueError) => {
                return Err(PyErr::value_error(format!(
                    "could not convert string to float: '{raw}'"
                )))
            }
            Err(e) => return Err(e),
        };
        self.push(v);
        Ok(())
    }

    /// A 2.x str: bytes, or text in the unpickler's encoding.
    fn py2_str(&mut self, vm: &mut Vm, data: Vec<u8>) -> PyResult<Value> {
        let b = Value::Bytes(Rc::new(data));
        if self.st.encoding == "bytes" {
            return Ok(b);
        }
        let (e, r) = (self.st.encoding.clone(), self.st.errors.clone());
        vm.call_method(&b, "decode", &[Value::string(e), Value::string(r)])
    }

    fn load_string(&mut self, vm: &mut Vm) -> PyResult<()> {
        let l = self.line(vm, 1)?;
        let n = l.len();
        if n < 2 || l[0] != l[n - 1] || !(l[0] == b'\'' || l[0] == b'"') {
            return Err(unpickling_error(
                vm,
                "the STRING opcode argument must be quoted",
            ));
        }
        // `PyBytes_DecodeEscape`, with its errors: `codecs.escape_decode`.
        let codecs = vm.import_dotted("codecs")?;
        let r = vm.call_method(&codecs, "escape_decode", &[bytes_value(&l[1..n - 1])])?;
        let out = match &r {
            Value::Tuple(t) => match t.first() {
                Some(Value::Bytes(b)) => b.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let v = self.py2_str(vm, out)?;
        self.push(v);
        Ok(())
    }

    fn load_binstring(&mut self, vm: &mut Vm, nbytes: usize) -> PyResult<()> {
        let b = self.read(vm, nbytes)?;
        let n = if nbytes == 4 {
            let x = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            if x < 0 {
                return Err(unpickling_error(
                    vm,
                    format!(
                        "BINSTRING exceeds system's maximum size of {} bytes",
                        isize::MAX
                    ),
                ));
            }
            x as usize
        } else {
            usize::from(b[0])
        };
        let d = self.read(vm, n)?;
        let v = self.py2_str(vm, d)?;
        self.push(v);
        Ok(())
    }

    fn load_binbytes(&mut self, vm: &mut Vm, nbytes: usize) -> PyResult<()> {
        let n = self.size(vm, nbytes, "BINBYTES")?;
        let d = self.read(vm, n)?;
        self.push(Value::Bytes(Rc::new(d)));
        Ok(())
    }

    fn load_binunicode(&mut self, vm: &mut Vm, nbytes: usize) -> PyResult<()> {
        let n = self.size(vm, nbytes, "BINUNICODE")?;
        let d = self.read(vm, n)?;
        let v = match StrObj::from_surrogatepass(&d) {
            Some(s) => Value::Str(Rc::new(s)),
            None => vm.call_method(
                &bytes_value(&d),
                "decode",
                &[Value::str("utf-8"), Value::str("surrogatepass")],
            )?,
        };
        self.push(v);
        Ok(())
    }

    fn load_next_buffer(&mut self, vm: &mut Vm) -> PyResult<()> {
        let Some(it) = self.st.buffers.clone() else {
            return Err(unpickling_error(
                vm,
                "pickle stream refers to out-of-band data but no *buffers* argument was given",
            ));
        };
        match vm.iter_next(&it)? {
            Some(b) => {
                self.push(b);
                Ok(())
            }
            None => Err(unpickling_error(vm, "not enough out-of-band buffers")),
        }
    }

    fn load_readonly_buffer(&mut self, vm: &mut Vm) -> PyResult<()> {
        let obj = self.top(vm)?;
        let view = match crate::methods::memoryview::MemView::of(&obj) {
            Some(v) => v?,
            None => {
                return Err(PyErr::type_error(format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    type_name(&obj)
                )))
            }
        };
        if !view.readonly() {
            let ro = view.derive_readonly()?;
            if let Some(t) = self.st.stack.last_mut() {
                *t = Value::MemoryView(Rc::new(ro));
            }
        }
        Ok(())
    }

    fn load_dict(&mut self, vm: &mut Vm) -> PyResult<()> {
        let m = self.marker(vm)?;
        let n = self.st.stack.len();
        if (n - m.min(n)) % 2 != 0 {
            return Err(unpickling_error(vm, "odd number of items for DICT"));
        }
        let items = self.pop_from(vm, m)?;
        let d = Value::dict(crate::dict::Dict::new());
        for kv in items.chunks(2) {
            vm.setitem(&d, kv[0].clone(), kv[1].clone())?;
        }
        self.push(d);
        Ok(())
    }

    /// `instantiate`: `cls(*args)`, or `cls.__new__(cls)` for a class
    /// without `__getinitargs__` and no arguments.
    fn instantiate(&mut self, vm: &mut Vm, cls: &Value, args: Vec<Value>) -> PyResult<Value> {
        if args.is_empty()
            && matches!(cls, Value::Type(_))
            && attr_opt(vm, cls, "__getinitargs__")?.is_none()
        {
            let n = vm.intern("__new__");
            let new = vm.get_attr(cls, &n)?;
            return vm.call(&new, std::slice::from_ref(cls));
        }
        vm.call(cls, &args)
    }

    fn load_obj(&mut self, vm: &mut Vm) -> PyResult<()> {
        let m = self.marker(vm)?;
        if self.st.stack.len() < m + 1 {
            return Err(self.underflow(vm));
        }
        let args = self.pop_from(vm, m + 1)?;
        let cls = self.pop(vm)?;
        let obj = self.instantiate(vm, &cls, args)?;
        self.push(obj);
        Ok(())
    }

    fn load_inst(&mut self, vm: &mut Vm) -> PyResult<()> {
        let m = self.marker(vm)?;
        let module = self.line(vm, 2)?;
        let module = self.ascii(vm, &module)?;
        let name = self.line(vm, 2)?;
        let name = self.ascii(vm, &name)?;
        let cls = self.find_class(vm, module, name)?;
        let args = self.pop_from(vm, m)?;
        let obj = self.instantiate(vm, &cls, args)?;
        self.push(obj);
        Ok(())
    }

    fn ascii(&mut self, vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
        if b.is_ascii() {
            return Ok(Value::string(String::from_utf8_lossy(b).into_owned()));
        }
        vm.call_method(&bytes_value(b), "decode", &[Value::str("ascii")])
    }

    fn load_newobj(&mut self, vm: &mut Vm, ex: bool) -> PyResult<()> {
        let kwargs = if ex { Some(self.pop(vm)?) } else { None };
        let args = self.pop(vm)?;
        let cls = self.pop(vm)?;
        let name = if ex { "NEWOBJ_EX" } else { "NEWOBJ" };
        if !matches!(cls, Value::Type(_)) {
            return Err(unpickling_error(
                vm,
                format!(
                    "{name} class argument must be a type, not {}",
                    type_name(&cls)
                ),
            ));
        }
        let Value::Tuple(argv) = crate::instance::payload_of(&args).unwrap_or(&args).clone() else {
            return Err(unpickling_error(
                vm,
                format!(
                    "{name} args argument must be a tuple, not {}",
                    type_name(&args)
                ),
            ));
        };
        let (names, vals) = match &kwargs {
            None => (vec![], vec![]),
            Some(kw) => match crate::instance::payload_of(kw).unwrap_or(kw) {
                Value::Dict(d) => d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .unzip(),
                _ => {
                    return Err(unpickling_error(
                        vm,
                        format!(
                            "{name} kwargs argument must be a dict, not {}",
                            type_name(kw)
                        ),
                    ))
                }
            },
        };
        let n = vm.intern("__new__");
        let new = vm.get_attr(&cls, &n)?;
        let mut all = vec![cls.clone()];
        all.extend(argv.iter().cloned());
        let obj = vm.call_with_kw(&new, &all, &names, &vals)?;
        self.push(obj);
        Ok(())
    }

    /// `self.find_class(module, name)`, looked up on the unpickler so that
    /// subclasses may override it.
    fn find_class(&mut self, vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
        if matches!(self.me, Value::None) {
            return super::unpickler::find_class_impl(
                vm,
                self.st.proto,
                self.st.fix_imports,
                self.tables,
                module,
                name,
            );
        }
        let me = self.me.clone();
        vm.call_method(&me, "find_class", &[module, name])
    }

    fn load_ext(&mut self, vm: &mut Vm, nbytes: usize) -> PyResult<()> {
        let b = self.read(vm, nbytes)?;
        let code = le_size(&b) as i64;
        if code <= 0 {
            return Err(unpickling_error(vm, "EXT specifies code <= 0"));
        }
        let key = Value::Int(code);
        if let Some(obj) = dict_lookup(vm, &self.tables.extension_cache, &key)? {
            self.push(obj);
            return Ok(());
        }
        let Some(pair) = dict_lookup(vm, &self.tables.inverted_registry, &key)? else {
            return Err(PyErr::value_error(format!(
                "unregistered extension code {code}"
            )));
        };
        let names = match &pair {
            Value::Tuple(t)
                if t.len() == 2 && text_of(&t[0]).is_some() && text_of(&t[1]).is_some() =>
            {
                (t[0].clone(), t[1].clone())
            }
            _ => {
                return Err(PyErr::value_error(format!(
                    "_inverted_registry[{code}] isn't a 2-tuple of strings"
                )))
            }
        };
        let obj = self.find_class(vm, names.0, names.1)?;
        vm.setitem(&self.tables.extension_cache, key, obj.clone())?;
        self.push(obj);
        Ok(())
    }

    fn load_pop(&mut self, vm: &mut Vm) -> PyResult<()> {
        let n = self.st.stack.len();
        if self.st.marks.last() == Some(&n) {
            self.st.marks.pop();
        } else if n <= self.fence() {
            return Err(self.underflow(vm));
        } else {
            self.st.stack.pop();
        }
        Ok(())
    }

    fn memo_index(&mut self, vm: &mut Vm, l: &[u8]) -> PyResult<i64> {
        let s = Value::string(String::from_utf8_lossy(l).into_owned());
        let v = vm.call(&Value::Type(builtin_type(TypeKind::Int)), &[s])?;
        match v {
            Value::Int(i) => Ok(i),
            _ => Err(PyErr::overflow(
                "Python int too large to convert to C ssize_t",
            )),
        }
    }

    fn memo_get(&mut self, vm: &mut Vm, idx: i64) -> PyResult<()> {
        let v = usize::try_from(idx)
            .ok()
            .and_then(|i| self.st.memo.get(&i).cloned());
        match v {
            Some(v) => {
                self.push(v);
                Ok(())
            }
            None => Err(unpickling_error(
                vm,
                format!("Memo value not found at index {idx}"),
            )),
        }
    }

    fn memo_put(&mut self, vm: &mut Vm, idx: usize) -> PyResult<()> {
        let v = self.top(vm)?;
        self.st.memo.insert(idx, v);
        Ok(())
    }

    /// The object below position `x` of the stack, which the items from `x`
    /// up are added to; `None` when there are no such items. Checks that `x`
    /// is within the stack and above the current mark.
    fn items_target(&self, vm: &mut Vm, x: usize) -> PyResult<Option<Value>> {
        let len = self.st.stack.len();
        if x > len || x <= self.fence() {
            return Err(self.underflow(vm));
        }
        Ok((x < len).then(|| self.st.stack[x - 1].clone()))
    }

    fn do_append(&mut self, vm: &mut Vm, x: usize) -> PyResult<()> {
        let Some(list) = self.items_target(vm, x)? else {
            return Ok(());
        };
        if let Value::List(l) = &list {
            let items = self.st.stack.split_off(x);
            l.borrow_mut().extend(items);
            return Ok(());
        }
        if let Some(extend) = attr_opt(vm, &list, "extend")? {
            let items = self.st.stack.split_off(x);
            vm.call(&extend, &[Value::list(items)])?;
            return Ok(());
        }
        let n = vm.intern("append");
        let append = vm.get_attr(&list, &n)?;
        let items = self.st.stack.split_off(x);
        for it in items {
            vm.call(&append, &[it])?;
        }
        Ok(())
    }

    fn do_setitems(&mut self, vm: &mut Vm, x: usize) -> PyResult<()> {
        let Some(d) = self.items_target(vm, x)? else {
            return Ok(());
        };
        if (self.st.stack.len() - x) % 2 != 0 {
            return Err(unpickling_error(vm, "odd number of items for SETITEMS"));
        }
        let items = self.st.stack.split_off(x);
        for kv in items.chunks(2) {
            vm.setitem(&d, kv[0].clone(), kv[1].clone())?;
        }
        Ok(())
    }

    fn load_additems(&mut self, vm: &mut Vm) -> PyResult<()> {
        let m = self.marker(vm)?;
        let Some(set) = self.items_target(vm, m)? else {
            return Ok(());
        };
        let items = self.st.stack.split_off(m);
        if matches!(
            crate::instance::payload_of(&set).unwrap_or(&set),
            Value::Set(_)
        ) {
            vm.call_method(&set, "update", &[Value::tuple(items)])?;
            return Ok(());
        }
        let n = vm.intern("add");
        let add = vm.get_attr(&set, &n)?;
        for it in items {
            vm.call(&add, &[it])?;
        }
        Ok(())
    }

    fn load_build(&mut self, vm: &mut Vm) -> PyResult<()> {
        let state = self.pop(vm)?;
        let inst = self.top(vm)?;
        if let Some(setstate) = attr_opt(vm, &inst, "__setstate__")? {
            vm.call(&setstate, &[state])?;
            return Ok(());
        }
        let (state, slotstate) = match &state {
            Value::Tuple(t) if t.len() == 2 => (t[0].clone(), Some(t[1].clone())),
            _ => (state.clone(), None),
        };
        if !matches!(state, Value::None) {
            let Value::Dict(sd) = crate::instance::payload_of(&state)
                .unwrap_or(&state)
                .clone()
            else {
                return Err(unpickling_error(vm, "state is not a dictionary"));
            };
            let n = vm.intern("__dict__");
            let dict = vm.get_attr(&inst, &n)?;
            let items: Vec<(Value, Value)> = sd
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                let k = match &k {
                    Value::Str(s) => Value::Str(vm.intern(s.as_str())),
                    _ => k,
                };
                vm.setitem(&dict, k, v)?;
            }
        }
        if let Some(slots) = slotstate {
            if matches!(slots, Value::None) {
                return Ok(());
            }
            let Value::Dict(sd) = crate::instance::payload_of(&slots)
                .unwrap_or(&slots)
                .clone()
            else {
                return Err(unpickling_error(vm, "slot state is not a dictionary"));
            };
            let items: Vec<(Value, Value)> = sd
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                let Some(name) = text_of(&k) else {
                    return Err(PyErr::type_error(format!(
                        "attribute name must be string, not '{}'",
                        type_name(&k)
                    )));
                };
                let name = vm.intern(&name);
                vm.set_attr(&inst, &name, v)?;
            }
        }
        Ok(())
    }

    fn need_persistent_load(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.st.pers_func.is_none() {
            return Err(unpickling_error(
                vm,
                "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.",
            ));
        }
        Ok(())
    }

    fn persistent_load(&mut self, vm: &mut Vm, pid: Value) -> PyResult<Value> {
        match self.st.pers_func.clone() {
            Some((f, true)) => vm.call(&f, &[self.me.clone(), pid]),
            Some((f, false)) => vm.call(&f, &[pid]),
            None => Err(unpickling_error(
                vm,
                "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.",
            )),
        }
    }
}
