//! The state behind a file object, free of Python values: a byte stream
//! (an OS file with a read buffer, or the memory of a `BytesIO`), and for
//! text files the codec and newline rules of `TextIOWrapper`.
//!
//! Writes to OS files go straight through (no write buffer), so a file
//! that is never closed, or read back through another object, holds what
//! was written, as CPython's reference counting usually ensures. Reads go
//! through a buffer; `tell()` is the byte position of the next byte
//! delivered, which is also what CPython's text `tell()` gives for UTF-8
//! when no decoder state is pending.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};

/// How much an OS file read asks for at a time.
const CHUNK: usize = 8192;

/// The text encodings Pith's files speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8 (the default: the locale is UTF-8).
    Utf8,
    /// ASCII.
    Ascii,
    /// ISO-8859-1.
    Latin1,
}

impl Codec {
    /// The codec for an `encoding=` name, if supported.
    pub fn lookup(name: &str) -> Option<Codec> {
        let norm = name.to_ascii_lowercase().replace(['-', ' '], "_");
        Some(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us_ascii" | "646" => Codec::Ascii,
            "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" | "8859" | "cp819" => {
                Codec::Latin1
            }
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// Decodes `bytes` (whole characters only: callers split at ASCII bytes
    /// or at the end of input); the error is CPython's UnicodeDecodeError text.
    pub fn decode(self, bytes: &[u8]) -> Result<String, String> {
        match self {
            Codec::Utf8 => match std::str::from_utf8(bytes) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => {
                    let at = e.valid_up_to();
                    let reason = match e.error_len() {
                        None => "unexpected end of data",
                        Some(_) if (0x80..0xc2).contains(&bytes[at]) || bytes[at] >= 0xf5 => {
                            "invalid start byte"
                        }
                        Some(_) => "invalid continuation byte",
                    };
                    Err(format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {at}: {reason}",
                        bytes[at]
                    ))
                }
            },
            Codec::Ascii => match bytes.iter().position(|b| *b >= 0x80) {
                Some(at) => Err(format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)",
                    bytes[at]
                )),
                None => Ok(bytes.iter().map(|&b| b as char).collect()),
            },
            Codec::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
        }
    }

    /// Encodes `text`; the error is CPython's UnicodeEncodeError text.
    pub fn encode(self, text: &str) -> Result<Vec<u8>, String> {
        let limit = match self {
            Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        };
        let mut out = Vec::with_capacity(text.len());
        for (i, c) in text.chars().enumerate() {
            if (c as u32) >= limit {
                // As `UnicodeEncodeError.__str__`: the character escaped
                // (`'\xd8'`), never itself.
                let n = c as u32;
                let shown = if n <= 0xff {
                    format!("\\x{n:02x}")
                } else if n <= 0xffff {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                return Err(format!(
                    "'{}' codec can't encode character '{shown}' in position {i}: ordinal not in range({limit})",
                    self.name(),
                ));
            }
            out.push(c as u8);
        }
        Ok(out)
    }
}

/// The `errors=` argument of a text file. `surrogatepass` decodes as
/// `replace`; an unknown name behaves as `strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errors {
    /// Raise on the first bad byte or character.
    Strict,
    /// `U+FFFD` when decoding, `?` when encoding.
    Replace,
    /// Drop what cannot be converted.
    Ignore,
    /// `\xNN` (and `\uNNNN` when encoding).
    BackslashReplace,
    /// `&#N;` when encoding (as `Replace` when decoding, where CPython
    /// refuses it); what `xml.etree` writes non-ASCII text with.
    XmlCharRefReplace,
    /// An undecodable byte `0xNN` is the lone surrogate `U+DCNN`, and
    /// encoding turns such a surrogate back into its byte. A Rust string
    /// holds no lone surrogates, so inside the stream the surrogate travels
    /// as a stand-in char (see [`carried`]); [`text_value`] and
    /// [`escaped_text`] convert at the boundary with Python strs.
    SurrogateEscape,
}

/// How much a lone surrogate (U+D800..U+DFFF) is moved to travel inside
/// the Rust strings of a stream: to U+10F800..U+10FFFF, the last 2048 code
/// points of plane 16 (private use, and two noncharacters), which text
/// going through a `StringIO` or a `surrogateescape` file is taken never to
/// hold itself.
const CARRY_SHIFT: u32 = 0x10_F800 - 0xD800;

/// Where `surrogateescape`'s byte `0xNN` (its surrogate `U+DCNN`) travels.
const ESCAPE_BASE: u32 = 0xDC00 + CARRY_SHIFT;

/// The stand-in char of undecodable byte `b` (0x80 or above).
fn escape_char(b: u8) -> char {
    char::from_u32(ESCAPE_BASE + u32::from(b)).unwrap_or('\u{fffd}')
}

/// The byte a stand-in char carries, if `c` is one of `surrogateescape`'s.
fn escaped_byte(c: char) -> Option<u8> {
    let n = c as u32;
    (ESCAPE_BASE + 0x80..=ESCAPE_BASE + 0xff)
        .contains(&n)
        .then(|| (n - ESCAPE_BASE) as u8)
}

/// Whether `c` stands in for a lone surrogate.
fn is_carrier(c: char) -> bool {
    (c as u32) >= 0xD800 + CARRY_SHIFT
}

/// The Python str of stream text: its stand-in chars become the lone
/// surrogates they carry.
pub fn uncarried(text: String) -> crate::value::Value {
    if !text.chars().any(is_carrier) {
        return crate::value::Value::string(text);
    }
    let cps = text
        .chars()
        .map(|c| {
            let n = c as u32;
            if is_carrier(c) {
                n - CARRY_SHIFT
            } else {
                n
            }
        })
        .collect();
    crate::value::Value::from_code_points(cps)
}

/// The text of `s` for a stream: its lone surrogates become stand-in chars.
pub fn carried(s: &crate::value::StrObj) -> String {
    if s.surrogates().is_none() {
        return s.as_str().to_string();
    }
    s.code_points()
        .map(|cp| {
            let cp = if (0xD800..=0xDFFF).contains(&cp) {
                cp + CARRY_SHIFT
            } else {
                cp
            };
            char::from_u32(cp).unwrap_or('\u{fffd}')
        })
        .collect()
}

/// The Python str of text a file with `errors` decoded: with
/// `surrogateescape`, its stand-in chars become the lone surrogates
/// `U+DC80..U+DCFF`.
pub fn text_value(text: String, errors: Errors) -> crate::value::Value {
    if errors == Errors::SurrogateEscape {
        uncarried(text)
    } else {
        crate::value::Value::string(text)
    }
}

/// The text of `s` as a file with `errors` encodes it: with
/// `surrogateescape`, its lone surrogates become the stand-in chars that
/// encode to their bytes.
pub fn escaped_text(s: &crate::value::StrObj, errors: Errors) -> String {
    if errors == Errors::SurrogateEscape {
        carried(s)
    } else {
        s.as_str().to_string()
    }
}

impl Errors {
    /// The handler for an `errors=` name.
    pub fn lookup(name: &str) -> Errors {
        match name {
            "replace" | "surrogatepass" => Errors::Replace,
            "surrogateescape" => Errors::SurrogateEscape,
            "ignore" => Errors::Ignore,
            "backslashreplace" => Errors::BackslashReplace,
            "xmlcharrefreplace" => Errors::XmlCharRefReplace,
            _ => Errors::Strict,
        }
    }
}

impl Codec {
    /// Decodes with an error handler.
    pub fn decode_with(self, bytes: &[u8], errors: Errors) -> Result<String, String> {
        let strict = self.decode(bytes);
        if strict.is_ok() || errors == Errors::Strict {
            return strict;
        }
        let mut out = String::with_capacity(bytes.len());
        let mut rest = bytes;
        while !rest.is_empty() {
            let (good, bad) = match self {
                Codec::Utf8 => match std::str::from_utf8(rest) {
                    Ok(_) => (rest.len(), 0),
                    Err(e) => (
                        e.valid_up_to(),
                        e.error_len().unwrap_or(rest.len() - e.valid_up_to()),
                    ),
                },
                _ => {
                    let good = rest.iter().position(|b| *b >= 0x80).unwrap_or(rest.len());
                    (good, usize::from(good < rest.len()))
                }
            };
            out.push_str(&self.decode(&rest[..good])?);
            let bad_bytes = &rest[good..good + bad];
            match errors {
                Errors::Replace | Errors::XmlCharRefReplace if !bad_bytes.is_empty() => {
                    out.push('\u{fffd}')
                }
                Errors::BackslashReplace => {
                    for b in bad_bytes {
                        out.push_str(&format!("\\x{b:02x}"));
                    }
                }
                Errors::SurrogateEscape => out.extend(bad_bytes.iter().map(|&b| escape_char(b))),
                _ => {}
            }
            rest = &rest[good + bad..];
        }
        Ok(out)
    }

    /// Encodes with an error handler.
    pub fn encode_with(self, text: &str, errors: Errors) -> Result<Vec<u8>, String> {
        if errors == Errors::SurrogateEscape && text.chars().any(|c| escaped_byte(c).is_some()) {
            return self.encode_escaped(text);
        }
        let strict = self.encode(text);
        // `surrogateescape` encodes only the surrogates it made; any other
        // character fails as under `strict`.
        if strict.is_ok() || matches!(errors, Errors::Strict | Errors::SurrogateEscape) {
            return strict;
        }
        let limit: u32 = if self == Codec::Ascii { 0x80 } else { 0x100 };
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let n = c as u32;
            if n < limit {
                out.push(n as u8);
                continue;
            }
            match errors {
                Errors::Replace => out.push(b'?'),
                Errors::BackslashReplace => {
                    let esc = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
                Errors::XmlCharRefReplace => out.extend_from_slice(format!("&#{n};").as_bytes()),
                _ => {}
            }
        }
        Ok(out)
    }
}

impl Codec {
    /// `surrogateescape` encoding of text holding stand-in chars: each is
    /// its byte, the rest is encoded strictly (the error names the position
    /// of the first character that cannot be).
    fn encode_escaped(self, text: &str) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(text.len());
        let mut buf = [0u8; 4];
        for (i, c) in text.chars().enumerate() {
            if let Some(b) = escaped_byte(c) {
                out.push(b);
                continue;
            }
            match self.encode(c.encode_utf8(&mut buf)) {
                Ok(bytes) => out.extend_from_slice(&bytes),
                Err(e) => return Err(e.replace("in position 0", &format!("in position {i}"))),
            }
        }
        Ok(out)
    }
}

impl Drop for ByteStream {
    fn drop(&mut self) {
        self.release();
    }
}

/// The `newline=` argument of a text file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newline {
    /// `None`: universal newlines, translated to `\n` on input.
    Universal,
    /// `''`: universal newlines, untranslated.
    Untranslated,
    /// `'\n'`.
    Lf,
    /// `'\r'`.
    Cr,
    /// `'\r\n'`.
    CrLf,
}

impl Newline {
    /// What `write` puts for `\n`.
    fn written(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }
}

/// Text-layer settings of a `TextIOWrapper`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextMode {
    /// The codec.
    pub codec: Codec,
    /// The error handler.
    pub errors: Errors,
    /// Newline handling.
    pub newline: Newline,
}

/// A byte stream: an OS file or memory.
#[derive(Debug)]
pub struct ByteStream {
    /// The OS file; `None` for `BytesIO` (and after close).
    file: Option<File>,
    /// For memory streams, the contents.
    mem: Vec<u8>,
    /// Whether this is a memory stream.
    memory: bool,
    /// Read-ahead of an OS file, from `rpos` on not yet delivered.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Memory streams: the position.
    mpos: usize,
    /// Whether writes append at the end (mode `a`).
    append: bool,
    /// The OS file is a descriptor the process owns elsewhere (0, 1, 2 of
    /// the standard streams): closing or dropping the stream leaves it open.
    borrowed: bool,
    /// What a write that a signal interrupted has not written yet: the
    /// caller runs the Python handlers (`has_unwritten`), then writes it
    /// (`resume_write`) unless a handler raised (`drop_unwritten`).
    unwritten: Vec<u8>,
    /// Whether writes to a pipe, socket or terminal must not block the VM's
    /// one OS thread (other Python threads live; see `set_others_run`).
    others_run: bool,
    /// Whether the last write stopped on a full descriptor (rather than for
    /// a signal): the caller waits for room before writing the rest.
    full: bool,
    /// Line ends a universal-newlines text layer has met ([`seen`] bits).
    newlines: u8,
    /// Memory streams: live `getbuffer()` views, which forbid resizing.
    exports: usize,
}

impl ByteStream {
    /// A stream over an open OS file. In append mode the position starts
    /// at the end, as `fileio.c` seeks there on open, so `tell()` is the
    /// file's size before any write (a pipe cannot seek: no matter).
    pub fn file(mut file: File, append: bool) -> ByteStream {
        if append {
            let _ = file.seek(SeekFrom::End(0));
        }
        ByteStream {
            file: Some(file),
            mem: Vec::new(),
            memory: false,
            rbuf: Vec::new(),
            rpos: 0,
            mpos: 0,
            append,
            borrowed: false,
            unwritten: Vec::new(),
            others_run: false,
            full: false,
            newlines: 0,
            exports: 0,
        }
    }

    /// A stream over descriptor `fd`, which stays open when the stream is
    /// closed or dropped (`closefd=False`, as for `sys.stdout`).
    pub fn borrowed_fd(fd: std::os::fd::RawFd) -> ByteStream {
        // The descriptor is never closed through this `File`: `close` and
        // `Drop` release it with `into_raw_fd` (see `release`).
        let mut s = ByteStream::memory(Vec::new());
        s.memory = false;
        s.file = crate::modules::posix::raw::borrow_fd(fd);
        s.borrowed = true;
        s
    }

    /// A memory stream holding `data`, positioned at its start.
    pub fn memory(data: Vec<u8>) -> ByteStream {
        ByteStream {
            file: None,
            mem: data,
            memory: true,
            rbuf: Vec::new(),
            rpos: 0,
            mpos: 0,
            append: false,
            borrowed: false,
            unwritten: Vec::new(),
            others_run: false,
            full: false,
            newlines: 0,
            exports: 0,
        }
    }

    /// Records the line ends of `text` when `newline` is universal (`None`
    /// or `''`), for the `newlines` attribute.
    pub fn note_newlines(&mut self, text: &str, newline: Newline) {
        if matches!(newline, Newline::Universal | Newline::Untranslated)
            && self.newlines != seen::CR | seen::LF | seen::CRLF
        {
            self.newlines |= seen::scan(text);
        }
    }

    /// The line ends recorded by [`ByteStream::note_newlines`] ([`seen`] bits).
    pub fn newlines_seen(&self) -> u8 {
        self.newlines
    }

    /// Replaces the record of line ends seen.
    pub fn set_newlines_seen(&mut self, kinds: u8) {
        self.newlines = kinds;
    }

    /// The OS file, if any.
    pub fn os_file(&self) -> Option<&File> {
        self.file.as_ref()
    }

    /// Closes the OS file (memory streams drop their contents).
    pub fn close(&mut self) {
        self.release();
        self.file = None;
        self.mem = Vec::new();
        self.rbuf = Vec::new();
        self.rpos = 0;
    }

    /// Closes the OS file as [`ByteStream::close`] does, reporting the
    /// `close()` system call's error (`EBADF` for a descriptor closed behind
    /// the file's back), which `FileIO.close` raises; dropping a `File`
    /// would swallow it.
    pub fn close_checked(&mut self) -> std::io::Result<()> {
        let owned = if self.borrowed {
            None
        } else {
            self.file.take()
        };
        self.close();
        match owned {
            Some(f) => {
                let fd = std::os::fd::IntoRawFd::into_raw_fd(f);
                crate::modules::posix::raw::close(fd).map_err(std::io::Error::from_raw_os_error)
            }
            None => Ok(()),
        }
    }

    /// Lets go of the OS file without closing its descriptor: a file object
    /// whose construction failed leaves a descriptor it was given open
    /// (`FileIO(fd)` where `fd` belongs to the caller).
    pub fn forget(&mut self) {
        if let Some(f) = self.file.take() {
            let _ = std::os::fd::IntoRawFd::into_raw_fd(f);
        }
        self.close();
    }

    /// Makes writes go to the end of the file (mode `a`).
    pub fn set_append(&mut self, append: bool) {
        self.append = append;
        if let (true, Some(file)) = (append, self.file.as_mut()) {
            let _ = file.seek(SeekFrom::End(0));
        }
    }

    /// Whether closing the stream leaves its descriptor open (`closefd=False`).
    pub fn is_borrowed(&self) -> bool {
        self.borrowed
    }

    /// Forgets a borrowed descriptor without closing it.
    fn release(&mut self) {
        if self.borrowed {
            if let Some(f) = self.file.take() {
                let _ = std::os::fd::IntoRawFd::into_raw_fd(f);
            }
        }
    }

    /// The bytes that can be delivered without reading more.
    fn peek(&self) -> &[u8] {
        if self.memory {
            self.mem.get(self.mpos..).unwrap_or(&[])
        } else {
            &self.rbuf[self.rpos..]
        }
    }

    /// `peek()` of a buffered reader: what is buffered ahead, after one
    /// read of the file when nothing is.
    pub fn peek_ahead(&mut self) -> std::io::Result<Vec<u8>> {
        if self.peek().is_empty() && !self.memory {
            self.fill()?;
        }
        Ok(self.peek().to_vec())
    }

    /// Marks `n` bytes of `peek()` delivered.
    fn consume(&mut self, n: usize) {
        if self.memory {
            self.mpos += n;
        } else {
            self.rpos += n;
            if self.rpos == self.rbuf.len() {
                self.rbuf.clear();
                self.rpos = 0;
            }
        }
    }

    /// Reads more of an OS file into the buffer; false at the end.
    fn fill(&mut self) -> std::io::Result<bool> {
        self.fill_up_to(CHUNK)
    }

    /// Reads at most `max` more bytes of an OS file into the buffer (one
    /// `read(2)`); false at the end.
    fn fill_up_to(&mut self, max: usize) -> std::io::Result<bool> {
        let Some(file) = self.file.as_mut() else {
            return Ok(false);
        };
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let start = self.rbuf.len();
        self.rbuf.resize(start + max, 0);
        let n = loop {
            match file.read(&mut self.rbuf[start..]) {
                // PEP 475: a signal with a Python handler ends the read so
                // that the caller runs the handler, then reads again (see
                // `methods::retry_interrupted`); others just retry here.
                Err(e)
                    if e.kind() == std::io::ErrorKind::Interrupted
                        && !crate::modules::signal_raw::pending() =>
                {
                    continue
                }
                other => break other,
            }
        };
        let n = n.inspect_err(|_| self.rbuf.truncate(start))?;
        self.rbuf.truncate(start + n);
        Ok(n > 0)
    }

    /// Takes `n` delivered bytes.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.peek()[..n].to_vec();
        self.consume(n);
        out
    }

    /// `read(n)`; `None` reads to the end.
    pub fn read(&mut self, n: Option<usize>) -> std::io::Result<Vec<u8>> {
        loop {
            let have = self.peek().len();
            if n.is_some_and(|n| have >= n) || !self.fill()? {
                let have = self.peek().len();
                return Ok(self.take(n.map_or(have, |n| n.min(have))));
            }
        }
    }

    /// At most one read of the file: up to `n` bytes of what is read ahead,
    /// else of one `read(2)` (a raw `FileIO.read(n)`/`readinto`, a buffered
    /// `read1`), so a pipe holding fewer bytes gives what it holds rather
    /// than waiting for the writer to send more or close. A `raw` read
    /// (`FileIO`) asks the OS for `n` bytes only, as `fileio.c` does: what
    /// it does not deliver stays in the file (for `select`, a child
    /// process, or an `lseek` of the descriptor to see).
    pub fn read_some(&mut self, n: usize, raw: bool) -> std::io::Result<Vec<u8>> {
        if n > 0 && self.peek().is_empty() && !self.memory {
            if raw {
                // (Capped, as a raw read may be short: no huge zeroed buffer.)
                self.fill_up_to(n.min(1 << 26))?;
            } else {
                self.fill()?;
            }
        }
        let have = self.peek().len();
        Ok(self.take(n.min(have)))
    }

    /// The descriptor a read would wait on: the OS file's, when nothing is
    /// read ahead.
    pub fn read_wait_fd(&self) -> Option<std::os::fd::RawFd> {
        use std::os::fd::AsRawFd;
        if self.memory || !self.peek().is_empty() {
            return None;
        }
        self.file.as_ref().map(|f| f.as_raw_fd())
    }

    /// `readline(limit)` on bytes: up to and including `\n`.
    pub fn readline(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let mut scanned = 0;
        loop {
            let buf = self.peek();
            let end = limit.map_or(buf.len(), |l| l.min(buf.len()));
            if let Some(i) = buf[scanned..end].iter().position(|&b| b == b'\n') {
                return Ok(self.take(scanned + i + 1));
            }
            if limit.is_some_and(|l| buf.len() >= l) {
                return Ok(self.take(end));
            }
            scanned = end;
            if !self.fill()? {
                let n = self.peek().len();
                return Ok(self.take(n));
            }
        }
    }

    /// Writes all of `data` at the position (the end in append mode).
    pub fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        if self.memory {
            let end = self.mpos + data.len();
            if self.mem.len() < self.mpos {
                self.mem.resize(self.mpos, 0);
            }
            if self.mem.len() < end {
                self.mem.resize(end, 0);
            }
            self.mem[self.mpos..end].copy_from_slice(data);
            self.mpos = end;
            return Ok(());
        }
        self.drop_read_ahead()?;
        self.resume_write()?;
        let append = self.append;
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        if append {
            file.seek(SeekFrom::End(0))?;
        }
        (self.unwritten, self.full) = write_os(file, data, self.others_run)?;
        Ok(())
    }

    /// Says whether other Python threads live, before a write: a write to a
    /// descriptor that can block then stops where it would block (see
    /// [`ByteStream::full_fd`]) instead of blocking every thread.
    pub fn set_others_run(&mut self, others_run: bool) {
        self.others_run = others_run;
    }

    /// The descriptor the last write stopped on because it was full, with
    /// the rest unwritten: the caller lets the other threads run until it
    /// has room, then resumes the write.
    pub fn full_fd(&self) -> Option<std::os::fd::RawFd> {
        use std::os::fd::AsRawFd;
        if !self.full || self.unwritten.is_empty() {
            return None;
        }
        self.file.as_ref().map(|f| f.as_raw_fd())
    }

    /// Whether a signal interrupted the last write before it finished.
    pub fn has_unwritten(&self) -> bool {
        !self.unwritten.is_empty()
    }

    /// Writes what an interrupted write left (see [`ByteStream::has_unwritten`]).
    pub fn resume_write(&mut self) -> std::io::Result<()> {
        if self.unwritten.is_empty() {
            return Ok(());
        }
        let rest = std::mem::take(&mut self.unwritten);
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        (self.unwritten, self.full) = write_os(file, &rest, self.others_run)?;
        Ok(())
    }

    /// Forgets what an interrupted write left (a signal handler raised).
    pub fn drop_unwritten(&mut self) {
        self.unwritten.clear();
        self.full = false;
    }

    /// Moves the OS file back over unread read-ahead.
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        let unread = (self.rbuf.len() - self.rpos) as i64;
        if unread > 0 {
            if let Some(file) = self.file.as_mut() {
                file.seek(SeekFrom::Current(-unread))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    /// `tell()`: the position of the next byte delivered.
    pub fn tell(&mut self) -> std::io::Result<u64> {
        if self.memory {
            return Ok(self.mpos as u64);
        }
        let unread = (self.rbuf.len() - self.rpos) as u64;
        match self.file.as_mut() {
            Some(file) => Ok(file.stream_position()?.saturating_sub(unread)),
            None => Ok(0),
        }
    }

    /// `seek(offset, whence)`; gives the new position.
    pub fn seek(&mut self, offset: i64, whence: u8) -> std::io::Result<u64> {
        if self.memory {
            let base = match whence {
                0 => 0,
                1 => self.mpos as i64,
                _ => self.mem.len() as i64,
            };
            self.mpos = (base + offset).max(0) as usize;
            return Ok(self.mpos as u64);
        }
        let target = match whence {
            0 => SeekFrom::Start(offset.max(0) as u64),
            1 => SeekFrom::Start((self.tell()? as i64 + offset).max(0) as u64),
            _ => SeekFrom::End(offset),
        };
        self.rbuf.clear();
        self.rpos = 0;
        match self.file.as_mut() {
            Some(file) => file.seek(target),
            None => Ok(0),
        }
    }

    /// `truncate(size)`: the new size.
    pub fn truncate(&mut self, size: Option<u64>) -> std::io::Result<u64> {
        let size = match size {
            Some(s) => s,
            None => self.tell()?,
        };
        if self.memory {
            self.mem.truncate(size as usize);
            return Ok(size);
        }
        self.drop_read_ahead()?;
        if let Some(file) = self.file.as_mut() {
            file.set_len(size)?;
        }
        Ok(size)
    }

    /// Replaces a memory stream's contents and moves to `pos`.
    pub fn set_contents(&mut self, data: Vec<u8>, pos: usize) {
        self.mem = data;
        self.mpos = pos;
    }

    /// A memory stream's contents.
    pub fn contents(&self) -> &[u8] {
        &self.mem
    }

    /// A memory stream's contents, to overwrite in place (a view's writes).
    pub fn contents_mut(&mut self) -> &mut [u8] {
        &mut self.mem
    }

    /// How many `getbuffer()` views of a memory stream are alive.
    pub fn exports(&self) -> usize {
        self.exports
    }

    /// Counts a view in (`true`) or out.
    pub fn count_export(&mut self, add: bool) {
        self.exports = if add {
            self.exports + 1
        } else {
            self.exports.saturating_sub(1)
        };
    }

    /// The text up to and including the next line end of `mode` (None at
    /// the end of input), undecoded; with a limit, at most that many
    /// characters of `codec`. The limit is counted in characters as the
    /// bytes arrive, so a read of a pipe returns once it has them instead
    /// of waiting for bytes it would give back.
    fn text_line_bytes(
        &mut self,
        newline: Newline,
        limit: Option<(usize, Codec)>,
    ) -> std::io::Result<Vec<u8>> {
        let mut scanned = 0;
        loop {
            let buf = self.peek();
            let limit_bytes = limit.and_then(|(chars, codec)| char_end(buf, chars, codec));
            let found = match newline {
                Newline::Universal | Newline::Untranslated => buf[scanned..]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .map(|i| scanned + i),
                Newline::Lf => buf[scanned..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map(|i| scanned + i),
                Newline::Cr => buf[scanned..]
                    .iter()
                    .position(|&b| b == b'\r')
                    .map(|i| scanned + i),
                Newline::CrLf => buf[scanned..]
                    .windows(2)
                    .position(|w| w == b"\r\n")
                    .map(|i| scanned + i + 1),
            };
            if let Some(i) = found {
                if limit_bytes.is_some_and(|l| i >= l) {
                    let l = limit_bytes.unwrap_or(0);
                    return Ok(self.take(l));
                }
                let is_cr = buf[i] == b'\r'
                    && matches!(newline, Newline::Universal | Newline::Untranslated);
                if is_cr && i + 1 == buf.len() && self.fill()? {
                    continue;
                }
                let buf = self.peek();
                let end = if is_cr && buf.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                return Ok(self.take(end));
            }
            if let Some(l) = limit_bytes.filter(|&l| buf.len() >= l) {
                return Ok(self.take(l));
            }
            scanned = match newline {
                Newline::CrLf => buf.len().saturating_sub(1),
                _ => buf.len(),
            };
            if !self.fill()? {
                let n = self.peek().len();
                return Ok(self.take(n));
            }
        }
    }
}

/// Writes `data` to an OS file, giving back what is left unwritten when a
/// signal with a Python handler interrupts the write (PEP 475: the caller
/// runs the handler, then writes the rest); other interruptions retry.
/// With `others_run`, a descriptor that can block (a pipe another thread
/// reads) is written non-blocking, and the write also stops when it is
/// full, saying so (true), so that the caller lets that thread run.
fn write_os(file: &mut File, data: &[u8], others_run: bool) -> std::io::Result<(Vec<u8>, bool)> {
    use crate::modules::posix::raw;
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    let nonblocking = others_run && crate::modules::thread::fd_wait::can_block(fd);
    if !nonblocking {
        return write_os_loop(file, data, false);
    }
    raw::set_blocking(fd, false).map_err(std::io::Error::from_raw_os_error)?;
    let r = write_os_loop(file, data, true);
    let restored = raw::set_blocking(fd, true).map_err(std::io::Error::from_raw_os_error);
    let r = r?;
    restored?;
    Ok(r)
}

/// [`write_os`]'s loop; `nonblocking`: the descriptor was made non-blocking
/// for the call, so `EAGAIN` means full.
fn write_os_loop(
    file: &mut File,
    data: &[u8],
    nonblocking: bool,
) -> std::io::Result<(Vec<u8>, bool)> {
    let mut rest = data;
    while !rest.is_empty() {
        match file.write(rest) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => rest = &rest[n..],
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if nonblocking && e.kind() == std::io::ErrorKind::WouldBlock => {
                return Ok((rest.to_vec(), true));
            }
            Err(e) => return Err(e),
        }
        if !rest.is_empty() && crate::modules::signal_raw::pending() {
            return Ok((rest.to_vec(), false));
        }
    }
    Ok((Vec::new(), false))
}

/// Where the first `chars` characters of `codec` in `buf` end, if `buf`
/// holds that many whole characters. A UTF-8 character is counted at its
/// lead byte (or any byte that is not a continuation byte, as a decoder
/// counts a bad byte once).
fn char_end(buf: &[u8], chars: usize, codec: Codec) -> Option<usize> {
    if codec != Codec::Utf8 {
        return (buf.len() >= chars).then_some(chars);
    }
    let mut count = 0;
    for (i, &b) in buf.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if count == chars {
                return Some(i);
            }
            count += 1;
        }
    }
    if count < chars {
        return None;
    }
    // Exactly `chars` lead bytes: the last character must be complete.
    let last = buf.iter().rposition(|&b| b & 0xC0 != 0x80)?;
    let len = match buf[last] {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    };
    (last + len <= buf.len()).then_some(buf.len())
}

/// The `newlines` attribute for the [`seen`] bits: `None`, one str, or a
/// tuple in CPython's order (`\r`, `\n`, `\r\n`).
pub fn newlines_value(kinds: u8) -> crate::value::Value {
    use crate::value::Value;
    let names: Vec<Value> = [(seen::CR, "\r"), (seen::LF, "\n"), (seen::CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| kinds & bit != 0)
        .map(|(_, s)| Value::str(s))
        .collect();
    match names.len() {
        0 => Value::None,
        1 => names.into_iter().next().unwrap_or(Value::None),
        _ => Value::tuple(names),
    }
}

/// Translates line ends of decoded input for `newline=None`.
fn translate_in(text: String, newline: Newline) -> String {
    if newline == Newline::Universal && text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// The kinds of line end seen by a universal-newlines decoder (the
/// `newlines` attribute), as `IncrementalNewlineDecoder` records them.
pub mod seen {
    /// `"\r"`
    pub const CR: u8 = 1;
    /// `"\n"`
    pub const LF: u8 = 2;
    /// `"\r\n"`
    pub const CRLF: u8 = 4;

    /// The kinds of line end in `text`.
    pub fn scan(text: &str) -> u8 {
        let bytes = text.as_bytes();
        let mut kinds = 0;
        let mut i = 0;
        while let Some(off) = bytes[i..].iter().position(|&b| b == b'\r' || b == b'\n') {
            let at = i + off;
            if bytes[at] == b'\n' {
                kinds |= LF;
                i = at + 1;
            } else if bytes.get(at + 1) == Some(&b'\n') {
                kinds |= CRLF;
                i = at + 2;
            } else {
                kinds |= CR;
                i = at + 1;
            }
            if kinds == CR | LF | CRLF {
                break;
            }
        }
        kinds
    }
}

/// An error of a text operation: an OS error or a codec error.
#[derive(Debug)]
pub enum TextError {
    /// From the OS.
    Io(std::io::Error),
    /// UnicodeDecodeError / UnicodeEncodeError text.
    Decode(String),
    /// UnicodeEncodeError text.
    Encode(String),
}

impl From<std::io::Error> for TextError {
    fn from(e: std::io::Error) -> Self {
        TextError::Io(e)
    }
}

impl ByteStream {
    /// Text `readline(limit)` (limit in characters).
    pub fn read_text_line(
        &mut self,
        mode: TextMode,
        limit: Option<usize>,
    ) -> Result<String, TextError> {
        // A line of `limit` characters has at most 4 bytes a character; the
        // exact cut is made after decoding.
        // Only a limited read may need to give bytes back.
        let start = if limit.is_some() {
            self.tell().ok()
        } else {
            None
        };
        let bytes = self.text_line_bytes(mode.newline, limit.map(|l| (l, mode.codec)))?;
        let text = self.decode_whole(mode.codec, mode.errors, bytes)?;
        self.note_newlines(&text, mode.newline);
        let text = translate_in(text, mode.newline);
        match limit {
            Some(l) if text.chars().count() > l => {
                let cut: String = text.chars().take(l).collect();
                // Give back what was read past the cut.
                if let Some(start) = start {
                    let used = if mode.errors == Errors::SurrogateEscape {
                        mode.codec.encode_with(&cut, mode.errors)
                    } else {
                        mode.codec.encode(&cut)
                    };
                    let used = used.map_or(0, |b| b.len()) as i64;
                    self.seek(start as i64 + used, 0)?;
                }
                Ok(cut)
            }
            _ => Ok(text),
        }
    }

    /// Decodes bytes that may end inside a UTF-8 character by reading the
    /// rest of that character.
    fn decode_whole(
        &mut self,
        codec: Codec,
        errors: Errors,
        mut bytes: Vec<u8>,
    ) -> Result<String, TextError> {
        if codec == Codec::Utf8 {
            while let Err(e) = std::str::from_utf8(&bytes) {
                if e.error_len().is_some() || bytes.len() - e.valid_up_to() >= 4 {
                    break;
                }
                let more = self.read(Some(1))?;
                if more.is_empty() {
                    break;
                }
                bytes.extend(more);
            }
        }
        codec.decode_with(&bytes, errors).map_err(TextError::Decode)
    }

    /// Text `read(n)` (n in characters; `None` to the end).
    pub fn read_text(&mut self, mode: TextMode, n: Option<usize>) -> Result<String, TextError> {
        let Some(n) = n else {
            let bytes = self.read(None)?;
            let text = mode
                .codec
                .decode_with(&bytes, mode.errors)
                .map_err(TextError::Decode)?;
            self.note_newlines(&text, mode.newline);
            return Ok(translate_in(text, mode.newline));
        };
        let mut out = String::new();
        let mut count = 0;
        while count < n {
            let line = self.read_text_line(mode, Some(n - count))?;
            if line.is_empty() {
                break;
            }
            count += line.chars().count();
            out.push_str(&line);
        }
        Ok(out)
    }

    /// Text `write(s)`: encodes with the newline rule.
    pub fn write_text(&mut self, mode: TextMode, text: &str) -> Result<(), TextError> {
        let bytes = match mode.newline.written() {
            Some(nl) if text.contains('\n') => {
                mode.codec.encode_with(&text.replace('\n', nl), mode.errors)
            }
            _ => mode.codec.encode_with(text, mode.errors),
        }
        .map_err(TextError::Encode)?;
        self.write(&bytes)?;
        Ok(())
    }
}
