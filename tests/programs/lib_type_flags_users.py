# Standard-library code that reads type flags: inspect.isabstract tests
# Py_TPFLAGS_IS_ABSTRACT; copyreg's protocol 0/1 reduce looks for the first
# base that is not a heap type.
import abc
import copy
import copyreg
import inspect
import pickle
from collections import deque, OrderedDict


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Square(Shape):
    def area(self):
        return 4


print(inspect.isabstract(Shape), inspect.isabstract(Square), inspect.isabstract(int))


class Stack(deque):
    pass


s = Stack([1, 2, 3])
s.label = "top"
print(copyreg._reduce_ex(s, 1)[1][:2])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    t = pickle.loads(pickle.dumps(s, proto))
    print(proto, type(t).__name__, list(t), t.label)
c = copy.copy(s)
print(type(c).__name__, list(c), hasattr(c, "label"))


class Ordered(OrderedDict):
    pass


o = Ordered(a=1)
o.note = "n"
print(pickle.loads(pickle.dumps(o)).note, copy.deepcopy(o))
