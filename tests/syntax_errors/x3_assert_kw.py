assert x, y, z
