//! The input side of a decompressor object, shared by `_bz2` and `_lzma`
//! (the `eof`/`needs_input`/`unused_data` bookkeeping of CPython's
//! `decompress()` in both modules).

/// What a decompressor has been fed and what it exposes of it.
pub(in crate::modules) struct DecompInput {
    /// `eof`: the end of the stream was reached.
    pub eof: bool,
    /// `needs_input`.
    pub needs_input: bool,
    /// `unused_data`: what followed the end of the stream.
    pub unused_data: Vec<u8>,
    /// Input the stream has not consumed yet (left when `max_length`
    /// stopped the previous call), from `pending_pos` on; it goes in before
    /// the next call's data. Kept with its offset, so that draining a big
    /// input in small outputs copies nothing.
    pending: Vec<u8>,
    pending_pos: usize,
}

impl DecompInput {
    /// A fresh stream's input: nothing fed, input needed.
    pub fn new() -> DecompInput {
        DecompInput {
            eof: false,
            needs_input: true,
            unused_data: Vec::new(),
            pending: Vec::new(),
            pending_pos: 0,
        }
    }

    /// A call's input: what is pending, then `data`, as one buffer and the
    /// offset its unconsumed part starts at.
    pub fn take(&mut self, data: Vec<u8>) -> (Vec<u8>, usize) {
        let mut input = std::mem::take(&mut self.pending);
        let start = std::mem::take(&mut self.pending_pos).min(input.len());
        if start == input.len() {
            return (data, 0);
        }
        if !data.is_empty() {
            input.drain(..start);
            input.extend_from_slice(&data);
            return (input, 0);
        }
        (input, start)
    }

    /// Records a call that consumed `input` up to `used`: `end` if the
    /// stream ended, `full` if its output filled up (so more may come out
    /// without new input).
    pub fn settle(&mut self, mut input: Vec<u8>, used: usize, end: bool, full: bool) {
        let used = used.min(input.len());
        if end {
            self.eof = true;
            self.needs_input = false;
            if used < input.len() {
                input.drain(..used);
                self.unused_data = input;
            }
        } else if used == input.len() {
            self.needs_input = !full;
        } else {
            self.needs_input = false;
            self.pending = input;
            self.pending_pos = used;
        }
    }
}
