f(None =2)
