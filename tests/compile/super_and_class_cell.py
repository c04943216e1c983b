class Base:
    def hello(self):
        return 'base'


class Child(Base):
    def hello(self):
        return 'child+' + super().hello()

    def cls(self):
        return __class__.__name__

    @classmethod
    def make(cls):
        return super().__new__(cls)


c = Child()
print(c.hello(), c.cls(), type(Child.make()).__name__)
