# math.isclose converts arguments given by keyword like positional ones:
# a float subclass is its value, another object goes through __float__.
import math
class F(float):
    pass
class G:
    def __float__(self):
        return 0.5
print(math.isclose(1.0, 1.2, abs_tol=F(0.25)), math.isclose(1.0, 1.2, abs_tol=G()))
print(math.isclose(a=F(1.0), b=G(), rel_tol=G()), math.isclose(G(), b=0.5))
try:
    math.isclose(1.0, 1.0, abs_tol="x")
except TypeError as e:
    print("TypeError:", e)
