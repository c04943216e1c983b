# email's header objects are str subclasses holding surrogate-escaped bytes:
# str() of them and str.translate must keep lone surrogates.
x = b"test \xacfoo  val".decode("ascii", "surrogateescape")

# The str-level cases are in obj_str_translate_surrogates.
from email import message_from_bytes
from email.policy import default

raw = "Next-Line: not\x85broken\r\nLine-Sep: a\u2028b\r\n\r\nbody\r\n".encode("utf-8")
msg = message_from_bytes(raw, policy=default)
print(ascii(msg.items()))
from email._header_value_parser import get_unstructured

t = get_unstructured(x)
print(ascii(str(t)), ascii(t.value), t.all_defects)
