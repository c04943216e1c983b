# Cycles through builtin iterators and through classes are collected.
import gc
from _weakref import ref as weakref_ref


class C:
    pass


def through_iterator(make):
    obj = C()
    ref = weakref_ref(obj)
    container = make([obj, 1])
    obj.x = iter(container)
    del obj, container
    gc.collect()
    return ref() is None


for make in (list, tuple, set, frozenset, dict.fromkeys):
    print(make.__name__, through_iterator(make))
print("values", through_iterator(lambda x: dict.fromkeys(x).values()))
print("enumerate", through_iterator(lambda x: enumerate(x)))
print("reversed", through_iterator(lambda x: reversed(list(x))))


def class_cycle(setup):
    class A:
        pass

    setup(A)
    ref = weakref_ref(A)
    del A
    gc.collect()
    return ref() is None


class O:
    pass


print("self", class_cycle(lambda A: setattr(A, "me", A)))
print("list", class_cycle(lambda A: setattr(A, "l", [A])))
print("instance", class_cycle(lambda A: setattr(A, "inst", A())))


def via_instance(A):
    A.o = O()
    A.o.x = A  # the class's lookup cache now holds A.o


print("cached", class_cycle(via_instance))


class D(dict):
    pass


def dict_sub(A):
    A.d = D()
    A.d[A] = None


print("dict subclass", class_cycle(dict_sub))
