//! `match` patterns.

use super::precedence::{self as prec, Prec, ATOM, BOR, TEST};
use super::{Result, UnparseError, Unparser};
use crate::Pattern;

impl Unparser<'_> {
    /// Unparses a pattern whose parent set its precedence to `p`.
    pub(super) fn pattern(&mut self, pattern: &Pattern, p: Prec) -> Result {
        match pattern {
            Pattern::MatchValue(m) => self.expr(&m.value, TEST),
            Pattern::MatchSingleton(m) => {
                self.write_constant(&m.value);
                Ok(())
            }
            Pattern::MatchSequence(m) => {
                self.write("[");
                self.interleave(", ", &m.patterns, |u, p| u.pattern(p, TEST))?;
                self.write("]");
                Ok(())
            }
            Pattern::MatchStar(m) => {
                self.write("*");
                self.write(m.name.as_deref().unwrap_or("_"));
                Ok(())
            }
            Pattern::MatchMapping(m) => {
                if m.keys.len() != m.patterns.len() {
                    return Err(UnparseError::LengthMismatch);
                }
                self.write("{");
                self.interleave(", ", m.keys.iter().zip(&m.patterns), |u, (k, p)| {
                    u.expr(k, TEST)?;
                    u.write(": ");
                    u.pattern(p, TEST)
                })?;
                if let Some(rest) = &m.rest {
                    if !m.keys.is_empty() {
                        self.write(", ");
                    }
                    self.write(&format!("**{rest}"));
                }
                self.write("}");
                Ok(())
            }
            Pattern::MatchClass(m) => {
                self.expr(&m.cls, ATOM)?;
                self.write("(");
                self.interleave(", ", &m.patterns, |u, p| u.pattern(p, TEST))?;
                if !m.kwd_attrs.is_empty() {
                    if m.kwd_attrs.len() != m.kwd_patterns.len() {
                        return Err(UnparseError::LengthMismatch);
                    }
                    if !m.patterns.is_empty() {
                        self.write(", ");
                    }
                    self.interleave(
                        ", ",
                        m.kwd_attrs.iter().zip(&m.kwd_patterns),
                        |u, (a, p)| {
                            u.write(&format!("{a}="));
                            u.pattern(p, TEST)
                        },
                    )?;
                }
                self.write(")");
                Ok(())
            }
            Pattern::MatchAs(m) => match (&m.name, &m.pattern) {
                (None, _) => {
                    self.write("_");
                    Ok(())
                }
                (Some(name), None) => {
                    self.write(name);
                    Ok(())
                }
                (Some(name), Some(inner)) => self.require_parens(TEST, p, |u| {
                    u.pattern(inner, BOR)?;
                    u.write(&format!(" as {name}"));
                    Ok(())
                }),
            },
            Pattern::MatchOr(m) => self.require_parens(BOR, p, |u| {
                u.interleave(" | ", &m.patterns, |u, p| u.pattern(p, prec::next(BOR)))
            }),
        }
    }
}
