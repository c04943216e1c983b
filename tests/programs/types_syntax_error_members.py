# A SyntaxError's members are attributes of their own: reassigning or
# deleting one changes what str() shows.
err = SyntaxError("original", ("/some/dir/mod.py", 3, 5, "bad line\n", 3, 7))
print(str(err), err.args[0])
err.msg = "replaced"
print(str(err), "|", err.args[0])
err.lineno = 42
print(str(err))
err.filename = "other.py"
print(str(err))
del err.msg
print(repr(err.msg), str(err))
del err.filename
print(repr(err.filename), str(err))
err.lineno = "not an int"
print(str(err))
del err.lineno, err.offset, err.text
print(err.lineno, err.offset, err.text, str(err))

plain = SyntaxError("just a message")
print(str(plain), plain.lineno)
plain.lineno = 9
print(str(plain))
plain.filename = "f.py"
print(str(plain))
print(str(SyntaxError()), repr(str(IndentationError())))


class Custom(SyntaxError):
    pass


c = Custom("custom", ("c.py", 1, 1, "x", 1, 2))
c.msg = "changed custom"
print(str(c))
try:
    raise c
except SyntaxError as caught:
    print(caught.msg, caught.lineno)
