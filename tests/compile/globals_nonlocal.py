counter = 0


def bump():
    global counter
    counter += 1
    return counter


def outer():
    x = 1

    def mid():
        def inner():
            nonlocal x
            x = 2
        inner()
        return x

    return mid()


bump()
print(counter, outer())
