match (x):
    case {1: _, "a": [*_], None: None, True: t, a.b: c}:
        pass
    case Cls() | Cls(a, b) | Cls(a, b=c, d=e,):
        pass
    case [a, [b, c], (d,), (e, f), *g]:
        pass
    case (1 | 2) as n if n:
        pass
    case -0j | -1 + 2j | 1.5 - 0.5j:
        pass
    case "a" "b" | b"c":
        pass
    case x if (y := x):
        pass
match x,:
    case _:
        pass
match *a, b:
    case [*_]:
        pass
match -x:
    case {**rest}:
        pass
