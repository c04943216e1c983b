def f(cmd):
    match cmd.split():
        case ['go', direction] if direction in ('north', 'south'):
            return f'going {direction}'
        case ['go', _]:
            return 'bad direction'
        case ['look'] | ['l']:
            return 'looking'
        case ['take', *items] if items:
            return f'taking {items}'
        case [('drop' | 'throw') as verb, obj]:
            return f'{verb} {obj}'
        case _:
            return 'unknown'


for c in ['go north', 'go up', 'look', 'l', 'take a b', 'take', 'drop x', 'throw y', 'dance']:
    print(f(c))
