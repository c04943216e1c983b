import contextlib


@contextlib.contextmanager
def cm(name):
    print('enter', name)
    try:
        yield name
    finally:
        print('exit', name)


def f():
    for i in range(3):
        with cm(i) as v:
            if i == 1:
                continue
            if i == 2:
                break
            print(v)
    with cm('a'):
        try:
            return 'ret'
        except Exception:
            pass


print(f())
