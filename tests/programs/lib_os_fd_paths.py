# posix functions on descriptors and bytes-like paths: truncate(fd),
# utime's times (floored per part), descriptors, dir_fd and links; bytearray
# and memoryview paths with their DeprecationWarning; DirEntry and the
# scandir iterator refusing pickling; an unclosed scandir iterator's
# ResourceWarning; open() of an undecodable (PEP 383) file name.
import gc
import os
import pickle
import tempfile
import warnings

print(os.utime in os.supports_fd, os.utime in os.supports_dir_fd,
      os.utime in os.supports_follow_symlinks, os.truncate in os.supports_fd)

with tempfile.TemporaryDirectory() as d:
    name = os.path.join(d, "f.txt")
    with open(name, "wb") as f:
        f.write(b"0123456789")
    fd = os.open(name, os.O_RDWR)
    os.truncate(fd, 4)
    print(os.path.getsize(name))
    try:
        os.truncate(987654, 0)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename)

    for times in [(1.002003, 5.999999999), (-1.5, 2), (10**9, 1.25e9)]:
        os.utime(name, times)
        st = os.stat(name)
        print(times, st.st_atime_ns, st.st_mtime_ns)
    os.utime(name, ns=(1002003000, -1))
    st = os.stat(name)
    print(st.st_atime_ns, st.st_mtime_ns)
    os.utime(fd, (7, 8))
    print(os.stat(name).st_mtime_ns)
    dfd = os.open(d, os.O_RDONLY)
    os.utime("f.txt", ns=(11, 12), dir_fd=dfd)
    print(os.stat(name).st_mtime_ns)
    os.symlink("f.txt", os.path.join(d, "link"))
    os.utime(os.path.join(d, "link"), ns=(3, 4), follow_symlinks=False)
    print(os.stat(name).st_mtime_ns, os.lstat(os.path.join(d, "link")).st_mtime_ns)
    for args, kw in [(((5, 5),), dict(ns=(5, 5))), (([5, 5],), {}), (((5,),), {}),
                     ((), dict(ns=[5, 5])), ((), dict(ns=(5, 5, 5))),
                     (((float("nan"), 1),), {}), (((1e300, 1),), {})]:
        try:
            os.utime(name, *args, **kw)
        except (TypeError, ValueError, OverflowError) as e:
            print(type(e).__name__, e)
    for kw in [dict(dir_fd=dfd), dict(follow_symlinks=False)]:
        try:
            os.utime(fd, (1, 2), **kw)
        except ValueError as e:
            print(type(e).__name__, e)
    os.close(dfd)
    os.close(fd)

    for cls in (bytearray, memoryview):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            entries = list(os.scandir(cls(os.fsencode(d))))
            missing = cls(os.fsencode(os.path.join(d, "missing")))
            try:
                os.stat(missing)
            except FileNotFoundError as e:
                print("filename kept:", e.filename is missing)
        print(sorted(e.name for e in entries))
        print([str(x.message) for x in w], [x.category.__name__ for x in w])

    class Str(str):
        pass
    try:
        os.stat(Str(os.path.join(d, "missing")))
    except FileNotFoundError as e:
        print(type(e.filename).__name__)

    entry = next(iter(os.scandir(d)))
    for obj in (entry, os.scandir(d)):
        try:
            pickle.dumps(obj)
        except TypeError as e:
            print(type(e).__name__, e)

    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        it = os.scandir(d)
        next(it)
        del it
        gc.collect()
        it = os.scandir(d)
        list(it)
        del it
        with os.scandir(d) as it:
            next(it)
        del it
        gc.collect()
    print([(x.category.__name__, str(x.message).split(" <")[0]) for x in w])

    odd = os.path.join(os.fsencode(d), b"odd-\xff.txt")
    with open(odd, "wb") as f:
        f.write(b"pep 383")
    decoded = os.fsdecode(odd)
    with open(decoded, "rb") as f:
        print(f.read(), ascii(os.path.basename(f.name)))
