def compute(a, b):
    return (a +
            b)

compute(1, "x")
