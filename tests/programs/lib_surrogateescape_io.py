# surrogateescape through TextIOWrapper and lone surrogates through StringIO,
# which email's bytes parser relies on.
import email
import io

raw = b"Subject: caf\xc3\xa9\n\nbody \xff\xfe line\nsecond\n"
t = io.TextIOWrapper(io.BytesIO(raw), encoding="ascii", errors="surrogateescape")
text = t.read()
print(ascii(text))
print(text.encode("ascii", "surrogateescape") == raw)

t = io.TextIOWrapper(io.BytesIO(raw), encoding="ascii", errors="surrogateescape")
print([ascii(line) for line in t])

t = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")
print(ascii(t.readline()), ascii(t.readline(4)), ascii(t.read()))

out = io.BytesIO()
w = io.TextIOWrapper(out, encoding="ascii", errors="surrogateescape")
w.write("x\udcffy\udc80\n")
w.flush()
print(out.getvalue())
try:
    w.write("\xe9")
    w.flush()
except UnicodeEncodeError as e:
    print(type(e).__name__)

s = io.StringIO("a\udce1b\n\ud800c\n")
print(ascii(s.readline()), ascii(s.read()))
s.write("\udcff!")
print(ascii(s.getvalue()), s.tell())
print([ascii(line) for line in io.StringIO("x\udc80\ny\n")])

msg = email.message_from_bytes(
    b"Content-Type: text/plain; charset=utf-8\n"
    b"Content-Transfer-Encoding: 8bit\n\np\xc3\xb6stal\n")
print(ascii(msg.get_payload()), msg.get_payload(decode=True))
