# The same bytecode adds ints and joins strings: BINARY_OP decides at run time.
def test(a, b):
    c = a + b
    return c

print(test(2, 3))
print(test("py", "th"))
