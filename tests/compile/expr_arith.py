a = 7
b = 3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a << 1, a >> 1, a & b, a | b, a ^ b, ~a, -a, +a)
print(not a, a and b, a or b)
c = 2 ** 10 - 1
d = -5 % 3
e = 1.5 * 2
f = 'ab' * 3
g = (1, 2) + (3,)
