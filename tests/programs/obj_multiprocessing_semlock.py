# _multiprocessing.SemLock and _posixshmem: locks, semaphores, errors.
import _multiprocessing as m
import _posixshmem as p
import posix as os  # the native module: this case runs without the standard library

base = "/pith-semlock-%d-" % os.getpid()
print(sorted(k for k in m.__dict__ if not k.startswith("__")))
print(m.flags)
print(m.SemLock.SEM_VALUE_MAX, m.SemLock.__module__)
s = m.SemLock(1, 1, 1, base + "1", True)
print(s.handle > 0, s.kind, s.maxvalue, repr(s.name))
s2 = m.SemLock(1, 1, 1, base + "2", False)
print(s2.name == base + "2")
m.sem_unlink(base + "2")
try:
    m.sem_unlink(base + "2")
except Exception as e:
    print(repr(e), e.filename)
try:
    s.release()
except Exception as e:
    print(repr(e))
print(s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
print(s._count(), s._is_mine(), s._get_value(), s._is_zero())
print(s.acquire(block=False, timeout=5))
r = m.SemLock(0, 1, 1, base + "3", True)
print(r.acquire(), r.acquire(), r._count())
r.release()
r.release()
try:
    r.release()
except Exception as e:
    print(repr(e))
try:
    m.SemLock(5, 1, 1, base + "4", True)
except Exception as e:
    print(repr(e))
try:
    m.SemLock(1, 1, 1, "bad/name", True)
except Exception as e:
    print(repr(e))
try:
    m.SemLock()
except Exception as e:
    print(repr(e))
s.release()
print(s.__enter__(), s.__exit__(None, None, None), s._count())
s._after_fork()
print(s._count())
try:
    p.shm_open("/pith-nonexistent-shm", 0)
except Exception as e:
    print(repr(e), e.filename)
try:
    p.shm_unlink("/pith-nonexistent-shm")
except Exception as e:
    print(repr(e), e.filename)
fd = p.shm_open(base + "shm", os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
os.ftruncate(fd, 100)
print(os.fstat(fd).st_size)
os.close(fd)
p.shm_unlink(base + "shm")
