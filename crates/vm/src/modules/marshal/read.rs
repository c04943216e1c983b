//! `marshal.loads`: CPython's `r_object` over VM values. Code objects are
//! read by pith-bytecode's reader (the `.pyc` one) and loaded as VM code.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::{BigInt, BigUint, Sign};

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::{StrObj, Value};

const FLAG_REF: u8 = 0x80;
/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

/// Reads one object from the start of `data`: the value and the bytes used.
pub fn loads(data: &[u8]) -> PyResult<(Value, usize)> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
        depth: 0,
    };
    match r.object()? {
        Some(v) => Ok((v, r.pos)),
        None => Err(PyErr::type_error("NULL object in marshal data for object")),
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Flagged objects by index; `None` while reserved and not yet built.
    refs: Vec<Option<Value>>,
    depth: usize,
}

fn bad(what: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({what})"))
}

fn too_short() -> PyErr {
    PyErr::new(ExcKind::EOFError, "marshal data too short")
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        let end = self.pos.checked_add(n).ok_or_else(too_short)?;
        let bytes = self.data.get(self.pos..end).ok_or_else(too_short)?;
        self.pos = end;
        Ok(bytes)
    }

    fn byte(&mut self) -> PyResult<u8> {
        Ok(self.take(1)?[0])
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self) -> PyResult<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    fn size(&mut self) -> PyResult<usize> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| bad("size out of range"))
    }

    fn float_text(&mut self) -> PyResult<f64> {
        let n = usize::from(self.byte()?);
        let text = std::str::from_utf8(self.take(n)?).map_err(|_| too_short())?;
        let t = text.trim().to_ascii_lowercase();
        let body = t.trim_start_matches(['+', '-']);
        let v = match body {
            "inf" | "infinity" => f64::INFINITY,
            "nan" => f64::NAN,
            _ => body.parse::<f64>().map_err(|_| {
                PyErr::value_error(format!(
                    "could not convert string to float: {}",
                    pith_repr::str_repr(text)
                ))
            })?,
        };
        Ok(if t.starts_with('-') { -v } else { v })
    }

    /// A reserved slot for a flagged object built after its children.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, idx: Option<usize>, v: &Value) {
        if let Some(slot) = idx.and_then(|i| self.refs.get_mut(i)) {
            *slot = Some(v.clone());
        }
    }

    /// One object; `None` for `TYPE_NULL` (the end of a dict).
    fn object(&mut self) -> PyResult<Option<Value>> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(PyErr::value_error("recursion limit exceeded"))
        } else {
            self.object_inner()
        };
        self.depth -= 1;
        r
    }

    fn item(&mut self) -> PyResult<Value> {
        self.object()?
            .ok_or_else(|| PyErr::type_error("NULL object in marshal data for object"))
    }

    fn object_inner(&mut self) -> PyResult<Option<Value>> {
        let start = self.pos;
        let Some(&code) = self.data.get(self.pos) else {
            return Err(PyErr::new(
                ExcKind::EOFError,
                "EOF read where object expected",
            ));
        };
        self.pos += 1;
        let flag = code & FLAG_REF != 0;
        let t = code & !FLAG_REF;
        let simple = match t {
            b'0' => return Ok(None),
            b'N' => Value::None,
            b'F' => Value::Bool(false),
            b'T' => Value::Bool(true),
            b'.' => Value::Ellipsis,
            b'S' => Value::Type(crate::types::exc_type(ExcKind::StopIteration)),
            b'r' => {
                let n = self.long()?;
                let v = usize::try_from(n)
                    .ok()
                    .and_then(|i| self.refs.get(i).cloned().flatten());
                return v.map(Some).ok_or_else(|| bad("invalid reference"));
            }
            b'c' => return self.code(start, flag).map(Some),
            b'(' | b')' | b'[' | b'{' | b'<' | b'>' => return self.container(t, flag).map(Some),
            _ => {
                let idx = self.reserve(flag);
                let v = self.scalar(t)?;
                self.fill(idx, &v);
                return Ok(Some(v));
            }
        };
        Ok(Some(simple))
    }

    fn scalar(&mut self, t: u8) -> PyResult<Value> {
        Ok(match t {
            b'i' => Value::Int(i64::from(self.long()?)),
            b'I' => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Value::Int(i64::from_le_bytes(a))
            }
            b'f' => Value::Float(self.float_text()?),
            b'g' => Value::Float(self.f64()?),
            b'x' => {
                let re = self.float_text()?;
                let im = self.float_text()?;
                crate::complex::Complex::new(re, im).value()
            }
            b'y' => {
                let re = self.f64()?;
                let im = self.f64()?;
                crate::complex::Complex::new(re, im).value()
            }
            b'l' => self.long_int()?,
            b's' => {
                let n = self.size()?;
                Value::Bytes(Rc::new(self.take(n)?.to_vec()))
            }
            b'u' | b't' | b'a' | b'A' | b'z' | b'Z' => {
                let n = if matches!(t, b'z' | b'Z') {
                    usize::from(self.byte()?)
                } else {
                    self.size()?
                };
                let bytes = self.take(n)?;
                if matches!(t, b'u' | b't') {
                    let s = StrObj::from_surrogatepass(bytes).ok_or_else(|| {
                        PyErr::new(
                            ExcKind::UnicodeDecodeError,
                            "'utf-8' codec can't decode bytes: invalid data",
                        )
                    })?;
                    Value::Str(Rc::new(s))
                } else {
                    // ASCII forms: CPython decodes them as Latin-1.
                    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
                    Value::string(text)
                }
            }
            _ => return Err(bad("unknown type code")),
        })
    }

    fn long_int(&mut self) -> PyResult<Value> {
        let n = self.long()?;
        let count = n.unsigned_abs() as usize;
        if count.saturating_mul(2) > self.data.len() - self.pos {
            return Err(too_short());
        }
        let mut mag = BigUint::default();
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let b = self.take(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >= 1 << 15 {
                return Err(bad("digit out of range in long"));
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return Err(bad("unnormalized long data"));
        }
        for d in digits.iter().rev() {
            mag = (mag << 15u32) + BigUint::from(*d);
        }
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(Value::from_bigint(BigInt::from_biguint(sign, mag)))
    }

    fn container(&mut self, t: u8, flag: bool) -> PyResult<Value> {
        let n = match t {
            b')' => usize::from(self.byte()?),
            b'{' => 0,
            _ => self.size()?,
        };
        match t {
            b'[' | b'{' => {
                // Lists and dicts are referenced before their items are
                // read, so a list may hold itself.
                let v = if t == b'[' {
                    Value::List(Rc::new(RefCell::new(Vec::with_capacity(n.min(4096)))))
                } else {
                    Value::Dict(Rc::new(RefCell::new(Dict::new())))
                };
                let idx = self.reserve(flag);
                self.fill(idx, &v);
                match &v {
                    Value::List(l) => {
                        for _ in 0..n {
                            let item = self.item()?;
                            l.borrow_mut().push(item);
                        }
                    }
                    Value::Dict(d) => loop {
                        let Some(key) = self.object()? else { break };
                        let Some(val) = self.object()? else { break };
                        d.borrow_mut().insert(key, val)?;
                    },
                    _ => {}
                }
                Ok(v)
            }
            _ => {
                let idx = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(4096));
                for _ in 0..n {
                    items.push(self.item()?);
                }
                let v = match t {
                    b'(' | b')' => Value::tuple(items),
                    _ => {
                        let mut d = Dict::new();
                        for item in items {
                            d.insert(item, Value::None)?;
                        }
                        if t == b'<' {
                            Value::set(d)
                        } else {
                            Value::frozenset(d)
                        }
                    }
                };
                self.fill(idx, &v);
                Ok(v)
            }
        }
    }

    /// A code object: pith-bytecode reads it from its type byte on, with
    /// this stream's reference numbering.
    fn code(&mut self, start: usize, flag: bool) -> PyResult<Value> {
        let rest = self.data.get(start..).unwrap_or_default();
        let (m, nrefs) =
            pith_bytecode::marshal::loads_from(rest, self.refs.len()).map_err(code_error)?;
        let pith_bytecode::Constant::Code(raw) = m.value else {
            return Err(bad("unknown type code"));
        };
        let code = crate::code::Code::load(raw)
            .map_err(|e| PyErr::value_error(format!("bad marshal data ({e})")))?;
        let v = Value::Code(Rc::new(code));
        let own = self.refs.len();
        self.refs.resize(nrefs.max(own), None);
        if flag {
            self.fill(Some(own), &v);
        }
        self.pos = start + m.consumed;
        Ok(v)
    }
}

fn code_error(e: pith_bytecode::marshal::MarshalError) -> PyErr {
    use pith_bytecode::marshal::MarshalError as M;
    match e {
        M::Eof => PyErr::new(ExcKind::EOFError, "marshal data too short"),
        M::UnknownType(_) => bad("unknown type code"),
        M::InvalidRef => bad("invalid reference"),
        other => PyErr::value_error(other.to_string()),
    }
}
