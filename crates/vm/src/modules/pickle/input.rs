//! The unpickler's input: an in-memory pickle (`loads`) or a file read on
//! demand through its `read` and `readline` (`load`). A `FRAME` is read
//! whole into the buffer, so the opcodes inside it cost no file calls.

use std::rc::Rc;

use crate::exc::PyResult;
use crate::value::Value;
use crate::vm::Vm;

use super::unpickling_error;

/// Bytes not yet consumed and where they come from.
#[derive(Default)]
pub(super) struct Input {
    buf: Vec<u8>,
    pos: usize,
    /// `file.read`, when reading from a file.
    pub read: Option<Value>,
    /// `file.readline`, when reading from a file.
    pub readline: Option<Value>,
}

/// Why a read came back short.
pub(super) enum Short {
    /// The data ended (`pickle data was truncated`, or EOF at an opcode).
    Truncated,
    /// The file raised.
    Err(crate::exc::PyErr),
}

impl From<crate::exc::PyErr> for Short {
    fn from(e: crate::exc::PyErr) -> Short {
        Short::Err(e)
    }
}

impl Input {
    /// Input held in memory.
    pub fn from_bytes(data: Vec<u8>) -> Input {
        Input {
            buf: data,
            ..Input::default()
        }
    }

    /// Input read through a file's `read` and `readline`.
    pub fn from_file(read: Option<Value>, readline: Option<Value>) -> Input {
        Input {
            read,
            readline,
            ..Input::default()
        }
    }

    fn file_bytes(_vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
        match v {
            Value::Bytes(b) => Ok(b.to_vec()),
            _ => crate::buffer::bytes_like(v),
        }
    }

    /// Makes sure `n` unread bytes are buffered, reading the file for the
    /// rest.
    fn fill(&mut self, vm: &mut Vm, n: usize) -> Result<(), Short> {
        let have = self.buf.len() - self.pos;
        if have >= n {
            return Ok(());
        }
        let Some(read) = self.read.clone() else {
            return Err(Short::Truncated);
        };
        // Drop what was consumed before growing the buffer.
        self.buf.drain(..self.pos);
        self.pos = 0;
        let want = n - have;
        let got = vm.call(&read, &[Value::Int(want as i64)])?;
        let data = Self::file_bytes(vm, &got)?;
        let short = data.len() < want;
        self.buf.extend_from_slice(&data);
        if short {
            return Err(Short::Truncated);
        }
        Ok(())
    }

    /// The next `n` bytes.
    pub fn read(&mut self, vm: &mut Vm, n: usize) -> Result<&[u8], Short> {
        self.fill(vm, n)?;
        let start = self.pos;
        self.pos += n;
        Ok(&self.buf[start..start + n])
    }

    /// Buffers the next `n` bytes without consuming them (a frame).
    pub fn prefetch(&mut self, vm: &mut Vm, n: usize) -> Result<(), Short> {
        self.fill(vm, n)
    }

    /// The next line, with its `\n` if it has one.
    pub fn readline(&mut self, vm: &mut Vm) -> Result<Vec<u8>, Short> {
        let rest = &self.buf[self.pos..];
        if let Some(i) = rest.iter().position(|&c| c == b'\n') {
            let line = rest[..=i].to_vec();
            self.pos += i + 1;
            return Ok(line);
        }
        let Some(readline) = self.readline.clone() else {
            return Err(Short::Truncated);
        };
        let mut line = rest.to_vec();
        self.buf.clear();
        self.pos = 0;
        let got = vm.call(&readline, &[])?;
        line.extend_from_slice(&Self::file_bytes(vm, &got)?);
        // A line the file ended before its `\n` is truncated data.
        if line.last() != Some(&b'\n') {
            return Err(Short::Truncated);
        }
        Ok(line)
    }
}

/// A short read as the exception CPython raises for it.
pub(super) fn short_error(vm: &mut Vm, s: Short) -> crate::exc::PyErr {
    match s {
        Short::Truncated => unpickling_error(vm, "pickle data was truncated"),
        Short::Err(e) => e,
    }
}

/// A buffer value of `data`.
pub(super) fn bytes_value(data: &[u8]) -> Value {
    Value::Bytes(Rc::new(data.to_vec()))
}
