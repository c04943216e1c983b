class C:
    def m(self, **k): pass
def f(**k): pass
for call in [lambda: C().m(a=1, **{'a': 2}), lambda: C(a=1, **{'a': 2}), lambda: (lambda **k: 0)(a=1, **{'a': 2}),
             lambda: [].sort(a=1, **{'a': 2}), lambda: f(a=1, **{'a': 2}), lambda: dict(a=1, **{'a': 2}), lambda: print(a=1, **{'a': 2}),
             lambda: f(**{'a': 1}, **{'a': 2})]:
    try:
        call()
    except TypeError as e:
        print(e)
