# Raising inside except* and re-raising the rest: the printed structure.
def work():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])

try:
    work()
except* ValueError:
    raise KeyError("replacement")
except* TypeError:
    raise
