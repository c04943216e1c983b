//! `os.stat_result` and `stat`/`lstat`/`fstat`.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;

use num_bigint::BigInt;

use crate::value::Value;
use crate::vm::Vm;

use super::super::structseq::{self, StructSeqType};

/// `os.stat_result`: ten sequence fields (the times as ints), then the
/// float and nanosecond times and the block figures as attributes.
pub static STAT_RESULT: StructSeqType = StructSeqType {
    name: "os.stat_result",
    fields: &[
        "st_mode",
        "st_ino",
        "st_dev",
        "st_nlink",
        "st_uid",
        "st_gid",
        "st_size",
        "",
        "",
        "",
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
    n_in_sequence: 10,
    constructible: true,
    fill: Some(fill_times),
};

fn uint(n: u64) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(BigInt::from(n)),
    }
}

fn nanos(s: i64, ns: i64) -> Value {
    let total = i128::from(s) * 1_000_000_000 + i128::from(ns);
    match i64::try_from(total) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(BigInt::from(total)),
    }
}

/// The figures of a `stat` call, whichever way they were read.
struct Fields {
    mode: u32,
    ino: u64,
    dev: u64,
    nlink: u64,
    uid: u32,
    gid: u32,
    size: u64,
    /// Access, modification and change times as (seconds, nanoseconds).
    times: [(i64, i64); 3],
    blksize: u64,
    blocks: u64,
    rdev: u64,
}

/// The `stat_result` of some metadata.
pub fn stat_result(vm: &mut Vm, m: &Metadata) -> Value {
    let f = Fields {
        mode: m.mode(),
        ino: m.ino(),
        dev: m.dev(),
        nlink: m.nlink(),
        uid: m.uid(),
        gid: m.gid(),
        size: m.size(),
        times: [
            (m.atime(), m.atime_nsec()),
            (m.mtime(), m.mtime_nsec()),
            (m.ctime(), m.ctime_nsec()),
        ],
        blksize: m.blksize(),
        blocks: m.blocks(),
        rdev: m.rdev(),
    };
    fields_result(vm, &f)
}

/// The `stat_result` of a C `struct stat` (from `fstatat` or `fstat`).
// The field types are 64-bit on 64-bit Linux but narrower elsewhere.
#[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
pub fn stat_result_c(vm: &mut Vm, st: &libc::stat) -> Value {
    let f = Fields {
        mode: st.st_mode as u32,
        ino: st.st_ino as u64,
        dev: st.st_dev as u64,
        nlink: st.st_nlink as u64,
        uid: st.st_uid as u32,
        gid: st.st_gid as u32,
        size: st.st_size as u64,
        times: [
            (st.st_atime as i64, st.st_atime_nsec as i64),
            (st.st_mtime as i64, st.st_mtime_nsec as i64),
            (st.st_ctime as i64, st.st_ctime_nsec as i64),
        ],
        blksize: st.st_blksize as u64,
        blocks: st.st_blocks as u64,
        rdev: st.st_rdev as u64,
    };
    fields_result(vm, &f)
}

fn fields_result(vm: &mut Vm, f: &Fields) -> Value {
    let mut v = vec![
        Value::Int(i64::from(f.mode)),
        uint(f.ino),
        uint(f.dev),
        uint(f.nlink),
        Value::Int(i64::from(f.uid)),
        Value::Int(i64::from(f.gid)),
        uint(f.size),
    ];
    v.extend(f.times.iter().map(|&(s, _)| Value::Int(s)));
    v.extend(
        f.times
            .iter()
            .map(|&(s, ns)| Value::Float(s as f64 + ns as f64 * 1e-9)),
    );
    v.extend(f.times.iter().map(|&(s, ns)| nanos(s, ns)));
    v.push(uint(f.blksize));
    v.push(uint(f.blocks));
    v.push(uint(f.rdev));
    structseq::new(vm, &STAT_RESULT, v)
}

/// As CPython's `statresult_new`: a `stat_result` made from a 10-sequence
/// takes its float times from the integer ones.
fn fill_times(v: &mut [Value]) {
    if v.len() < 13 {
        return;
    }
    let (ints, floats) = v.split_at_mut(10);
    for (f, i) in floats[..3].iter_mut().zip(&ints[7..]) {
        if matches!(f, Value::None) {
            *f = i.clone();
        }
    }
}
