def f():
    return [i for i in range(5) if (j := 0) for k[j + 1] in range(5)]
