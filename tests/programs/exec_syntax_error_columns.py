# SyntaxError positions as CPython gives them: columns in characters for str
# source, in UTF-8 bytes for undeclared bytes source; a compiler error's text
# is read back from the file it names, so there is none without a file.
import sys

cases = [
    'é = "ü" + (1 2)\n',
    'x = b"déjà"\n',
    'é = 1; return 5\n',
    '# -*- coding: utf-8 -*-\né = (1 2)\n',
]
for src in cases:
    for source in (src, src.encode()):
        try:
            compile(source, 'no_such_file.py', 'exec')
        except SyntaxError as e:
            print(type(source).__name__, repr(e.text), e.offset, e.end_offset, e.msg)

import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), 'on_disk.py')
with open(path, 'w') as f:
    f.write('first line\nsecond line, not the compiled one\n')
try:
    compile('x = 1\nreturn 2\n', path, 'exec')
except SyntaxError as e:
    print('from the named file:', repr(e.text), e.lineno)
os.remove(path)

try:
    exec(b'\xc3\xa9 = 1 +* 2\n')
except SyntaxError as e:
    sys.excepthook(type(e), e, None)
