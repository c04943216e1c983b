x = [a "b"]
