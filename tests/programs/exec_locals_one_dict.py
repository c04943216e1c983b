# In 3.11 a function frame keeps one locals dict: locals() refreshes it,
# names an exec() adds stay in it, unbound locals leave it.


def exec_then_locals():
    exec("z = 5")
    print(locals().get("z"))
    ns = locals()
    exec("w = 6", globals(), ns)
    print(ns["w"], locals().get("w"), locals() is locals())
    x = 1
    d = locals()
    d["y"] = 2
    print(sorted(locals()))
    del x
    print(sorted(locals()), "x" in d)


exec_then_locals()


def fresh_per_call(n):
    d = locals()
    d["seen"] = n
    return d


a, b = fresh_per_call(1), fresh_per_call(2)
print(a is b, a["seen"], b["seen"], sorted(a))


def closure():
    v = 1

    def inner():
        return v

    v = 2
    return sorted(locals().items(), key=lambda kv: kv[0])[1]


print(closure())


def gen():
    k = 1
    yield sorted(locals())
    j = 2
    yield sorted(locals())


print(list(gen()))


def formatting(i):
    name = "item"
    return "%(name)s-%(i)d" % locals()


print([formatting(i) for i in range(3)])


class C:
    a = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
