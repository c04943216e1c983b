//! The 3.11 location table (`co_linetable`, Objects/locations.md).
//!
//! Each entry covers 1 to 8 code units. Its first byte is `1 cccc lll`: `cccc` is the
//! form, `lll` the length minus one. Forms 0-9 are "short" (same line, columns in one
//! more byte), 10-12 "one line" (line delta 0-2, two column bytes), 13 "no column"
//! (signed varint line delta), 14 "long" (line delta, end-line delta, column + 1,
//! end column + 1 as varints) and 15 "no location". Varints here are little-endian
//! groups of 6 bits with bit 6 as continuation.

/// Source span of one instruction; `-1` means absent, as in CPython's compiler.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SourceLocation {
    /// First line (1-based), or -1.
    pub lineno: i32,
    /// Last line, or -1.
    pub end_lineno: i32,
    /// Start column in UTF-8 bytes (0-based), or -1.
    pub col_offset: i32,
    /// End column in UTF-8 bytes, or -1.
    pub end_col_offset: i32,
}

impl SourceLocation {
    /// The "no location" marker.
    pub const NONE: SourceLocation = SourceLocation {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };
}

/// One item of `co_positions()`: `(lineno, end_lineno, col_offset, end_col_offset)`,
/// each `None` where CPython yields `None`.
pub type Positions = (Option<i32>, Option<i32>, Option<i32>, Option<i32>);

/// One item of `co_lines()`: the byte range `start..end` and its line, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRange {
    /// First byte offset.
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
    /// The line, or `None` for artificial instructions.
    pub line: Option<i32>,
}

const FORM_NO_COLUMNS: u8 = 13;
const FORM_LONG: u8 = 14;
const FORM_NONE: u8 = 15;

/// One decoded table entry.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Length in code units.
    units: u32,
    /// `None` for the "no location" form.
    line: Option<i32>,
    end_line: i32,
    col: i32,
    end_col: i32,
}

/// Reads entries of a location table; stops at the first malformed byte.
struct Entries<'a> {
    table: &'a [u8],
    pos: usize,
    line: i32,
}

impl Entries<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.table.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut val = u32::from(b & 63);
        let mut shift = 0u32;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift >= 32 {
                return None;
            }
            val |= u32::from(b & 63) << shift;
        }
        Some(val)
    }

    fn svarint(&mut self) -> Option<i32> {
        let u = self.varint()?;
        let mag = (u >> 1) as i32;
        Some(if u & 1 != 0 { mag.wrapping_neg() } else { mag })
    }
}

impl Iterator for Entries<'_> {
    type Item = Entry;
    fn next(&mut self) -> Option<Entry> {
        let first = self.byte()?;
        let form = (first >> 3) & 15;
        let units = u32::from(first & 7) + 1;
        let entry = match form {
            FORM_NONE => Entry {
                units,
                line: None,
                end_line: -1,
                col: -1,
                end_col: -1,
            },
            FORM_LONG => {
                self.line = self.line.wrapping_add(self.svarint()?);
                let end_line = self.line.wrapping_add(self.varint()? as i32);
                let col = (self.varint()? as i32).wrapping_sub(1);
                let end_col = (self.varint()? as i32).wrapping_sub(1);
                Entry {
                    units,
                    line: Some(self.line),
                    end_line,
                    col,
                    end_col,
                }
            }
            FORM_NO_COLUMNS => {
                self.line = self.line.wrapping_add(self.svarint()?);
                Entry {
                    units,
                    line: Some(self.line),
                    end_line: self.line,
                    col: -1,
                    end_col: -1,
                }
            }
            10..=12 => {
                self.line = self.line.wrapping_add(i32::from(form - 10));
                let col = i32::from(self.byte()?);
                let end_col = i32::from(self.byte()?);
                Entry {
                    units,
                    line: Some(self.line),
                    end_line: self.line,
                    col,
                    end_col,
                }
            }
            _ => {
                let second = self.byte()?;
                let col = i32::from(form) << 3 | i32::from(second >> 4);
                Entry {
                    units,
                    line: Some(self.line),
                    end_line: self.line,
                    col,
                    end_col: col + i32::from(second & 15),
                }
            }
        };
        Some(entry)
    }
}

fn entries(linetable: &[u8], firstlineno: i32) -> Entries<'_> {
    Entries {
        table: linetable,
        pos: 0,
        line: firstlineno,
    }
}

fn opt(v: i32) -> Option<i32> {
    (v != -1).then_some(v)
}

/// `code.co_lines()`: byte ranges and their line numbers, in table order.
pub fn co_lines(linetable: &[u8], firstlineno: i32) -> Vec<LineRange> {
    let mut out = Vec::new();
    let mut offset = 0u32;
    for e in entries(linetable, firstlineno) {
        let end = offset + e.units * 2;
        out.push(LineRange {
            start: offset,
            end,
            line: e.line.filter(|&l| l >= 0),
        });
        offset = end;
    }
    out
}

/// `code.co_lnotab`: the pre-3.10 line table that 3.11 still derives from
/// the location table (`decode_linetable` in `Objects/codeobject.c`): for
/// each change of line, the byte and line increments, split into pairs that
/// fit an unsigned and a signed byte.
pub fn co_lnotab(linetable: &[u8], firstlineno: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut code_offset, mut line) = (0i64, i64::from(firstlineno));
    let mut start = 0i64;
    let mut computed = line;
    for e in entries(linetable, firstlineno) {
        // An entry without a location leaves the running line as it is.
        if let Some(l) = e.line {
            computed = i64::from(l);
        }
        if computed != line {
            let (mut bdelta, mut ldelta) = (start - code_offset, computed - line);
            while bdelta > 255 {
                out.extend([255, 0]);
                bdelta -= 255;
            }
            while ldelta > 127 {
                out.extend([bdelta as u8, 127]);
                bdelta = 0;
                ldelta -= 127;
            }
            while ldelta < -128 {
                out.extend([bdelta as u8, (-128i8) as u8]);
                bdelta = 0;
                ldelta += 128;
            }
            out.extend([bdelta as u8, ldelta as i8 as u8]);
            code_offset = start;
            line = computed;
        }
        start += i64::from(e.units) * 2;
    }
    out
}

/// `code.co_positions()`: one item per code unit covered by the table.
pub fn co_positions(linetable: &[u8], firstlineno: i32) -> Vec<Positions> {
    let mut out = Vec::new();
    for e in entries(linetable, firstlineno) {
        let item = match e.line {
            None => (None, None, None, None),
            Some(line) => (opt(line), opt(e.end_line), opt(e.col), opt(e.end_col)),
        };
        out.extend(std::iter::repeat(item).take(e.units as usize));
    }
    out
}

/// `dis.findlinestarts`: `(offset, line)` where a new line starts.
pub fn line_starts(linetable: &[u8], firstlineno: i32) -> Vec<(u32, i32)> {
    let mut out = Vec::new();
    let mut last = None;
    for r in co_lines(linetable, firstlineno) {
        if let Some(line) = r.line {
            if last != Some(line) {
                last = Some(line);
                out.push((r.start, line));
            }
        }
    }
    out
}

/// The first byte of an entry: its form and its length in code units (1 to 8).
fn header(form: u8, units: u32) -> u8 {
    0x80 | (form << 3) | (units.wrapping_sub(1) & 7) as u8
}

/// Builds a location table the way CPython 3.11's assembler does
/// (`write_location_info_entry` in Python/compile.c).
#[derive(Clone, Debug)]
pub struct LocationTableBuilder {
    table: Vec<u8>,
    lineno: i32,
}

impl LocationTableBuilder {
    /// A builder for a code object whose `co_firstlineno` is `firstlineno`.
    pub fn new(firstlineno: i32) -> LocationTableBuilder {
        LocationTableBuilder {
            table: Vec::new(),
            lineno: firstlineno,
        }
    }

    /// Like [`LocationTableBuilder::new`], with room for `bytes` bytes of table
    /// (an assembler knows its instruction count: about two bytes each).
    pub fn with_capacity(firstlineno: i32, bytes: usize) -> LocationTableBuilder {
        LocationTableBuilder {
            table: Vec::with_capacity(bytes),
            lineno: firstlineno,
        }
    }

    /// Adds an instruction of `units` code units (caches included) at `loc`.
    #[inline]
    pub fn push(&mut self, mut units: u32, loc: SourceLocation) {
        while units > 8 {
            self.entry(8, loc);
            units -= 8;
        }
        if units > 0 {
            self.entry(units, loc);
        }
    }

    /// The finished `co_linetable`, holding no more memory than it needs
    /// (a capacity reserved generously is given back).
    pub fn finish(mut self) -> Vec<u8> {
        self.table.shrink_to_fit();
        self.table
    }

    fn first_byte(&mut self, form: u8, units: u32) {
        self.table.push(header(form, units));
    }

    fn varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.table.push(64 | (val & 63) as u8);
            val >>= 6;
        }
        self.table.push(val as u8);
    }

    fn svarint(&mut self, val: i32) {
        let u = if val < 0 {
            (val.unsigned_abs() << 1) | 1
        } else {
            (val as u32) << 1
        };
        self.varint(u);
    }

    /// Writes one entry. The forms most instructions take (no location, and
    /// the short and one-line forms of a span on one line) are written here,
    /// inlined into the assembler's loop; the rest in [`Self::wide_entry`].
    #[inline]
    fn entry(&mut self, units: u32, loc: SourceLocation) {
        if loc.lineno < 0 {
            self.first_byte(FORM_NONE, units);
            return;
        }
        let (col, end_col) = (loc.col_offset, loc.end_col_offset);
        if col >= 0 && end_col >= 0 && loc.end_lineno == loc.lineno {
            let line_delta = loc.lineno.wrapping_sub(self.lineno);
            // The two short forms, most entries, are written with one
            // extend each rather than a capacity check per byte.
            if line_delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                self.table.extend_from_slice(&[
                    header((col >> 3) as u8, units),
                    (((col & 7) << 4) | (end_col - col)) as u8,
                ]);
                return;
            }
            if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                self.table.extend_from_slice(&[
                    header(10 + line_delta as u8, units),
                    col as u8,
                    end_col as u8,
                ]);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.wide_entry(units, loc);
    }

    /// The entries [`Self::entry`] leaves: a span without columns, or one
    /// whose line or columns do not fit the short forms.
    #[inline(never)]
    fn wide_entry(&mut self, units: u32, loc: SourceLocation) {
        let line_delta = loc.lineno.wrapping_sub(self.lineno);
        let (col, end_col) = (loc.col_offset, loc.end_col_offset);
        if (col < 0 || end_col < 0) && (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
            self.first_byte(FORM_NO_COLUMNS, units);
            self.svarint(line_delta);
        } else {
            self.first_byte(FORM_LONG, units);
            self.svarint(line_delta);
            self.varint(loc.end_lineno.wrapping_sub(loc.lineno) as u32);
            self.varint(col.wrapping_add(1) as u32);
            self.varint(end_col.wrapping_add(1) as u32);
        }
        self.lineno = loc.lineno;
    }
}
