# str() of a str subclass's instance and str.translate keep lone surrogates
# (email's header objects are str subclasses holding surrogate-escaped bytes).
x = b"test \xacfoo  val".decode("ascii", "surrogateescape")


class S(str):
    pass


s = S(x)
print(ascii(str(s)), type(str(s)).__name__, str(s) == x)
print(ascii(x.translate({ord("t"): "T"})))
print(ascii(x.translate({0xDCAC: None})), ascii(x.translate({0xDCAC: "?"})))
print(ascii("abc".translate({ord("b"): 0xDC80})), ascii("abc".translate({ord("b"): "\udc81x"})))
print(ascii("héllo".translate(str.maketrans("é", "e"))), ascii("abc".translate({97: 98, 99: None})))
try:
    "a".translate({97: 0x110000})
except ValueError as e:
    print("ValueError", e)
try:
    "a".translate({97: 1.5})
except TypeError as e:
    print("TypeError", e)


class Table:
    def __getitem__(self, k):
        if k == 0xDCAC:
            return "<surrogate>"
        raise LookupError


print(ascii(x.translate(Table())))

from email import message_from_bytes
from email.policy import default

raw = "Next-Line: not\x85broken\r\nLine-Sep: a\u2028b\r\n\r\nbody\r\n".encode("utf-8")
msg = message_from_bytes(raw, policy=default)
print(ascii(msg.items()))
from email._header_value_parser import get_unstructured

t = get_unstructured(x)
print(ascii(str(t)), ascii(t.value), t.all_defects)
