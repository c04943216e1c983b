x = (a.b = 1
y = 2
