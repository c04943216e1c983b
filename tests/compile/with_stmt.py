class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print('exit')
        return False


with CM() as c:
    print('inside')
with CM(), CM() as d:
    print('two')


def f():
    with CM():
        return 5


print(f())
