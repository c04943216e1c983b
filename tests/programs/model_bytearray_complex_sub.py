# Subclasses of bytearray and complex: construction, __init__, methods, repr.
class BA(bytearray):
    def __init__(self, *a):
        print("init", a); super().__init__(*a)
b = BA(b"xy"); print(b, len(b), b[0], b + b"z", type(b + b"z").__name__, b.upper(), isinstance(b, bytearray))
b.append(65); b.extend(b"BC"); b[0] = 120; print(b, bytes(b), b == bytearray(b"xyABC"), b.decode())
class BA2(bytearray): pass
c = BA2(3); print(c, BA2("é", "utf-8"), BA2([1, 2]))
class C(complex):
    def norm(self): return abs(self)
z = C(3, 4); print(z, z.norm(), z + 1, type(z + 1).__name__, z.real, z.imag, C("1+2j"), repr(C(1)), hash(C(1, 0)) == hash(1))
