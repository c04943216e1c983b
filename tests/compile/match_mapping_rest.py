def f(config):
    match config:
        case {'type': 'user', 'name': name, **extra}:
            return name, extra
        case {'type': 'group', 'members': [*members]}:
            return len(members)
        case {'type': _}:
            return 'typed'
        case {}:
            return 'empty'


print(f({'type': 'user', 'name': 'a', 'x': 1}), f({'type': 'group', 'members': [1, 2]}), f({'type': 3}), f({}))
