print("start")
result = 1 + "1"
