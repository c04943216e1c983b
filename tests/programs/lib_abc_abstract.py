# abc.ABCMeta's abstract methods: object.__new__ refuses a class marked abstract.
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @abc.abstractmethod
    def perimeter(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
for cls in (Shape,):
    try: cls()
    except TypeError as e: print(e)
class Half(Shape):
    def area(self): return 1
try: Half()
except TypeError as e: print(e)
class Full(Half):
    def perimeter(self): return 2
    name = "full"
print(Full().area(), Full().perimeter(), Full().name, Full.__abstractmethods__, Shape.__abstractmethods__ == frozenset({'area', 'perimeter', 'name'}))
class M(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def go(self): pass
try: M()
except TypeError as e: print(e)
M.__abstractmethods__ = frozenset()
print(type(M()).__name__)
class P:
    __abstractmethods__ = frozenset({'x'})
try: P()
except TypeError as e: print(e)
