False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield
match x:
    case [a, *_]:
        pass
match = case = _ = 1
type = 2
