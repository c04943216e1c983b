# An exception raised by a signal handler propagates from the point the
# handler ran; uncaught, it prints a traceback through the handler.
import os
import signal


def handler(signum, frame):
    raise RuntimeError(f"handler got {signal.Signals(signum).name}")


signal.signal(signal.SIGUSR1, handler)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
except RuntimeError as e:
    print("caught:", e)


def work():
    total = 0
    for i in range(10):
        total += i
        if i == 5:
            signal.raise_signal(signal.SIGUSR1)
    return total


try:
    work()
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback through", names)

print("now uncaught")
work()
