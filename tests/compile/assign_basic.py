x = 1
y = x + 2
a = b = c = 'text'
x += 3
del y
print(x, a)
