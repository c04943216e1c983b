# round()'s and __import__()'s keyword arguments, open()'s refusal of NUL
# in file names.
for f in [
    lambda: open("a\x00b"),
    lambda: open(b"a\x00b"),
    lambda: round(number=-8.0, ndigits=-1),
    lambda: round(number=2.5),
    lambda: round(1.5, number=2),
    lambda: round(),
    lambda: round(1, 2, 3),
    lambda: __import__("sys", name="sys"),
    lambda: __import__(name="sys").__name__,
]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
