lambda a,  # type: int
: 1
