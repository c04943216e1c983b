def pick(a, b):
    return a and b or "neither"

print(pick(1, 2), pick(0, 2), pick(None, 0))
