count = 0
count == 2:
    print(count)
