# None in sys.modules blocks an import (import_fresh_module's "blocked"),
# and the _io classes have only their own methods.
import importlib
import io
import sys

sys.modules["_blocked_mod"] = None
for how in ("statement", "from", "import_module", "__import__", "importlib.__import__"):
    try:
        if how == "statement":
            import _blocked_mod
        elif how == "from":
            from _blocked_mod import x
        elif how == "import_module":
            importlib.import_module("_blocked_mod")
        elif how == "__import__":
            __import__("_blocked_mod")
        else:
            importlib.__import__("_blocked_mod")
    except ImportError as e:
        print(how, type(e).__name__, e, e.name)
print(importlib.__import__("json").__name__)

for c in (io.FileIO, io.BytesIO, io.StringIO, io.BufferedReader, io.BufferedWriter,
          io.BufferedRandom, io.TextIOWrapper):
    print(c.__name__, [m for m in ("getbuffer", "getvalue", "read1", "detach", "readinto")
                       if hasattr(c, m)])

import hashlib
with open(__file__, "rb") as f:
    print(hashlib.file_digest(f, "sha256").hexdigest() == hashlib.sha256(open(__file__, "rb").read()).hexdigest())
print(hashlib.file_digest(io.BytesIO(b"abc"), "md5").hexdigest())
