# sys.is_finalizing(): false in atexit handlers, true once teardown begins
# (module globals' __del__, garbage found by the last collections). Tracebacks
# printed while the modules are cleared have no source lines, as CPython's.
import atexit
import sys



class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self, sys=sys):
        print('del', self.name, sys.is_finalizing())


def scoped():
    Noisy('local')


scoped()
atexit.register(lambda: print('atexit', sys.is_finalizing()))


class Cycle:
    def __del__(self, sys=sys):
        print('cycle', sys.is_finalizing())
        raise ValueError('from a cycle')


def make_cycle():
    c = Cycle()
    c.me = c


atexit.register(make_cycle)


class Failing:
    def __del__(self, sys=sys):
        print('failing', sys.is_finalizing())
        raise KeyError('from a global')


keep = Noisy('global')
failing = Failing()
print('main', sys.is_finalizing())
