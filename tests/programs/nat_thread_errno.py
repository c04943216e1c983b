import _thread
import errno
l = _thread.allocate_lock()
print(type(l), _thread.LockType is type(l), l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
try:
    l.release()
except RuntimeError as e:
    print('RuntimeError', e)
with l:
    print('inside', l.locked())
print(l.locked(), repr(l).startswith('<unlocked _thread.lock object at 0x'))
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), repr(r).startswith('<locked _thread.RLock object owner='))
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError', e)
print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX, type(_thread.get_ident()), _thread._count())
for bad in [lambda: l.acquire(False, 1), lambda: l.acquire(timeout=-2)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
class Local(_thread._local):
    pass
loc = Local(); loc.x = 5; print(loc.x, _thread._local)
print(errno.ENOENT, errno.errorcode[2], errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EWOULDBLOCK], len(errno.errorcode))
