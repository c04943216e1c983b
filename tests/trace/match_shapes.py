class P:
    __match_args__ = ("x",)

    def __init__(self, x):
        self.x = x


for v in [[1, 2], {"k": 3, "j": 4}, P(5), "s"]:
    match v:
        case [a, *rest]:
            print("seq", a, rest)
        case {"k": k, **others}:
            print("map", k, others)
        case P(x) if x > 1:
            print("class", x)
        case str() | bytes():
            print("text")
