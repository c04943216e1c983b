//! Printing uncaught exceptions exactly as CPython 3.11's `PyErr_Display` does:
//! chained exceptions, `File ... line ... in ...`, the source line, caret lines
//! with `~`/`^` anchors, "[Previous line repeated N more times]", and
//! "Did you mean" suggestions for `NameError`.

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr, TbEntry};
use crate::value::Value;
use crate::vm::Vm;

const RECURSIVE_CUTOFF: usize = 3;
const INDENT: usize = 4;

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\x0c'
}

/// Character offset of a UTF-8 byte offset within `line`. Past the end it
/// is one more than the line's length, as `_PyPegen_byte_offset_to_character_offset`
/// clamps to `len + 1` and decodes the terminating NUL too (a position from
/// another line, which a traceback object made by Python code may name).
fn char_offset(line: &str, byte: usize) -> usize {
    if byte > line.len() {
        return line.chars().count() + 1;
    }
    let b = byte.min(line.len());
    let mut b = b;
    while !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

impl Vm {
    pub(crate) fn source_line(&mut self, filename: &str, lineno: i32) -> Option<String> {
        if lineno < 1 {
            return None;
        }
        let lines = self
            .sources
            .entry(filename.to_string())
            .or_insert_with(|| {
                let bytes = std::fs::read(filename).ok()?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                Some(Rc::new(text.split('\n').map(str::to_string).collect()))
            })
            .clone()?;
        let line = lines.get(lineno as usize - 1)?;
        Some(line.strip_suffix('\r').unwrap_or(line).to_string())
    }

    fn display_line(&mut self, out: &mut String, entry: &TbEntry, lineno: i32) {
        let code = &entry.code;
        let filename = code.raw.filename.to_string_lossy().into_owned();
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            filename,
            lineno,
            code.name.as_str()
        ));
        if self.finalizing == crate::vm::Finalizing::Modules {
            return;
        }
        let Some(line) = self.source_line(&filename, lineno) else {
            return;
        };
        let stripped_start = line.chars().take_while(|&c| is_ws(c)).count();
        let stripped: String = line.chars().skip(stripped_start).collect();
        out.push_str("    ");
        out.push_str(&stripped);
        out.push('\n');

        let (Some(start_line), Some(end_line), Some(col), Some(end_col)) = entry.positions() else {
            return;
        };
        if start_line < 0 || end_line < 0 || col < 0 || end_col < 0 {
            return;
        }
        let truncation = stripped_start as i64 - INDENT as i64;
        let start_offset = char_offset(&line, col as usize) as i64;
        let mut end_offset = char_offset(&line, end_col as usize) as i64;
        let mut left_end: i64 = -1;
        let mut right_start: i64 = -1;
        let (mut primary, mut secondary) = ('^', '^');
        if start_line == end_line {
            let seg_start = col as usize;
            let seg_end = (end_col as usize).min(line.len());
            if let Some(segment) = line.get(seg_start..seg_end) {
                if let Some((l, r)) = crate::anchors::anchors(segment) {
                    left_end = char_offset(segment, l) as i64 + start_offset;
                    right_start = char_offset(segment, r) as i64 + start_offset;
                    primary = '~';
                    secondary = '^';
                }
            }
        } else {
            let trimmed = line.trim_end_matches(is_ws);
            end_offset = trimmed.chars().count() as i64;
        }
        let stripped_len = line.chars().count() as i64 - truncation - INDENT as i64;
        let has_secondary = left_end != -1 || right_start != -1;
        if end_offset - start_offset == stripped_len && !has_secondary {
            return;
        }
        let mut offset = truncation;
        loop {
            offset += 1;
            if offset > end_offset {
                break;
            }
            let ch = if offset <= start_offset {
                ' '
            } else if has_secondary && left_end < offset && offset <= right_start {
                secondary
            } else {
                primary
            };
            out.push(ch);
        }
        out.push('\n');
    }

    /// The `File ...` lines of a traceback (innermost entry first in `tb`),
    /// without the header.
    pub(crate) fn format_traceback(&mut self, out: &mut String, tb: &[TbEntry]) {
        let mut last: Option<(String, i32, String)> = None;
        let mut count = 0usize;
        for entry in tb.iter().rev() {
            let lineno = entry.lineno();
            let key = (
                entry.code.raw.filename.to_string_lossy().into_owned(),
                lineno,
                entry.code.name.as_str().to_string(),
            );
            if last.as_ref() != Some(&key) || lineno == -1 {
                if count > RECURSIVE_CUTOFF {
                    repeated(out, count);
                }
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count <= RECURSIVE_CUTOFF {
                self.display_line(out, entry, lineno);
            }
        }
        if count > RECURSIVE_CUTOFF {
            repeated(out, count);
        }
    }

    /// The `Type: message` line (with a syntax error's location lines before it).
    pub(crate) fn format_exc_only(&mut self, out: &mut String, e: &Rc<ExcObj>) {
        let msg = if let Some((location, msg)) = crate::compile_hook::syntax_error_report(e) {
            out.push_str(&location);
            msg
        } else if e.typ.heap.is_some() {
            match self.str_of(&crate::value::Value::Exception(e.clone())) {
                Ok(s) => s,
                Err(_) => "<exception str() failed>".to_string(),
            }
        } else {
            crate::repr::exc_str(e)
        };
        out.push_str(&crate::class::exc_display_name(&e.typ));
        if !msg.is_empty() {
            out.push_str(": ");
            out.push_str(&msg);
        }
        let suggestion = match self.attribute_suggestion(e) {
            Some(s) => Some(s),
            None => e
                .name_hint
                .borrow()
                .as_ref()
                .and_then(|hint| suggest(&hint.name, &hint.candidates)),
        };
        if let Some(s) = suggestion {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
    }

    /// `offer_suggestions_for_attribute_error`: an `AttributeError` whose
    /// `name` is a str and `obj` is set gets the closest name of `dir(obj)`,
    /// computed when it is printed (so it also covers errors raised by a
    /// `__getattr__` of the program's, or made by hand).
    fn attribute_suggestion(&mut self, e: &Rc<ExcObj>) -> Option<String> {
        if !e.is_instance(crate::types::ExcKind::AttributeError) {
            return None;
        }
        let (name, obj) = match e.name_obj.borrow().as_deref() {
            Some((Value::Str(name), obj)) if !matches!(obj, Value::None) => {
                (name.as_str().to_string(), obj.clone())
            }
            _ => return None,
        };
        let dir = crate::namespace::dir_of(self, &obj).ok()?;
        let items = self.collect(&dir).ok()?;
        let names: Vec<Rc<str>> = items
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(Rc::from(s.as_str())),
                _ => None,
            })
            .collect();
        calculate_suggestion(&name, &names).map(|s| s.to_string())
    }

    /// The text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, e: &PyErr) -> String {
        let mut out = String::new();
        self.format_exception_tree(&mut out, &e.0);
        out
    }

    /// Prints an exception with its traceback to `sys.stderr`, as
    /// `PyErr_Display` does.
    pub fn print_exception(&mut self, e: &PyErr) {
        let text = self.format_exception(e);
        self.write_sys_stderr(&text);
    }

    /// Writes `text` to the current `sys.stderr` (`PyFile_WriteString`): the
    /// VM's own stream when it is a standard stream or `sys` is not set up,
    /// else the object's `write`, whose errors are dropped as CPython's
    /// display code drops them.
    pub(crate) fn write_sys_stderr(&mut self, text: &str) {
        use crate::modules::sys::{std_stream, StdStream};
        let file = {
            let (sys_key, err_key) = (self.intern("sys"), self.intern("stderr"));
            let sys = self.modules.borrow().get_str(&sys_key).cloned();
            match sys {
                Some(Value::Module(m)) => m.dict.borrow().get_str(&err_key).cloned(),
                _ => None,
            }
        };
        match file {
            None | Some(Value::None) => self.write_err(text),
            Some(f) => match std_stream(&f) {
                Some(StdStream::Stderr) | Some(StdStream::Stdin) => self.write_err(text),
                Some(StdStream::Stdout) => {
                    let _ = self.write_out(text);
                }
                None => {
                    let name = self.intern("write");
                    let r = self
                        .get_attr(&f, &name)
                        .and_then(|w| self.call(&w, &[Value::str(text)]));
                    drop(r);
                }
            },
        }
    }

    /// Reports an exception nobody can catch: "Exception ignored
    /// {context}: " and the repr of the object involved, then the
    /// traceback (through `sys.unraisablehook`).
    pub fn write_unraisable(&mut self, context: &str, obj: &Value, e: &PyErr) {
        self.unraisable(Some(context), obj, e);
    }
}

fn repeated(out: &mut String, count: usize) {
    let n = count - RECURSIVE_CUTOFF;
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n > 1 { "s" } else { "" }
    ));
}

const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn sub_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance` of Python/suggestions.c.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + sub_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn calculate_suggestion<'a>(name: &str, dir: &'a [Rc<str>]) -> Option<&'a Rc<str>> {
    if dir.len() >= MAX_CANDIDATES || name.len() > MAX_STRING {
        return None;
    }
    let mut best: Option<&Rc<str>> = None;
    let mut best_dist = usize::MAX;
    for item in dir {
        if &**item == name {
            continue;
        }
        let max = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_dist.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(item);
            best_dist = d;
        }
    }
    best
}

/// The "Did you mean" suggestion for a missing name: locals, then globals, then builtins.
fn suggest(name: &str, groups: &[Vec<Rc<str>>]) -> Option<String> {
    groups
        .iter()
        .find_map(|g| calculate_suggestion(name, g))
        .map(|s| s.to_string())
}
