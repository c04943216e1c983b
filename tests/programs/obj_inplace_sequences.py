# In-place operators on the mutable builtins mutate the object itself, and a
# subclass instance stays itself (and keeps its class).
a = [1, 2]
alias = a
a *= 3
print(alias, a is alias)
a = [1, 2]
alias = a
print(a.__imul__(2) is alias, alias)
a = [1]
a *= 0
print(a)
a = [1]
a *= -2
print(a)
try:
    a = [1]
    a *= "x"
except TypeError as e:
    print(e)


class Noisy:
    def __del__(self):
        print("freed while", a)


a = [Noisy()]
a *= 0
print("after")
t = (1,)
u = t
t *= 2
print(u, t)


class L(list):
    pass


class S(set):
    pass


class DD(dict):
    pass


class BA(bytearray):
    pass


x = L([1])
y = x
x *= 2
print(type(x).__name__, x is y, y)
x += [2]
print(type(x).__name__, x is y, y)
print(x.__iadd__([3]) is y, x.__imul__(1) is y)
x = S({1})
y = x
x |= {2}
x &= {1, 2, 3}
print(type(x).__name__, x is y, sorted(y))
x = DD(x=1)
y = x
x |= {"y": 2}
print(type(x).__name__, x is y, y)
x = BA(b"x")
y = x
x += b"y"
print(type(x).__name__, x is y, y)
x *= 2
print(type(x).__name__, x is y, y)
