# Reading stdin the ways test programs do: readline, sized reads, next(),
# iteration, input(), readlines, and a replaced sys.stdin.
import io
import sys

count = int(sys.stdin.readline())
print("count", count)
print(repr(sys.stdin.read(3)), repr(sys.stdin.readline(2)), repr(sys.stdin.readline()))
print(repr(next(sys.stdin)))
print(repr(input()))
for i, line in enumerate(sys.stdin):
    print(i, line.rstrip("\n")[::-1])
    if i == 2:
        break
words = input().split()
print(sum(int(w) for w in words))
print(sys.stdin.readlines())
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
print(list(sys.stdin))
try:
    input("last? ")
except EOFError as e:
    print("EOFError:", e)

sys.stdin = io.StringIO("one\ntwo\n")
print(input(), input())
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin = sys.__stdin__
print(sys.stdin.read())
