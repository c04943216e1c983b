# _io.FileIO's own state as fileio.c keeps it: closefd, the descriptor in
# the repr, a read-only mode, _blksize, close() reporting EBADF, directories
# refused, and a descriptor the caller passed left open when __init__ fails.
import errno
import io
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data")
    with open(path, "wb") as f:
        f.write(b"abc")

    fd = os.open(path, os.O_RDONLY)
    with io.FileIO(fd, "r", closefd=False) as f:
        print(repr(f) == "<_io.FileIO name=%d mode='rb' closefd=False>" % fd)
        print(f.fileno() == fd, f.read())
    # The descriptor is still ours: reading it again works.
    os.lseek(fd, 0, 0)
    print(os.read(fd, 10))
    os.close(fd)

    f = io.FileIO(path, "w")
    print(repr(f).replace(repr(path), "PATH"))
    del f.name
    print(repr(f) == "<_io.FileIO fd=%d mode='wb' closefd=True>" % f.fileno())
    for attr in ("mode", "closed"):
        try:
            setattr(f, attr, "oops")
        except (AttributeError, TypeError) as e:
            print(attr, type(e).__name__)
    print(f.mode, type(f._blksize).__name__, f._blksize > 0)
    f.close()
    print(repr(f))

    class Sub(io.FileIO):
        pass

    with Sub(path) as s:
        print(repr(s).replace(repr(path), "PATH"))
        s.name = s
        try:
            repr(s)
        except RuntimeError as e:
            print("RuntimeError", e)

    # A descriptor closed behind the file's back: close() says so, once.
    f = io.FileIO(path, "r")
    os.close(f.fileno())
    try:
        f.close()
    except OSError as e:
        print("close:", e.errno == errno.EBADF)
    print(f.closed, repr(f))
    f.close()

    dfd = os.open(d, os.O_RDONLY)
    for make in (lambda: io.FileIO(dfd, "r"), lambda: open(dfd, "rb")):
        try:
            make()
        except OSError as e:
            print(type(e).__name__, e.errno == errno.EISDIR, e.filename == dfd)
    os.close(dfd)

    class Refuses(io.FileIO):
        def __setattr__(self, name, value):
            if name == "name":
                raise KeyError("no name")
            super().__setattr__(name, value)

    fd = os.open(path, os.O_RDONLY)
    try:
        Refuses(fd)
    except KeyError as e:
        print("KeyError", e)
    os.close(fd)  # still open: no EBADF
    print("closed fd cleanly")
