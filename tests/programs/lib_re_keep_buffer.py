# A regular-expression scanner holds its bytearray subject's buffer while
# it lives (CPython's SRE state keeps a Py_buffer), so the subject cannot
# be resized until the scanner is gone.
import gc
import re

b = bytearray(b"xax")
it = re.finditer(b"a", b)
try:
    b.extend(b"x" * 400)
except BufferError as e:
    print("BufferError", e)
print([m.span() for m in it])
del it
gc.collect()
b.extend(b"yz")
print(b)
# A match object does not hold the buffer.
m = re.search(b"a", b)
b.append(0x21)
print(m.group(), b)
