def grade(s):
    return 'A' if s >= 90 else 'B' if s >= 80 else 'C' if s >= 70 else 'F'


print([grade(s) for s in (95, 85, 75, 10)])
x = 1
y = (x if x > 0 else -x) + (0 if not x else 1)
print(y)
