//! The matcher: runs SRE code (`Modules/_sre/sre_lib.h`) over a subject of
//! code points.
//!
//! Backtracking uses an explicit stack of choice points, so neither the
//! subject's length nor the number of repetitions grows the Rust stack.
//! Group marks are restored through a trail (an undo log). Repeat contexts
//! (`REPEAT` ... `MAX_UNTIL`) are a persistent list, so a choice point holds
//! the context it was made under and backtracking restores counts for free.
//! Atomic parts (look-arounds, atomic groups, possessive repeats) run as a
//! nested match, so Rust recursion is bounded by the pattern's nesting depth,
//! which `re._parser` itself bounds.

use std::rc::Rc;

use super::chars::{ascii_lower, ascii_upper, category, is_ascii_word, is_uni_word};
use super::chars::{uni_lower, uni_upper};
use super::constants::{at, op, MAXREPEAT};

/// Malformed code (a jump or operand out of range, an unknown opcode).
#[derive(Debug, thiserror::Error)]
#[error("internal error in regular expression engine")]
pub struct BadCode;

type R<T> = Result<T, BadCode>;

/// The result of a successful match: end position and group marks.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where the match started.
    pub start: usize,
    /// Where the match ended.
    pub end: usize,
    /// `(start, end)` of groups 1.. (`None` when a group did not take part).
    pub groups: Vec<Option<(usize, usize)>>,
    /// The last group closed (`Match.lastindex`).
    pub lastindex: Option<usize>,
}

#[derive(Debug)]
struct Repeat {
    count: i64,
    /// The pc of the `REPEAT` op.
    pc: usize,
    last_pos: Option<usize>,
    prev: Option<Rc<Repeat>>,
}

#[derive(Debug)]
enum Kind {
    /// Resume at `pc`, `pos`.
    Alt { pc: usize, pos: usize },
    /// Try the alternative of a `BRANCH` that starts at `alt`.
    Branch { alt: usize, pos: usize },
    /// Greedy single-item repeat: give back one item and resume at `next`.
    RepeatOne {
        next: usize,
        start: usize,
        count: usize,
        min: usize,
    },
    /// Lazy single-item repeat: take one more item and resume at `next`.
    MinRepeatOne {
        item: usize,
        next: usize,
        pos: usize,
        count: usize,
        max: usize,
    },
}

#[derive(Debug)]
struct Choice {
    kind: Kind,
    trail: usize,
    lastmark: isize,
    lastindex: Option<usize>,
    repeat: Option<Rc<Repeat>>,
}

/// A compiled program and the subject it runs over.
pub struct Matcher<'a> {
    code: &'a [u32],
    text: &'a [u32],
    /// Charged per step to bound work when the VM has a step limit.
    pub steps: u64,
}

/// The mutable state of one run.
struct Run {
    marks: Vec<Option<usize>>,
    trail: Vec<(usize, Option<usize>)>,
    lastmark: isize,
    lastindex: Option<usize>,
    repeat: Option<Rc<Repeat>>,
    stack: Vec<Choice>,
}

impl Run {
    fn new(nmarks: usize) -> Run {
        Run {
            marks: vec![None; nmarks],
            trail: Vec::new(),
            lastmark: -1,
            lastindex: None,
            repeat: None,
            stack: Vec::new(),
        }
    }

    /// Back to the state of [`Run::new`], keeping the allocations (a search
    /// tries one start position after another).
    fn reset(&mut self) {
        self.marks.fill(None);
        self.trail.clear();
        self.lastmark = -1;
        self.lastindex = None;
        self.repeat = None;
        self.stack.clear();
    }

    fn set_mark(&mut self, i: usize, v: Option<usize>) {
        if i >= self.marks.len() {
            return;
        }
        self.trail.push((i, self.marks[i]));
        self.marks[i] = v;
    }

    fn push(&mut self, kind: Kind) {
        self.stack.push(Choice {
            kind,
            trail: self.trail.len(),
            lastmark: self.lastmark,
            lastindex: self.lastindex,
            repeat: self.repeat.clone(),
        });
    }

    fn undo_to(&mut self, len: usize) {
        while self.trail.len() > len {
            if let Some((i, v)) = self.trail.pop() {
                if let Some(m) = self.marks.get_mut(i) {
                    *m = v;
                }
            }
        }
    }

    fn group(&self, g: usize) -> Option<(usize, usize)> {
        if (2 * g + 1) as isize > self.lastmark {
            return None;
        }
        match (self.marks.get(2 * g), self.marks.get(2 * g + 1)) {
            (Some(Some(a)), Some(Some(b))) => Some((*a, *b)),
            _ => None,
        }
    }
}

/// Options of one match attempt.
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// The match must end at the end of the subject (`fullmatch`).
    pub match_all: bool,
    /// An empty match at the start position is refused (iteration after an
    /// empty match).
    pub must_advance: bool,
}

impl<'a> Matcher<'a> {
    /// A matcher of `code` over `text` (already cut at `endpos`).
    pub fn new(code: &'a [u32], text: &'a [u32]) -> Matcher<'a> {
        Matcher {
            code,
            text,
            steps: 0,
        }
    }

    fn at(&self, i: usize) -> R<u32> {
        self.code.get(i).copied().ok_or(BadCode)
    }

    fn atu(&self, i: usize) -> R<usize> {
        self.at(i).map(|v| v as usize)
    }

    /// `pattern.match` at `start`.
    pub fn match_at(&mut self, start: usize, ngroups: usize, mode: Mode) -> R<Option<Found>> {
        let mut run = Run::new(2 * ngroups);
        self.match_in(&mut run, start, ngroups, mode)
    }

    fn match_in(
        &mut self,
        run: &mut Run,
        start: usize,
        ngroups: usize,
        mode: Mode,
    ) -> R<Option<Found>> {
        let top = TopLevel { start, mode };
        match self.run(run, 0, start, Some(top))? {
            Some(end) => {
                let groups = (0..ngroups).map(|g| run.group(g)).collect();
                Ok(Some(Found {
                    start,
                    end,
                    groups,
                    lastindex: run.lastindex,
                }))
            }
            None => Ok(None),
        }
    }

    /// `pattern.search` from `start`.
    pub fn search(&mut self, start: usize, ngroups: usize, mode: Mode) -> R<Option<Found>> {
        let prefix = self.literal_prefix()?;
        let anchored = self.anchored_at_beginning()?;
        let mut pos = start;
        let mut run = Run::new(2 * ngroups);
        loop {
            if let Some(c) = prefix {
                // Skip positions where the first literal character cannot match.
                while pos < self.text.len() && self.text[pos] != c {
                    pos += 1;
                }
                if pos >= self.text.len() {
                    return Ok(None);
                }
            }
            let m = Mode {
                match_all: mode.match_all,
                must_advance: mode.must_advance && pos == start,
            };
            run.reset();
            if let Some(f) = self.match_in(&mut run, pos, ngroups, m)? {
                return Ok(Some(f));
            }
            // `\A` or `^` (without MULTILINE) first can match only at the
            // string's start: after the first try there is nothing to find
            // (`sre_search`'s shortcut, which keeps a search linear).
            if anchored || pos >= self.text.len() {
                return Ok(None);
            }
            pos += 1;
        }
    }

    /// The first alternative of a `BRANCH` from the one at `alt` that can
    /// match at `pos`: those starting with a literal or a character set the
    /// character at `pos` fails are skipped without a choice point, as
    /// `SRE_OP_BRANCH` does; `None` at the end of the alternatives.
    fn viable_alt(&self, mut alt: usize, pos: usize) -> R<Option<usize>> {
        loop {
            let skip = self.atu(alt)?;
            if skip == 0 {
                return Ok(None);
            }
            let first = self.at(alt + 1)?;
            if first != op::LITERAL && first != op::IN {
                return Ok(Some(alt));
            }
            match self.text.get(pos) {
                Some(&ch) if self.one(alt + 1, ch)? => return Ok(Some(alt)),
                _ => alt += skip,
            }
        }
    }

    /// The largest repeat count from `count` down to `min` after which the
    /// tail at `next` can start: when the tail begins with a literal, counts
    /// that leave another character next are skipped without trying the
    /// tail (`SRE_OP_REPEAT_ONE`'s "tail starts with a literal"); `None`
    /// when no count is left.
    fn tail_fit(&self, next: usize, start: usize, count: usize, min: usize) -> R<Option<usize>> {
        if self.at(next)? != op::LITERAL {
            return Ok(Some(count));
        }
        let c = self.at(next + 1)?;
        let mut count = count;
        while self.text.get(start + count) != Some(&c) {
            if count <= min {
                return Ok(None);
            }
            count -= 1;
        }
        Ok(Some(count))
    }

    /// Whether the pattern begins with `AT BEGINNING` or `AT BEGINNING_STRING`.
    fn anchored_at_beginning(&self) -> R<bool> {
        let mut pc = 0;
        if self.code.first() == Some(&op::INFO) {
            pc = 1 + self.atu(1)?;
        }
        Ok(self.code.get(pc) == Some(&op::AT)
            && matches!(
                self.code.get(pc + 1).copied(),
                Some(at::BEGINNING | at::BEGINNING_STRING)
            ))
    }

    /// The first op's literal when the pattern must begin with one character.
    fn literal_prefix(&self) -> R<Option<u32>> {
        let mut pc = 0;
        if self.code.first() == Some(&op::INFO) {
            pc = 1 + self.atu(1)?;
        }
        Ok(match self.code.get(pc) {
            Some(&op::LITERAL) => Some(self.at(pc + 1)?),
            _ => None,
        })
    }

    /// Runs from `pc` at `pos` until a `SUCCESS`; the end position, or `None`.
    fn run(
        &mut self,
        run: &mut Run,
        pc0: usize,
        pos0: usize,
        top: Option<TopLevel>,
    ) -> R<Option<usize>> {
        let mut pc = pc0;
        let mut pos = pos0;
        let text = self.text;
        let end = text.len();
        loop {
            self.steps += 1;
            let ok: bool = 'step: {
                let opcode = self.at(pc)?;
                match opcode {
                    op::FAILURE => false,
                    op::SUCCESS => {
                        if let Some(t) = top {
                            if (t.mode.match_all && pos != end)
                                || (t.mode.must_advance && pos == t.start)
                            {
                                break 'step false;
                            }
                        }
                        return Ok(Some(pos));
                    }
                    op::AT => {
                        if self.at_pos(self.at(pc + 1)?, pos) {
                            pc += 2;
                            true
                        } else {
                            false
                        }
                    }
                    op::ANY
                    | op::ANY_ALL
                    | op::LITERAL
                    | op::NOT_LITERAL
                    | op::LITERAL_IGNORE
                    | op::NOT_LITERAL_IGNORE
                    | op::LITERAL_UNI_IGNORE
                    | op::NOT_LITERAL_UNI_IGNORE
                    | op::LITERAL_LOC_IGNORE
                    | op::NOT_LITERAL_LOC_IGNORE
                    | op::IN
                    | op::IN_IGNORE
                    | op::IN_UNI_IGNORE
                    | op::IN_LOC_IGNORE
                    | op::CATEGORY => {
                        if pos < end && self.one(pc, text[pos])? {
                            pc = self.item_end(pc)?;
                            pos += 1;
                            true
                        } else {
                            false
                        }
                    }
                    op::INFO => {
                        // INFO skip flags min ...: too short a rest cannot match.
                        let min = self.atu(pc + 3)?;
                        if end - pos < min {
                            false
                        } else {
                            pc += 1 + self.atu(pc + 1)?;
                            true
                        }
                    }
                    op::JUMP => {
                        pc += 1 + self.atu(pc + 1)?;
                        true
                    }
                    op::MARK => {
                        let i = self.atu(pc + 1)?;
                        if i >= run.marks.len() {
                            // A mark past the declared groups: malformed code.
                            return Err(BadCode);
                        }
                        if i & 1 == 1 {
                            run.lastindex = Some(i / 2 + 1);
                        }
                        if i as isize > run.lastmark {
                            // Marks between the old last mark and this one are stale.
                            let from = (run.lastmark + 1) as usize;
                            for j in from..i {
                                if run.marks.get(j).is_some_and(Option::is_some) {
                                    run.set_mark(j, None);
                                }
                            }
                            run.lastmark = i as isize;
                        }
                        run.set_mark(i, Some(pos));
                        pc += 2;
                        true
                    }
                    op::BRANCH => match self.viable_alt(pc + 1, pos)? {
                        None => false,
                        Some(alt) => {
                            let next = alt + self.atu(alt)?;
                            if let Some(next) = self.viable_alt(next, pos)? {
                                run.push(Kind::Branch { alt: next, pos });
                            }
                            pc = alt + 1;
                            true
                        }
                    },
                    op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                        let min = self.atu(pc + 2)?;
                        let max = self.max_of(pc + 3)?;
                        let item = pc + 4;
                        let next = pc + 1 + self.atu(pc + 1)?;
                        if opcode == op::MIN_REPEAT_ONE {
                            let count = self.count(item, pos, min)?;
                            if count < min {
                                break 'step false;
                            }
                            pos += count;
                            if count < max {
                                run.push(Kind::MinRepeatOne {
                                    item,
                                    next,
                                    pos,
                                    count,
                                    max,
                                });
                            }
                            pc = next;
                            break 'step true;
                        }
                        let mut count = self.count(item, pos, max)?;
                        if count < min {
                            break 'step false;
                        }
                        if opcode == op::REPEAT_ONE {
                            match self.tail_fit(next, pos, count, min)? {
                                Some(c) => count = c,
                                None => break 'step false,
                            }
                        }
                        if opcode == op::REPEAT_ONE && count > min {
                            run.push(Kind::RepeatOne {
                                next,
                                start: pos,
                                count,
                                min,
                            });
                        }
                        pos += count;
                        pc = next;
                        true
                    }
                    op::REPEAT => {
                        run.repeat = Some(Rc::new(Repeat {
                            count: -1,
                            pc,
                            last_pos: None,
                            prev: run.repeat.take(),
                        }));
                        pc += 1 + self.atu(pc + 1)?;
                        true
                    }
                    op::MAX_UNTIL | op::MIN_UNTIL => {
                        let Some(rep) = run.repeat.clone() else {
                            return Err(BadCode);
                        };
                        let min = self.at(rep.pc + 2)? as i64;
                        let max = self.at(rep.pc + 3)?;
                        let body = rep.pc + 4;
                        let count = rep.count + 1;
                        let more = (max == MAXREPEAT || count < i64::from(max))
                            && rep.last_pos != Some(pos);
                        let advanced = |last_pos| {
                            Some(Rc::new(Repeat {
                                count,
                                pc: rep.pc,
                                last_pos,
                                prev: rep.prev.clone(),
                            }))
                        };
                        if count < min {
                            run.repeat = advanced(rep.last_pos);
                            pc = body;
                            break 'step true;
                        }
                        if opcode == op::MAX_UNTIL {
                            if more {
                                let saved = run.repeat.take();
                                run.repeat = rep.prev.clone();
                                run.push(Kind::Alt { pc: pc + 1, pos });
                                run.repeat = saved;
                                run.repeat = advanced(Some(pos));
                                pc = body;
                            } else {
                                run.repeat = rep.prev.clone();
                                pc += 1;
                            }
                        } else {
                            if more {
                                run.repeat = advanced(Some(pos));
                                run.push(Kind::Alt { pc: body, pos });
                            }
                            run.repeat = rep.prev.clone();
                            pc += 1;
                        }
                        true
                    }
                    op::GROUPREF
                    | op::GROUPREF_IGNORE
                    | op::GROUPREF_UNI_IGNORE
                    | op::GROUPREF_LOC_IGNORE => {
                        let g = self.atu(pc + 1)?;
                        let Some((a, b)) = run.group(g) else {
                            break 'step false;
                        };
                        if b < a || pos + (b - a) > end {
                            break 'step false;
                        }
                        let fold: fn(u32) -> u32 = match opcode {
                            op::GROUPREF => |c| c,
                            op::GROUPREF_UNI_IGNORE => uni_lower,
                            _ => ascii_lower,
                        };
                        let same = text[a..b]
                            .iter()
                            .zip(&text[pos..pos + (b - a)])
                            .all(|(&x, &y)| fold(x) == fold(y));
                        if same {
                            pos += b - a;
                            pc += 2;
                        }
                        same
                    }
                    op::GROUPREF_EXISTS => {
                        let g = self.atu(pc + 1)?;
                        if run.group(g).is_some() {
                            pc += 3;
                        } else {
                            pc += 1 + self.atu(pc + 2)?;
                        }
                        true
                    }
                    op::ASSERT | op::ASSERT_NOT => {
                        let back = self.atu(pc + 2)?;
                        let next = pc + 1 + self.atu(pc + 1)?;
                        if pos < back {
                            // Too close to the start: the look-behind cannot match.
                            if opcode == op::ASSERT {
                                break 'step false;
                            }
                            pc = next;
                            break 'step true;
                        }
                        let found = self.sub(run, pc + 3, pos - back, opcode == op::ASSERT)?;
                        if found.is_some() == (opcode == op::ASSERT) {
                            pc = next;
                            true
                        } else {
                            false
                        }
                    }
                    op::ATOMIC_GROUP => {
                        let next = pc + 1 + self.atu(pc + 1)?;
                        match self.sub(run, pc + 2, pos, true)? {
                            Some(e) => {
                                pos = e;
                                pc = next;
                                true
                            }
                            None => false,
                        }
                    }
                    op::POSSESSIVE_REPEAT => {
                        let min = self.atu(pc + 2)?;
                        let max = self.max_of(pc + 3)?;
                        // The body ends in the `SUCCESS` that `skip` points at.
                        let next = pc + 2 + self.atu(pc + 1)?;
                        let mut count = 0;
                        while count < max {
                            match self.sub(run, pc + 4, pos, true)? {
                                Some(e) => {
                                    count += 1;
                                    let moved = e != pos;
                                    pos = e;
                                    if !moved && count >= min {
                                        break;
                                    }
                                }
                                None => break,
                            }
                        }
                        if count < min {
                            false
                        } else {
                            pc = next;
                            true
                        }
                    }
                    _ => return Err(BadCode),
                }
            };
            if ok {
                continue;
            }
            // Backtrack to the newest choice point.
            loop {
                let Some(ch) = run.stack.pop() else {
                    return Ok(None);
                };
                run.undo_to(ch.trail);
                run.lastmark = ch.lastmark;
                run.lastindex = ch.lastindex;
                run.repeat = ch.repeat.clone();
                match ch.kind {
                    Kind::Alt { pc: p, pos: q } => {
                        pc = p;
                        pos = q;
                    }
                    Kind::Branch { alt, pos: q } => {
                        let next = alt + self.atu(alt)?;
                        if let Some(next) = self.viable_alt(next, q)? {
                            run.push(Kind::Branch { alt: next, pos: q });
                        }
                        pc = alt + 1;
                        pos = q;
                    }
                    Kind::RepeatOne {
                        next,
                        start,
                        count,
                        min,
                    } => {
                        let Some(count) = self.tail_fit(next, start, count - 1, min)? else {
                            continue;
                        };
                        if count > min {
                            run.push(Kind::RepeatOne {
                                next,
                                start,
                                count,
                                min,
                            });
                        }
                        pc = next;
                        pos = start + count;
                    }
                    Kind::MinRepeatOne {
                        item,
                        next,
                        pos: q,
                        count,
                        max,
                    } => {
                        if q >= end || !self.one(item, text[q])? {
                            continue;
                        }
                        let (q, count) = (q + 1, count + 1);
                        if count < max {
                            run.push(Kind::MinRepeatOne {
                                item,
                                next,
                                pos: q,
                                count,
                                max,
                            });
                        }
                        pc = next;
                        pos = q;
                    }
                }
                break;
            }
        }
    }

    /// Runs an atomic part (body ending in `SUCCESS`) as a nested match from
    /// the current marks; on success with `keep`, its marks are kept.
    fn sub(&mut self, run: &mut Run, pc: usize, pos: usize, keep: bool) -> R<Option<usize>> {
        let mut inner = Run::new(0);
        inner.marks.clone_from(&run.marks);
        inner.lastmark = run.lastmark;
        inner.lastindex = run.lastindex;
        let r = self.run(&mut inner, pc, pos, None)?;
        if r.is_some() && keep {
            for (i, m) in inner.marks.iter().enumerate() {
                if run.marks.get(i) != Some(m) {
                    run.set_mark(i, *m);
                }
            }
            run.lastmark = inner.lastmark;
            run.lastindex = inner.lastindex;
        }
        Ok(r)
    }

    fn max_of(&self, i: usize) -> R<usize> {
        let m = self.at(i)?;
        Ok(if m == MAXREPEAT {
            usize::MAX
        } else {
            m as usize
        })
    }

    /// How many single items at `item` match from `pos` (at most `max`).
    fn count(&self, item: usize, pos: usize, max: usize) -> R<usize> {
        let rest = &self.text[pos.min(self.text.len())..];
        let limit = rest.len().min(max);
        // The common items get a tight loop; the rest go through `one`.
        let n = match self.at(item)? {
            op::ANY_ALL => limit,
            op::ANY => rest[..limit].iter().take_while(|&&c| c != 10).count(),
            op::LITERAL => {
                let l = self.at(item + 1)?;
                rest[..limit].iter().take_while(|&&c| c == l).count()
            }
            _ => {
                let mut n = 0;
                while n < limit && self.one(item, rest[n])? {
                    n += 1;
                }
                n
            }
        };
        Ok(n)
    }

    /// The pc after a single-character item.
    fn item_end(&self, pc: usize) -> R<usize> {
        Ok(match self.at(pc)? {
            op::ANY | op::ANY_ALL => pc + 1,
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                pc + 1 + self.atu(pc + 1)?
            }
            _ => pc + 2,
        })
    }

    /// Whether the single-character item at `pc` matches `c`.
    fn one(&self, pc: usize, c: u32) -> R<bool> {
        let arg = || self.at(pc + 1);
        Ok(match self.at(pc)? {
            op::ANY => c != 10,
            op::ANY_ALL => true,
            op::LITERAL => c == arg()?,
            op::NOT_LITERAL => c != arg()?,
            op::LITERAL_IGNORE => ascii_lower(c) == arg()?,
            op::NOT_LITERAL_IGNORE => ascii_lower(c) != arg()?,
            op::LITERAL_UNI_IGNORE => uni_lower(c) == arg()?,
            op::NOT_LITERAL_UNI_IGNORE => uni_lower(c) != arg()?,
            op::LITERAL_LOC_IGNORE => {
                let a = arg()?;
                c == a || ascii_lower(c) == a || ascii_upper(c) == a
            }
            op::NOT_LITERAL_LOC_IGNORE => {
                let a = arg()?;
                !(c == a || ascii_lower(c) == a || ascii_upper(c) == a)
            }
            op::IN => self.in_set(pc + 2, c)?,
            op::IN_IGNORE => self.in_set(pc + 2, ascii_lower(c))?,
            op::IN_UNI_IGNORE => self.in_set(pc + 2, uni_lower(c))?,
            op::IN_LOC_IGNORE => {
                self.in_set(pc + 2, c)?
                    || self.in_set(pc + 2, ascii_lower(c))?
                    || self.in_set(pc + 2, ascii_upper(c))?
            }
            op::CATEGORY => category(arg()?, c),
            _ => return Err(BadCode),
        })
    }

    /// `SRE(charset)`: whether `c` is in the set starting at `p`.
    fn in_set(&self, mut p: usize, c: u32) -> R<bool> {
        let mut ok = true;
        loop {
            match self.at(p)? {
                op::FAILURE => return Ok(!ok),
                op::LITERAL => {
                    if c == self.at(p + 1)? {
                        return Ok(ok);
                    }
                    p += 2;
                }
                op::CATEGORY => {
                    if category(self.at(p + 1)?, c) {
                        return Ok(ok);
                    }
                    p += 2;
                }
                op::CHARSET => {
                    if c < 256 {
                        let w = self.at(p + 1 + (c as usize >> 5))?;
                        if w & (1 << (c & 31)) != 0 {
                            return Ok(ok);
                        }
                    }
                    p += 1 + 8;
                }
                op::RANGE => {
                    if (self.at(p + 1)?..=self.at(p + 2)?).contains(&c) {
                        return Ok(ok);
                    }
                    p += 3;
                }
                op::RANGE_UNI_IGNORE => {
                    let r = self.at(p + 1)?..=self.at(p + 2)?;
                    if r.contains(&c) || r.contains(&uni_upper(c)) {
                        return Ok(ok);
                    }
                    p += 3;
                }
                op::NEGATE => {
                    ok = !ok;
                    p += 1;
                }
                op::BIGCHARSET => {
                    let n = self.atu(p + 1)?;
                    if c < 65536 {
                        let hi = (c >> 8) as usize;
                        let word = self.at(p + 2 + hi / 4)?;
                        let block = ((word >> (8 * (hi % 4))) & 0xff) as usize;
                        let lo = (c & 255) as usize;
                        let bits = self.at(p + 2 + 64 + block * 8 + (lo >> 5))?;
                        if bits & (1 << (lo & 31)) != 0 {
                            return Ok(ok);
                        }
                    }
                    p += 2 + 64 + n * 8;
                }
                _ => return Err(BadCode),
            }
        }
    }

    /// `SRE(at)`: whether position `pos` satisfies the `AT` code.
    fn at_pos(&self, code: u32, pos: usize) -> bool {
        let t = self.text;
        let end = t.len();
        let before = |f: fn(u32) -> bool| pos > 0 && f(t[pos - 1]);
        let after = |f: fn(u32) -> bool| pos < end && f(t[pos]);
        match code {
            at::BEGINNING | at::BEGINNING_STRING => pos == 0,
            at::BEGINNING_LINE => pos == 0 || t[pos - 1] == 10,
            at::END => pos == end || (pos + 1 == end && t[pos] == 10),
            at::END_LINE => pos == end || t[pos] == 10,
            at::END_STRING => pos == end,
            at::BOUNDARY | at::LOC_BOUNDARY => {
                end > 0 && before(is_ascii_word) != after(is_ascii_word)
            }
            at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => {
                end > 0 && before(is_ascii_word) == after(is_ascii_word)
            }
            at::UNI_BOUNDARY => end > 0 && before(is_uni_word) != after(is_uni_word),
            at::UNI_NON_BOUNDARY => end > 0 && before(is_uni_word) == after(is_uni_word),
            _ => false,
        }
    }
}

/// What a top-level `SUCCESS` must check.
#[derive(Debug, Clone, Copy)]
struct TopLevel {
    start: usize,
    mode: Mode,
}
