# faulthandler's flag and dump_traceback to a file descriptor (stdout: a
# real descriptor, so not in the VM-only suite, which captures output).
import faulthandler
import sys

print(faulthandler.is_enabled())
print(faulthandler.disable())
print(faulthandler.enable(file=sys.stdout))
print(faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.disable())


def inner():
    print("before", flush=True)
    faulthandler.dump_traceback(file=sys.stdout, all_threads=False)
    faulthandler.dump_traceback(sys.stdout.fileno(), False)


def outer():
    inner()


outer()

for bad in [5.0, -1, object()]:
    try:
        faulthandler.dump_traceback(file=bad)
    except (AttributeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    faulthandler.dump_traceback(sys.stdout, True, 3)
except TypeError as e:
    print(e)
