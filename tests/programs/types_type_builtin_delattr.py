# Builtin types are immutable: a deletion is refused as a store is, whether
# or not the attribute exists.
for target, name in [(int, "__qualname__"), (int, "__name__"), (list, "append"),
                     (str, "no_such_thing"), (type, "__doc__"), (object, "__module__")]:
    try:
        delattr(target, name)
        print("deleted", name)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    try:
        setattr(target, name, 1)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

print(int.__qualname__, dict.__qualname__, type(iter(())).__qualname__)


class Mine:
    pass


Mine.extra = 1
del Mine.extra
print(hasattr(Mine, "extra"))
try:
    del Mine.__qualname__
except TypeError as e:
    print(e)
try:
    del Mine.missing
except AttributeError as e:
    print("AttributeError", e)

# The builtin classes based on object directly are among its subclasses.
subs = object.__subclasses__()
print([t in subs for t in (int, type, dict, str, BaseException, bool, ValueError)])
print(Mine in subs, len(subs) == len(set(subs)))
