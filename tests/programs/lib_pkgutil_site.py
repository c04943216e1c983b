import os
import pkgutil
import site
import sys
import tempfile

print(type(site.ENABLE_USER_SITE).__name__, callable(site.getsitepackages))
print(sys.copyright.splitlines()[0])
with tempfile.TemporaryDirectory() as d:
    for name in ['alpha.py', 'beta.py', '_private.py']:
        with open(os.path.join(d, name), 'w') as f:
            f.write('X = 1\n')
    os.mkdir(os.path.join(d, 'gpkg'))
    with open(os.path.join(d, 'gpkg', '__init__.py'), 'w') as f:
        f.write('')
    with open(os.path.join(d, 'gpkg', 'inner.py'), 'w') as f:
        f.write('Y = 2\n')
    mods = sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([d]))
    print(mods)
    sys.path.insert(0, d)
    try:
        print(sorted(m.name for m in pkgutil.walk_packages([d])))
        print(pkgutil.get_data('gpkg', 'inner.py'))
        print(pkgutil.resolve_name('gpkg.inner:Y'))
    finally:
        sys.path.remove(d)
print('json' in [m.name for m in pkgutil.iter_modules()])
