# Writes larger than a pipe holds, while another Python thread reads the
# pipe: a blocking write must let the reader run (CPython releases the GIL
# around write(2)) and write everything; a signal whose handler raises ends
# the write with the handler's exception, one whose handler returns lets it
# go on (PEP 475), and a handler may start the reader.
import _pyio
import io
import os
import signal
import threading

N = 1 << 20


def drain(r, out):
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        out.append(len(b))


def with_reader(write):
    r, w = os.pipe()
    got = []
    t = threading.Thread(target=drain, args=(r, got))
    t.start()
    try:
        result = write(w)
    finally:
        os.close(w)
        t.join()
        os.close(r)
    return result, sum(got)


print("os.write", with_reader(lambda w: os.write(w, b"x" * N)))
for mod in (io, _pyio):
    for mode, data, kw in (("wb", b"y" * N, {}), ("wb", b"y" * N, {"buffering": 0}),
                           ("w", "z" * N, {"encoding": "latin-1"})):
        def write(w):
            f = mod.open(w, mode, closefd=False, **kw)
            n = f.write(data)
            f.flush()
            f.close()
            return n
        print(mod.__name__, mode, kw, with_reader(write))

# A handler that starts the reader while the write waits for room.
for mod in (io, _pyio):
    r, w = os.pipe()
    got = []
    t = threading.Thread(target=drain, args=(r, got))

    def start_reader(sig, frame):
        t.start()

    old = signal.signal(signal.SIGALRM, start_reader)
    f = mod.open(w, "wb", closefd=False)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    n = f.write(b"s" * N)
    f.flush()
    os.close(w)
    t.join()
    os.close(r)
    signal.signal(signal.SIGALRM, old)
    print(mod.__name__, "started by handler", n, sum(got))

# A handler that raises: the write stops with its exception.
for mod in (io, _pyio):
    r, w = os.pipe()

    def boom(sig, frame):
        1 / 0

    old = signal.signal(signal.SIGALRM, boom)
    f = mod.open(w, "wb", buffering=0, closefd=False)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        f.write(b"e" * N)
    except ZeroDivisionError:
        print(mod.__name__, "interrupted: ZeroDivisionError")
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)
    os.close(w)
    os.close(r)
