n = 10
steps = 0
while n != 1:
    if n % 2:
        n = 3 * n + 1
    else:
        n //= 2
    steps += 1
print(steps)
i = 0
while i < 3 and steps:
    i += 1
while not i:
    pass
