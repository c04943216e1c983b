# printf-style formatting with %(key) directives and a mapping other than a
# dict: any object whose class has __getitem__ is looked up key by key.
import collections


class M:
    def __getitem__(self, key):
        return key * 2


print("%(ab)s|%(x)r|%(y)5s|" % M())
print("%(a)s and %(b)d" % collections.ChainMap({"a": "one"}, {"b": 2, "a": "no"}))
print("%(k)s" % collections.defaultdict(lambda: "dflt"))
print("%(k)s" % collections.OrderedDict(k=[1, 2]))
print(b"%(k)s" % M())


class Missing:
    def __getitem__(self, key):
        raise KeyError(key)


for fmt, arg in [
    ("%(k)s", Missing()),
    ("%(k)s", [1, 2]),
    ("%(k)s", (1,)),
    ("%(k)s", 5),
    ("%(k)s", "text"),
]:
    try:
        print(fmt % arg)
    except Exception as e:
        print(type(e).__name__, e)

import configparser
import warnings

# LegacyInterpolation formats with `value % ChainMap(...)`.
warnings.simplefilter("ignore", DeprecationWarning)
cp = configparser.ConfigParser(interpolation=configparser.LegacyInterpolation())
cp.read_string("[s]\nname = world\ngreeting = hello %(name)s\n")
print(cp.get("s", "greeting"))

# With no directive, a mapping argument is not "left unconverted".
print("x" % [1], "y" % {}, "z%%" % M(), "w" % collections.ChainMap())
for arg in [(1,), 5, "s", (), frozenset()]:
    try:
        print(repr("w" % arg))
    except TypeError as e:
        print(e)
