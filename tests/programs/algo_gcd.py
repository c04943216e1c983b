# math.gcd on machine ints, big ints, bools and the edge of i64, and its
# errors; a coprime count over a range (the Farey-sequence loop of many
# number-theory programs) in reasonable time.
import math

print(math.gcd(), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(True, 4))
print(math.gcd(-2**63, 0), math.gcd(-2**63, 2**62), math.gcd(2**64, 2**63))
print(math.gcd(7), math.gcd(-7), math.gcd(12, 18, -8), math.gcd(0, -5))
print(math.gcd(2**100 * 3, 2**90 * 9), math.gcd(9223372036854775807, 3))
print(type(math.gcd(True)), math.gcd(False, False))


class Idx:
    def __index__(self):
        return 42


print(math.gcd(Idx(), 56))
for bad in [(1.5,), (4, "6"), (None, 2)]:
    try:
        math.gcd(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    math.gcd(a=1)
except TypeError as e:
    print("TypeError:", e)

count = 0
limit = 3000
for d in range(2, limit + 1):
    for n in range(d // 3 + 1, (d + 1) // 2):
        if math.gcd(n, d) == 1:
            count += 1
print(count)
