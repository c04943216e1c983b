f(exec code, 2)
