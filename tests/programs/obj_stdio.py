# sys.stdout, sys.stderr and sys.stdin are _io.TextIOWrapper objects.
import sys
import io

print(type(sys.stdout), type(sys.stderr), type(sys.stdin))
print(repr(sys.stdout))
print(repr(sys.stderr))
print(repr(sys.stdin))
print(type(sys.stdout).__name__, type(sys.stdout).__module__)
print(sys.stdout.encoding, sys.stdout.name, sys.stdout.mode, sys.stderr.errors)
print(repr(sys.stdin.buffer), sys.stdout.buffer.mode, sys.stdin.buffer.mode)
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stderr, io.TextIOBase))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)

# write returns the number of characters, buffer.write the number of bytes.
n = sys.stdout.write("héllo wörld\n")
print(n)
sys.stdout.flush()
print(sys.stdout.buffer.write("ünïcode\n".encode()))
sys.stdout.buffer.flush()
sys.stdout.writelines(["one\n", "two\n"])

print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.closed, sys.stdout.writable(), sys.stdout.readable())
print(sys.stdin.readable(), sys.stdin.writable())
print(sys.stdout.isatty(), sys.stdin.isatty())

for bad in (b"x", 3, None):
    try:
        sys.stdout.write(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)

# print(file=...) and redirection of sys.stdout.
print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
old = sys.stdout
sys.stdout = io.StringIO()
print("captured", 1, 2)
sys.stdout.write("more\n")
text = sys.stdout.getvalue()
sys.stdout = old
print(repr(text))

from contextlib import redirect_stdout, redirect_stderr
buf = io.StringIO()
with redirect_stdout(buf):
    print("inside")
    sys.stdout.write("written\n")
print(repr(buf.getvalue()))
ebuf = io.StringIO()
with redirect_stderr(ebuf):
    print("err inside", file=sys.stderr)
print(repr(ebuf.getvalue()))

# A class that only has write() works as a file.
class Upper:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s.upper())
        return len(s)
u = Upper()
print("shout", "this", file=u, sep="-")
print(u.parts)

# stdin reads.
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(4)))
for line in sys.stdin:
    print("line:", repr(line))
print(repr(sys.stdin.readline()))

# print to a closed stdout raises.
sys.stdout.close()
try:
    print("lost")
except ValueError as e:
    sys.stderr.write("ValueError: %s\n" % e)
