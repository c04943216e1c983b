import os
import runpy
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, 'script.py')
    with open(script, 'w') as f:
        f.write('import sys\nresult = 6 * 7\nprint("running as", __name__)\nprint(sys.argv[0] == __file__)\n')
    ns = runpy.run_path(script)
    print(ns['result'], ns['__name__'])
    ns = runpy.run_path(script, init_globals={'extra': 1}, run_name='custom')
    print(ns['extra'], ns['__name__'])

    pkg = os.path.join(d, 'rpkg')
    os.mkdir(pkg)
    with open(os.path.join(pkg, '__init__.py'), 'w') as f:
        f.write('')
    with open(os.path.join(pkg, 'tool.py'), 'w') as f:
        f.write('print("tool", __name__)\nANSWER = 1\n')
    with open(os.path.join(pkg, '__main__.py'), 'w') as f:
        f.write('print("package main", __name__)\n')
    sys.path.insert(0, d)
    try:
        ns = runpy.run_module('rpkg.tool')
        print(ns['ANSWER'], ns['__name__'])
        ns = runpy.run_module('rpkg.tool', run_name='__main__')
        ns = runpy.run_module('rpkg')
        try:
            runpy.run_module('rpkg.missing')
        except ImportError as e:
            print(type(e).__name__, e)
    finally:
        sys.path.remove(d)

    ns = runpy.run_path(d + '/rpkg')
    print(ns['__name__'])
