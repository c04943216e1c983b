# PEP 383 file names: bytes that are not UTF-8 round-trip through str.
import os
import tempfile

d = tempfile.mkdtemp()
name = os.fsdecode(b'caf\xe9')
print(ascii(name), os.fsencode(name), os.fsencode(name) == b'caf\xe9')
os.mkdir(os.path.join(os.fsencode(d), b'caf\xe9'))
print([ascii(n) for n in os.listdir(d)])
print(os.path.exists(os.path.join(d, name)), os.path.isdir(os.path.join(d, name)))
print(sorted(os.listdir(os.fsencode(d))))
print([ascii(os.path.basename(p)) for p in [os.path.join(d, n) for n in os.listdir(d)]])
os.rmdir(os.path.join(d, name))
print(os.listdir(d))
os.rmdir(d)
try:
    os.stat('\ud800')
except UnicodeEncodeError as e:
    print(e)
try:
    os.fsencode('\ud800')
except UnicodeEncodeError as e:
    print(e)
print(ascii(os.fsdecode(b'\xff\xfe')), os.fsencode('\udcff\udcfe'))
