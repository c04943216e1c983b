//! `.pyc` files: a 16-byte header and a marshalled code object
//! (PEP 552; Lib/importlib/_bootstrap_external.py).

use std::sync::Arc;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::marshal::{self, MarshalError, RefTrace};

/// CPython 3.11's `importlib.util.MAGIC_NUMBER` (3495).
pub const MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];

/// How the importer decides whether the `.pyc` is stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Invalidation {
    /// Flags 0: compare the source's mtime and size.
    Timestamp {
        /// Source modification time, seconds (low 32 bits).
        mtime: u32,
        /// Source size in bytes (low 32 bits).
        source_size: u32,
    },
    /// Flags bit 0: compare a SipHash of the source; bit 1 says whether to check it.
    Hash {
        /// Whether the importer checks the hash (`checked` mode).
        check_source: bool,
        /// `_imp.source_hash` of the source.
        source_hash: [u8; 8],
    },
}

/// A parsed `.pyc` file. For a freshly compiled code object use an empty
/// `RefTrace::default()`: [`write_pyc`] then applies the default sharing policy.
#[derive(Clone, Debug, PartialEq)]
pub struct Pyc {
    /// Header invalidation data.
    pub invalidation: Invalidation,
    /// The module's code object.
    pub code: Arc<CodeObject>,
    /// How CPython shared objects in the file; replayed by [`write_pyc`].
    pub trace: RefTrace,
}

/// Why a `.pyc` could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PycError {
    /// Fewer than 16 bytes.
    #[error("truncated .pyc header ({0} bytes)")]
    Truncated(usize),
    /// Not 3.11's magic number.
    #[error("bad magic number {0:02x?} (expected a7 0d 0d 0a, CPython 3.11)")]
    BadMagic([u8; 4]),
    /// Flags with bits other than 0 and 1 set.
    #[error("invalid flags {0:#x} in .pyc header")]
    BadFlags(u32),
    /// The body is not valid marshal data for a code object.
    #[error(transparent)]
    Marshal(#[from] MarshalError),
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(b)
}

/// Reads a `.pyc` file's bytes.
pub fn read_pyc(bytes: &[u8]) -> Result<Pyc, PycError> {
    if bytes.len() < 16 {
        return Err(PycError::Truncated(bytes.len()));
    }
    let mut magic = [0u8; 4];
    magic.copy_from_slice(&bytes[..4]);
    if magic != MAGIC {
        return Err(PycError::BadMagic(magic));
    }
    let flags = u32_at(bytes, 4);
    // importlib reads bit 1 only for hash-based files; flags 2 is a timestamp file
    // (CPython never writes it, so it is not preserved on rewrite).
    let invalidation = match flags {
        0 | 2 => Invalidation::Timestamp {
            mtime: u32_at(bytes, 8),
            source_size: u32_at(bytes, 12),
        },
        1 | 3 => {
            let mut source_hash = [0u8; 8];
            source_hash.copy_from_slice(&bytes[8..16]);
            Invalidation::Hash {
                check_source: flags & 2 != 0,
                source_hash,
            }
        }
        other => return Err(PycError::BadFlags(other)),
    };
    let (code, trace) = marshal::loads_code(&bytes[16..])?;
    Ok(Pyc {
        invalidation,
        code,
        trace,
    })
}

/// `importlib.util.source_hash(source)`: the SipHash-1-3 of the source bytes keyed
/// with the magic number, as stored in hash-based `.pyc` headers.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    source_hash_keyed(u64::from(u32::from_le_bytes(MAGIC)), source)
}

/// `_imp.source_hash(key, source)`: SipHash-1-3 of `source` with the 128-bit
/// key `(key, 0)`, little-endian, as CPython's `_Py_KeyedHash`.
pub fn source_hash_keyed(key: u64, source: &[u8]) -> [u8; 8] {
    crate::siphash::siphash13(key, 0, source).to_le_bytes()
}

/// The 16-byte header.
pub fn header_bytes(invalidation: &Invalidation) -> [u8; 16] {
    let mut h = [0u8; 16];
    h[..4].copy_from_slice(&MAGIC);
    match *invalidation {
        Invalidation::Timestamp { mtime, source_size } => {
            h[8..12].copy_from_slice(&mtime.to_le_bytes());
            h[12..16].copy_from_slice(&source_size.to_le_bytes());
        }
        Invalidation::Hash {
            check_source,
            source_hash,
        } => {
            h[4] = if check_source { 3 } else { 1 };
            h[8..16].copy_from_slice(&source_hash);
        }
    }
    h
}

/// Writes a `.pyc`: header, then the code object replaying `pyc.trace`. A `Pyc`
/// returned by [`read_pyc`] is written back byte for byte.
pub fn write_pyc(pyc: &Pyc) -> Result<Vec<u8>, MarshalError> {
    let body = marshal::dumps_with_trace(&Constant::Code(pyc.code.clone()), &pyc.trace)?;
    let mut out = Vec::with_capacity(16 + body.len());
    out.extend_from_slice(&header_bytes(&pyc.invalidation));
    out.extend_from_slice(&body);
    Ok(out)
}

/// Writes a `.pyc` for a freshly compiled code object (default sharing policy).
pub fn write_new_pyc(
    code: &Arc<CodeObject>,
    invalidation: &Invalidation,
) -> Result<Vec<u8>, MarshalError> {
    let body = marshal::dumps(&Constant::Code(code.clone()))?;
    let mut out = Vec::with_capacity(16 + body.len());
    out.extend_from_slice(&header_bytes(invalidation));
    out.extend_from_slice(&body);
    Ok(out)
}
