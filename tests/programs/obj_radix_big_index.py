# bin(), oct() and hex() of an object whose __index__ returns an int past
# 64 bits print the whole number.
class Big:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
for n in (-(2**65), 2**70 + 5, 7, -1):
    print(bin(Big(n)), oct(Big(n)), hex(Big(n)))
