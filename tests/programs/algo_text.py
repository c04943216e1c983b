text = """Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod
tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam."""
words = text.split()
print(len(words), len(set(w.lower().strip(".,") for w in words)), max(words, key=len), min(words, key=len))
vowels = sum(text.lower().count(v) for v in "aeiou")
print(vowels, sum(c.isalpha() for c in text), sum(1 for c in text if c.isspace()), text.count("\n"))
caps = " ".join(w.capitalize() for w in words[:5])
print(caps, caps.istitle(), text[:20].upper(), text[-10:].lower())
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym, "radar"[::-1] == "radar", sorted(set("mississippi"), key="mississippi".index))
counts = {}
for ch in text.lower():
    if ch.isalpha():
        counts[ch] = counts.get(ch, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print("\n".join(f"{c}: {'*' * n}" for c, n in top))
sentence = "The rain in Spain stays mainly in the plain"
print([i for i in range(len(sentence)) if sentence.startswith("ain", i)], sentence.replace("ain", "AIN", 2))
print(sentence.split("ain"), "ain".join(sentence.split("ain")) == sentence, sentence.lower().count("the"))
pig = " ".join(w[1:] + w[0] + "ay" if w[0].lower() not in "aeiou" else w + "way" for w in sentence.split())
print(pig)
print(" | ".join(f"{w:^9}" for w in sentence.split()[:4]), "|")
table = [["Name", "Age", "City"], ["Alice", 30, "NYC"], ["Bob", 4, "Los Angeles"]]
widths = [max(len(str(r[i])) for r in table) for i in range(3)]
for r in table:
    print("| " + " | ".join(str(v).ljust(w) if isinstance(v, str) else str(v).rjust(w) for v, w in zip(r, widths)) + " |")
print("+" + "+".join("-" * (w + 2) for w in widths) + "+")
encoded = "".join(chr((ord(c) - 32 + 5) % 95 + 32) for c in "Hello, World!")
print(encoded, "".join(chr((ord(c) - 32 - 5) % 95 + 32) for c in encoded))
print(ord("a") - ord("A"), [chr(i) for i in range(ord("a"), ord("f"))], "".join(chr(ord(c) ^ 32) for c in "SwapCase"))
bits = "".join(format(ord(c), "08b") for c in "Hi")
print(bits, "".join(chr(int(bits[i:i + 8], 2)) for i in range(0, len(bits), 8)))
print("%-15s%10s" % ("Item", "Price"))
for name, price in [("Coffee", 3.5), ("Bagel w/ cream cheese", 4.25)]:
    print("%-15.15s%10.2f" % (name, price))
