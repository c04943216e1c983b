result = (
    1 +
    2 *
    3
)
call = max(
    1,
    2,
    key=lambda v: -v,
)
lst = [
    x
    for x in range(3)
    if x
]
d = {
    'a': 1,
    'b': (
        2
    ),
}
print(result, call, lst, d)
