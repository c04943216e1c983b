import sys

print(sys.version_info)
print(sys.version_info.major, sys.version_info.minor, sys.version_info[:2], sys.version_info >= (3, 8))
major, minor, micro, level, serial = sys.version_info
print(major, minor, level, len(sys.version_info), sys.version_info[3])
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info)
print(sys.int_info.bits_per_digit, sys.hash_info.modulus, sys.hash_info.inf)
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.hexversion, hex(sys.hexversion), sys.version.startswith("3.11"))
print(type(sys.argv), len(sys.argv), type(sys.path), type(sys.modules))
print("sys" in sys.modules, sys.modules["sys"] is sys)
import math
print("math" in sys.modules, "gc" in sys.modules)
print(sys.flags.optimize, sys.flags.debug, sys.flags.int_max_str_digits)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.intern("hello") == "hello", sys.intern("a" + "b") is sys.intern("ab"))
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t, repr(v), v is e, sys.exception() is e)
print(sys.exc_info())
for v in [0, 1, 2**30, 2**64, 1.5, "", "abc", "é", "€", [], [1, 2, 3], (), (1, 2), {}, None, True, b"abc", range(3), set()]:
    print(repr(v), sys.getsizeof(v))
for d in [{1: 1}, {"a": 1}, {i: i for i in range(6)}, {str(i): i for i in range(11)}]:
    print(len(d), sys.getsizeof(d))
n = sys.stdout.write("written\n")
print(n)
sys.stdout.flush()
print("to stderr", 1, 2, file=sys.stderr)
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
sys.stderr.write("direct err\n")
print(sys.stdout.isatty(), sys.stdout.encoding)
print(sys.stdout, sys.stderr, sys.stdin)
print(sys.stdout.name, sys.stdin.mode)
sys.stdout.writelines(["a\n", "b\n"])
print(sys.__stdout__ is sys.stdout, sys.float_repr_style)
saved = sys.stdout
sys.stdout = sys.stderr
print("printed to stderr via sys.stdout")
sys.stdout = saved
print("back on stdout")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)
try:
    sys.exit(3)
except SystemExit as e:
    print("exit", e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("exit", e.code)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.intern(1)
except TypeError as e:
    print(e)
print(sys.dont_write_bytecode in (True, False), isinstance(sys.executable, str))
print(sys.implementation.version == sys.version_info)
sys.exit(2)
