# __slots__ names: private names are mangled like the class body's code, and
# a slot may not share its name with a class variable.
class A:
    __slots__ = ("__x", "y")

    def __init__(self):
        self.__x = 1
        self.y = 2

    def get(self):
        return self.__x


a = A()
print(a.get(), a._A__x, A.__slots__)
try:
    a.z = 1
except AttributeError as e:
    print(e)

for body in ("__slots__ = ('x',)\n    x = 1", "__slots__ = ('__x',)\n    __x = 1",
             "__slots__ = ('__dict__', 'a')\n    b = 2", "__slots__ = 'solo'\n    solo = 0"):
    try:
        exec(f"class B:\n    {body}\n")
        print("ok")
    except ValueError as e:
        print("ValueError:", e)


class _Under:
    __slots__ = ("__p",)

    def __init__(self):
        self.__p = "p"


print(_Under()._Under__p)
