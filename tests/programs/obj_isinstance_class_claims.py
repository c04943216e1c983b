class A: pass
class B(A): pass
class P:
    @property
    def __class__(self): return B
class G:
    def __getattribute__(self, n):
        if n == '__class__': return A
        return object.__getattribute__(self, n)
class Q(P): pass
print(isinstance(A(), B), isinstance(B(), A), isinstance(P(), A), isinstance(Q(), B), isinstance(G(), A), isinstance(G(), B))
class R: pass
r = R()
print(isinstance(r, A))
S = type('S', (R,), {'__class__': property(lambda self: A)})
print(isinstance(S(), A), isinstance(S(), (B, A)), isinstance(S(), R))
