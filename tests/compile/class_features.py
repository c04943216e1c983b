class Base:
    count = 0

    def __init__(self):
        self.__secret = 1
        Base.count += 1

    def reveal(self):
        return self.__secret

    @classmethod
    def make(cls):
        return cls()

    def __class_getitem__(cls, item):
        return cls


class Child(Base):
    def __init__(self):
        super().__init__()
        self.kind = __class__.__name__

    class Inner:
        value = 3

        def get(self):
            return self.value


class Meta(type):
    pass


class WithMeta(Base, metaclass=Meta):
    x = [i for i in range(3)]


c = Child()
print(c.reveal(), c.kind, Child.Inner().get(), Base.make(), WithMeta.x, Base.count)
