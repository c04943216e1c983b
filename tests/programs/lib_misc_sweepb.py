# Assorted library behaviours: heapq.heappushpop on a heap its comparison
# emptied, an exception class deriving from a Python class reading
# `self.__dict__`, a text file's encode error message, and
# test.support's recursion accounting.
import heapq
import io
import sys


class EvilClass(int):
    def __lt__(self, o):
        heap.clear()
        return NotImplemented


heap = []
heapq.heappush(heap, EvilClass(0))
try:
    heapq.heappushpop(heap, 1)
except IndexError as e:
    print("IndexError", e)
print(heapq.heappushpop([1, 5, 3], 4), heapq.heappushpop([], 2), heapq.heappushpop([3], 1))


class Wrapper:
    def __init__(self, file):
        self.file = file

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)


class Failure(Exception, Wrapper):
    def __init__(self, msg):
        Exception.__init__(self, msg)
        Wrapper.__init__(self, io.StringIO("content"))


f = Failure("boom")
print(f.read(), f.__dict__.keys(), getattr(f, "__notes__", ()))
print(Wrapper.__dict__["__dict__"].__get__(f) is f.__dict__)

buf = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
for text in ["abcd\xd8", "x\u20ac", "y\U0001f600"]:
    try:
        buf.write(text)
        buf.flush()
    except UnicodeEncodeError as e:
        print(e)
latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
try:
    latin.write("a\u0100")
    latin.flush()
except UnicodeEncodeError as e:
    print(e)

from test import support

# test.support sets recursion limits relative to the depth
# _testinternalcapi reports, which counts the native levels (a call of an
# instance, a repr) that count against the limit, not only frames.


def rec(n):
    try:
        return rec(n + 1)
    except RecursionError:
        return n


def measure():
    with support.infinite_recursion(max_depth=50):
        available = support.get_recursion_available()
        print("frames beyond available:", rec(1) + 1 - available)


class Runner:
    def __call__(self):
        measure()

    def __repr__(self):
        measure()
        return "R"


measure()
Runner()()
repr(Runner())
