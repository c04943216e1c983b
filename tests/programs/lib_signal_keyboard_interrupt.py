# SIGINT raises KeyboardInterrupt (default_int_handler installed at
# start-up); uncaught, the program prints a traceback and dies by SIGINT.
import os
import signal
import sys

try:
    os.kill(os.getpid(), signal.SIGINT)
except KeyboardInterrupt as e:
    print("caught", repr(e), e.args)

try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raises")


def spin():
    n = 0
    while True:
        n += 1
        if n == 1000:
            os.kill(os.getpid(), signal.SIGINT)


try:
    spin()
except KeyboardInterrupt:
    print("spin interrupted")

sys.stdout.flush()
os.kill(os.getpid(), signal.SIGINT)
print("not reached")
