# The builtins `site` adds at start-up: exit and quit, copyright, credits,
# license and help, with their reprs.
import builtins
import sys

print(exit)
print(quit)
print(repr(copyright).splitlines()[0])
print(credits)
print(type(help).__name__, type(exit).__name__, type(license).__name__)
print(help)
print("_sitebuiltins" in sys.modules, builtins.exit is exit)
print(eval(bytearray(b" 1 + 1")), eval(memoryview(b"2 * 3")))
exec(bytearray(b"print('exec of a bytearray')"))


class Source(str):
    pass


exec(Source("print('exec of a str subclass')"))
print(compile(bytearray(b"3"), "x", "eval").co_filename)


def f(x):
    y = x + 1

    return y


print(f.__code__.co_lnotab, len(compile("a = 1\n" * 300, "s", "exec").co_lnotab))
try:
    exit(3)
finally:
    print("exiting")
