[x, y for x in xs]
