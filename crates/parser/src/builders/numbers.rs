//! Numeric literals: ints of any size, floats, imaginary numbers.

use pith_ast::{Constant, Expr, Int};

use super::{constant, Res};
use crate::error::SyntaxErr;

pub(crate) fn number(l: u32, r: u32, text: &str) -> Res<Expr> {
    let value = parse_number(text).ok_or_else(|| SyntaxErr::syntax("invalid syntax", l, r))?;
    Ok(constant(l, r, value))
}

fn parse_number(text: &str) -> Option<Constant> {
    let cleaned;
    let text = if text.contains('_') {
        cleaned = text.replace('_', "");
        cleaned.as_str()
    } else {
        text
    };
    let bytes = text.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return Int::from_str_radix(&text[2..], radix)
                .ok()
                .map(Constant::Int);
        }
    }
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        let imag: f64 = imag.parse().ok()?;
        return Some(Constant::Complex { real: 0.0, imag });
    }
    if text.contains(['.', 'e', 'E']) {
        return text.parse::<f64>().ok().map(Constant::Float);
    }
    Int::from_str_radix(text, 10).ok().map(Constant::Int)
}
