# The compiler folds constant expressions; some it leaves for run time.
SECONDS = 24 * 60 * 60
NEG = -1
PAIR = (1, 2)
BIG = 2 ** 10
TOO_BIG = len("ab" * 3000)

def never():
    return 1 / 0

print(SECONDS, NEG, PAIR, BIG, TOO_BIG)
