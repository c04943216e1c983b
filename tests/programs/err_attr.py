value = 5
value.append(6)
