def f(x):
    match x:
        case {'point': [a, b], 'meta': {'tag': str() as tag}}:
            return ('tagged', a, b, tag)
        case [[a, b], [c, d]]:
            return a + b + c + d
        case (1 | 2 | 3) as small:
            return ('small', small)
        case float() | complex():
            return 'number'
        case {**rest} if not rest:
            return 'empty mapping'
        case _:
            return None


print(f({'point': [1, 2], 'meta': {'tag': 't'}}), f([[1, 2], [3, 4]]), f(2), f(1.5), f({}), f('z'))
