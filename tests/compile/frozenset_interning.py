# CPython rebuilds a frozenset constant when interning replaces one of its
# strings by an equal identifier interned earlier; the rebuild can reorder it.
def paint(colour8):
    return colour8 in {'colour0', 'colour1', 'colour2', 'colour8'}


def plain(x):
    return x in {'colour0', 'colour1', 'colour2', 'colour18'}


def keywords(word):
    return word in {'True', 'None', 'False'}


for name in ('colour8', 'colour18', 'None', 'x'):
    print(name, paint(name), plain(name), keywords(name))
