class A:
    def m(self, *a, **k):
        return a, k


a = A()
print(a.m())
print(a.m(1, 2))
print(a.m(x=1))
print(a.m(1, y=2))
print(a.m(*[1]))
print(a.m(**{'z': 3}))
print(A.m(a))
print(getattr(a, 'm')(7))
import os
print(os.getcwd() != '')
print(os.path.join('a', 'b'))
