# PYTHONIOENCODING=encoding[:errors] sets the standard streams' codec and
# stdout/stdin's error handler (stderr keeps backslashreplace). Each case
# runs a child interpreter and shows the bytes it wrote.
import os
import subprocess
import sys

CHILD = r'''
import sys
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.encoding,
      sys.stderr.errors, sys.stdin.encoding, sys.stdin.errors)
print('caf\xe9 \u20ac')
sys.stdout.write('w\xe9\n')
print('err caf\xe9 \u20ac', file=sys.stderr)
'''

for setting in ['latin-1', 'latin-1:replace', 'ascii:replace',
                'ascii:backslashreplace', 'ascii:xmlcharrefreplace',
                'UTF8', ':ignore', 'ascii', 'iso-8859-1:ignore']:
    env = dict(os.environ, PYTHONIOENCODING=setting)
    p = subprocess.run([sys.executable, '-c', CHILD], capture_output=True,
                       env=env)
    print(setting, p.returncode)
    for line in p.stdout.splitlines():
        print('  out', line)
    err = p.stderr.splitlines()
    # A failing child's traceback: its last line is enough.
    for line in err[-1:] if p.returncode else err:
        print('  err', line)
