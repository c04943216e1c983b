"""Module doc."""


def f():
    """Function doc."""
    return 1


class C:
    """Class doc."""

    def m(self):
        """Method doc."""


async def a():
    """Async doc."""


print(__doc__, f.__doc__, C.__doc__, C.m.__doc__, a.__doc__)
