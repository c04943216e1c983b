# PYTHONIOENCODING with codecs the registry provides (UTF-16, UTF-32,
# cp1252, koi8-r, utf-8-sig) and error handlers with an empty or UTF-8
# encoding: the standard streams' encoding names, the bytes written to
# stdout and stderr, and stdin read back (readline, input, read) in that
# encoding. Each case runs a child interpreter on pipes.
import os
import subprocess
import sys

CHILD = r'''
import sys
print(sys.stdout.encoding, sys.stdout.errors, sys.stdin.encoding,
      sys.stdin.errors, sys.stderr.encoding, sys.stderr.errors)
print('caf\xe9 \u20ac')
sys.stdout.write('w\xe9\n')
print('err caf\xe9 \u20ac \u0416', file=sys.stderr)
print(ascii(sys.stdin.readline()))
print(ascii(input()))
print(ascii(sys.stdin.read()))
'''

TEXT = 'h\xe9llo \u20ac\nsecond\nrest\n'
CASES = [
    ('utf-16', TEXT.encode('utf-16')),
    ('utf_16_le', TEXT.encode('utf-16-le')),
    ('UTF-32', TEXT.encode('utf-32')),
    ('cp1252', TEXT.encode('cp1252')),
    ('cp1252:backslashreplace', TEXT.encode('cp1252')),
    ('koi8-r:replace', b'h\xc1llo\nsecond\nrest\n'),
    ('utf-8-sig', b'\xef\xbb\xbf' + TEXT.encode()),
    (':replace', b'h\xe9llo\nsecond\xff\nrest\n'),
    ('utf-8:replace', b'h\xe9llo\nsecond\xff\nrest\n'),
    ('latin-1', b'h\xe9llo\nsecond\xff\nrest\n'),
    ('ascii:ignore', b'h\xe9llo\nsecond\xff\nrest\n'),
    ('koi8-r', TEXT.encode('utf-8')),
]

for setting, data in CASES:
    env = dict(os.environ, PYTHONIOENCODING=setting)
    p = subprocess.run([sys.executable, '-c', CHILD], capture_output=True,
                       env=env, input=data)
    print(setting, p.returncode)
    for line in p.stdout.split(b'\n'):
        if line:
            print('  out', line)
    err = p.stderr.split(b'\n')
    # A failing child's traceback: its last line is enough.
    for line in [l for l in err if l][-1:] if p.returncode else err:
        if line:
            print('  err', line)
