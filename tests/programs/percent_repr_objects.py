# `%r` and `%a` show an object's own __repr__ once, whatever the arguments' shape.
class X:
    def __repr__(self):
        return "X<é>"

    def __str__(self):
        return "x-str"


x = X()
print("%r" % x)
print("%s" % x)
print("%a" % x)
print("[%10r]" % x, "[%-6.3r]" % x)
print("%(k)r and %(k)s" % {"k": x})
print("%r %r" % (x, "s"))
args = (x, [x], {"a": x})
print("%r|%s|%r" % args)
print("%r" % [x])
print("%r" % "plain", "%r" % 5, "%a" % "ü")
print("100%% %r" % x)
