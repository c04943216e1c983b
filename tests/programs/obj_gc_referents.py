# gc.get_referents visits what CPython's tp_traverse visits, in its order.
import gc

print(gc.get_referents([1, "a", 2.0]), gc.get_referents((1, "b")))
print(gc.get_referents({"a": 1, "b": 2}), gc.get_referents({1: "x", 2: "y"}))
print(gc.get_referents({1, 2, 3}), gc.get_referents(1, "x", None), gc.get_referents())
inner = [0]
print(gc.get_referents([inner], (inner,))[0] is inner)
