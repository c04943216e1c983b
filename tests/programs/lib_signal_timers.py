# alarm, setitimer and signal masks: a timer's signal interrupts time.sleep,
# a busy loop, signal.pause and select; blocked signals wait in sigpending.
import os
import select
import signal
import time

fired = []


def on_alarm(signum, frame):
    fired.append(signum)


signal.signal(signal.SIGALRM, on_alarm)
print(signal.alarm(0))
print(signal.getitimer(signal.ITIMER_REAL))

# A handler that returns: the sleep goes on for its whole length (PEP 475).
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
time.sleep(0.2)
print("slept whole", time.monotonic() - start >= 0.19, fired)


class Timeout(Exception):
    pass


def raise_timeout(signum, frame):
    raise Timeout(signal.Signals(signum).name)


signal.signal(signal.SIGALRM, raise_timeout)
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
try:
    time.sleep(10)
except Timeout as e:
    print("sleep interrupted by", e, time.monotonic() - start < 5)

signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except Timeout:
    print("loop interrupted")

r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.select([r], [], [], 10)
except Timeout:
    print("select interrupted")

signal.alarm(1)
try:
    os.read(r, 1)
except Timeout:
    print("read interrupted")

old = signal.setitimer(signal.ITIMER_REAL, 100, 50)
print("old timer", old)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print("timer", 99 < delay <= 100, interval)
print("cancel", [round(x) for x in signal.setitimer(signal.ITIMER_REAL, 0)])
print(signal.getitimer(signal.ITIMER_REAL))
try:
    signal.setitimer(signal.ITIMER_REAL, -1)
except signal.ItimerError as e:
    print(type(e).__name__, e.errno, issubclass(signal.ItimerError, OSError))

signal.signal(signal.SIGALRM, on_alarm)
fired.clear()
signal.setitimer(signal.ITIMER_REAL, 0.02)
signal.pause()
print("pause returned", fired)

# Blocked signals stay pending until unblocked.
signal.signal(signal.SIGUSR1, on_alarm)
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
os.kill(os.getpid(), signal.SIGUSR1)
print("pending", signal.sigpending(), fired)
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]))
print("delivered", fired, signal.sigpending())

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
os.kill(os.getpid(), signal.SIGUSR2)
print("sigwait", signal.sigwait([signal.SIGUSR2]))
print(signal.pthread_sigmask(signal.SIG_SETMASK, []))
for bad in ([0], [signal.NSIG], 3):
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# set_wakeup_fd: the signal number is written to a non-blocking descriptor.
try:
    signal.set_wakeup_fd(r)
except ValueError as e:
    print(e.args[0].replace(str(r), "N"))
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
os.kill(os.getpid(), signal.SIGUSR1)
print("wakeup byte", os.read(r, 10))
print(signal.set_wakeup_fd(-1) == w)
