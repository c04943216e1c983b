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
