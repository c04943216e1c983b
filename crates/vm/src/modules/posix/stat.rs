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

/// The `stat_result` of some metadata.
pub fn stat_result(vm: &mut Vm, m: &Metadata) -> Value {
    let times = [
        (m.atime(), m.atime_nsec()),
        (m.mtime(), m.mtime_nsec()),
        (m.ctime(), m.ctime_nsec()),
    ];
    let mut v = vec![
        Value::Int(i64::from(m.mode())),
        uint(m.ino()),
        uint(m.dev()),
        uint(m.nlink()),
        Value::Int(i64::from(m.uid())),
        Value::Int(i64::from(m.gid())),
        uint(m.size()),
    ];
    v.extend(times.iter().map(|&(s, _)| Value::Int(s)));
    v.extend(
        times
            .iter()
            .map(|&(s, ns)| Value::Float(s as f64 + ns as f64 * 1e-9)),
    );
    v.extend(times.iter().map(|&(s, ns)| nanos(s, ns)));
    v.push(uint(m.blksize()));
    v.push(uint(m.blocks()));
    v.push(uint(m.rdev()));
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
