x = 1
if x is 1:
    pass
y = x is not "a"
z = 1 is x
w = x is None or x is True or x is ... or x is False
v = 0 < x is 2 < 3
u = x is -1
t = x is ()
s = x is (1, 2)
r = x is not b"b"
q = [i for i in range(3) if i is 0]
def f(a):
    return a is 1.5
g = lambda a: a is 2j
while x is 3:
    break
assert x is not 4
p = (x
     is
     5)
o = x == 1 is 1
