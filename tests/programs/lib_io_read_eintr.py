# PEP 475: a buffered read interrupted by a signal runs the Python handler,
# then reads again; an exception from the handler ends the read.
import os, signal, io
r, w = os.pipe()
def h(sig, frame):
    os.write(w, b"bar")
signal.signal(signal.SIGALRM, h)
rio = io.open(r, "rb", closefd=False)
os.write(w, b"foo")
signal.setitimer(signal.ITIMER_REAL, 0.1)
print(rio.read(6))
rio.close()
r2, w2 = os.pipe()
def h2(sig, frame):
    raise ZeroDivisionError("from handler")
signal.signal(signal.SIGALRM, h2)
rio = io.open(r2, "rb", closefd=False)
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    rio.read(5)
except ZeroDivisionError as e:
    print("raised", e)
rio2 = io.open(r, "r", closefd=False)
def h3(sig, frame):
    os.write(w, b"line two\n")
signal.signal(signal.SIGALRM, h3)
os.write(w, b"line ")
signal.setitimer(signal.ITIMER_REAL, 0.1)
print(repr(rio2.readline()))
