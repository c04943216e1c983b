# isinstance/issubclass with objects that stand for classes through a
# __bases__ tuple, and instances that claim a class through __class__.


class AbstractClass:
    def __init__(self, bases):
        self.bases = bases

    def getbases(self):
        return self.bases

    __bases__ = property(getbases)

    def __call__(self):
        return AbstractInstance(self)


class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass

    def getclass(self):
        return self.klass

    __class__ = property(getclass)


AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
Diamond = AbstractClass(bases=(AbstractChild, AbstractClass(bases=())))


class Super:
    pass


class Child(Super):
    pass


print(issubclass(AbstractChild, AbstractSuper), issubclass(AbstractSuper, AbstractChild))
print(issubclass(Diamond, AbstractSuper), issubclass(AbstractChild, (int, AbstractSuper)))
print(isinstance(AbstractChild(), AbstractSuper), isinstance(Child(), AbstractSuper))
print(isinstance(AbstractSuper(), AbstractChild))


class Claims:
    @property
    def __class__(self):
        return Child


print(isinstance(Claims(), Super), isinstance(Claims(), Child), isinstance(Claims(), int))
for args in ((Child, AbstractSuper), (AbstractChild, Child), (1, AbstractSuper), (Child, 1)):
    try:
        print(issubclass(*args))
    except TypeError as e:
        print("TypeError:", e)
for cls in (AbstractClass(bases=1), 3):
    try:
        print(isinstance(1, cls))
    except TypeError as e:
        print("TypeError:", e)

