# Indexing, slicing and searching a long non-ASCII str.
s = "".join(chr(0x3b1 + i % 20) + "x" for i in range(5000))
print(len(s), s[0], s[9999], s[-1], s[5001], s[4000:4006])
total = 0
for i in range(0, len(s), 7):
    total += ord(s[i])
print(total)
print(s.find("x", 9000), s.find("β", 5000), s.rfind("α"), s.index("γx", 7000), s.count("αx", 100, 2000))
print(s[9990:], s[-3:], s[5:1], s[123:129:2], len(s[1000:8000]))
parts = [s[i:i + 64] for i in range(0, len(s), 64)]
print(len(parts), "".join(parts) == s, parts[-1][-4:])
