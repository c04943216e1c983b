a, b, c, d = 1, 0, 2, None
print(a and b or c)
print((a or b) and c)
print(a and (b or c) and d)
print(not (a and b))
print(a or b or c or d)
x = a if b else c if d else 5
print(x)
if (a and b) or (c and not d):
    print('yes')
while a and not b:
    a -= 1
