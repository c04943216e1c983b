//! `time`: CPython's `Modules/timemodule.c`: clocks, `sleep`, and UTC-based
//! `gmtime`/`localtime`/`mktime`/`strftime`/`asctime` (there is no time zone
//! database here, so local time is UTC).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::ops::to_f64;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::structseq::{self, StructSeqType};
use super::{module_functions, new_module};

module_functions!(TIME_FUNCTIONS, "time", [
    "asctime" => t_asctime, "ctime" => t_ctime, "gmtime" => t_gmtime,
    "localtime" => t_localtime, "mktime" => t_mktime, "monotonic" => t_monotonic,
    "monotonic_ns" => t_monotonic_ns, "perf_counter" => t_perf_counter,
    "perf_counter_ns" => t_perf_counter_ns, "process_time" => t_process_time,
    "process_time_ns" => t_process_time_ns, "sleep" => t_sleep, "strftime" => t_strftime, "strptime" => t_strptime,
    "time" => t_time, "time_ns" => t_time_ns, "get_clock_info" => t_get_clock_info,
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
            ("timezone", Value::Int(0)),
            ("altzone", Value::Int(0)),
            ("daylight", Value::Int(0)),
            ("_STRUCT_TM_ITEMS", Value::Int(11)),
            (
                "tzname",
                Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]),
            ),
        ],
    )
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    a.no_kw(&format!("time.{name}"))?;
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

thread_local! {
    static START: Instant = Instant::now();
}

fn monotonic() -> Duration {
    START.with(|s| s.elapsed())
}

/// CPU time of this process: the scheduler's figure on Linux, else wall time
/// since the first call.
fn process_time() -> Duration {
    if let Ok(s) = std::fs::read_to_string("/proc/self/schedstat") {
        if let Some(ns) = s.split_whitespace().next().and_then(|n| n.parse().ok()) {
            return Duration::from_nanos(ns);
        }
    }
    monotonic()
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
    Ok(secs(monotonic()))
}

fn t_monotonic_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "monotonic_ns")?;
    Ok(nanos(monotonic()))
}

fn t_perf_counter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "perf_counter")?;
    Ok(secs(monotonic()))
}

fn t_perf_counter_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "perf_counter_ns")?;
    Ok(nanos(monotonic()))
}

fn t_process_time(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "process_time")?;
    Ok(secs(process_time()))
}

fn t_process_time_ns(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "process_time_ns")?;
    Ok(nanos(process_time()))
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

/// A broken-down UTC time.
#[derive(Clone, Copy, Debug)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
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

fn gmtime(t: i64) -> Tm {
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
    Tm {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        // 1970-01-01 was a Thursday; Python counts Monday as 0.
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
    }
}

fn struct_time(vm: &mut Vm, tm: Tm, zone: &str) -> Value {
    let mut v: Vec<Value> = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, 0,
    ]
    .iter()
    .map(|&i| Value::Int(i))
    .collect();
    v.push(Value::str(zone));
    v.push(Value::Int(0));
    structseq::new(vm, &STRUCT_TIME, v)
}

/// The optional seconds argument of `gmtime`/`localtime`/`ctime`.
fn opt_seconds(a: &Args<'_>, name: &str) -> PyResult<i64> {
    a.no_kw(&format!("time.{name}"))?;
    match a.pos {
        [] | [Value::None] => Ok(since_epoch().as_secs() as i64),
        [x] => {
            let f = number(x)?;
            if !f.is_finite() {
                return Err(PyErr::value_error(if f.is_nan() {
                    "Invalid value NaN (not a number)"
                } else {
                    "cannot convert float infinity to integer"
                }));
            }
            if f.abs() > 6.7e16 {
                return Err(PyErr::overflow(
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(f.floor() as i64)
        }
        _ => Err(PyErr::type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            a.pos.len()
        ))),
    }
}

fn t_gmtime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(struct_time(vm, gmtime(opt_seconds(&a, "gmtime")?), "GMT"))
}

fn t_localtime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(struct_time(
        vm,
        gmtime(opt_seconds(&a, "localtime")?),
        "UTC",
    ))
}

/// A `struct_time` or 9-tuple argument.
fn tm_arg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Tm> {
    let items = match v {
        Value::Tuple(t) => t.to_vec(),
        // A struct_time (or another tuple subclass): its items.
        Value::Instance(i) if matches!(i.payload, Value::Tuple(_)) => vm.collect(v)?,
        other => {
            return Err(PyErr::type_error(format!(
                "Tuple or struct_time argument required, not {}",
                type_name(other)
            )))
        }
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!(
            "{name}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i64; 9];
    for (slot, x) in f.iter_mut().zip(&items) {
        *slot = crate::ops::index_of(x).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(x)
            ))
        })?;
    }
    Ok(Tm {
        year: f[0],
        mon: f[1],
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: f[6],
        yday: f[7],
    })
}

fn t_mktime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("time.mktime")?;
    let [x] = a.pos else {
        return Err(PyErr::type_error(format!(
            "time.mktime() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    };
    let tm = tm_arg(vm, x, "mktime")?;
    // Months outside 1..=12 carry into the year, as C's mktime normalizes.
    let m0 = tm.mon - 1;
    let year = tm.year + m0.div_euclid(12);
    let mon = m0.rem_euclid(12) + 1;
    let days = days_from_civil(year, mon, 1) + tm.mday - 1;
    let t = days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
    Ok(Value::Float(t as f64))
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(tm: &Tm) -> &'static str {
    DAYS[tm.wday.rem_euclid(7) as usize]
}

fn month_name(tm: &Tm) -> &'static str {
    MONTHS[(tm.mon - 1).rem_euclid(12) as usize]
}

fn asctime(tm: &Tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &day_name(tm)[..3],
        &month_name(tm)[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

/// ISO 8601 weeks in year `y`: 53 when it starts on a Thursday, or on a
/// Wednesday in a leap year.
fn iso_weeks_in_year(y: i64) -> i64 {
    let p = |y: i64| (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)).rem_euclid(7);
    if p(y) == 4 || p(y - 1) == 3 {
        53
    } else {
        52
    }
}

/// The ISO 8601 (year, week) of a date, for `%G` and `%V`.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let week = (tm.yday - (tm.wday + 1) + 10) / 7;
    if week < 1 {
        (tm.year - 1, iso_weeks_in_year(tm.year - 1))
    } else if week > iso_weeks_in_year(tm.year) {
        (tm.year + 1, 1)
    } else {
        (tm.year, week)
    }
}

fn strftime(fmt: &str, tm: &Tm) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        let _ = match d {
            'Y' => write!(out, "{}", tm.year),
            'y' => write!(out, "{:02}", tm.year.rem_euclid(100)),
            'C' => write!(out, "{:02}", tm.year.div_euclid(100)),
            'm' => write!(out, "{:02}", tm.mon),
            'd' => write!(out, "{:02}", tm.mday),
            'e' => write!(out, "{:2}", tm.mday),
            'H' => write!(out, "{:02}", tm.hour),
            'I' => write!(out, "{hour12:02}"),
            'M' => write!(out, "{:02}", tm.min),
            'S' => write!(out, "{:02}", tm.sec),
            'j' => write!(out, "{:03}", tm.yday),
            'w' => write!(out, "{}", (tm.wday + 1) % 7),
            // Weeks of the year as glibc counts them: days before the first
            // Sunday (`%U`) or Monday (`%W`) are week 0.
            'U' => write!(out, "{:02}", (tm.yday - 1 + 7 - (tm.wday + 1) % 7) / 7),
            'W' => write!(out, "{:02}", (tm.yday - 1 + 7 - tm.wday) / 7),
            'V' => write!(out, "{:02}", iso_week(tm).1),
            'G' => write!(out, "{}", iso_week(tm).0),
            'g' => write!(out, "{:02}", iso_week(tm).0.rem_euclid(100)),
            'k' => write!(out, "{:2}", tm.hour),
            'l' => write!(out, "{hour12:2}"),
            'u' => write!(out, "{}", tm.wday + 1),
            'a' => write!(out, "{}", &day_name(tm)[..3]),
            'A' => write!(out, "{}", day_name(tm)),
            'b' | 'h' => write!(out, "{}", &month_name(tm)[..3]),
            'B' => write!(out, "{}", month_name(tm)),
            'p' => write!(out, "{}", if tm.hour < 12 { "AM" } else { "PM" }),
            'c' => write!(out, "{}", asctime(tm)),
            'x' => write!(
                out,
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'X' | 'T' => write!(out, "{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'R' => write!(out, "{:02}:{:02}", tm.hour, tm.min),
            'D' => write!(
                out,
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'F' => write!(out, "{}-{:02}-{:02}", tm.year, tm.mon, tm.mday),
            'Z' => write!(out, "UTC"),
            'z' => write!(out, "+0000"),
            'n' => out.write_char('\n'),
            't' => write!(out, "\t"),
            '%' => write!(out, "%"),
            other => write!(out, "%{other}"),
        };
    }
    out
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
    let tm = match t {
        None => gmtime(since_epoch().as_secs() as i64),
        Some(t) => tm_arg(vm, t, "strftime")?,
    };
    Ok(Value::string(strftime(fmt.as_str(), &tm)))
}

fn t_asctime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("time.asctime")?;
    let tm = match a.pos {
        [] => gmtime(since_epoch().as_secs() as i64),
        [t] => tm_arg(vm, t, "asctime")?,
        _ => {
            return Err(PyErr::type_error(format!(
                "asctime expected at most 1 argument, got {}",
                a.pos.len()
            )))
        }
    };
    Ok(Value::string(asctime(&tm)))
}

fn t_ctime(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(asctime(&gmtime(opt_seconds(&a, "ctime")?))))
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
