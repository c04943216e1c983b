total = 1class
