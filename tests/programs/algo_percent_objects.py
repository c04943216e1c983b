class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"


path = [Point(0, 0), Point(1, 2), Point(3, 1)]
print("path: %s" % path)
print("first: %s, rest: %s" % (path[0], path[1:]))
print("as tuple: %s" % (tuple(path),))
print("nested: %s" % [[p] for p in path[:2]])
print("%(name)s -> %(pts)s" % {"name": "route", "pts": path})
print("%-40s|" % path[:2])
print("%.12s..." % path)
print("repr in tuple: %r" % (path,))
print("dict: %s" % {p.x: p for p in path})
print("%s and %s" % ([1, "a"], {"k": [Point(9, 9)]}))
print("set of ints %s, frozenset %s, keys %s" % ({3, 1, 2}, frozenset({5}), {"a": 1}.keys()))
print("%s" % [], "%s" % {}, "%s" % [[]], "%s%%" % [50])


def describe(shape, *points):
    return "%s with %d points: %s" % (shape, len(points), list(points))


print(describe("triangle", *path))
log = []
for i, p in enumerate(path):
    log.append("step %d at %s (neighbours %s)" % (i, p, path[max(0, i - 1):i + 2]))
print("\n".join(log))
