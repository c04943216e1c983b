def grow(x):
    return x ** 5000

print(grow(1.0))
print(grow(2.0))
