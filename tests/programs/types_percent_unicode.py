print("é%sü%d€" % ("x", 5))
try:
    print("é%ü" % 1)
except ValueError as e:
    print(e)
print(b"\xff%s" % b"a")
