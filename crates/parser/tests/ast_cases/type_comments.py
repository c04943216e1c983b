# Type comments, as `python3 -m ast` keeps them (type_comments=True).
import os  # type: ignore
import sys  # type: ignore[import]
x = []  # type: list[int]
a = b = {}  #type:dict   
c = (yield_ := 1)  # type: int
d = 1; e = 2  # type: int
f = \
    3  # type: int
g = 1  # type: ignored
h = 1  # type: ignore-this
i = 1  #  type  :  ignore
j = [1,  # type: ignore
     2]
# type: ignore


def plain(a, b):  # type: (int, str) -> None
    pass


def next_line(a, b):
    # type: (int, str) -> None
    return a


def per_argument(a,  # type: int
                 b=2,  # type: str
                 *args,  # type: float
                 c,  # type: bytes
                 d=4,
                 **kwargs  # type: object
                 ):
    # type: (...) -> None
    pass


def positional(a,  # type: int
               /, b):
    pass


async def coroutine():  # type: () -> None
    async for x in y:  # type: int
        pass
    async with a as b:  # type: int
        pass


for k in range(3):  # type: int
    pass
else:
    pass
with open(x) as fp, open(y):  # type: ignore
    pass
with (a, b):  # type: tuple
    pass
with (a as b, c):
    pass
if x:
    pass
    # type: ignore
def one_line(): pass
