x = (1 2)
if y:
        a = 1
    b = 2
