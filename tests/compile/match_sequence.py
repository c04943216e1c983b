def f(p):
    match p:
        case []:
            return 'empty'
        case [x]:
            return f'one {x}'
        case [x, y]:
            return f'two {x} {y}'
        case [x, *rest]:
            return f'many {x} {rest}'
        case (a, b, *_, c):
            return 'never'


print(f([]), f([1]), f([1, 2]), f([1, 2, 3]), f('ab'))
