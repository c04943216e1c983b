def total(a, b, c):
    return a * 2 + b // c

print(total(1, 2, 3))
print(total(1, 2, 0))
