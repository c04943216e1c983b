import marshal
import io
import tempfile
import os


def f(a, b=2):
    return a * b + len('xyz')


code = f.__code__
data = marshal.dumps(code)
back = marshal.loads(data)
print(type(back).__name__, back.co_name, back.co_varnames, back.co_consts)
print(marshal.loads(data).co_code == code.co_code)
print(back.co_argcount)

src = compile('x = [i * i for i in range(5)]\nprint(x, {"k": (1, 2)})\n', '<m>', 'exec')
blob = marshal.dumps(src)
exec(marshal.loads(blob))
nested = marshal.loads(marshal.dumps([1, src, 'after']))
print(nested[0], nested[2])
exec(nested[1])

buf = io.BytesIO()
marshal.dump({'a': 1}, buf)
marshal.dump([2, 3], buf)
marshal.dump('end', buf, 2)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf), marshal.load(buf))
try:
    marshal.load(buf)
except EOFError as e:
    print('EOFError', e)

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'm.bin')
    with open(p, 'wb') as fh:
        marshal.dump((1, 2.5, 'three'), fh)
    with open(p, 'rb') as fh:
        print(marshal.load(fh))
