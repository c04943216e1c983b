f() = x, y
