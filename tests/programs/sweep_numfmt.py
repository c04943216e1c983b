import math
vals = []
x = 0.1
for i in range(200):
    x = (x * 3.7 + 0.13) % 1000.0
    vals.append(x)
    vals.append(x / 7e10)
    vals.append(x * 1e18)
out = []
for v in vals:
    out.append(f"{v!r} {v:.3f} {v:e} {v:g} {v:.10g} {round(v, 3)} {int(v)} {v:,.2f} {v:%}"[:200])
print("\n".join(out[:600:7]))
print(sum(vals), math.fsum(vals), max(vals), min(vals))
for n in [0, 1, -1, 7, 2**31, 2**63 - 1, 2**63, -2**63, 2**64, 10**18, 10**19, 3**40, -(7**30)]:
    print(n, n // 7, n % 7, -n // 3, n * n, n >> 3, n << 5, float(n), n / 3, divmod(n, -5), hex(n), n.bit_length(), str(n)[::-1][:5], f"{n:_}", f"{n:+,}")
print(2 ** 200 // 3 ** 50, (2 ** 200) % (3 ** 50), pow(7, 10**5, 10**9 + 7), (-2) ** 63, (-2) ** 64, 10 ** 20 / 10 ** 10, 2 ** 0.5 ** 2)
print(float(2**1000) if 2**1000 < 1e308 else "big", 1e308 + 1e308, -1e308 * 10, 1e-320, 5e-324 / 2, 1.0000000000000002, 0.30000000000000004)
print(int("1" * 30) * int("9" * 30), int("-" + "1" * 25) // 7, abs(int("-" + "3" * 40)) % 97)
print(round(1e15 + 0.5), round(-2.5), round(3.5), round(0.1 + 0.2, 1), round(12345.6789, -2), round(-0.45, 1), round(2.345, 2))
print(7 / 2, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, math.fmod(-7.5, 2), 1e20 % 3, 2.0 ** 100, 10.0 ** -5)
