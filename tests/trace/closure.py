def make_adder(n):
    def add(x):
        return x + n
    return add

add2 = make_adder(2)
print(add2(40))
