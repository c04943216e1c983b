//! `float_repr` and `complex_repr` against CPython 3.11 on a few thousand
//! values (`tools/gen_float_reprs.py`): powers of two, random bit patterns,
//! short decimals, extremes.

use pith_repr::{complex_repr, float_repr};

#[test]
fn matches_cpython() {
    let data = include_str!("float_reprs.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let mut parts = line.split(' ');
        let (Some(bits), Some(repr), Some(imag), Some(both)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            panic!("bad line {line:?}");
        };
        let x = f64::from_bits(u64::from_str_radix(bits, 16).expect("hex bits"));
        count += 1;
        let got = (float_repr(x), complex_repr(0.0, x), complex_repr(x, -x));
        if (got.0.as_str(), got.1.as_str(), got.2.as_str()) != (repr, imag, both) {
            failures.push(format!("{bits}: want {repr} {imag} {both}, got {got:?}"));
        }
    }
    assert!(count > 2000);
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
