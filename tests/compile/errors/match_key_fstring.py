match x:
    case [1, {f"a": 1}]:
        pass
