# __weakref__ gives the head of an object's weak references; weakref.ref
# subclasses take keywords in __init__; ref.__init__ checks its arguments;
# the collector sees a weak reference's callback; deleting a class
# attribute frees the function even after methods were looked up.
import gc
from _weakref import ref


class A:
    __slots__ = ("x", "__weakref__")


class B:
    pass


class Sub(A):
    __slots__ = ()


for cls in (A, B, Sub):
    o = cls()
    print(cls.__name__, o.__weakref__)
    r = ref(o)
    r2 = ref(o, lambda x: None)
    print(o.__weakref__ is r, o.__weakref__ is r2)
    del r
    print(o.__weakref__ is r2)


class MyRef(ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)


o = B()
mr = MyRef(o, value=24)
print(mr() is o, mr.value)


class Plain(ref):
    pass


for f in (
    lambda: ref(B, None, 3),
    lambda: ref(B, x=3),
    lambda: ref.__new__(ref, B, x=3) is not None,
    lambda: ref(B).__init__(1, 2, x=3),
    lambda: ref(B).__init__(0, 0, 0, 0, 0),
    lambda: ref(B).__init__(),
    lambda: ref(B).__init__(B),
    lambda: Plain(B, x=1),
    lambda: ref(),
):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

# A cycle whose weak references have callbacks is collected; the callbacks
# of weak references that are themselves garbage do not run.
alist = []


class C:
    def acallback(self, ignore):
        alist.append(self.c)


c1, c2 = C(), C()
c1.c = c2
c2.c = c1
c1.wr = ref(c2, c1.acallback)
c2.wr = ref(c1, c2.acallback)
wr = ref(C, lambda ignore: alist.append("C went away"))
del c1, c2, C
print(alist)
gc.collect()
print(alist, wr())


# Deleting a method from its class frees it once nothing else holds it.
class D:
    def m(self):
        pass


o = D()
o.m
getattr(o, "m")
wf = ref(D.__dict__["m"])
del D.m
print(wf())


class E:
    def m(self):
        pass


o = E()
o.m
wf = ref(E.__dict__["m"])
E.m = 5
print(wf(), o.m)
