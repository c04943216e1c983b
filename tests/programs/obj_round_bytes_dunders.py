# int.__round__, float.__round__ and bytes.__bytes__ exist as methods (typing.SupportsRound and SupportsBytes look for them).
print(float.__round__.__doc__)
print(int.__round__.__doc__)
print(bytes.__bytes__.__doc__)
class F(float): pass
class B(bytes): pass
print(round(F(2.5)), F(2.567).__round__(2), type(B(b'x').__bytes__()).__name__, B(b'xy').__bytes__())
try: (1.5).__round__(1, 2)
except TypeError as e: print(e)
try: (1).__round__(ndigits=2)
except TypeError as e: print(e)
try: float.__round__(1)
except TypeError as e: print(e)
print((1234).__round__(-2), (True).__round__(), round(True))
