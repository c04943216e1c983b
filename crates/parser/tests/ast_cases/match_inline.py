match command:
    case "quit": stop()
    case [1, *rest]: handle(rest); done = True
    case {"a": v} if v: pass
    case Point(x=0, y=0): print("origin")
    case _: fallback()

def f(x):
    match x:
        case 1: return "one"
        case case: return case

match = 1
case = 2
match, case = case, match
