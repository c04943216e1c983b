f(x=yield)
