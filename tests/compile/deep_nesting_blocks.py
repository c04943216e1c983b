def f(data):
    out = []
    for row in data:
        if row:
            for x in row:
                try:
                    if x > 0:
                        with open(__file__) as fh:
                            while x:
                                x -= 1
                                if x == 1:
                                    break
                            out.append(x)
                except TypeError:
                    continue
    return out


print(f([[1, 2], [], [3, 'a']]))
