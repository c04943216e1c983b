import sys


def main(argv):
    print("args:", len(argv), argv[1:])
    total = 0
    for a in ["1", "2", "x", "4"]:
        try:
            total += int(a)
        except ValueError as e:
            print("skip:", e, file=sys.stderr)
    print("total", total)
    if total > 5:
        return 3
    return 0


try:
    sys.exit(0)
except SystemExit as e:
    print("caught exit", e.code, repr(e), e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught exit", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught exit", e.code)
print(isinstance(sys.argv[0], str), type(sys.argv), sys.version_info[:2], sys.version_info.major)
print(sys.maxsize, sys.platform == "linux", isinstance(sys.path, list), sys.byteorder)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit if hasattr(sys, "int_info") else 30)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print("base", type(e).__name__, isinstance(e, Exception))
code = main(sys.argv)
print("exiting with", code)
sys.exit(code)
