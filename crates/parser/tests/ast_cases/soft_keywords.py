with (a, b):
    pass
with (a as b, c as d,):
    pass
with (open(x)) as f, (y):
    pass
with (yield_ for yield_ in z):
    pass
match = 1
case = 2
match(x)
def f():
    with (a):
        match x:
            case 1:
                with (b as c):
                    pass
            case _: pass
