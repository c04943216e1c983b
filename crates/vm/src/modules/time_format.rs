//! The C library's broken-down time (`struct tm`) and what `time` formats
//! from it: `strftime` as the GNU C library's `__strftime_internal` in the C
//! locale (flags `_ - 0 ^ #`, a field width, the `E`/`O` modifiers, and a
//! conversion it does not know copied as it stands), and `asctime`.
//!
//! CPython's `time.strftime` hands the tuple to the platform's `strftime`, so
//! Pith's output follows glibc's, which is what the oracle runs on; the
//! formatting works on C's fields (year since 1900, months from 0, Sunday
//! as day 0) so each conversion reads as glibc's does.

/// `struct tm`, with C's field conventions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CTm {
    /// Years since 1900.
    pub year: i64,
    /// Month, 0 to 11.
    pub mon: i64,
    /// Day of the month, 1 to 31.
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    /// Day of the week, Sunday = 0.
    pub wday: i64,
    /// Day of the year, 0 to 365.
    pub yday: i64,
    /// Summer time: positive, zero, or negative for unknown.
    pub isdst: i64,
    /// `tm_zone`, when the tuple carried one (a `struct_time`).
    pub zone: Option<String>,
    /// `tm_gmtoff`: seconds east of UTC.
    pub gmtoff: i64,
}

const TM_YEAR_BASE: i64 = 1900;

const ABDAY: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAY: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const ABMON: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MON: [&str; 12] = [
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

/// A name from a table, or `?` for an index C would read out of bounds
/// (glibc prints `?` for a weekday or month outside the table).
fn name(table: &[&'static str], i: i64) -> &'static str {
    usize::try_from(i)
        .ok()
        .and_then(|i| table.get(i).copied())
        .unwrap_or("?")
}

/// `asctime`'s text, as CPython's `_asctime` (`"%s %s%3d %.2d:%.2d:%.2d %d"`).
pub(crate) fn asctime(tm: &CTm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        name(&ABDAY, tm.wday),
        name(&ABMON, tm.mon),
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year + TM_YEAR_BASE
    )
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// glibc's `iso_week_days`: days since the Monday of ISO week 1.
fn iso_week_days(yday: i64, wday: i64) -> i64 {
    const BIG_ENOUGH_MULTIPLE_OF_7: i64 = (366 / 7 + 2) * 7;
    yday - (yday - wday + 4 + BIG_ENOUGH_MULTIPLE_OF_7) % 7 + 4 - 1
}

/// The ISO 8601 year and the days into its first week, for `%G %g %V`.
fn iso_year(tm: &CTm) -> (i64, i64) {
    let mut year = tm.year + TM_YEAR_BASE;
    let mut days = iso_week_days(tm.yday, tm.wday);
    if days < 0 {
        year -= 1;
        days = iso_week_days(tm.yday + 365 + i64::from(is_leap(year)), tm.wday);
    } else {
        let d = iso_week_days(tm.yday - (365 + i64::from(is_leap(year))), tm.wday);
        if d >= 0 {
            year += 1;
            days = d;
        }
    }
    (year, days)
}

/// Why formatting stopped: the result would not fit in the buffer CPython
/// offers, so `time.strftime` returns an empty string.
struct TooLong;

/// The output being built, bounded as CPython's buffer is.
struct Out {
    text: String,
    limit: usize,
}

impl Out {
    fn check(&self, more: usize) -> Result<(), TooLong> {
        if self.text.len().saturating_add(more) >= self.limit {
            return Err(TooLong);
        }
        Ok(())
    }

    /// glibc's `add`: `s`, after padding up to `width` (zeros with the `0`
    /// flag, else spaces), cased as asked.
    fn add(&mut self, spec: &Spec, s: &str, case: Case) -> Result<(), TooLong> {
        let n = s.chars().count();
        let delta = usize::try_from(spec.width).unwrap_or(0).saturating_sub(n);
        self.check(delta.saturating_add(s.len()))?;
        let fill = if spec.pad == Some('0') { '0' } else { ' ' };
        self.text.extend(std::iter::repeat(fill).take(delta));
        match case {
            Case::Upper => self.text.push_str(&s.to_uppercase()),
            Case::Lower => self.text.push_str(&s.to_lowercase()),
            Case::Keep => self.text.push_str(s),
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Keep,
    Upper,
    Lower,
}

/// One conversion's flags, width and modifier.
struct Spec {
    /// `_`, `-` or `0`.
    pad: Option<char>,
    upper: bool,
    change_case: bool,
    /// -1 when none was given.
    width: i64,
    modifier: Option<char>,
}

impl Spec {
    /// The case a name is written in: `^` and `#` make it upper case.
    fn name_case(&self) -> Case {
        if self.upper || self.change_case {
            Case::Upper
        } else {
            Case::Keep
        }
    }

    fn case(&self) -> Case {
        if self.upper {
            Case::Upper
        } else {
            Case::Keep
        }
    }
}

/// glibc's `DO_NUMBER`: `value` in at least `digits` digits (or the
/// width), zero-padded after the sign, space-padded under `_`, unpadded
/// under `-` (where the width still pads with spaces).
fn number(out: &mut Out, spec: &Spec, digits: i64, value: i64) -> Result<(), TooLong> {
    number_in(out, spec, digits.max(spec.width), value)
}

/// The sign and padding part of `DO_NUMBER` (`%s` comes here directly, so
/// its width pads with spaces rather than widening the digits).
fn number_in(out: &mut Out, spec: &Spec, digits: i64, value: i64) -> Result<(), TooLong> {
    let negative = value < 0;
    let abs = value.unsigned_abs().to_string();
    let shown = if negative { format!("-{abs}") } else { abs };
    let mut width = spec.width;
    if spec.pad != Some('-') {
        let padding = usize::try_from(digits)
            .unwrap_or(0)
            .saturating_sub(shown.len());
        if padding > 0 {
            out.check(padding.saturating_add(shown.len()))?;
            if spec.pad == Some('_') {
                out.text.extend(std::iter::repeat(' ').take(padding));
                width = if width > padding as i64 {
                    width - padding as i64
                } else {
                    0
                };
            } else {
                let digits_only = match shown.strip_prefix('-') {
                    Some(rest) => {
                        out.text.push('-');
                        rest
                    }
                    None => shown.as_str(),
                };
                out.text.extend(std::iter::repeat('0').take(padding));
                out.text.push_str(digits_only);
                return Ok(());
            }
        }
    }
    let spec = Spec {
        pad: spec.pad,
        upper: false,
        change_case: false,
        width,
        modifier: None,
    };
    out.add(&spec, &shown, Case::Keep)
}

/// `time.strftime`'s result for format `fmt`: glibc's output, or the empty
/// string when it would not fit in CPython's largest buffer (1024 bytes
/// doubled until at least 256 times the format's length).
pub(crate) fn strftime(fmt: &str, tm: &CTm, tzname: &str, epoch_seconds: i64) -> String {
    let mut limit = 1024usize;
    while limit < fmt.len().saturating_mul(256) {
        limit *= 2;
    }
    let mut out = Out {
        text: String::new(),
        limit,
    };
    let ctx = Ctx {
        tm,
        tzname,
        epoch_seconds,
    };
    match format_into(&mut out, fmt, &ctx) {
        Ok(()) => out.text,
        Err(TooLong) => String::new(),
    }
}

/// What a conversion may read besides the format.
struct Ctx<'a> {
    tm: &'a CTm,
    /// `tzname[isdst != 0]`: `%Z` for a tuple that carries no zone.
    tzname: &'a str,
    /// `mktime` of the tuple, for `%s`.
    epoch_seconds: i64,
}

fn format_into(out: &mut Out, fmt: &str, ctx: &Ctx<'_>) -> Result<(), TooLong> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.check(chars[i].len_utf8())?;
            out.text.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut spec = Spec {
            pad: None,
            upper: false,
            change_case: false,
            width: -1,
            modifier: None,
        };
        while let Some(&c) = chars.get(i) {
            match c {
                '_' | '-' | '0' => spec.pad = Some(c),
                '^' => spec.upper = true,
                '#' => spec.change_case = true,
                _ => break,
            }
            i += 1;
        }
        if chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            let mut width: i64 = 0;
            while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                width = (width * 10 + i64::from(d)).min(i64::from(i32::MAX));
                i += 1;
            }
            spec.width = width;
        }
        if let Some(&m @ ('E' | 'O')) = chars.get(i) {
            spec.modifier = Some(m);
            i += 1;
        }
        // A format ending inside a conversion copies what it has.
        let Some(&conv) = chars.get(i) else {
            let text: String = chars[start..].iter().collect();
            return out.add(&spec, &text, spec.case());
        };
        i += 1;
        if !convert(out, &spec, conv, ctx)? {
            let text: String = chars[start..i].iter().collect();
            // glibc sets `#`'s upper case for a month name before it
            // refuses the modifier, so the copy is upper-cased too.
            let case = if spec.change_case && matches!(conv, 'b' | 'h' | 'B') {
                Case::Upper
            } else {
                spec.case()
            };
            out.add(&spec, &text, case)?;
        }
    }
    Ok(())
}

/// One conversion; `false` for one glibc does not know (or with a modifier
/// it refuses), which the caller copies as written.
fn convert(out: &mut Out, spec: &Spec, conv: char, ctx: &Ctx<'_>) -> Result<bool, TooLong> {
    let tm = ctx.tm;
    let e_bad = spec.modifier == Some('E');
    let o_bad = spec.modifier == Some('O');
    let any_bad = spec.modifier.is_some();
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    let spacepad = |spec: &Spec| Spec {
        pad: spec.pad.or(Some('_')),
        upper: false,
        change_case: false,
        width: spec.width,
        modifier: None,
    };
    match conv {
        '%' => out.add(spec, "%", Case::Keep)?,
        'n' => out.add(spec, "\n", Case::Keep)?,
        't' => out.add(spec, "\t", Case::Keep)?,
        'a' if !any_bad => out.add(spec, name(&ABDAY, tm.wday), spec.name_case())?,
        'A' if !any_bad => out.add(spec, name(&DAY, tm.wday), spec.name_case())?,
        'b' | 'h' if !e_bad => out.add(spec, name(&ABMON, tm.mon), spec.name_case())?,
        'B' if !e_bad => out.add(spec, name(&MON, tm.mon), spec.name_case())?,
        'p' | 'P' => {
            let text = if tm.hour > 11 { "PM" } else { "AM" };
            let case = if conv == 'P' || spec.change_case {
                Case::Lower
            } else {
                spec.case()
            };
            out.add(spec, text, case)?;
        }
        'Z' => {
            let zone = match &ctx.tm.zone {
                Some(z) if !z.is_empty() => z.as_str(),
                _ if tm.isdst >= 0 => ctx.tzname,
                _ => "",
            };
            let case = if spec.change_case {
                Case::Lower
            } else {
                spec.case()
            };
            out.add(spec, zone, case)?;
        }
        'z' => {
            if tm.isdst >= 0 {
                let mut diff = tm.gmtoff;
                out.add(spec, if diff < 0 { "-" } else { "+" }, Case::Keep)?;
                diff = diff.abs() / 60;
                number(out, spec, 4, diff / 60 * 100 + diff % 60)?;
            }
        }
        'c' if !o_bad => subformat(out, spec, "%a %b %e %H:%M:%S %Y", ctx)?,
        'x' if !o_bad => subformat(out, spec, "%m/%d/%y", ctx)?,
        'X' if !o_bad => subformat(out, spec, "%H:%M:%S", ctx)?,
        'D' if !any_bad => subformat(out, spec, "%m/%d/%y", ctx)?,
        'F' if !any_bad => subformat(out, spec, "%Y-%m-%d", ctx)?,
        'r' => subformat(out, spec, "%I:%M:%S %p", ctx)?,
        'R' => subformat(out, spec, "%H:%M", ctx)?,
        'T' => subformat(out, spec, "%H:%M:%S", ctx)?,
        'C' => {
            let year = tm.year + TM_YEAR_BASE;
            number(out, spec, 1, year / 100 - i64::from(year % 100 < 0))?;
        }
        'd' if !e_bad => number(out, spec, 2, tm.mday)?,
        'e' if !e_bad => number(out, &spacepad(spec), 2, tm.mday)?,
        'H' if !e_bad => number(out, spec, 2, tm.hour)?,
        'I' if !e_bad => number(out, spec, 2, hour12)?,
        'k' if !e_bad => number(out, &spacepad(spec), 2, tm.hour)?,
        'l' if !e_bad => number(out, &spacepad(spec), 2, hour12)?,
        'j' if !e_bad => number(out, spec, 3, tm.yday + 1)?,
        'M' if !e_bad => number(out, spec, 2, tm.min)?,
        'm' if !e_bad => number(out, spec, 2, tm.mon + 1)?,
        'S' if !e_bad => number(out, spec, 2, tm.sec)?,
        's' => number_in(out, spec, 1, ctx.epoch_seconds)?,
        'u' => number(out, spec, 1, (tm.wday - 1 + 7) % 7 + 1)?,
        'w' if !e_bad => number(out, spec, 1, tm.wday)?,
        'U' if !e_bad => number(out, spec, 2, (tm.yday - tm.wday + 7) / 7)?,
        'W' if !e_bad => number(out, spec, 2, (tm.yday - (tm.wday - 1 + 7) % 7 + 7) / 7)?,
        'V' if !e_bad => number(out, spec, 2, iso_year(tm).1 / 7 + 1)?,
        'G' if !e_bad => number(out, spec, 1, iso_year(tm).0)?,
        'g' if !e_bad => number(out, spec, 2, (iso_year(tm).0 % 100 + 100) % 100)?,
        'Y' if !o_bad => number(out, spec, 1, tm.year + TM_YEAR_BASE)?,
        'y' => number(out, spec, 2, (tm.year % 100 + 100) % 100)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// A conversion that is a format of its own (`%c`, `%D`, ...): formatted
/// with fresh flags, then padded to the width and upper-cased under `^`.
fn subformat(out: &mut Out, spec: &Spec, fmt: &str, ctx: &Ctx<'_>) -> Result<(), TooLong> {
    let mut inner = Out {
        text: String::new(),
        limit: out.limit,
    };
    format_into(&mut inner, fmt, ctx)?;
    out.add(spec, &inner.text, spec.case())
}
