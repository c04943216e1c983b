# type.__repr__ called directly ignores a metaclass __repr__, with its slot wrapper checks.
class M(type):
    def __repr__(cls): return "custom"
class X(metaclass=M): pass
class Y: pass
print(type.__repr__(X), type.__repr__(Y), type.__repr__(int), repr(X), X, [X])
print(type.__repr__(type), object.__repr__(Y()).startswith("<__main__.Y object"))
try: type.__repr__(5)
except TypeError as e: print(e)
try: type.__repr__()
except TypeError as e: print(e)
try: type.__repr__(int, 1)
except TypeError as e: print(e)
