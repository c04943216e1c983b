def make(a, b=2):
    def get():
        return a + b
    a += 1
    return get


def counter_factory():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = 0

    return inc, reset


inc, reset = counter_factory()
inc()
inc(5)
print(make(1)(), inc())
reset()
print(inc())
