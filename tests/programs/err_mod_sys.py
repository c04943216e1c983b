import sys

print("start")
print("warning: about to fail", file=sys.stderr)
sys.stdout.write("partial line\n")
sys.getrecursionlimit(1)
