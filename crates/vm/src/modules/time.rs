//! `time`: CPython's `Modules/timemodule.c`: clocks (`clock_gettime` and
//! the named ones), `sleep`, `gmtime`, and the local-time functions
//! (`localtime`/`mktime`/`strftime`/`asctime`/`tzset`), which follow `TZ`
//! through the C library (`time_raw.rs`). Time tuples go through `gettmarg`
//! and `checktm` as in CPython; the formatting itself is `time_format.rs`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::ops::to_f64;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use std::rc::Rc;

use super::structseq::{self, StructSeqType};
use super::time_format::CTm;
use super::{module_functions, new_module};

module_functions!(TIME_FUNCTIONS, "time", [
    "asctime" => t_asctime, "ctime" => t_ctime, "gmtime" => t_gmtime,
    "localtime" => t_localtime, "mktime" => t_mktime, "monotonic" => t_monotonic,
    "monotonic_ns" => t_monotonic_ns, "perf_counter" => t_perf_counter,
    "perf_counter_ns" => t_perf_counter_ns, "process_time" => t_process_time,
    "process_time_ns" => t_process_time_ns, "sleep" => t_sleep, "strftime" => t_strftime, "strptime" => t_strptime,
    "time" => t_time, "time_ns" => t_time_ns, "get_clock_info" => t_get_clock_info,
    "thread_time" => t_thread_time, "thread_time_ns" => t_thread_time_ns,
    "clock_gettime" => t_clock_gettime, "clock_gettime_ns" => t_clock_gettime_ns,
    "clock_getres" => t_clock_getres, "clock_settime" => t_clock_settime,
    "clock_settime_ns" => t_clock_settime_ns,
    "pthread_getcpuclockid" => t_pthread_getcpuclockid, "tzset" => t_tzset,
]);

static STRUCT_TIME: StructSeqType = StructSeqType {
    name: "time.struct_time",
    fields: &[
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ],
    n_in_sequence: 9,
    constructible: true,
    fill: None,
};

/// Builds the `time` module.
pub fn init(vm: &mut Vm) -> Value {
    let struct_time = structseq::class_value(vm, &STRUCT_TIME);
    new_module(
        "time",
        TIME_FUNCTIONS,
        vec![
            ("struct_time", struct_time),
            ("_STRUCT_TM_ITEMS", Value::Int(11)),
            ("CLOCK_REALTIME", Value::Int(libc::CLOCK_REALTIME.into())),
            ("CLOCK_MONOTONIC", Value::Int(libc::CLOCK_MONOTONIC.into())),
            (
                "CLOCK_MONOTONIC_RAW",
                Value::Int(libc::CLOCK_MONOTONIC_RAW.into()),
            ),
            (
                "CLOCK_PROCESS_CPUTIME_ID",
                Value::Int(libc::CLOCK_PROCESS_CPUTIME_ID.into()),
            ),
            (
                "CLOCK_THREAD_CPUTIME_ID",
                Value::Int(libc::CLOCK_THREAD_CPUTIME_ID.into()),
            ),
            ("CLOCK_BOOTTIME", Value::Int(libc::CLOCK_BOOTTIME.into())),
            ("CLOCK_TAI", Value::Int(libc::CLOCK_TAI.into())),
        ]
        .into_iter()
        .chain(zone_attrs())
        .collect(),
    )
}

/// `init_timezone` as CPython 3.11 builds it on Linux: the zones of the
/// local time at the start of this year and half a year later give
/// `timezone` (standard, seconds west of UTC), `altzone` (summer),
/// `daylight` and `tzname`, the later one standard in the southern
/// hemisphere; names are cut to 9 bytes as its buffers cut them.
fn zone_attrs() -> Vec<(&'static str, Value)> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = since_epoch().as_secs() as i64;
    let t = now / YEAR * YEAR;
    let zone = |t: i64| -> (i64, String) {
        match super::time_raw::local_time(t) {
            Ok(tm) => {
                let mut name = tm.zone.unwrap_or_else(|| "   ".to_string());
                while name.len() > 9 {
                    name.pop();
                }
                (-tm.gmtoff, name)
            }
            Err(_) => (0, String::new()),
        }
    };
    let (jan, jan_name) = zone(t);
    let (jul, jul_name) = zone(t + YEAR / 2);
    let ((std_off, std_name), (dst_off, dst_name)) = if jan < jul {
        ((jul, jul_name), (jan, jan_name))
    } else {
        ((jan, jan_name), (jul, jul_name))
    };
    vec![
        ("timezone", Value::Int(std_off)),
        ("altzone", Value::Int(dst_off)),
        ("daylight", Value::Int(i64::from(jan != jul))),
        (
            "tzname",
            Value::tuple(vec![Value::string(std_name), Value::string(dst_name)]),
        ),
    ]
}

/// `tzset()`: the C library rereads `TZ`, and the module's `timezone`,
/// `altzone`, `daylight` and `tzname` are computed again.
fn t_tzset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "tzset")?;
    super::time_raw::set_zone();
    if let Some(Value::Module(m)) = vm.sys_module("time") {
        let mut d = m.dict.borrow_mut();
        for (k, v) in zone_attrs() {
            d.insert(Value::str(k), v)?;
        }
    }
    Ok(Value::None)
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    a.no_kw_lazy(|| format!("time.{name}"))?;
    if !a.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "time.{}() takes no arguments ({} given)",
            name,
            a.pos.len()
        )));
    }
    Ok(())
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

/// `monotonic()` and `perf_counter()`: `CLOCK_MONOTONIC`, as CPython reads
/// them, so every thread (and a child process) shares one origin.
fn monotonic() -> PyResult<(i64, i64)> {
    clock_read(libc::CLOCK_MONOTONIC)
}

/// `process_time()`: the CPU time of all the process's threads
/// (`CLOCK_PROCESS_CPUTIME_ID`). The VM runs on a thread of its own, so a
/// per-thread figure (the main thread's `/proc/self/schedstat`) would stand
/// still while the program computes.
fn process_time() -> PyResult<(i64, i64)> {
    clock_read(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn secs(d: Duration) -> Value {
    Value::Float(d.as_secs_f64())
}

fn nanos(d: Duration) -> Value {
    Value::from_bigint(num_bigint::BigInt::from(d.as_nanos()))
}

fn t_time(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "time")?;
    Ok(secs(since_epoch()))
}

fn t_time_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "time_ns")?;
    Ok(nanos(since_epoch()))
}

fn t_monotonic(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "monotonic")?;
    Ok(float_of(monotonic()?))
}

fn t_monotonic_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "monotonic_ns")?;
    Ok(ns_of(monotonic()?))
}

fn t_perf_counter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "perf_counter")?;
    Ok(float_of(monotonic()?))
}

fn t_perf_counter_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "perf_counter_ns")?;
    Ok(ns_of(monotonic()?))
}

fn t_process_time(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "process_time")?;
    Ok(float_of(process_time()?))
}

fn t_process_time_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "process_time_ns")?;
    Ok(ns_of(process_time()?))
}

fn number(v: &Value) -> PyResult<f64> {
    to_f64(v)?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })
}

fn t_sleep(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("time.sleep")?;
    let [x] = a.pos else {
        return Err(PyErr::type_error(format!(
            "time.sleep() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    };
    let s = number(x)?;
    if s.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if s > 1e10 {
        return Err(PyErr::overflow("sleep length is too large"));
    }
    // Under a step limit, every 100 microseconds of sleep costs a step.
    super::charge(vm, (s * 10_000.0) as u64)?;
    let until = Instant::now() + Duration::from_secs_f64(s);
    // Other threads run meanwhile; alone, the VM just sleeps.
    super::thread::switch::block_on(vm, super::thread::sched::Wait::Sleep(until), &Value::None)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `gmtime(t)` as glibc computes it; a year that does not fit C's `int`
/// is `EOVERFLOW`, as `_PyTime_gmtime` reports it.
fn gmtime(t: i64) -> PyResult<CTm> {
    let days = t.div_euclid(86_400);
    let rem = t.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let mday = doy - (153 * mp + 2) / 5 + 1;
    let mon = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(mon <= 2);
    if i32::try_from(year - 1900).is_err() {
        return Err(crate::oserror::new_os_error(
            75,
            "Value too large for defined data type",
            None,
        ));
    }
    Ok(CTm {
        year: year - 1900,
        mon: mon - 1,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        // 1970-01-01 was a Thursday (C counts Sunday as 0).
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1),
        isdst: 0,
        zone: Some("GMT".to_string()),
        gmtoff: 0,
    })
}

/// `localtime(t)` through the C library (`_PyTime_localtime`): a failure
/// is an `OSError` of its errno.
fn localtime(t: i64) -> PyResult<CTm> {
    super::time_raw::local_time(t).map_err(super::posix::fd::errno_err)
}

/// `mktime(tm)` in local time: `None` when the C library cannot give it.
fn mktime_secs(tm: &CTm) -> Option<i64> {
    super::time_raw::make_time(tm)
}

fn struct_time(vm: &mut Vm, tm: &CTm) -> Value {
    let mut v: Vec<Value> = [
        tm.year + 1900,
        tm.mon + 1,
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        (tm.wday + 6) % 7,
        tm.yday + 1,
        tm.isdst,
    ]
    .iter()
    .map(|&i| Value::Int(i))
    .collect();
    v.push(tm.zone.as_deref().map_or(Value::None, Value::str));
    v.push(Value::Int(tm.gmtoff));
    structseq::new(vm, &STRUCT_TIME, v)
}

fn time_t_overflow() -> PyErr {
    PyErr::overflow("timestamp out of range for platform time_t")
}

/// The optional seconds argument of `gmtime`/`localtime`/`ctime`
/// (`_PyTime_ObjectToTime_t`, rounding toward minus infinity).
fn opt_seconds(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<i64> {
    a.no_kw_lazy(|| format!("time.{name}"))?;
    match a.pos {
        [] | [Value::None] => Ok(since_epoch().as_secs() as i64),
        [Value::Float(f)] => {
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            let f = f.floor();
            // -2**63 is exact as a float; 2**63 is the first one too large.
            if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
                return Err(time_t_overflow());
            }
            Ok(f as i64)
        }
        [Value::BigInt(_)] => Err(time_t_overflow()),
        [x] => vm.index_value(x).map_err(|e| {
            if e.is(crate::types::ExcKind::OverflowError) {
                time_t_overflow()
            } else {
                e
            }
        }),
        _ => Err(PyErr::type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            a.pos.len()
        ))),
    }
}

fn t_gmtime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let t = opt_seconds(vm, &a, "gmtime")?;
    let tm = gmtime(t)?;
    Ok(struct_time(vm, &tm))
}

fn t_localtime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let t = opt_seconds(vm, &a, "localtime")?;
    let tm = localtime(t)?;
    Ok(struct_time(vm, &tm))
}

/// One item of a time tuple as C's `int` (`PyArg_ParseTuple`'s `i`).
fn c_int(vm: &mut Vm, x: &Value) -> PyResult<i64> {
    if let Value::BigInt(_) = x {
        return Err(PyErr::overflow("Python int too large to convert to C long"));
    }
    let n = vm.index_value(x)?;
    if n > i64::from(i32::MAX) {
        return Err(PyErr::overflow("signed integer is greater than maximum"));
    }
    if n < i64::from(i32::MIN) {
        return Err(PyErr::overflow("signed integer is less than minimum"));
    }
    Ok(n)
}

/// `gettmarg`: a `struct_time` or 9-tuple as C's `struct tm`, carrying a
/// `struct_time`'s zone and offset.
fn gettmarg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<CTm> {
    let items = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::Instance(i) if matches!(i.payload, Value::Tuple(_)) => vm.collect(v)?,
        _ => return Err(PyErr::type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!(
            "{name}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i64; 9];
    for (slot, x) in f.iter_mut().zip(&items) {
        *slot = c_int(vm, x)?;
    }
    if f[0] < i64::from(i32::MIN) + 1900 {
        return Err(PyErr::overflow("year out of range"));
    }
    let mut tm = CTm {
        year: f[0] - 1900,
        mon: f[1] - 1,
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        // C's `%` keeps the dividend's sign: -2 becomes -1, refused later.
        wday: (f[6] + 1) % 7,
        yday: f[7] - 1,
        isdst: f[8],
        zone: None,
        gmtoff: 0,
    };
    if let Value::Instance(i) = v {
        let st = structseq::class_of(vm, &STRUCT_TIME);
        if Rc::ptr_eq(&i.class(), &st) {
            let zone_key = vm.intern("tm_zone");
            match vm.get_attr(v, &zone_key)? {
                Value::Str(s) => tm.zone = Some(s.as_str().to_string()),
                Value::None => {}
                other => {
                    return Err(PyErr::type_error(format!(
                        "bad argument type for built-in operation: {}",
                        type_name(&other)
                    )))
                }
            }
            let off_key = vm.intern("tm_gmtoff");
            let off = vm.get_attr(v, &off_key)?;
            if !matches!(off, Value::None) {
                tm.gmtoff = vm.index_value(&off)?;
            }
        }
    }
    Ok(tm)
}

/// `checktm`: the bounds `strftime` and `asctime` need, with 0 standing
/// for the first valid month, day of the month and day of the year.
fn checktm(tm: &mut CTm) -> PyResult<()> {
    if tm.mon == -1 {
        tm.mon = 0;
    } else if !(0..=11).contains(&tm.mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    if tm.wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.yday == -1 {
        tm.yday = 0;
    } else if !(0..=365).contains(&tm.yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    Ok(())
}

fn t_mktime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("time.mktime")?;
    let [x] = a.pos else {
        return Err(PyErr::type_error(format!(
            "time.mktime() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    };
    let tm = gettmarg(vm, x, "mktime")?;
    let t = mktime_secs(&tm).ok_or_else(|| PyErr::overflow("mktime argument out of range"))?;
    Ok(Value::Float(t as f64))
}

/// `strptime(string[, format])`: `_strptime._strptime_time`, as `timemodule.c`
/// delegates to the pure-Python parser.
fn t_strptime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("strptime() takes no keyword arguments"));
    }
    let globals = std::rc::Rc::new(std::cell::RefCell::new(crate::dict::Dict::new()));
    let module = vm.import_name("_strptime", &Value::None, 0, &globals)?;
    let name = vm.intern("_strptime_time");
    let f = vm.get_attr(&module, &name)?;
    vm.call(&f, a.pos)
}

fn t_strftime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("time.strftime")?;
    let (fmt, t) = match a.pos {
        [Value::Str(f)] => (f, None),
        [Value::Str(f), t] => (f, Some(t)),
        [other, ..] if a.pos.len() <= 2 => {
            return Err(PyErr::type_error(format!(
                "strftime() argument 1 must be str, not {}",
                type_name(other)
            )))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "strftime expected at {} {} argument{}, got {}",
                if a.pos.is_empty() { "least" } else { "most" },
                if a.pos.is_empty() { 1 } else { 2 },
                if a.pos.is_empty() { "" } else { "s" },
                a.pos.len()
            )))
        }
    };
    let mut tm = match t {
        None => localtime(since_epoch().as_secs() as i64)?,
        Some(t) => {
            let mut tm = gettmarg(vm, t, "strftime")?;
            checktm(&mut tm)?;
            tm
        }
    };
    // As CPython, for a `%Z` that trusts `tm_isdst` to be -1, 0 or 1.
    tm.isdst = tm.isdst.clamp(-1, 1);
    // The format goes to C as a NUL-terminated string.
    if fmt.as_str().contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let epoch = mktime_secs(&tm).unwrap_or(-1);
    Ok(Value::string(super::time_format::strftime(
        fmt.as_str(),
        &tm,
        &super::time_raw::zone_name(tm.isdst > 0),
        epoch,
    )))
}

fn t_asctime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("time.asctime")?;
    let tm = match a.pos {
        [] => localtime(since_epoch().as_secs() as i64)?,
        [t] => {
            let mut tm = gettmarg(vm, t, "asctime")?;
            checktm(&mut tm)?;
            tm
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "asctime expected at most 1 argument, got {}",
                a.pos.len()
            )))
        }
    };
    Ok(Value::string(super::time_format::asctime(&tm)))
}

fn t_ctime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let t = opt_seconds(vm, &a, "ctime")?;
    Ok(Value::string(super::time_format::asctime(&localtime(t)?)))
}

/// `get_clock_info(name)`: how Linux implements each clock, as CPython
/// reports it (`asyncio` reads the monotonic clock's resolution).
fn t_get_clock_info(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = crate::native::positional(&a, "get_clock_info", 1, 1)?;
    let name = match &args[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(PyErr::type_error(format!(
                "get_clock_info() argument must be str, not {}",
                crate::types::type_name(other)
            )))
        }
    };
    let (clock, monotonic) = match name.as_str() {
        "time" => ("CLOCK_REALTIME", false),
        "monotonic" | "perf_counter" => ("CLOCK_MONOTONIC", true),
        "process_time" => ("CLOCK_PROCESS_CPUTIME_ID", true),
        "thread_time" => ("CLOCK_THREAD_CPUTIME_ID", true),
        _ => return Err(PyErr::value_error("unknown clock")),
    };
    Ok(crate::simple_namespace::new_namespace(
        vm,
        vec![
            (
                "implementation",
                Value::string(format!("clock_gettime({clock})")),
            ),
            ("monotonic", Value::Bool(monotonic)),
            ("adjustable", Value::Bool(!monotonic)),
            ("resolution", Value::Float(1e-09)),
        ],
    ))
}

/// `PyArg_ParseTuple`'s count check for a function of `n` positional
/// arguments.
fn exact_args<'a>(a: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if a.pos.len() != n {
        return Err(PyErr::type_error(format!(
            "{name}() takes exactly {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            a.pos.len()
        )));
    }
    Ok(a.pos)
}

/// A clock id argument (C's `int`).
fn clock_id(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = c_int(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow("signed integer is greater than maximum"))
}

fn clock_read(clk: i32) -> PyResult<(i64, i64)> {
    super::posix::raw::clock_gettime(clk).map_err(super::posix::fd::errno_err)
}

fn float_of((sec, nsec): (i64, i64)) -> Value {
    Value::Float(sec as f64 + nsec as f64 * 1e-9)
}

fn ns_of((sec, nsec): (i64, i64)) -> Value {
    Value::from_bigint(num_bigint::BigInt::from(sec) * 1_000_000_000 + nsec)
}

fn t_thread_time(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "thread_time")?;
    Ok(float_of(clock_read(libc::CLOCK_THREAD_CPUTIME_ID)?))
}

fn t_thread_time_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "thread_time_ns")?;
    Ok(ns_of(clock_read(libc::CLOCK_THREAD_CPUTIME_ID)?))
}

fn t_clock_gettime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = exact_args(&a, "clock_gettime", 1)?;
    let clk = clock_id(vm, &args[0])?;
    Ok(float_of(clock_read(clk)?))
}

fn t_clock_gettime_ns(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = exact_args(&a, "clock_gettime", 1)?;
    let clk = clock_id(vm, &args[0])?;
    Ok(ns_of(clock_read(clk)?))
}

fn t_clock_getres(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = exact_args(&a, "clock_getres", 1)?;
    let clk = clock_id(vm, &args[0])?;
    let res = super::posix::raw::clock_getres(clk).map_err(super::posix::fd::errno_err)?;
    Ok(float_of(res))
}

fn clock_set(clk: i32, ns: i128) -> PyResult<Value> {
    let sec = ns.div_euclid(1_000_000_000);
    let nsec = ns.rem_euclid(1_000_000_000) as i64;
    let sec = i64::try_from(sec).map_err(|_| time_t_overflow())?;
    super::posix::raw::clock_settime(clk, sec, nsec).map_err(super::posix::fd::errno_err)?;
    Ok(Value::None)
}

/// `clock_settime(clk_id, time)`: seconds as an int or a float, rounded
/// down to the nanosecond.
fn t_clock_settime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = exact_args(&a, "clock_settime", 2)?;
    let clk = clock_id(vm, &args[0])?;
    let ns: i128 = match &args[1] {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            let ns = (f * 1e9).floor();
            if !(-9.2e18..9.2e18).contains(&ns) {
                return Err(time_t_overflow());
            }
            ns as i128
        }
        Value::BigInt(_) => return Err(time_t_overflow()),
        other => i128::from(vm.index_value(other)?) * 1_000_000_000,
    };
    clock_set(clk, ns)
}

/// `clock_settime_ns(clk_id, time)`: nanoseconds as an int.
fn t_clock_settime_ns(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = exact_args(&a, "clock_settime", 2)?;
    let clk = clock_id(vm, &args[0])?;
    let ns = match &args[1] {
        Value::Int(n) => i128::from(*n),
        Value::Bool(b) => i128::from(*b),
        Value::BigInt(_) => return Err(time_t_overflow()),
        other => {
            return Err(PyErr::type_error(format!(
                "expect int, got {}",
                type_name(other)
            )))
        }
    };
    clock_set(clk, ns)
}

/// `pthread_getcpuclockid(thread_id)`: Pith's threads take turns on the
/// interpreter's one OS thread, so each has that thread's CPU clock; an
/// identifier no thread has is `ESRCH`, as the C call reports for a thread
/// that does not exist.
fn t_pthread_getcpuclockid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = exact_args(&a, "pthread_getcpuclockid", 1)?;
    let id = match &args[0] {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::BigInt(_) => None,
        other => {
            return Err(PyErr::type_error(format!(
                "pthread_getcpuclockid() argument 1 must be int, not {}",
                type_name(other)
            )))
        }
    };
    let known = id.is_some_and(|id| vm.sched.threads.iter().any(|t| t.ident == id));
    if !known {
        return Err(super::posix::fd::errno_err(libc::ESRCH));
    }
    let clk = super::posix::raw::own_thread_cpu_clock().map_err(super::posix::fd::errno_err)?;
    Ok(Value::Int(i64::from(clk)))
}
