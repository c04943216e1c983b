f(b, key = x for x in y)
