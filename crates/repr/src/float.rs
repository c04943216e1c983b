//! `repr()` of `float` and `complex`: the shortest string that round-trips,
//! laid out as CPython's `PyOS_double_to_string(x, 'r', ...)` lays it out.

use std::fmt::Write;

/// Shortest round-trip decimal digits of `|x|` and the decimal point
/// position: `x = 0.d1d2d3... * 10**decpt`.
fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    // Rust's `{:e}` finds the fewest digits that round-trip, as CPython's
    // `_Py_dg_dtoa` mode 0 does, but breaks a tie between two equally near
    // candidates upwards where CPython rounds half to even. Rounding the
    // exact value to that many digits (which Rust does half to even) gives
    // CPython's choice whenever it still round-trips.
    let shortest = format!("{x:e}");
    let ndigits = shortest
        .split('e')
        .next()
        .map_or(1, |m| m.len() - usize::from(m.contains('.')));
    let exact = format!("{x:.prec$e}", prec = ndigits.saturating_sub(1));
    let sci = if exact != shortest && exact.parse::<f64>() == Ok(x) {
        exact
    } else {
        shortest
    };
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exp + 1)
}

/// Appends the 'r'-format text of `x`. `add_dot_0` is CPython's
/// `Py_DTSF_ADD_DOT_0` (float repr uses it, complex repr does not);
/// `sign` is `Py_DTSF_SIGN` (always print a sign).
pub fn format_float_repr(out: &mut String, x: f64, add_dot_0: bool, sign: bool) {
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    if x == 0.0 {
        out.push_str(if add_dot_0 { "0.0" } else { "0" });
        return;
    }
    let (digits, decpt) = shortest_digits(x);
    let n = digits.len() as i32;
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..-decpt {
            out.push('0');
        }
        out.push_str(&digits);
    } else if decpt >= n {
        out.push_str(&digits);
        for _ in 0..decpt - n {
            out.push('0');
        }
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
}

/// Appends `repr(x)` of a Python `float`.
pub fn write_float_repr(out: &mut String, x: f64) {
    format_float_repr(out, x, true, false);
}

/// `repr(x)` of a Python `float`: `1.0`, `0.1`, `1e+16`, `1e-05`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let mut out = String::new();
    write_float_repr(&mut out, x);
    out
}

/// `repr(complex(re, im))`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let mut out = String::new();
    if re == 0.0 && re.is_sign_positive() {
        format_float_repr(&mut out, im, false, false);
        out.push('j');
    } else {
        out.push('(');
        format_float_repr(&mut out, re, false, false);
        format_float_repr(&mut out, im, false, true);
        out.push_str("j)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e300 * 10.0, "1e+301"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (2.5, "2.5"),
            (1e22, "1e+22"),
            (5e-324, "5e-324"),
            (2f64.powi(-25), "2.9802322387695312e-08"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:e}");
        }
    }

    #[test]
    fn complexes() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(0.0, 2.5), "2.5j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(1.0, f64::INFINITY), "(1+infj)");
        assert_eq!(complex_repr(f64::NAN, f64::NAN), "(nan+nanj)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
    }
}
