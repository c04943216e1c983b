# Two value patterns for the same mapping key: ValueError at run time.


class Keys:
    NAME = "name"
    ALSO_NAME = "name"


config = {"name": "pith", "version": 1}
match config:
    case {"version": 2}:
        print("v2")
    case {
        Keys.NAME: str(name),
        Keys.ALSO_NAME: _,
    }:
        print(name)
