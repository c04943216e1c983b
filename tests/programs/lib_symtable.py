import _symtable as s
def show(t,d=0):
  print(' '*d, t.name, t.type, t.lineno, t.nested, t.symbols, t.varnames)
  for c in t.children: show(c,d+2)
for src in ['[x for x in y]\nlambda q: q\nasync def g(*a, **k):\n  nonlocal_ = 1\n  def h(): return a\n',
 'def f():\n  x=1\n  class C:\n    y=2\n    def g(): return x, y\n',
 '@dec\ndef f(): pass\n@dec\nclass K: pass\nx=(lambda:\n 1)\n',
 'class A:\n  def f(self): return __class__\n  x: int = 3\n',
 'from __future__ import annotations\ndef f(a: int) -> str:\n  import os.path as p, sys\n  global q\n  y: list = {k: v for k, v in z}\n  return (i async for i in w)\n',
 'def f(*, a=1, b):\n  del a\n  [b := c for c in d]\n  print(__debug__)\n']:
  show(s.symtable(src,'s','exec'))
t=s.symtable('def f(): pass','s','exec')
e=t.children[0]
print(type(e).__module__, type(e).__qualname__, hash(e)==hash(e))
for f in [lambda: setattr(e,'name','x'), lambda: setattr(e,'foo',1), lambda: type(e)()]:
  try: f()
  except Exception as ex: print(type(ex).__name__, ex)
print(t.children is t.children, t.symbols is t.symbols, t.children[0] is t.children[0])
import weakref
try: weakref.ref(e); print('weak ok')
except Exception as ex: print(type(ex).__name__, ex)
print(e == e, e != t, sorted(dir(e)), repr(t).split('(')[0], repr(e).split(', ')[1])
for args in [(1,'s','exec'),('a\0','s','exec'),('x','s',b'exec'),('x',1,'exec'),('x',b'f','exec'),(bytearray(b'x'),'s','exec'),(memoryview(b'x'),'s','exec'), ('x','s','bogus')]:
  try: print(s.symtable(*args).symbols)
  except Exception as e: print(type(e).__name__, e)
for args in [('x','s'), ()]:
  try: s.symtable(*args)
  except Exception as e: print(type(e).__name__, e)
try: s.symtable(source='x',filename='s',startstr='exec')
except Exception as e: print(type(e).__name__, e)
for src in ['def f(a, a): pass', 'x = (', 'def f():\n nonlocal x', 'x=1\nfrom __future__ import annotations']:
  try: s.symtable(src,'fn.py','exec')
  except SyntaxError as ex: print(ex.msg, ex.filename, ex.lineno, ex.offset, ex.text, ex.end_lineno, ex.end_offset)
import symtable
st = symtable.symtable('def f(a):\n  def g(): return a\n  return g\nclass C:\n  def m(self): pass\n', 'mod.py', 'exec')
print(st, st.get_type(), st.get_name(), st.get_lineno(), st.is_optimized(), st.is_nested(), st.has_children(), st.get_identifiers())
f = st.lookup('f').get_namespace(); print(f, f.get_parameters(), f.get_locals(), f.get_globals(), f.get_frees(), f.get_nonlocals())
g = f.lookup('g').get_namespace(); print(g, g.get_frees())
c = st.get_children()[1]; print(c, c.get_methods())
for sym in f.get_symbols(): print(sym, sym.is_referenced(), sym.is_parameter(), sym.is_local(), sym.is_free(), sym.is_namespace(), sym.is_assigned())
# The pure-Python module over the raw tables, across scope kinds.
src = '''
import os
x = 1
def outer(a, *args, b=2, **kw):
    global x
    y = [i for i in args]
    def inner():
        nonlocal y
        return y, a
    class Local:
        z = y
        def method(self):
            return __class__, z
    return inner, lambda q: q + a
async def coro():
    async with m as n:
        await n
'''
top = symtable.symtable(src, 'big.py', 'exec')
def walk(t, depth=0):
    print('  ' * depth + repr(t), t.get_type(), t.get_lineno(), t.is_nested(), t.is_optimized())
    for name in sorted(t.get_identifiers()):
        s = t.lookup(name)
        print('  ' * depth + '  ', name, s.is_global(), s.is_declared_global(), s.is_local(),
              s.is_free(), s.is_imported(), s.is_assigned(), s.is_referenced(), s.is_parameter(),
              s.is_nonlocal(), s.is_annotated(), s.is_namespace())
    for c in t.get_children():
        walk(c, depth + 1)
walk(top)
