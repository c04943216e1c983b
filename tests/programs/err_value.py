numbers = ["1", "2", "x"]
total = 0
for n in numbers:
    total += int(n)
