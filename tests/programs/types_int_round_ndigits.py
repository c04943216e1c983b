# int.__round__ reads ndigits as an index: None is refused there, while
# round() treats None as "no digits".
for nd in (None, 0, -1, 2, True):
    try:
        print(repr(nd), (1234).__round__(nd))
    except TypeError as e:
        print(repr(nd), "TypeError", e)
print(round(1234, None), round(1235, -1), (7).__round__(), (2.5).__round__(None))
print(True.__round__(), type(True.__round__()))
try:
    (5).__round__(1.0)
except TypeError as e:
    print("TypeError", e)
