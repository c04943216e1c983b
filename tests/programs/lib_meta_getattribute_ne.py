# A metaclass's __getattribute__ answers attribute reads on its classes;
# object.__ne__ returns the NotImplemented of the type's own __eq__.
import warnings


class Meta(type):
    def __getattribute__(cls, name):
        if name == 'hidden':
            raise AttributeError(name)
        if name == 'answer':
            return 42
        return super().__getattribute__(name)

    def __getattr__(cls, name):
        return 'fallback ' + name


class C(metaclass=Meta):
    x = 1
    hidden = 'no'


print(C.x, C.answer, getattr(C, 'answer'), C.hidden, C.missing)
print(C.__name__, hasattr(C, 'hidden'))


class Deprecated(type):
    def __getattribute__(cls, name):
        if name not in ('__dict__', '__module__') and name in cls.__dict__:
            warnings.warn('old name ' + name, DeprecationWarning, stacklevel=2)
        return super().__getattribute__(name)


class Old(metaclass=Deprecated):
    value = 3


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(Old.value)
print([str(x.message) for x in w])


class A:
    def __eq__(self, other):
        return NotImplemented


class B:
    def __eq__(self, other):
        return 'truthy'


class I(int):
    pass


a = A()
print(a.__ne__(1), a.__ne__(a), object().__ne__(1), object.__ne__(a, a))
print(B().__ne__(2), I(3).__ne__(3), I(3).__ne__(4), a != a, a != 1)
