# print(..., file=obj) writes each piece with its own write() call.
import sys


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


w = W()
print(1, "a", 2.5, file=w)
print(file=w)
print("x", "y", sep="-", end="!", file=w)
print(*[], sep="", end="", file=w)
print([1, 2], None, file=w, sep=None, end=None)
print(w.parts)


class Flushing(W):
    def flush(self):
        self.parts.append("<flush>")


fw = Flushing()
print("a", file=fw, flush=True)
print(fw.parts)


class Noisy:
    def __str__(self):
        print("(str called)")
        return "noisy"


print("before", Noisy(), "after")
old = sys.stdout
cap = W()
sys.stdout = cap
print("captured", 3)
sys.stdout = old
print(cap.parts)


class N:
    pass


try:
    print("x", file=N())
except AttributeError as e:
    print(e)
print("k", file=None)
