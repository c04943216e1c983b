def append(x, lst=[]):
    lst.append(x)
    return lst


def kw(*, d={}):
    d['n'] = d.get('n', 0) + 1
    return d


append(1)
print(append(2), kw(), kw())
