# An instance of a str subclass is a substring operand of `in` like a str.
class S(str):
    pass
print(S("b") in "abc", S("z") in "abc", S("") in "", S("ab") in S("xaby"))
print("b" in S("abc"), S("é") in "café")
try:
    3 in "abc"
except TypeError as e:
    print("TypeError:", e)
