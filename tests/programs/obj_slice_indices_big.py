# slice.indices on ints of any size, and __index__ members.
import itertools


class I:
    def __index__(self):
        return 3


vals = [None, -2**100, -53, -1, 0, 1, 53, 2**100]
for length in (0, 7, 2**100):
    rows = []
    for args in itertools.product(vals, repeat=3):
        try:
            rows.append(slice(*args).indices(length))
        except ValueError as e:
            rows.append(str(e))
    print(length, len(rows), hash(tuple(map(str, rows))) == hash(tuple(map(str, rows))))
    for r in rows[::37]:
        print(' ', r)
print(slice(I(), None, I()).indices(I()))
for bad in ((slice(0, 'x'), 5), (slice(0), -1), (slice(0), 'x'), (slice(0, 1, 0), 3)):
    try:
        bad[0].indices(bad[1])
    except Exception as e:
        print(type(e).__name__, e)
