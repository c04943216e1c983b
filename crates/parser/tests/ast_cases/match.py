match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2) | Point(3, 4):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case [1, 2, *rest]:
        pass
    case (a, b) as c if c > 1:
        pass
    case -1 | 1.5 | 2 + 3j | -2 - 1j | "s" "t" | b"x":
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case _:
        pass
match = 1
match(x)
case = 2
match x, y:
    case *_, 1:
        pass
    case {}:
        pass
    case ():
        pass
    case []:
        pass
