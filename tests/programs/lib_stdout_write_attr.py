# A `write` set on sys.stdout itself is what print() calls.
import sys

seen = []


def capture(text):
    seen.append(text)
    return len(text)


sys.stdout.write = capture
print("hidden", 1, sep="-")
print("also hidden")
del sys.stdout.write
print("captured:", seen)
