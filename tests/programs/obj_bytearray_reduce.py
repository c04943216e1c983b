# bytearray's __reduce__/__reduce_ex__: Latin-1 text below protocol 3, bytes
# from 3 on, nothing when empty; a subclass keeps its class and state.
b = bytearray(b"a\xffb")
print(b.__reduce__())
for proto in range(6):
    print(proto, b.__reduce_ex__(proto))
print(bytearray().__reduce__(), bytearray().__reduce_ex__(4))


class B(bytearray):
    pass


x = B(b"q")
x.y = 1
print(x.__reduce__(), x.__reduce_ex__(4), x.__reduce_ex__(1))


class S(bytearray):
    __slots__ = ("s",)


y = S(b"z")
y.s = 2
print(y.__reduce_ex__(3))
