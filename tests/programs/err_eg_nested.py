# An uncaught group with nested groups, chained members and notes.
def fail(n):
    raise ValueError(f"bad {n}")

def collect():
    errors = []
    for i in range(3):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    try:
        try:
            {}["missing"]
        except KeyError as k:
            raise TypeError("while looking up") from k
    except TypeError as t:
        t.add_note("note on a member")
        errors.append(t)
    inner = ExceptionGroup("inner", [OSError("disk"), ZeroDivisionError("zero")])
    errors.append(inner)
    eg = ExceptionGroup("many problems", errors)
    eg.add_note("first note\nsecond line")
    eg.add_note("another")
    raise eg

collect()
