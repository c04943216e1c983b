# Python signal handlers run when a signal arrives: os.kill, raise_signal,
# pthread_kill, interrupt_main; getsignal/SIG_IGN/SIG_DFL answers.
import _thread
import os
import signal
import threading

seen = []


def handler(signum, frame):
    seen.append(signum)
    print("handler:", signal.Signals(signum).name, type(frame).__name__,
          frame.f_code.co_name, frame.f_lineno)


print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
old = signal.signal(signal.SIGUSR1, handler)
print("old:", repr(old), old is signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR1) is handler)

os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", seen)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", seen)


def inner():
    signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
    return "inner done"


print(inner())

# A handler also runs inside loops and nested calls.
for i in range(3):
    os.kill(os.getpid(), signal.SIGUSR1)
print(len(seen))

# SIG_IGN: nothing happens.
print(repr(signal.signal(signal.SIGUSR2, signal.SIG_IGN)))
os.kill(os.getpid(), signal.SIGUSR2)
print("ignored", repr(signal.getsignal(signal.SIGUSR2)))

# interrupt_main simulates a signal; ignored/default handlers do nothing.
_thread.interrupt_main(signal.SIGUSR2)
signal.signal(signal.SIGUSR2, handler)
_thread.interrupt_main(signal.SIGUSR2)
try:
    _thread.interrupt_main()
except KeyboardInterrupt as e:
    print("interrupt_main:", repr(e))

# A callable object and a bound method are handlers too.
class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, signum, frame):
        self.n += signum


c = Counter()
signal.signal(signal.SIGUSR2, c)
os.kill(os.getpid(), signal.SIGUSR2)
os.kill(os.getpid(), signal.SIGUSR2)
print("counter", c.n)

# Errors.
for args in [(signal.SIGKILL, handler), (signal.SIGUSR1, 5), (0, handler),
             (signal.NSIG, handler), (signal.SIGUSR1, True)]:
    try:
        signal.signal(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for f, a in [(signal.raise_signal, 99), (signal.getsignal, 70),
             (signal.siginterrupt, 0), (signal.strsignal, 0)]:
    try:
        f(*((a,) if f is not signal.siginterrupt else (a, 1)))
    except (OSError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)

print(signal.getsignal(32), len(signal.valid_signals()), signal.strsignal(signal.SIGUSR1))
print(signal.siginterrupt(signal.SIGUSR1, False), signal.siginterrupt(signal.SIGUSR1, True))
print(sorted(signal.Signals(n).name for n in (1, 2, 15)))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)
print(repr(signal.getsignal(signal.SIGUSR1)))
