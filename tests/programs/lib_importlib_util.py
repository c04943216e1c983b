import importlib
import importlib.util
import importlib.machinery
import os
import sys
import tempfile

print(importlib.util.MAGIC_NUMBER)
print(importlib.util.source_hash(b'print(1)\n'))
print(importlib.util.resolve_name('.sub', 'pkg'))
print(importlib.util.find_spec('nosuchmodule_xyz'))
spec = importlib.util.find_spec('json')
print(spec.name, spec.parent, spec.has_location, os.path.basename(spec.origin))
print(importlib.util.find_spec('sys').origin)
print(importlib.machinery.FileFinder.__name__, importlib.machinery.PathFinder.__name__)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'mymod.py')
    with open(path, 'w') as f:
        f.write('VALUE = 41\ndef bump():\n    return VALUE + 1\n')
    spec = importlib.util.spec_from_file_location('mymod', path)
    print(spec.name, spec.origin == path, type(spec.loader).__name__)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(mod.VALUE, mod.bump(), mod.__name__, mod.__file__ == path)

    pkg = os.path.join(d, 'thepkg')
    os.mkdir(pkg)
    with open(os.path.join(pkg, '__init__.py'), 'w') as f:
        f.write('NAME = "pkg"\n')
    with open(os.path.join(pkg, 'leaf.py'), 'w') as f:
        f.write('X = 1\n')
    sys.path.insert(0, d)
    try:
        s = importlib.util.find_spec('thepkg')
        print(s.name, s.submodule_search_locations == [pkg])
        import thepkg.leaf
        print(thepkg.leaf.X)
        with open(os.path.join(pkg, 'leaf.py'), 'w') as f:
            f.write('X = 2\n')
        importlib.invalidate_caches()
        importlib.reload(thepkg.leaf)
        print(thepkg.leaf.X)
        print(importlib.import_module('.leaf', 'thepkg') is thepkg.leaf)
        print(importlib.util.find_spec('thepkg.leaf').name)
    finally:
        sys.path.remove(d)
        for name in ['thepkg', 'thepkg.leaf']:
            sys.modules.pop(name, None)

print(importlib.util.cache_from_source('/a/b/c.py').replace(sys.implementation.cache_tag, 'TAG'))
print(importlib.util.source_from_cache('/a/b/__pycache__/c.' + sys.implementation.cache_tag + '.pyc'))
