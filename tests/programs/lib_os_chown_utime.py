# os.chown and os.lchown: to the caller's own ids (works unprivileged), -1
# keeping an id, the link itself for lchown, and the id conversion errors;
# os.utime on a FIFO (which must not be opened) and on a link itself.
import os
import shutil
import tempfile

d = tempfile.mkdtemp()
try:
    p = os.path.join(d, 'f')
    open(p, 'w').close()
    uid, gid = os.getuid(), os.getgid()
    os.chown(p, uid, gid)
    st = os.stat(p)
    print(st.st_uid == uid, st.st_gid == gid)
    os.chown(p, -1, -1)
    os.chown(p, uid, -1, follow_symlinks=True)
    os.symlink(p, p + 'l')
    os.lchown(p + 'l', uid, gid)
    os.chown(p + 'l', -1, gid, follow_symlinks=False)
    print(os.lstat(p + 'l').st_uid == uid, hasattr(os, 'lchown'))
    for bad in (('x', 1), (1.5, 1), (1, 'g'), (-2, 1), (2 ** 32, 1), (2 ** 64, 1), (-2 ** 70, 1)):
        try:
            os.chown(p, *bad)
        except (TypeError, OverflowError) as e:
            print(type(e).__name__, e)
    try:
        os.chown(os.path.join(d, 'missing'), uid, gid)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, os.path.basename(e.filename))
    try:
        os.chown(p, uid)
    except TypeError as e:
        print('TypeError', e)
    fifo = os.path.join(d, 'fifo')
    os.mkfifo(fifo)
    os.utime(fifo, (1000, 2000))
    os.chown(fifo, uid, gid)
    st = os.stat(fifo)
    print(st.st_atime, st.st_mtime)
    os.utime(fifo, ns=(-1500000000, 3000000001))
    st = os.stat(fifo)
    print(st.st_atime_ns, st.st_mtime_ns)
    os.utime(p, (5, 6))
    os.utime(p + 'l', (7, 8), follow_symlinks=False)
    print(os.stat(p).st_mtime, os.lstat(p + 'l').st_mtime)
    os.utime(p + 'l', (9, 10))
    print(os.stat(p).st_mtime, os.lstat(p + 'l').st_mtime)
    os.utime(p)
    print(os.stat(p).st_mtime > 10)
    try:
        os.utime(os.path.join(d, 'missing'), (1, 2))
    except FileNotFoundError as e:
        print(type(e).__name__, e, e.filename)
finally:
    shutil.rmtree(d)
