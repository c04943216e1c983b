# The lesson: `x = 10 + 20` is folded to 30 at compile time.
x = 10 + 20
print(x)
