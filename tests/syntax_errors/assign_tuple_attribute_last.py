*1, a.b = x
