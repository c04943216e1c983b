def outer():
    a = 0

    def mid():
        nonlocal a
        a += 1

        def inner():
            nonlocal a
            a += 10
            return a

        return inner()

    mid()
    return a


print(outer())
