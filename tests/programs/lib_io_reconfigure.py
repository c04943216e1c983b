# TextIOWrapper.reconfigure on the standard streams and on files, and the
# position of a file opened for appending.
import os
import sys
import tempfile

sys.stdout.reconfigure(encoding="utf-8")
print("after reconfigure:", sys.stdout.encoding)
sys.stdout.reconfigure(line_buffering=True)
print("line_buffering:", sys.stdout.line_buffering)
sys.stdout.reconfigure(errors="backslashreplace")
print("errors:", sys.stdout.errors, sys.stdout.encoding)
try:
    sys.stdout.reconfigure(encoding=5)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(sys.stdout, "reconfigure"), hasattr(sys.stdout.buffer, "reconfigure"))

d = tempfile.mkdtemp()
p = os.path.join(d, "x.txt")
with open(p, "w") as f:
    f.write("abc")
with open(p, "a") as f:
    print("append tell at open:", f.tell())
    f.write("de")
    print("after write:", f.tell())
with open(p, "ab") as f:
    print("binary append tell:", f.tell())
with open(p, "w") as f:
    f.reconfigure(newline="\r\n")
    f.write("a\nb\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, "r") as f:
    f.reconfigure(newline="")
    print(repr(f.read()))
g = open(p, "w", encoding="latin-1")
g.reconfigure(encoding="utf-8", errors="replace")
print(g.encoding, g.errors)
g.write("é")
g.close()
with open(p, "rb") as f:
    print(f.read())
os.remove(p)
os.rmdir(d)
