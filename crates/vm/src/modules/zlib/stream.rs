//! Deflate and inflate streams over the C zlib (through `flate2`'s zlib
//! backend), so compressed bytes are the same as CPython's.
//!
//! `flate2` offers no stream copy, so a stream keeps what it was fed and a
//! copy replays it: zlib is deterministic, so the replayed stream is in the
//! same state.

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// The container a `wbits` value selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    /// zlib header and Adler-32 trailer (wbits 8..15).
    Zlib,
    /// No header (wbits -8..-15).
    Raw,
    /// gzip header and CRC-32 trailer (wbits 24..31).
    Gzip,
    /// zlib or gzip, told apart by the first byte (wbits 40..47, inflate only).
    Auto,
}

/// Parses `wbits` for deflate: the format and window size, or `None` when
/// zlib would refuse it.
pub(super) fn deflate_wbits(wbits: i64) -> Option<(Format, u8)> {
    // zlib turns a window of 2**8 into 2**9 for wrapped streams.
    let fix = |b: i64| if b == 8 { 9 } else { b as u8 };
    match wbits {
        8..=15 => Some((Format::Zlib, fix(wbits))),
        -15..=-9 => Some((Format::Raw, (-wbits) as u8)),
        24..=31 => Some((Format::Gzip, fix(wbits - 16))),
        _ => None,
    }
}

/// Parses `wbits` for inflate (0 means "the header's window").
pub(super) fn inflate_wbits(wbits: i64) -> Option<Format> {
    match wbits {
        0 | 8..=15 => Some(Format::Zlib),
        -15..=-8 => Some(Format::Raw),
        24..=31 => Some(Format::Gzip),
        32 | 40..=47 => Some(Format::Auto),
        _ => None,
    }
}

/// A deflate stream and the operations that brought it where it is.
pub(super) struct Deflater {
    inner: Compress,
    level: u32,
    format: Format,
    bits: u8,
    dict: Option<Vec<u8>>,
    log: Vec<(Vec<u8>, FlushCompress)>,
}

fn new_compress(level: u32, format: Format, bits: u8) -> Compress {
    let level = Compression::new(level);
    match format {
        Format::Gzip => Compress::new_gzip(level, bits),
        _ => Compress::new_with_window_bits(level, format == Format::Zlib, bits),
    }
}

/// The error code and text of a failed stream operation.
pub(super) type ZErr = (i32, String);

impl Deflater {
    /// A stream with `level` 0..9 (callers map -1 to 6).
    pub(super) fn new(
        level: u32,
        format: Format,
        bits: u8,
        dict: Option<Vec<u8>>,
    ) -> Result<Deflater, ZErr> {
        let mut inner = new_compress(level, format, bits);
        if let Some(d) = &dict {
            inner
                .set_dictionary(d)
                .map_err(|_| (-2, "inconsistent stream state".to_string()))?;
        }
        Ok(Deflater {
            inner,
            level,
            format,
            bits,
            dict,
            log: Vec::new(),
        })
    }

    /// Deflates `data` with `flush`, returning all the output it produces.
    pub(super) fn run(&mut self, data: &[u8], flush: FlushCompress) -> Result<Vec<u8>, ZErr> {
        self.log.push((data.to_vec(), flush));
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        let mut pos = 0usize;
        loop {
            if out.capacity() - out.len() < 64 {
                out.reserve(out.capacity().max(1024));
            }
            let before_in = self.inner.total_in();
            let st = self
                .inner
                .compress_vec(&data[pos..], &mut out, flush)
                .map_err(|_| (-2, "inconsistent stream state".to_string()))?;
            pos += (self.inner.total_in() - before_in) as usize;
            // Done when the input is used up and zlib left room in the buffer
            // (it has nothing more to say for this flush mode).
            let room = out.capacity() > out.len();
            match st {
                Status::StreamEnd => break,
                _ if pos >= data.len() && room => break,
                Status::BufError if pos >= data.len() => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// An independent stream in the same state (`Compress.copy`).
    pub(super) fn duplicate(&self) -> Result<Deflater, ZErr> {
        let mut d = Deflater::new(self.level, self.format, self.bits, self.dict.clone())?;
        for (data, flush) in &self.log {
            d.run(data, *flush)?;
        }
        Ok(d)
    }
}

/// An inflate stream; the auto-detecting format waits for its first byte.
pub(super) struct Inflater {
    inner: Option<Decompress>,
    format: Format,
    /// The largest window a zlib header may ask for (from `wbits`; 0: any),
    /// checked on the first byte as zlib's `inflate` does.
    window: u8,
    dict: Option<Vec<u8>>,
    /// Every input byte consumed so far (for `duplicate`).
    consumed: Vec<u8>,
}

/// What one inflate call did.
pub(super) struct Inflated {
    /// Input bytes consumed.
    pub consumed: usize,
    /// Whether the end of the stream was reached.
    pub end: bool,
}

impl Inflater {
    /// A stream of `format` with an optional preset dictionary.
    pub(super) fn new(format: Format, dict: Option<Vec<u8>>) -> Result<Inflater, ZErr> {
        let mut s = Inflater {
            inner: None,
            format,
            window: 0,
            dict,
            consumed: Vec::new(),
        };
        if format != Format::Auto {
            s.start(format)?;
        }
        Ok(s)
    }

    /// The stream with the window bound of `wbits` (8..15, or 40..47 for
    /// zlib-or-gzip); 0 and other values leave the header's window free.
    pub(super) fn with_window(mut self, wbits: i64) -> Inflater {
        self.window = match wbits {
            8..=15 => wbits as u8,
            40..=47 => (wbits - 32) as u8,
            _ => 0,
        };
        self
    }

    fn start(&mut self, format: Format) -> Result<(), ZErr> {
        let mut d = match format {
            Format::Gzip => Decompress::new_gzip(15),
            _ => Decompress::new_with_window_bits(format == Format::Zlib, 15),
        };
        if format == Format::Raw {
            // A raw stream has no header to ask for its dictionary.
            if let Some(dict) = &self.dict {
                d.set_dictionary(dict)
                    .map_err(|_| (-2, "inconsistent stream state".to_string()))?;
            }
        }
        self.inner = Some(d);
        Ok(())
    }

    /// Inflates from `data` into `out` until the input is used, the stream
    /// ends, or `out` holds `limit` bytes (0: no limit).
    pub(super) fn run(
        &mut self,
        data: &[u8],
        out: &mut Vec<u8>,
        limit: usize,
        finish: bool,
    ) -> Result<Inflated, ZErr> {
        if self.inner.is_none() {
            match data.first() {
                None => {
                    return Ok(Inflated {
                        consumed: 0,
                        end: false,
                    })
                }
                Some(0x1f) => self.start(Format::Gzip)?,
                Some(_) => self.start(Format::Zlib)?,
            }
        }
        let at_start = self.inner.as_ref().is_some_and(|d| d.total_in() == 0);
        if at_start && self.window > 0 && !matches!(self.format, Format::Raw | Format::Gzip) {
            // A zlib header's CINFO: the window is 2**(CINFO + 8).
            if let Some(&cmf) = data.first() {
                if cmf != 0x1f && (cmf >> 4) + 8 > self.window {
                    return Err((-3, "invalid window size".to_string()));
                }
            }
        }
        let flush = if finish {
            FlushDecompress::Finish
        } else {
            FlushDecompress::None
        };
        let mut pos = 0usize;
        let mut end = false;
        let mut buf = vec![0u8; 16 * 1024];
        while let Some(inner) = self.inner.as_mut() {
            let room = if limit > 0 {
                limit.saturating_sub(out.len())
            } else {
                buf.len()
            };
            if room == 0 {
                break;
            }
            let n = room.min(buf.len());
            let before_in = inner.total_in();
            let before_out = inner.total_out();
            let res = inner.decompress(&data[pos..], &mut buf[..n], flush);
            let used = (inner.total_in() - before_in) as usize;
            let made = (inner.total_out() - before_out) as usize;
            out.extend_from_slice(&buf[..made]);
            self.consumed.extend_from_slice(&data[pos..pos + used]);
            pos += used;
            match res {
                Ok(Status::StreamEnd) => {
                    end = true;
                    break;
                }
                Ok(_) => {
                    // Stop when zlib made no progress, or used all the input
                    // and did not fill the buffer (it has nothing pending).
                    if (used == 0 && made == 0) || (pos >= data.len() && made < n) {
                        break;
                    }
                }
                Err(e) => {
                    if e.needs_dictionary().is_some() {
                        if let Some(dict) = self.dict.clone() {
                            inner
                                .set_dictionary(&dict)
                                .map_err(|_| (-3, "incorrect dictionary".to_string()))?;
                            continue;
                        }
                        return Err((2, String::new()));
                    }
                    let msg = e.message().unwrap_or("invalid input data").to_string();
                    return Err((-3, msg));
                }
            }
        }
        Ok(Inflated { consumed: pos, end })
    }

    /// An independent stream in the same state (`Decompress.copy`).
    pub(super) fn duplicate(&self) -> Result<Inflater, ZErr> {
        let mut d = Inflater::new(self.format, self.dict.clone())?;
        d.window = self.window;
        let mut sink = Vec::new();
        let fed = self.consumed.clone();
        let mut pos = 0;
        while pos < fed.len() {
            sink.clear();
            let r = d.run(&fed[pos..], &mut sink, 0, false)?;
            if r.consumed == 0 {
                break;
            }
            pos += r.consumed;
            if r.end {
                break;
            }
        }
        Ok(d)
    }
}
