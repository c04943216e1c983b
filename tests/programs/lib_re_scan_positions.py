# Matching at successive positions of one long string stays linear (json's scanner).
import json
import re

words = re.compile(r"\w+")
text = " ".join(f"w{i}" for i in range(30000))
pos, count = 0, 0
while m := words.search(text, pos):
    count += 1
    pos = m.end()
print(count)
data = [{"id": i, "name": f"item{i}", "tags": ["a", str(i % 7)]} for i in range(3000)]
s = json.dumps(data)
print(len(s), json.loads(s)[1234])
