# Instances of str subclasses are text everywhere text is taken: str()
# keeps str's own __str__ even when the subclass overrides __repr__ (the
# email package's header tokens), str.join takes them, and re scans them
# (and other bytes-like objects).
import io
import re
from email.message import EmailMessage


class Token(str):
    def __repr__(self):
        return "Token({})".format(super().__repr__())


t = Token("ab")
print(str(t), repr(t), f"{t}", "%s" % t, format(t), [t], type(str(t)).__name__)
print("".join([t, Token("c")]), "-".join(Token(x) for x in "xyz"), "{}".format(t))
print(t, end="|\n")


class Num(int):
    def __repr__(self):
        return "Num!"


class Raw(bytes):
    def __repr__(self):
        return "Raw!"


print(str(Num(3)), str([1]), str(Raw(b"q")), repr(Raw(b"q")))
print(re.findall(r"\w", Token("ab c")), re.sub("a", "b", Token("aa")))
m = re.match("a", Token("a"))
print(type(m.string).__name__, type(m.group()).__name__)
print(re.findall(b".", bytearray(b"xy")), re.search(b"y", memoryview(b"xyz")).span())
try:
    re.findall(r"\w", 5)
except TypeError as e:
    print("TypeError", e)
try:
    "".join(["a", 1])
except TypeError as e:
    print("TypeError", e)

msg = EmailMessage()
msg["From"] = "a@example.com"
msg["To"] = "Bee <b@example.com>"
msg["Subject"] = "Hi"
msg.set_content("Body text\n")
print(msg.as_string())
print(msg["To"].addresses[0].username, msg.get_content_type())


class Seekable(io.RawIOBase):
    def seek(self, offset, whence=0):
        return 42


print(Seekable().tell())
