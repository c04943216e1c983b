class Stack(list):
    def push(self, v):
        self.append(v)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
print(s, len(s), s.peek(), s[0], s[1:3], list(s), sum(s), 3 in s, isinstance(s, list))
print(s.pop(), s, sorted(s, reverse=True), [x * 2 for x in s], bool(Stack()))
s[0] = 10
del s[1]
print(s, s == [10, 3], type(s).__name__)
print(Stack([5, 6, 7]), Stack("ab"))


class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]


d = DefaultDict(a=1)
print(d["a"], d["xyz"], d, len(d), sorted(d.keys()), "xyz" in d, d.get("q"))


class Upper(str):
    def shout(self):
        return self.upper() + "!"


u = Upper("hi")
print(u, u.shout(), len(u), u + " there", u == "hi", isinstance(u, str), repr(u))


class Money(int):
    def __repr__(self):
        return f"${int(self)}"


m = Money(5)
print(m, m + 2, m * 3, repr(m), m > 3, isinstance(m, int), str(m))


class Named(tuple):
    def first(self):
        return self[0]


n = Named((1, 2, 3))
print(n, n.first(), len(n), n[1:])


class Ordered(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)

    def __getitem__(self, k):
        return super().__getitem__(k) + 1


o = Ordered()
o["a"] = 1
print(o["a"], dict.__getitem__(o, "a") if False else "skip", o.get("a"))


class MyErr(KeyError):
    pass


try:
    raise MyErr("k")
except LookupError as e:
    print(repr(e), str(e))
