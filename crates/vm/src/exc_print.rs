//! The layout of an uncaught exception as `print_exception_recursive` of
//! CPython 3.11's `Python/pythonrun.c` writes it: the `__cause__`/`__context__`
//! chain, `__notes__`, and exception groups drawn as nested boxes
//! (`+-+---- 1 ----`, `| ` margins, `max_group_width`/`max_group_depth`).

use std::collections::HashSet;
use std::rc::Rc;

use crate::exc::ExcObj;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const CAUSE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT: &str = "During handling of the above exception, another exception occurred:\n";

/// `struct exception_print_context`.
#[derive(Default)]
struct Ctx {
    depth: usize,
    need_close: bool,
    seen: HashSet<*const ExcObj>,
}

impl Ctx {
    fn indent(&self, out: &mut String) {
        for _ in 0..2 * self.depth {
            out.push(' ');
        }
    }

    fn margin(&self, out: &mut String) {
        self.indent(out);
        if self.depth > 0 {
            out.push_str("| ");
        }
    }

    /// Writes every line of `text` after the indented margin.
    fn lines(&self, out: &mut String, text: &str) {
        for line in text.split_inclusive('\n') {
            self.margin(out);
            out.push_str(line);
        }
    }
}

impl Vm {
    /// Formats `e` with its chain and, for groups, their members.
    pub(crate) fn format_exception_tree(&mut self, out: &mut String, e: &Rc<ExcObj>) {
        let mut ctx = Ctx::default();
        self.print_recursive(out, &mut ctx, e);
    }

    fn print_recursive(&mut self, out: &mut String, ctx: &mut Ctx, e: &Rc<ExcObj>) {
        // The chain is walked iteratively, newest first: a loop of handlers can
        // build chains far deeper than the Rust stack allows recursing.
        let mut chain: Vec<(Rc<ExcObj>, &str)> = Vec::new();
        let mut cur = e.clone();
        loop {
            ctx.seen.insert(Rc::as_ptr(&cur));
            let cause = cur.cause.borrow().clone();
            let next = match cause {
                Some(c) => (!ctx.seen.contains(&Rc::as_ptr(&c))).then_some((c, CAUSE)),
                None if cur.suppress_context.get() => None,
                None => cur
                    .context
                    .borrow()
                    .clone()
                    .filter(|c| !ctx.seen.contains(&Rc::as_ptr(c)))
                    .map(|c| (c, CONTEXT)),
            };
            match next {
                Some((older, sep)) => {
                    chain.push((cur, sep));
                    cur = older;
                }
                None => {
                    chain.push((cur, ""));
                    break;
                }
            }
        }
        for i in (0..chain.len()).rev() {
            let need_close = ctx.need_close;
            self.print_single(out, ctx, &chain[i].0);
            if i > 0 {
                ctx.need_close = need_close;
                ctx.margin(out);
                out.push('\n');
                ctx.margin(out);
                out.push_str(chain[i - 1].1);
                ctx.margin(out);
                out.push('\n');
            }
        }
    }

    fn print_single(&mut self, out: &mut String, ctx: &mut Ctx, e: &Rc<ExcObj>) {
        match e.group.clone() {
            None => self.print_one(out, ctx, e),
            Some(g) => self.print_group(out, ctx, e, &g.excs),
        }
    }

    /// `print_exception`: traceback, message line, notes.
    fn print_one(&mut self, out: &mut String, ctx: &mut Ctx, e: &Rc<ExcObj>) {
        let mut tb = crate::frame_obj::print_entries(e);
        // The innermost `limit` entries (the list runs innermost first);
        // none, and no header, for 0.
        tb.truncate(crate::modules::sys_traceback_limit(self));
        if !tb.is_empty() {
            if e.group.is_some() {
                ctx.indent(out);
                out.push_str(if ctx.depth == 1 { "+ " } else { "| " });
                out.push_str("Exception Group Traceback (most recent call last):\n");
            } else {
                ctx.margin(out);
                out.push_str("Traceback (most recent call last):\n");
            }
            let mut text = String::new();
            self.format_traceback(&mut text, &tb);
            ctx.lines(out, &text);
        }
        let mut text = String::new();
        self.format_exc_only(&mut text, e);
        // As in C, only the first line of a multi-line message gets the margin;
        // a syntax error's `File` line and its message line get one, its source
        // and caret lines do not.
        let syntax = crate::compile_hook::syntax_error_report(e).is_some();
        let n = text.split_inclusive('\n').count();
        for (i, line) in text.split_inclusive('\n').enumerate() {
            if i == 0 || (syntax && i + 1 == n) {
                ctx.margin(out);
            }
            out.push_str(line);
        }
        self.print_notes(out, ctx, e);
    }

    fn print_notes(&mut self, out: &mut String, ctx: &mut Ctx, e: &Rc<ExcObj>) {
        let has_dict = e.dict.borrow().is_some();
        if !has_dict && e.typ.heap.is_none() {
            return;
        }
        let ev = Value::Exception(e.clone());
        let Ok(notes) = self.get_attr(&ev, &Rc::new(StrObj::new("__notes__"))) else {
            return;
        };
        let items = match crate::instance::payload_of(&notes).unwrap_or(&notes) {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            _ => {
                ctx.margin(out);
                match self.repr_of(&notes) {
                    Ok(s) => out.push_str(&s),
                    Err(_) => out.push_str("<__notes__ repr() failed>"),
                }
                // 3.11's `print_exception_notes` ends this one without a newline.
                return;
            }
        };
        for note in items {
            match self.str_of(&note) {
                Ok(s) => {
                    for line in s.split_inclusive('\n') {
                        ctx.margin(out);
                        out.push_str(line);
                    }
                }
                Err(_) => out.push_str("<note str() failed>"),
            }
            out.push('\n');
        }
    }

    /// `print_exception_group`.
    fn print_group(&mut self, out: &mut String, ctx: &mut Ctx, e: &Rc<ExcObj>, excs: &[Value]) {
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.margin(out);
            out.push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if ctx.depth == 0 {
            ctx.depth += 1;
        }
        self.print_one(out, ctx, e);
        let num = excs.len();
        let n = if num <= MAX_GROUP_WIDTH {
            num
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        for (i, sub) in excs.iter().take(n).enumerate() {
            let last = i + 1 == n;
            if last {
                ctx.need_close = true;
            }
            ctx.indent(out);
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.depth += 1;
            if !truncated {
                if let Value::Exception(sub) = sub {
                    self.print_recursive(out, ctx, sub);
                }
            } else {
                let remaining = num - MAX_GROUP_WIDTH;
                ctx.margin(out);
                out.push_str(&format!(
                    "and {} more exception{}\n",
                    remaining,
                    if remaining > 1 { "s" } else { "" }
                ));
            }
            if last && ctx.need_close {
                ctx.indent(out);
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if ctx.depth == 1 {
            ctx.depth -= 1;
        }
    }
}
