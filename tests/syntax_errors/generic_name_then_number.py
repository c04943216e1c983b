x = y 1
