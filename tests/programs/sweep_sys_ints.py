import sys
print(sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), len(str(2 ** 100000)))
sys.set_int_max_str_digits(maxdigits=5000)
print(sys.get_int_max_str_digits(), len(str(10 ** 4999)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
try:
    int("1" * 6000)
except ValueError as e:
    print(e)
a = []
b = a
print(sys.getrefcount(a))
