# __get__ of a builtin class's method descriptors binds only to that class:
# classmethod descriptors need a subtype of it, method descriptors an
# instance of it.
def get(label, descr, *args):
    try:
        r = descr.__get__(*args)
        print(label, "->", type(r).__name__, getattr(r, "__name__", ""))
        return r
    except TypeError as e:
        print(label, "TypeError:", e)


class D(dict):
    pass


fromkeys = dict.__dict__["fromkeys"]
print(type(fromkeys).__name__)
print(get("dict", fromkeys, None, dict)([1]))
print(get("instance", fromkeys, {})([2]))
print(type(get("subclass", fromkeys, None, D)([3])).__name__)
print(type(get("subclass instance", fromkeys, D())([4])).__name__)
get("None None", fromkeys, None, None)
get("None", fromkeys, None)
get("int instance", fromkeys, 42)
get("int owner", fromkeys, None, 42)
get("int class", fromkeys, None, int)
get("dict with int class", fromkeys, {}, int)
get("bytes.fromhex", bytes.__dict__["fromhex"], 42)
get("subclass hook", object.__dict__["__init_subclass__"], None, 5)

append = list.__dict__["append"]
get("append int", append, 42)
get("append unbound", append, None, list)
get("append other class", append, None, int)
bound = get("append list", append, [])
get("upper on list", str.__dict__["upper"], [])


class S(str):
    pass


print(get("upper on subclass", str.__dict__["upper"], S("ab"))())
get("int add on str", int.__dict__["__add__"], "x")
