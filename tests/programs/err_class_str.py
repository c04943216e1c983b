class Fancy(ValueError):
    def __str__(self):
        return "fancy message"


try:
    raise Fancy("x")
except ValueError as e:
    raise RuntimeError("outer") from e
