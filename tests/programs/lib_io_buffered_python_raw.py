# Buffered layers over a raw stream written in Python: the C classes ask
# the stream what it can do before anything else, and a write that does
# not fit writes the pending bytes out first, keeping the new ones.
import io


class Tape(io.RawIOBase):
    def __init__(self, readable=True, writable=True, seekable=True):
        self.can = {"readable": readable, "writable": writable, "seekable": seekable}
        self.chunks = []

    def readable(self):
        return self.can["readable"]

    def writable(self):
        return self.can["writable"]

    def seekable(self):
        return self.can["seekable"]

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)


def attempt(label, make):
    try:
        make()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("reader of unreadable", lambda: io.BufferedReader(Tape(readable=False)))
attempt("writer of unwritable", lambda: io.BufferedWriter(Tape(writable=False)))
attempt("random of unseekable", lambda: io.BufferedRandom(Tape(seekable=False)))
attempt("random answering 1", lambda: io.BufferedRandom(Tape(writable=1)))
attempt("pair", lambda: io.BufferedRWPair(Tape(), Tape(writable=False)))
attempt("zero size", lambda: io.BufferedWriter(Tape(writable=False), 0))

tape = Tape()
out = io.BufferedWriter(tape, 8)
for piece in (b"abc", b"defg", b"hijkl", b"m", b"0123456789AB"):
    out.write(piece)
    print(piece, "->", tape.chunks)
out.flush()
print("flushed ->", tape.chunks)

sink = io.BytesIO()
layered = io.BufferedWriter(sink, 4)
layered.write(bytearray(b"xyz"))
layered.write(b"uv")
print(sink.getvalue())
layered.flush()
print(sink.getvalue())
