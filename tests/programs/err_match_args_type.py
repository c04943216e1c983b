# __match_args__ of the wrong type, found when a positional sub-pattern needs it.


class Record:
    __match_args__ = ["id", "name"]

    def __init__(self, id, name):
        self.id = id
        self.name = name


r = Record(1, "one")
match r:
    case Record(id=1, name=n):
        print("by keyword works:", n)
match r:
    case Record(1, n):
        print("unreachable", n)
