CONST = "c"
def double(x):
    return 2 * x
