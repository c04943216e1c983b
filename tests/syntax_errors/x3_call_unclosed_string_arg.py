print("a, b)
