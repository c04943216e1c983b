# Raised two frames down, caught in the caller of the caller.
def inner(x):
    if x < 0:
        raise ValueError("negative")
    return x

def middle(x):
    return inner(x) * 2

def outer():
    try:
        return middle(-1)
    except ValueError as e:
        print("caught", e)
        return 0

print(outer())
