café = 'coffee'
naïve = 1
π = 3.14159


def größe(x):
    return x * 2


print(café, naïve, π, größe(2))
