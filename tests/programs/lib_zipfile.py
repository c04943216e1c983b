import io
import os
import sys
import tempfile
import zipfile

buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    z.writestr('hello.txt', 'hello world\n' * 10)
    z.writestr(zipfile.ZipInfo('dir/', date_time=(2020, 1, 2, 3, 4, 6)), '')
    info = zipfile.ZipInfo('dir/data.bin', date_time=(2021, 5, 6, 7, 8, 10))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, bytes(range(256)) * 4)
    z.writestr('stored.txt', b'plain', compress_type=zipfile.ZIP_STORED)

data = buf.getvalue()
with zipfile.ZipFile(io.BytesIO(data)) as z:
    print(z.namelist())
    for i in z.infolist():
        print(i.filename, i.file_size, i.compress_type, i.is_dir(), i.date_time if i.filename.startswith('dir') else '')
    print(z.read('hello.txt')[:12])
    print(len(z.read('dir/data.bin')), z.read('stored.txt'))
    print(z.testzip())
    with z.open('hello.txt') as f:
        print(f.readline())

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'a.zip')
    with zipfile.ZipFile(path, 'w', compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr('m.py', 'def f():\n    return "from zip"\n')
        z.writestr('pkgz/__init__.py', 'X = 5\n')
    print(zipfile.is_zipfile(path), zipfile.is_zipfile(__file__))
    with zipfile.ZipFile(path, 'a') as z:
        z.writestr('more.txt', 'appended')
    with zipfile.ZipFile(path) as z:
        print(sorted(z.namelist()))
        z.extractall(os.path.join(d, 'out'))
    print(sorted(os.listdir(os.path.join(d, 'out'))))

    import zipimport
    zi = zipimport.zipimporter(path)
    print(zi.archive == path, zi.prefix)
    mod = zi.load_module('m') if not hasattr(zi, 'exec_module') else None
    spec = zi.find_spec('m')
    print(spec.name, type(spec.loader).__name__)
    print(zi.is_package('pkgz'), zi.is_package('m'))
    print(zi.get_source('m').splitlines()[0])
    code = zi.get_code('m')
    ns = {}
    exec(code, ns)
    print(ns['f']())

try:
    zipfile.ZipFile(io.BytesIO(b'not a zip'))
except zipfile.BadZipFile as e:
    print('BadZipFile', e)
