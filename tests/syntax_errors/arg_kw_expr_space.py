f(a.b =2)
