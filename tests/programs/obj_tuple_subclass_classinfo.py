# A tuple subclass works as the class tuple of isinstance, issubclass and
# except; except accepts a flat tuple of exception classes only.
class Types(tuple):
    pass


T = Types([int, str])
print(isinstance(1, T), isinstance(1.5, T), issubclass(bool, T), issubclass(float, T))
print(isinstance("a", Types([Types([float]), str])))
print(isinstance(2, (float, (str, int))))
try:
    raise KeyError(1)
except Types([ValueError, LookupError]) as e:
    print("caught", repr(e))
for bad in [Types([1]), (int,)]:
    try:
        isinstance(1, Types([bad]))
    except TypeError as e:
        print(e)
try:
    issubclass(int, Types([1]))
except TypeError as e:
    print(e)


def catch(spec):
    try:
        try:
            raise KeyError(1)
        except spec:
            return "caught"
    except TypeError as e:
        return "TypeError: " + str(e)
    except KeyError:
        return "not caught"


print(catch(ValueError | KeyError))
print(catch(((ValueError,), KeyError)))
print(catch((KeyError, int)))
print(catch((ValueError, TypeError)))
print(catch(()))
print(catch(Types()))
print(catch(Types([LookupError])))
