//! The pickler's output buffer with protocol 4's framing: each frame is
//! reserved a 9-byte header when it opens, and the header is filled in (or
//! removed, for a frame too small to be worth one) when it is committed at
//! an opcode boundary once it reaches 64 KiB.

use super::opcodes::{FRAME, FRAME_HEADER_SIZE, FRAME_SIZE_MIN, FRAME_SIZE_TARGET};

/// Bytes written so far and the open frame, if any.
#[derive(Default)]
pub(super) struct Output {
    /// The pickle written so far (or since the last flush to the file).
    pub buf: Vec<u8>,
    /// Where the open frame's reserved header starts.
    frame_start: Option<usize>,
    /// Whether frames are written (protocol 4 and above, inside `dump`).
    pub framing: bool,
}

impl Output {
    /// Appends `data`, opening a frame first when framing and none is open.
    pub fn write(&mut self, data: &[u8]) {
        if self.framing && self.frame_start.is_none() {
            self.frame_start = Some(self.buf.len());
            self.buf.extend_from_slice(&[0; FRAME_HEADER_SIZE]);
        }
        self.buf.extend_from_slice(data);
    }

    /// Appends one opcode byte.
    pub fn op(&mut self, op: u8) {
        self.write(&[op]);
    }

    /// Closes the open frame: fills in its header, or drops the header when
    /// the frame holds fewer than `FRAME_SIZE_MIN` bytes.
    pub fn commit_frame(&mut self) {
        let Some(start) = self.frame_start.take() else {
            return;
        };
        let len = self.buf.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.buf[start] = FRAME;
            self.buf[start + 1..start + FRAME_HEADER_SIZE]
                .copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.buf.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    /// At an opcode boundary: whether the open frame is full, in which case
    /// it is committed (and the caller may flush to the file).
    pub fn boundary(&mut self) -> bool {
        match self.frame_start {
            Some(start)
                if self.framing
                    && self.buf.len() - start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET =>
            {
                self.commit_frame();
                true
            }
            _ => false,
        }
    }

    /// Empties the buffer (after it went to the file) and forgets the frame.
    pub fn clear(&mut self) {
        self.buf.clear();
        self.frame_start = None;
    }
}
