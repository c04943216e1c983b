class M:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, o):
        return M(self.v * o.v)

    def __imatmul__(self, o):
        self.v += o.v
        return self


a = M(2) @ M(3)
a @= M(1)
print(a.v)
