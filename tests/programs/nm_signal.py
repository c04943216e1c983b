import _signal

names = sorted(n for n in dir(_signal) if n.startswith("SIG") or n in ("NSIG",))
print([(n, getattr(_signal, n)) for n in names])
print(_signal.getsignal(_signal.SIGINT), _signal.getsignal(13), _signal.getsignal(15), _signal.getsignal(25))
print(_signal.default_int_handler is _signal.getsignal(2))
print(sorted(_signal.valid_signals()) == [i for i in range(1, 65) if i not in (32, 33)], type(_signal.valid_signals()))
print([_signal.strsignal(i) for i in (1, 2, 9, 15, 17, 31, 32, 34, 64)])


def handler(signum, frame):
    print("called", signum)


print(_signal.signal(_signal.SIGTERM, handler), _signal.getsignal(15) is handler)
print(_signal.signal(15, _signal.SIG_IGN) is handler, _signal.getsignal(15))
print(_signal.signal(15, _signal.SIG_DFL), _signal.signal(2, _signal.SIG_DFL), _signal.getsignal(2))
print(_signal.signal(2, _signal.default_int_handler))
print(_signal.set_wakeup_fd(-1), issubclass(_signal.ItimerError, OSError), _signal.ItimerError)
calls = [
    lambda: _signal.signal(99, _signal.SIG_IGN),
    lambda: _signal.signal(9, _signal.SIG_IGN),
    lambda: _signal.signal(19, handler),
    lambda: _signal.signal(2, 5),
    lambda: _signal.signal(2, "x"),
    lambda: _signal.signal(2),
    lambda: _signal.getsignal(0),
    lambda: _signal.getsignal("a"),
    lambda: _signal.strsignal(100),
    lambda: _signal.default_int_handler(2, None),
]
for c in calls:
    try:
        print(c())
    except BaseException as e:
        print(type(e).__name__, e)
