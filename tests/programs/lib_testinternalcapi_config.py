# _testinternalcapi.get_config(): the interpreter's PyConfig as a dict, which
# test.support reads (code_debug_ranges) while CPython's test modules load.
import sys

import _testinternalcapi

c = _testinternalcapi.get_config()
print(list(c))
print({k: type(v).__name__ for k, v in c.items()})
print(c["code_debug_ranges"], c["argv"] == sys.argv, c["warnoptions"] == sys.warnoptions)
print(set(c["module_search_paths"]) <= set(sys.path), c["run_filename"].endswith(sys.argv[0]))
print(c["isolated"], c["use_environment"], c["dev_mode"], c["optimization_level"])
print(c["bytes_warning"], c["site_import"], c["parser_debug"], c["verbose"], c["quiet"])
try:
    _testinternalcapi.get_config(1)
except TypeError as e:
    print(e)

from test.support import has_no_debug_ranges

print(has_no_debug_ranges())

# The locale codec of file names (UTF-8 here), which test_codecs checks.
enc, dec = _testinternalcapi.EncodeLocaleEx, _testinternalcapi.DecodeLocaleEx
print(enc("a\xe9\U0010ffff", 0, "strict"), enc("a\udc80", 0, "surrogateescape"))
print(ascii(dec(b"a\xc3\xa9", 0, "strict")), ascii(dec(b"a\xff\xed\xb2\x80", 0, "surrogateescape")))
for f, args in [(enc, ("a\udc80x", 0, "strict")), (dec, (b"ab\xff", 0, "strict")),
                (enc, ("a", 0, "backslashreplace")), (dec, (b"", 0, "surrogatepass"))]:
    try:
        f(*args)
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
