# A class statement's name is a code constant, and constants made of name
# characters are interned: the class's __name__ is that very string.
label = "Widget"


class Widget:
    pass


print(Widget.__name__ is label)
print(Widget.__name__ is Widget.__name__)
print(type(Widget()).__name__ is label)


def make():
    class Gadget:
        pass

    return Gadget


spelled = "Gad" + "get"
print(make().__name__ is spelled)
print(make().__qualname__)
