# A container reached again through a user __repr__ prints as [...] / {...}.
class Holder:
    def __init__(self):
        self.items = [self]

    def __repr__(self):
        return f"Holder({self.items})"


class Box:
    def __init__(self, d):
        self.d = d

    def __repr__(self):
        return "Box(%r)" % (self.d,)


h = Holder()
print(h, [h], repr(h.items))
d = {}
d["box"] = Box(d)
print(d, str(d["box"]))
t = ([],)
t[0].append(Box(t))
print(t)


class Bad:
    def __repr__(self):
        raise ValueError("no repr")


lst = [1, Bad()]
lst.append(lst)
try:
    print(lst)
except ValueError as e:
    print("ValueError", e)
# The failed repr left nothing behind: the list prints in full again.
lst[1] = 2
print(lst)
