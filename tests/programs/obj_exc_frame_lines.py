# The line a finished frame reports (`tb_frame.f_lineno`) after an
# exception left it: the handler's RERAISE restores the position the
# handler was entered from; `tb_lineno` stays where the exception was raised.


def other_except():
    try:
        1 / 0
    except TypeError as ex:
        pass


def in_try():
    try:
        1 / 0
    finally:
        pass


def raise_in_except():
    try:
        1 / 0
    except:
        1 / 0
        pass


def in_named_except():
    try:
        1 / 0
    except Exception as ex:
        1 / 0
        pass


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        1 / 0


def raise_in_with_exit():
    with Ctx():
        1 / 0
    pass


def in_finally_except():
    try:
        pass
    finally:
        try:
            1 / 0
        except TypeError:
            pass


def outer():
    try:
        other_except()
    except KeyError:
        pass


for f in (other_except, in_try, raise_in_except, in_named_except,
          raise_in_with_exit, in_finally_except, outer):
    try:
        f()
    except Exception as e:
        tb = e.__traceback__.tb_next
        lines = []
        while tb:
            first = tb.tb_frame.f_code.co_firstlineno
            lines.append((tb.tb_frame.f_code.co_name,
                          tb.tb_frame.f_lineno - first, tb.tb_lineno - first))
            tb = tb.tb_next
        print(lines)

# A Unicode error made by `__new__` alone has no fields and shows as "".
for klass in (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError):
    e = klass.__new__(klass)
    print(klass.__name__, repr(str(e)), e.args)


# A property subclass's instance takes its getter's docstring into its own
# dict, where the class's docstring does not shadow it.
class PropertySub(property):
    """This is a subclass of property"""


class PropertySubSlots(property):
    """A subclass of property with __slots__"""
    __slots__ = ()


def spam(self):
    """spam's own doc"""
    return 1


p = PropertySub(spam)
print(p.__doc__, p.__dict__)
p = PropertySub(spam, doc="given")
print(p.__doc__, p.__dict__)
p = PropertySub(lambda self: 1)
print(p.__doc__, p.__dict__)
p = PropertySub(None)
print(p.__doc__, p.__dict__)
try:
    PropertySubSlots(spam)
except AttributeError as e:
    print("AttributeError", e)
