//! Struct format strings (`Modules/_struct.c`'s `prepare_s`): byte order,
//! repeat counts, sizes and native alignment.

/// The byte order and size mode of a format (its first character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `@` (the default): native sizes and x86-64 alignment, little-endian.
    Native,
    /// `<` and `=`: standard sizes, little-endian, no alignment.
    Little,
    /// `>` and `!`: standard sizes, big-endian, no alignment.
    Big,
}

/// A run of one code repeated `count` times from `offset`; `s` and `p`
/// are one item of `size` bytes.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The format character.
    pub code: u8,
    /// Byte offset in the packed data.
    pub offset: usize,
    /// Bytes per item (the item size, or the count of `s`/`p`).
    pub size: usize,
    /// How many values the run packs.
    pub count: usize,
}

/// A parsed format: its fields (one per value), total size and mode.
#[derive(Debug)]
pub struct Layout {
    /// The runs that consume or produce values, in order.
    pub fields: Vec<Field>,
    /// How many values the format packs.
    pub len: usize,
    /// `calcsize`.
    pub size: usize,
    /// Byte order and sizes.
    pub mode: Mode,
}

/// Why a format is invalid (`struct.error` messages).
#[derive(Debug)]
pub enum FormatError {
    /// "bad char in struct format".
    BadChar,
    /// "repeat count given without format specifier".
    CountWithoutCode,
    /// "total struct size too long".
    TooLong,
    /// "embedded null character".
    Null,
}

impl FormatError {
    /// CPython's message.
    pub fn message(&self) -> &'static str {
        match self {
            FormatError::BadChar => "bad char in struct format",
            FormatError::CountWithoutCode => "repeat count given without format specifier",
            FormatError::TooLong => "total struct size too long",
            FormatError::Null => "embedded null character",
        }
    }
}

/// Size and alignment of a code in a mode, or `None` if the code is unknown there.
fn entry(code: u8, mode: Mode) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    Some(match code {
        b'x' | b'c' | b's' | b'p' => (1, 0),
        b'b' | b'B' => (1, if native { 1 } else { 0 }),
        b'?' => (1, if native { 1 } else { 0 }),
        b'h' | b'H' => (2, if native { 2 } else { 0 }),
        b'e' => (2, 0),
        b'i' | b'I' | b'f' => (4, if native { 4 } else { 0 }),
        b'l' | b'L' => {
            if native {
                (8, 8)
            } else {
                (4, 0)
            }
        }
        b'q' | b'Q' | b'd' => (8, if native { 8 } else { 0 }),
        b'n' | b'N' | b'P' if native => (8, 8),
        _ => return None,
    })
}

/// Parses `fmt` (already checked to be ASCII or bytes).
pub fn parse(fmt: &[u8]) -> Result<Layout, FormatError> {
    if fmt.contains(&0) {
        return Err(FormatError::Null);
    }
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'<' | b'=') => (Mode::Little, &fmt[1..]),
        Some(b'>' | b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let mut fields = Vec::new();
    let mut size: usize = 0;
    let mut len = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num: usize = 1;
        if c.is_ascii_digit() {
            num = usize::from(c - b'0');
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(FormatError::CountWithoutCode);
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(d - b'0')))
                    .filter(|&n| n <= isize::MAX as usize)
                    .ok_or(FormatError::TooLong)?;
            }
        }
        let (item, align) = entry(c, mode).ok_or(FormatError::BadChar)?;
        if align > 0 && size > 0 {
            size = size
                .checked_add((align - 1) - (size - 1) % align)
                .ok_or(FormatError::TooLong)?;
        }
        let total = num.checked_mul(item).ok_or(FormatError::TooLong)?;
        let end = size
            .checked_add(total)
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or(FormatError::TooLong)?;
        match c {
            b's' | b'p' => {
                len += 1;
                fields.push(Field {
                    code: c,
                    offset: size,
                    size: num,
                    count: 1,
                });
            }
            b'x' => {}
            _ if num > 0 => {
                len += num;
                fields.push(Field {
                    code: c,
                    offset: size,
                    size: item,
                    count: num,
                });
            }
            _ => {}
        }
        size = end;
    }
    Ok(Layout {
        fields,
        len,
        size,
        mode,
    })
}
