# genericpath imported first (CPython's startup has imported os already).
import genericpath
import sys
print(genericpath.exists("/"), genericpath.isdir("/"), genericpath.isfile("/"))
print(genericpath.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]))
print(genericpath._splitext("a/b.tar.gz", "/", None, "."))
print("os" in sys.modules, "posixpath" in sys.modules, "stat" in sys.modules)
import posixpath
print(posixpath.join("a", "b"), posixpath.splitext("x.py"))
