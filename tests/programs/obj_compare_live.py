# Lists compare as they are while the items' __eq__ run; slices compare
# their fields through __eq__ (identity first), and order as tuples do.


class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented


class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented


class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented


list1 = [X()]
list2 = [Y()]
print(list1 == list2, list1, list2)
list3 = [Z()]
list4 = [1]
print(list3 == list4, list3 != list4)
list3 = [Z(), 5]
print(list3 < [1, 2], list3)


class Exc(Exception):
    pass


class BadCmp:
    def __eq__(self, other):
        raise Exc('eq')


s1 = slice(BadCmp())
s2 = slice(BadCmp())
print(s1 == s1)
try:
    s1 == s2
except Exc as e:
    print('Exc', e)
print(slice(1, 2, 3) == slice(1, 2, 3), slice(1, 2, 3) != slice(1, 2, 4))
print(slice(1, 2) < slice(1, 3), slice(2) > slice(1), slice(1) == (None, 1, None))
