def f():
    s = 'x'
    t = s
    s += 'y'
    print(s, t)
    u = 'a'
    for i in range(5):
        u += str(i)
        v = u
    print(u, v)
    w = 'é'
    w += 'ß'; w = w + '!'
    print(w, len(w), hash(w) == hash('éß!'))
    z = ''
    d = {z: 1}
    z += 'k'
    print(d, z)
    q = 'ab'
    q += q
    print(q)
    q += '\udc80'
    print(repr(q), len(q))
f()


def build(n):
    # Grows in place: linear, where a copy per step would be quadratic.
    s = ''
    for i in range(n):
        s += 'ab'
    return s


print(len(build(200000)))
